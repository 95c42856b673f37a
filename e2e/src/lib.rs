//! End-to-end browser tests of the built app: a static file server for `dist/` and headless
//! Chromium driven over WebDriver (fantoccini), closed by a drop guard.
//!
//! The tests in `tests/` use these pieces; `cargo xtask test` builds `dist/` first and sets
//! the environment variables read here. Benchmarks can reuse [`StaticServer`] and [`Browser`].

#![deny(missing_docs)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use fantoccini::{Client, Locator};
use serde_json::{json, Value};

/// How long to wait for the app to become ready after a navigation.
pub const READY_TIMEOUT: Duration = Duration::from_secs(30);

/// The workspace root (parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("e2e lives one level below the workspace root")
        .to_path_buf()
}

fn env_path(var: &str, default: impl FnOnce() -> PathBuf) -> PathBuf {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map_or_else(default, PathBuf::from)
}

/// The built app to test: `$DOSSIER_DIST`, else `dist/` in the workspace.
pub fn dist_dir() -> PathBuf {
    env_path("DOSSIER_DIST", || workspace_root().join("dist"))
}

/// The build made with `--public-url $DOSSIER_SUBPATH`: `$DOSSIER_SUBPATH_DIST`, else
/// `target/dist-subpath`.
pub fn subpath_dist_dir() -> PathBuf {
    env_path("DOSSIER_SUBPATH_DIST", || {
        workspace_root().join("target").join("dist-subpath")
    })
}

/// The build of the hostile fixture corpus (`tests/fixtures/hostile`, built with
/// `DOSSIER_CORPUS`): `$DOSSIER_HOSTILE_DIST`, else `target/dist-hostile`.
pub fn hostile_dist_dir() -> PathBuf {
    env_path("DOSSIER_HOSTILE_DIST", || {
        workspace_root().join("target").join("dist-hostile")
    })
}

/// The seeds built with `DOSSIER_BODIES=chunked` (bodies in `bodies/*.gz`, fetched on demand):
/// `$DOSSIER_CHUNKED_DIST`, else `target/dist-chunked`.
pub fn chunked_dist_dir() -> PathBuf {
    env_path("DOSSIER_CHUNKED_DIST", || {
        workspace_root().join("target").join("dist-chunked")
    })
}

/// Installed before the page's own scripts by [`Browser::watch`]: records dialogs (and
/// refuses them), Content Security Policy violations and uncaught errors in `window.__watch`.
pub const WATCH_JS: &str = r#"
(() => {
  const w = { dialogs: [], csp: [], errors: [] };
  Object.defineProperty(window, "__watch", { value: w });
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => { w.dialogs.push(name + ": " + args.join(" ")); return null; };
  }
  addEventListener("securitypolicyviolation", e =>
    w.csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " in " + e.sourceFile));
  addEventListener("error", e => w.errors.push(String(e.message || e.type)), true);
  addEventListener("unhandledrejection", e => w.errors.push("unhandled rejection: " + e.reason));
})();
"#;

/// Lists what would mean page content became live: `window.__pwned` set, an `on*` attribute,
/// a `javascript:` or `data:` URL in a link or source, or an element the app never renders
/// (`iframe`, `object`, `embed`, `img`, `b`, a script other than the loader).
pub const INERT_JS: &str = r##"
const bad = [];
if (window.__pwned !== undefined) bad.push("window.__pwned = " + window.__pwned);
for (const el of document.querySelectorAll("*")) {
  for (const a of el.attributes) {
    if (/^on/i.test(a.name)) bad.push(el.tagName + " has " + a.name);
    if (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\s*(javascript|data):/i.test(a.value))
      bad.push(el.tagName + " " + a.name + "=" + a.value);
  }
}
for (const el of document.querySelectorAll("iframe, object, embed, img, b, script:not([data-dossier-js])"))
  bad.push("unexpected <" + el.tagName.toLowerCase() + ">");
return bad;"##;

/// The URL prefix the sub-path build was made for: `$DOSSIER_SUBPATH`, else `/some/path/`.
pub fn subpath() -> String {
    std::env::var("DOSSIER_SUBPATH")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "/some/path/".to_string())
}

