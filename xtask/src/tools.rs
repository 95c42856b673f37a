//! Installing the build and test tools when they are missing, and finding them when present.
//!
//! Each check runs the tool's `--version` first, so a second run costs well under a second.

use std::path::{Path, PathBuf};

use crate::run::{step, Cmd};
use crate::Result;

/// The pinned Trunk version (also named in the README).
pub const TRUNK_VERSION: &str = "0.22.1";
/// The npm package that provides `wasm-opt`, matching `wasm_opt = "version_132"` in Trunk.toml.
pub const BINARYEN: &str = "binaryen@132.0.0";
/// axe-core, the accessibility checker the browser tests inject (from npm, into `.tools/`).
pub const AXE_CORE_VERSION: &str = "4.14.1";
const WASM_OPT_VERSION: &str = "version 132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Which optional tools a command needs.
pub struct Needs {
    /// Chromium and chromedriver, for browser tests.
    pub browser: bool,
}

/// Where the browser tools are (when asked for).
pub struct Tools {
    /// The Chromium binary.
    pub chromium: PathBuf,
    /// The chromedriver binary.
    pub chromedriver: PathBuf,
}

/// Installs whatever is missing and puts `.tools/node_modules/.bin` and cargo's bin folder
/// first on `PATH` for every child process.
pub fn ensure(root: &Path, needs: Needs) -> Result<Tools> {
    step("ensure tools");
    set_path(root);
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen(root)?;
    ensure_wasm_opt(root)?;
    let tools = Tools {
        chromium: env_path("CHROMIUM", "/usr/bin/chromium"),
        chromedriver: env_path("CHROMEDRIVER", "/usr/bin/chromedriver"),
    };
    if needs.browser {
        ensure_browser(&tools)?;
        ensure_axe(root)?;
    }
    Ok(tools)
}

fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from(default), PathBuf::from)
}

fn set_path(root: &Path) {
    let mut dirs = vec![root.join(".tools").join("node_modules").join(".bin")];
    if let Some(home) = cargo_home() {
        dirs.push(home.join("bin"));
    }
    if let Some(old) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&old));
    }
    let joined = std::env::join_paths(dirs).expect("PATH entries contain no separator");
    std::env::set_var("PATH", joined);
}

fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
}

/// `rustup target add wasm32-unknown-unknown` unless it is installed.
pub fn ensure_wasm_target() -> Result {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .probe();
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => {
            eprintln!("  ok: rust target {WASM_TARGET}");
            Ok(())
        }
        Some(_) => Cmd::new("rustup")
            .args(["target", "add", WASM_TARGET])
            .run(),
        None => Err(format!(
            "rustup not found: install the {WASM_TARGET} target for your toolchain by hand"
        )),
    }
}

fn ensure_trunk() -> Result {
    let version = Cmd::new("trunk").arg("--version").probe();
    if version
        .as_deref()
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(TRUNK_VERSION))
    {
        eprintln!("  ok: trunk {TRUNK_VERSION}");
        return Ok(());
    }
    eprintln!(
        "  trunk {TRUNK_VERSION} missing (found: {}); installing, this takes about 20 minutes",
        version.as_deref().map_or("none", str::trim)
    );
    Cmd::new("cargo")
        .args(["install", "--locked", "--ignore-rust-version"])
        .arg(format!("trunk@{TRUNK_VERSION}"))
        .run()
}

/// The `wasm-bindgen` version recorded in `Cargo.lock`.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    locked_version(&lock, "wasm-bindgen")
        .ok_or_else(|| "Cargo.lock has no wasm-bindgen package".to_string())
}

/// The version of package `name` in the text of a `Cargo.lock`.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim();
            return Some(
                version
                    .strip_prefix("version = \"")?
                    .strip_suffix('"')?
                    .to_string(),
            );
        }
    }
    None
}

fn ensure_wasm_bindgen(root: &Path) -> Result {
    let want = locked_wasm_bindgen(root)?;
    let have = Cmd::new("wasm-bindgen").arg("--version").probe();
    let runner = Cmd::new("wasm-bindgen-test-runner")
        .arg("--version")
        .probe();
    let matches = |v: &Option<String>| {
        v.as_deref()
            .is_some_and(|v| v.split_whitespace().nth(1) == Some(want.as_str()))
    };
    if matches(&have) && matches(&runner) {
        eprintln!("  ok: wasm-bindgen-cli {want}");
        return Ok(());
    }
    eprintln!(
        "  wasm-bindgen-cli {want} (from Cargo.lock) missing (found: {}); installing",
        have.as_deref().map_or("none", str::trim)
    );
    Cmd::new("cargo")
        .args(["install", "--force", "wasm-bindgen-cli", "--version"])
        .arg(&want)
        .run()
}