/// Whether a built app exists in `dir`. When it does not, a test should return early after
/// calling this, unless `DOSSIER_E2E_REQUIRE` is set (as `cargo xtask test` does), in which
/// case this panics: in CI a missing build is a failure, not a skip.
pub fn built(dir: &Path) -> bool {
    if dir.join("index.html").is_file() {
        return true;
    }
    let msg = format!(
        "{} has no index.html: build the app first (`cargo xtask build`, or run everything \
         with `cargo xtask test`)",
        dir.display()
    );
    if std::env::var_os("DOSSIER_E2E_REQUIRE").is_some() {
        panic!("{msg}");
    }
    // Straight to stderr, past the test harness's output capture, so the skip is seen.
    let _ = writeln!(std::io::stderr(), "SKIPPED: {msg}");
    false
}

/// A static file server for a built `dist/` on a free 127.0.0.1 port, under a URL prefix.
///
/// Serves `GET` and `HEAD`, `.wasm` as `application/wasm`, a folder as its `index.html`, and
/// nothing outside the prefix. Stops when dropped.
pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    stop: Arc<AtomicBool>,
    requests: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `dir` under `prefix` (which starts and ends with `/`).
    pub fn start(dir: &Path, prefix: &str) -> std::io::Result<StaticServer> {
        assert!(
            prefix.starts_with('/') && prefix.ends_with('/'),
            "prefix must start and end with /: {prefix}"
        );
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(AtomicUsize::new(0));
        let root = Arc::new(dir.to_path_buf());
        let thread = {
            let stop = stop.clone();
            let requests = requests.clone();
            let prefix = prefix.to_string();
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    requests.fetch_add(1, Ordering::SeqCst);
                    let root = root.clone();
                    let prefix = prefix.clone();
                    std::thread::spawn(move || {
                        let _ = handle(conn, &root, &prefix);
                    });
                }
            })
        };
        Ok(StaticServer {
            addr,
            prefix: prefix.to_string(),
            stop,
            requests,
            thread: Some(thread),
        })
    }

    /// The URL of the app root followed by `rest` (for example `?doc=ID`).
    pub fn url(&self, rest: &str) -> String {
        format!("http://{}{}{rest}", self.addr, self.prefix)
    }

    /// How many connections were accepted so far.
    pub fn connections(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn handle(mut conn: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let response = respond(method, target, root, prefix);
    conn.write_all(&response)?;
    conn.flush()?;
    let _ = conn.shutdown(Shutdown::Write);
    // Drain what the client still sends so closing does not reset the connection.
    let _ = reader.read(&mut [0; 512]);
    Ok(())
}

/// The full HTTP response to one request.
fn respond(method: &str, target: &str, root: &Path, prefix: &str) -> Vec<u8> {
    if method != "GET" && method != "HEAD" {
        return simple(405, "Method Not Allowed", "only GET and HEAD");
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    if format!("{path}/") == prefix {
        let query = &target[path.len()..];
        return format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {prefix}{query}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .into_bytes();
    }
    let Some(rel) = path.strip_prefix(prefix) else {
        return simple(404, "Not Found", "outside the served prefix");
    };
    let Some(mut file) = safe_join(root, &percent_decode(rel)) else {
        return simple(404, "Not Found", "bad path");
    };
    if file.is_dir() {
        file = file.join("index.html");
    }
    let Ok(body) = std::fs::read(&file) else {
        return simple(404, "Not Found", "no such file");
    };
    let mut out = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        content_type(&file),
        body.len()
    )
    .into_bytes();
    if method == "GET" {
        out.extend_from_slice(&body);
    }
    out
}

fn simple(code: u16, reason: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// `root` joined with a URL path, or `None` if the path would leave `root`.
fn safe_join(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut out = root.to_path_buf();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The `Content-Type` for a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "gz" => "application/gzip",
        _ => "application/octet-stream",
    }
}

/// Headless Chromium under chromedriver, with a fresh profile. Dropping it ends the WebDriver
/// session (which closes the browser), stops chromedriver and removes the profile.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    driver_port: u16,
    session: Option<String>,
    profile: PathBuf,
}

static PROFILES: AtomicUsize = AtomicUsize::new(0);

/// Chromium flags that work as root on a machine without network access.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
];

impl Browser {
    /// Starts chromedriver (`$CHROMEDRIVER`, else `/usr/bin/chromedriver`) on a free port and
    /// opens a session in Chromium (`$CHROMIUM`, else `/usr/bin/chromium`).
    pub async fn launch() -> Result<Browser, String> {
        Browser::launch_with(&[]).await
    }

    /// [`Browser::launch`] with more Chromium flags after [`CHROMIUM_FLAGS`].
    pub async fn launch_with(extra: &[&str]) -> Result<Browser, String> {
        let chromium = env_path("CHROMIUM", || "/usr/bin/chromium".into());
        let chromedriver = env_path("CHROMEDRIVER", || "/usr/bin/chromedriver".into());
        let port = free_port().map_err(|e| format!("no free port: {e}"))?;
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start {}: {e} (install chromium-driver, or set CHROMEDRIVER)",
                    chromedriver.display()
                )
            })?;
        let profile = std::env::temp_dir().join(format!(
            "dossier-e2e-{}-{port}-{}",
            std::process::id(),
            PROFILES.fetch_add(1, Ordering::SeqCst)
        ));
        // From here on the guard cleans up whatever was started.
        let mut guard = DriverGuard {
            driver: Some(driver),
            profile: profile.clone(),
        };
        std::fs::create_dir_all(&profile).map_err(|e| format!("cannot create profile: {e}"))?;
        wait_for_port(port, Duration::from_secs(20))?;

        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push(format!("--user-data-dir={}", profile.display()));
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": args },
            // Console messages (errors, CSP violations) for `Browser::console`.
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let caps = match caps {
            Value::Object(m) => m,
            _ => unreachable!(),
        };
        let client = fantoccini::ClientBuilder::new(
            hyper_util::client::legacy::connect::HttpConnector::new(),
        )
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|e| format!("cannot open a Chromium session via chromedriver: {e}"))?;
        let session = client.session_id().await.ok().flatten();
        Ok(Browser {
            client,
            driver: guard.driver.take().expect("driver still owned by guard"),
            driver_port: port,
            session,
            profile,
        })
    }

    /// Opens `url` and waits until the app is ready (see [`Browser::wait_ready`]).
    pub async fn open(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("goto {url}: {e}"))?;
        self.wait_ready().await
    }

    /// Waits until `body[data-ready="true"]`, failing early with the message if the app
    /// shows `#fatal-error`, and failing after [`READY_TIMEOUT`].
    pub async fn wait_ready(&self) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let state = self
                .eval(
                    r#"const f = document.getElementById("fatal-error");
                       return { ready: document.body !== null && document.body.dataset.ready === "true",
                                fatal: f ? f.textContent : null };"#,
                )
                .await?;
            if let Some(msg) = state["fatal"].as_str() {
                return Err(format!("the app shows #fatal-error: {msg}"));
            }
            if state["ready"] == json!(true) {
                return Ok(());
            }
            if start.elapsed() > READY_TIMEOUT {
                let url = self.url().await.unwrap_or_default();
                return Err(format!(
                    "the app at {url} did not set body[data-ready=true] within {READY_TIMEOUT:?}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs `script` (a function body; `arguments` unused) in the page and returns its result.
    pub async fn eval(&self, script: &str) -> Result<Value, String> {
        self.client
            .execute(script, vec![])
            .await
            .map_err(|e| format!("script failed: {e}\n{script}"))
    }

    /// Runs `script` as the body of an async function (it may `await`) and returns what it
    /// returns; a thrown error fails with its message.
    pub async fn eval_async(&self, script: &str) -> Result<Value, String> {
        let wrapped = format!(
            "const done = arguments[arguments.length - 1];\n\
             (async () => {{ {script}\n }})().then(v => done({{ ok: v === undefined ? null : v }}), e => done({{ err: String(e && e.stack || e) }}));"
        );
        let v = self
            .client
            .execute_async(&wrapped, vec![])
            .await
            .map_err(|e| format!("script failed: {e}\n{script}"))?;
        match v.get("err") {
            Some(e) => Err(format!("script threw: {e}\n{script}")),
            None => Ok(v.get("ok").cloned().unwrap_or(Value::Null)),
        }
    }

    /// Runs axe-core (from `.tools/node_modules/axe-core`, or `$AXE_CORE_JS`) over the page and
    /// returns its serious and critical violations as `rule: target…` lines (empty when clean).
    pub async fn axe_serious(&self) -> Result<Vec<String>, String> {
        let path = env_path("AXE_CORE_JS", || {
            workspace_root().join(".tools/node_modules/axe-core/axe.min.js")
        });
        let source = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "axe-core not found at {} ({e}); `cargo xtask test` installs it",
                path.display()
            )
        })?;
        self.eval(&format!("if (!window.axe) {{ {source} }} return true;"))
            .await?;
        let found = self
            .eval_async(
                "const r = await axe.run(document, { resultTypes: ['violations'] });\n\
                 return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')\n\
                   .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);",
            )
            .await?;
        Ok(found
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Resizes the browser window (CSS pixels of the outer window).
    pub async fn resize(&self, width: u32, height: u32) -> Result<(), String> {
        self.client
            .set_window_size(width, height)
            .await
            .map_err(|e| format!("resize to {width}×{height}: {e}"))
    }

    /// Polls `script` every 50 ms until it returns something other than `null`/`false`, or
    /// fails after `timeout` naming `what`.
    pub async fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        script: &str,
    ) -> Result<Value, String> {
        let start = Instant::now();
        loop {
            // A page busy for longer than WebDriver's script timeout (a peer indexing 100,000
            // documents) is not ready yet rather than broken; the overall timeout still holds.
            let v = match self.eval(script).await {
                Err(e) if e.contains("script timeout") && start.elapsed() <= timeout => Value::Null,
                v => v?,
            };
            if !(v.is_null() || v == json!(false)) {
                return Ok(v);
            }
            if start.elapsed() > timeout {
                let url = self.url().await.unwrap_or_default();
                return Err(format!(
                    "timed out after {timeout:?} waiting for {what} (page: {url})"
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The current page URL.
    pub async fn url(&self) -> Result<String, String> {
        self.client
            .current_url()
            .await
            .map(|u| u.to_string())
            .map_err(|e| format!("current_url: {e}"))
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver
    /// (`goog/cdp/execute`) and returns its result.
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        let id = self.session.as_deref().ok_or("no WebDriver session")?;
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let path = format!("/session/{id}/goog/cdp/execute");
        let v = driver_request(self.driver_port, "POST", &path, &body)?;
        match v.get("value") {
            Some(Value::Object(o)) if o.contains_key("error") => {
                Err(format!("CDP {cmd}: {}", v["value"]))
            }
            Some(value) => Ok(value.clone()),
            None => Err(format!("CDP {cmd}: unexpected answer {v}")),
        }
    }

    /// Runs `script` in every document the tab opens from now on, before the page's own
    /// scripts (CDP `Page.addScriptToEvaluateOnNewDocument`).
    pub fn on_new_document(&self, script: &str) -> Result<(), String> {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .map(|_| ())
    }

    /// Installs [`WATCH_JS`] for every page opened from now on.
    pub fn watch(&self) -> Result<(), String> {
        self.on_new_document(WATCH_JS)
    }

    /// What [`WATCH_JS`] recorded on the current page, with the console's errors since the
    /// last call: a list of problems, empty when the page ran clean.
    pub async fn problems(&self) -> Result<Vec<String>, String> {
        let w = self
            .eval("const w = window.__watch; return w ? [w.dialogs, w.csp, w.errors] : null;")
            .await?;
        let Some([dialogs, csp, errors]) = w.as_array().map(|a| a.as_slice()) else {
            return Err("the watch script is not installed on this page".into());
        };
        let mut out = Vec::new();
        for (what, list) in [
            ("dialog", dialogs),
            ("CSP violation", csp),
            ("error", errors),
        ] {
            for v in list.as_array().into_iter().flatten() {
                out.push(format!("{what}: {}", v.as_str().unwrap_or("")));
            }
        }
        out.extend(
            self.console()?
                .into_iter()
                .filter(|l| l.starts_with("SEVERE"))
                .map(|l| format!("console: {l}")),
        );
        Ok(out)
    }

    /// Fails the test naming `when` if anything on the page became live ([`INERT_JS`]) or
    /// [`Browser::problems`] reports anything.
    pub async fn assert_inert(&self, when: &str) {
        let bad = self.eval(INERT_JS).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bad, json!([]), "{when}: something became live");
        let problems = self.problems().await.unwrap_or_else(|e| panic!("{e}"));
        assert!(problems.is_empty(), "{when}: {problems:#?}");
    }

    /// The browser console messages since the last call, as `LEVEL message` lines (errors,
    /// warnings, CSP violations, uncaught exceptions and failed loads among them).
    pub fn console(&self) -> Result<Vec<String>, String> {
        let id = self.session.as_deref().ok_or("no WebDriver session")?;
        let path = format!("/session/{id}/se/log");
        let v = driver_request(self.driver_port, "POST", &path, r#"{"type":"browser"}"#)?;
        let entries = v["value"]
            .as_array()
            .ok_or_else(|| format!("browser log: unexpected answer {v}"))?;
        Ok(entries
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e["level"].as_str().unwrap_or("?"),
                    e["message"].as_str().unwrap_or("")
                )
            })
            .collect())
    }

    /// Ends the session now (also done on drop).
    pub async fn close(mut self) {
        if self.session.take().is_some() {
            let _ = self.client.clone().close().await;
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(id) = self.session.take() {
            // A plain blocking request, so this works inside or outside an async runtime.
            delete_session(self.driver_port, &id);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Cleans up chromedriver and the profile if [`Browser::launch`] fails half-way.
struct DriverGuard {
    driver: Option<Child>,
    profile: PathBuf,
}

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(mut d) = self.driver.take() {
            let _ = d.kill();
            let _ = d.wait();
            let _ = std::fs::remove_dir_all(&self.profile);
        }
    }
}

fn delete_session(port: u16, id: &str) {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    let req = format!(
        "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if s.write_all(req.as_bytes()).is_err() {
        return;
    }
    // Wait for the whole response (the browser is closed by then), but not for the connection
    // to close: chromedriver may keep it open.
    let mut reader = BufReader::new(s);
    let mut length = 0;
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
        if line == "\r\n" {
            let _ = reader.read_exact(&mut vec![0; length]);
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        line.clear();
    }
}

/// One blocking HTTP/1.1 request to chromedriver with a JSON body; the answer parsed as JSON.
fn driver_request(port: u16, method: &str, path: &str, body: &str) -> Result<Value, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port))
        .map_err(|e| format!("cannot reach chromedriver on port {port}: {e}"))?;
    let _ = s.set_read_timeout(Some(Duration::from_secs(30)));
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes())
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let mut reader = BufReader::new(s);
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader
            .read_line(&mut line)
            .map_err(|e| format!("{method} {path}: {e}"))?;
        if n == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let mut buf = Vec::new();
    match length {
        Some(n) => {
            buf.resize(n, 0);
            reader
                .read_exact(&mut buf)
                .map_err(|e| format!("{method} {path}: {e}"))?;
        }
        None => {
            let _ = reader.read_to_end(&mut buf);
        }
    }
    serde_json::from_slice(&buf).map_err(|e| {
        format!(
            "{method} {path}: not JSON ({e}): {}",
            String::from_utf8_lossy(&buf)
        )
    })
}