fn ensure_wasm_opt(root: &Path) -> Result {
    let tools = root.join(".tools");
    let wasm_opt = tools.join("node_modules").join(".bin").join("wasm-opt");
    let have = Cmd::new(&wasm_opt).arg("--version").probe();
    if have
        .as_deref()
        .is_some_and(|v| v.contains(WASM_OPT_VERSION))
    {
        eprintln!("  ok: wasm-opt ({BINARYEN}) in .tools/");
        return Ok(());
    }
    if Cmd::new("npm").arg("--version").probe().is_none() {
        return Err(format!(
            "npm not found: install Node.js and npm (Debian: `apt-get install -y nodejs npm`), \
             or put wasm-opt from {BINARYEN} in {}",
            wasm_opt.display()
        ));
    }
    eprintln!("  wasm-opt missing; installing {BINARYEN} into .tools/");
    std::fs::create_dir_all(&tools).map_err(|e| format!("cannot create .tools/: {e}"))?;
    Cmd::new("npm")
        .args(["install", "--prefix"])
        .arg(&tools)
        .args(["--no-audit", "--no-fund", BINARYEN])
        .run()
}

/// `axe-core` in `.tools/node_modules`, at the pinned version, for the accessibility tests.
/// MiniSearch, the JS peer of `cargo xtask bench` (from npm, into `.tools/`).
pub const MINISEARCH_VERSION: &str = "7.2.0";

/// Installs MiniSearch into `.tools/` unless the pinned version is there.
pub fn ensure_minisearch(root: &Path) -> Result {
    ensure_npm(root, "minisearch", MINISEARCH_VERSION)
}

fn ensure_axe(root: &Path) -> Result {
    ensure_npm(root, "axe-core", AXE_CORE_VERSION)
}

fn ensure_npm(root: &Path, package: &str, version: &str) -> Result {
    let tools = root.join(".tools");
    let manifest = tools
        .join("node_modules")
        .join(package)
        .join("package.json");
    let pinned = format!("\"version\": \"{version}\"");
    if std::fs::read_to_string(&manifest).is_ok_and(|m| m.contains(&pinned)) {
        eprintln!("  ok: {package} {version} in .tools/");
        return Ok(());
    }
    eprintln!("  {package} missing; installing {package}@{version} into .tools/");
    std::fs::create_dir_all(&tools).map_err(|e| format!("cannot create .tools/: {e}"))?;
    Cmd::new("npm")
        .args(["install", "--prefix"])
        .arg(&tools)
        .args(["--no-audit", "--no-fund"])
        .arg(format!("{package}@{version}"))
        .run()
}

fn ensure_browser(tools: &Tools) -> Result {
    let chromium = Cmd::new(&tools.chromium).arg("--version").probe();
    let driver = Cmd::new(&tools.chromedriver).arg("--version").probe();
    if let (Some(c), Some(d)) = (&chromium, &driver) {
        eprintln!("  ok: {}, {}", first_words(c, 2), first_words(d, 2));
        return Ok(());
    }
    let install = "apt-get update && apt-get install -y chromium chromium-driver";
    if !is_root() {
        return Err(format!(
            "Chromium and chromedriver are needed for the browser tests and are missing \
             ({} / {}). Install them with:\n    sudo sh -c '{install}'\n\
             or point CHROMIUM and CHROMEDRIVER at your own binaries.",
            tools.chromium.display(),
            tools.chromedriver.display()
        ));
    }
    eprintln!("  Chromium or chromedriver missing; installing with apt-get");
    Cmd::new("apt-get")
        .arg("update")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()?;
    Cmd::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()?;
    for bin in [&tools.chromium, &tools.chromedriver] {
        if Cmd::new(bin).arg("--version").probe().is_none() {
            return Err(format!(
                "{} still does not run after apt-get",
                bin.display()
            ));
        }
    }
    Ok(())
}

fn first_words(s: &str, n: usize) -> String {
    s.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

fn is_root() -> bool {
    Cmd::new("id")
        .arg("-u")
        .probe()
        .is_some_and(|uid| uid.trim() == "0")
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_version_from_lock() {
        let lock = r#"
[[package]]
name = "wasm-bindgen-macro"
version = "0.2.99"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "trunk"), None);
    }
}