/// A port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn wait_for_port(port: u16, timeout: Duration) -> Result<(), String> {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!(
        "chromedriver did not listen on port {port} within {timeout:?}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(resp: &[u8]) -> (String, String) {
        let text = String::from_utf8_lossy(resp).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        (head.to_string(), body.to_string())
    }

    #[test]
    fn serves_under_prefix_only() {
        let dir = std::env::temp_dir().join(format!("dossier-e2e-static-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        std::fs::write(dir.join("app_bg.wasm"), b"\0asm").unwrap();

        let (head, body) = body_of(&respond("GET", "/p/q/?doc=x", &dir, "/p/q/"));
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("text/html"));
        assert_eq!(body, "<p>hi</p>");

        let (head, _) = body_of(&respond("GET", "/p/q/app_bg.wasm", &dir, "/p/q/"));
        assert!(head.contains("Content-Type: application/wasm"), "{head}");

        let (head, _) = body_of(&respond("GET", "/p/q?doc=x", &dir, "/p/q/"));
        assert!(head.contains("Location: /p/q/?doc=x"), "{head}");

        for bad in ["/index.html", "/p/q/../../etc/passwd", "/p/q/missing.js"] {
            let (head, _) = body_of(&respond("GET", bad, &dir, "/p/q/"));
            assert!(head.starts_with("HTTP/1.1 404"), "{bad}: {head}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b%2"), "a b%2");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
