//! The browser benchmark driver behind `cargo xtask bench`: one built app and its corpus in
//! headless Chromium, side by side with MiniSearch and a `String.includes` filter on the same
//! documents, printed as one JSON object on stdout.
//!
//! Usage: `bench DIST CORPUS_DIR LABEL`. `DIST` is a `trunk build --release` of `CORPUS_DIR`;
//! `DIST/peer/` must hold `peer.html`, `peer.js` and `minisearch.js` (xtask copies them); this
//! writes `DIST/peer/docs.json` from the corpus as the engine reads it.
//!
//! Measured, at 1x and at 4x CPU throttle (CDP `Emulation.setCPUThrottlingRate`):
//! - navigation to app-ready: the `dossier-ready` mark the app sets once interactive;
//! - long tasks (over 50 ms) during load and while typing, from a `longtask` observer installed
//!   before the page's scripts;
//! - keystroke to paint: from each `input` event's timestamp to a task queued from the next
//!   animation frame (after that frame is painted), for every keystroke of [`QUERIES`] typed
//!   through WebDriver one key at a time;
//! - search latency: the app's `dossier-search` User Timing measures (engine search per call)
//!   against MiniSearch's and `includes`' time for the same prefixes;
//! - memory after load: JS heap (CDP `Performance.getMetrics`) plus the wasm memory.
//!
//! `DOSSIER_BENCH_QUICK=1` runs the 1x typing only and prints that run, for trying a change;
//! `DOSSIER_BENCH_PROFILE=1` adds a sampled profile of the 1x typing on stderr.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dossier_e2e::{Browser, Locator, StaticServer};
use serde_json::{json, Value};

/// What the benchmark types, one key at a time: words, two words, names, a typo.
const QUERIES: &[&str] = dossier_gen::TYPED_QUERIES;

/// Records input-to-paint latencies and long tasks from the very start of every page.
const PROBE: &str = r#"
(() => {
  const b = { inputs: [], longtasks: [] };
  Object.defineProperty(window, "__bench", { value: b });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  document.addEventListener("input", (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => b.inputs.push(performance.now() - t0), 0));
  }, true);
})();
"#;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn stats(mut v: Vec<f64>) -> Value {
    v.sort_by(f64::total_cmp);
    json!({
        "n": v.len(),
        "p50": percentile(&v, 50.0),
        "p95": percentile(&v, 95.0),
        "max": v.last().copied().unwrap_or(f64::NAN),
    })
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// Every prefix a user types on the way to each query.
fn prefixes() -> Vec<String> {
    QUERIES
        .iter()
        .flat_map(|q| (1..=q.chars().count()).map(move |n| q.chars().take(n).collect()))
        .collect()
}

/// Writes `docs.json` for the peers and returns (documents, text bytes, index bytes).
fn write_docs(corpus: &std::path::Path, peer_dir: &std::path::Path) -> Result<Value, String> {
    let loaded = dossier_engine::load::load_dir(corpus)
        .map_err(|e| format!("cannot read {}: {e}", corpus.display()))?;
    let c = &loaded.output.corpus;
    let docs: Vec<Value> = c
        .documents
        .iter()
        .map(|d| json!({ "id": d.id, "title": d.title, "text": d.body }))
        .collect();
    let text_bytes: usize = c
        .documents
        .iter()
        .map(|d| d.body.len() + d.title.len())
        .sum();
    let index_bytes = dossier_engine::snapshot::index_bytes(&c.index);
    std::fs::write(
        peer_dir.join("docs.json"),
        serde_json::to_vec(&docs).map_err(|e| e.to_string())?,
    )
    .map_err(|e| format!("cannot write docs.json: {e}"))?;
    Ok(json!({
        "documents": c.documents.len(),
        "text_bytes": text_bytes,
        "index_bytes": index_bytes,
    }))
}

async fn app_run(b: &Browser, server: &StaticServer, rate: f64) -> Result<Value, String> {
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))?;
    b.open(&server.url("")).await?;
    // Let the load settle so its long tasks are all reported.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let load = b
        .eval(
            r#"const m = performance.getEntriesByName("dossier-ready")[0];
               const nav = performance.getEntriesByType("navigation")[0];
               const mem = window.dossierWasmMemory;
               return { ready: m ? m.startTime : null,
                        dom_content_loaded: nav ? nav.domContentLoadedEventEnd : null,
                        longtasks: window.__bench.longtasks.slice(),
                        wasm_memory: mem ? mem.buffer.byteLength : null };"#,
        )
        .await?;
    b.cdp("Performance.enable", json!({}))?;
    let heap = metric(
        &b.cdp("Performance.getMetrics", json!({}))?,
        "JSHeapUsedSize",
    );

    b.eval("window.__bench.inputs.length = 0; window.__bench.longtasks.length = 0; performance.clearMeasures('dossier-search'); return null;")
        .await?;
    let profile = rate == 1.0 && std::env::var_os("DOSSIER_BENCH_PROFILE").is_some();
    if profile {
        b.cdp("Profiler.enable", json!({}))?;
        b.cdp("Profiler.setSamplingInterval", json!({ "interval": 200 }))?;
        b.cdp("Profiler.start", json!({}))?;
    }
    let before = main_thread_seconds(b)?;
    let search = b
        .client
        .find(Locator::Css("#search"))
        .await
        .map_err(|e| e.to_string())?;
    let mut keystrokes = Vec::new();
    let mut searches = Vec::new();
    for q in QUERIES {
        search.clear().await.map_err(|e| e.to_string())?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.eval("window.__bench.inputs.length = 0; performance.clearMeasures('dossier-search'); return null;")
            .await?;
        for (k, ch) in q.chars().enumerate() {
            search
                .send_keys(&ch.to_string())
                .await
                .map_err(|e| e.to_string())?;
            // One keystroke at a time: wait until this one has painted.
            b.wait_until(
                "the keystroke to paint",
                Duration::from_secs(60),
                &format!("return window.__bench.inputs.length > {k};"),
            )
            .await?;
        }
        let v = b
            .eval(
                r#"return { inputs: window.__bench.inputs.slice(),
                            searches: performance.getEntriesByName("dossier-search").map(e => e.duration) };"#,
            )
            .await?;
        keystrokes.extend(floats(&v["inputs"]));
        searches.extend(floats(&v["searches"]));
    }
    if profile {
        let p = b.cdp("Profiler.stop", json!({}))?;
        print_profile(&p["profile"]);
    }
    let after = main_thread_seconds(b)?;
    let keys = keystrokes.len().max(1) as f64;
    let per_key: serde_json::Map<String, Value> = after
        .iter()
        .map(|(name, v)| {
            let was = before.iter().find(|(n, _)| n == name).map_or(0.0, |x| x.1);
            (name.clone(), json!((v - was) * 1000.0 / keys))
        })
        .collect();
    let typing_longtasks = b.eval("return window.__bench.longtasks.length;").await?;
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))?;
    let load_longtasks: Vec<f64> = load["longtasks"]
        .as_array()
        .map(|a| a.iter().filter_map(|t| t["duration"].as_f64()).collect())
        .unwrap_or_default();
    Ok(json!({
        "rate": rate,
        "ready_ms": load["ready"],
        "load_long_tasks": load_longtasks.len(),
        "load_long_task_ms": load_longtasks,
        "typing_long_tasks": typing_longtasks,
        "js_heap_bytes": heap,
        "wasm_memory_bytes": load["wasm_memory"],
        "keystroke_to_paint_ms": stats(keystrokes),
        "search_ms": stats(searches),
        "main_thread_per_key_ms": per_key,
    }))
}

/// Chromium's cumulative main-thread times in seconds (`Performance.getMetrics`): script,
/// style recalculation, layout, and all tasks (the rest is paint, compositing, input, GC).
fn main_thread_seconds(b: &Browser) -> Result<Vec<(String, f64)>, String> {
    let m = b.cdp("Performance.getMetrics", json!({}))?;
    Ok([
        "ScriptDuration",
        "RecalcStyleDuration",
        "LayoutDuration",
        "TaskDuration",
    ]
    .iter()
    .map(|name| (name.to_string(), metric(&m, name)))
    .collect())
}

/// One value of a `Performance.getMetrics` answer (NaN when Chromium did not report it).
fn metric(metrics: &Value, name: &str) -> f64 {
    metrics["metrics"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["name"] == name))
        .and_then(|x| x["value"].as_f64())
        .unwrap_or(f64::NAN)
}

/// With `DOSSIER_BENCH_PROFILE` set: the functions with the most self time while typing at
/// 1x, on stderr (build with Trunk's `data-keep-debug` to see wasm function names).
fn print_profile(p: &Value) {
    let mut self_us: std::collections::HashMap<u64, f64> = Default::default();
    let samples = p["samples"].as_array().cloned().unwrap_or_default();
    let deltas = p["timeDeltas"].as_array().cloned().unwrap_or_default();
    for (s, d) in samples
        .iter()
        .zip(deltas.iter().skip(1).chain(std::iter::once(&json!(0))))
    {
        *self_us.entry(s.as_u64().unwrap_or(0)).or_default() += d.as_f64().unwrap_or(0.0);
    }
    let mut by_name: std::collections::HashMap<String, f64> = Default::default();
    for n in p["nodes"].as_array().into_iter().flatten() {
        let id = n["id"].as_u64().unwrap_or(0);
        let name = format!(
            "{} {}",
            n["callFrame"]["functionName"].as_str().unwrap_or("?"),
            n["callFrame"]["url"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
        );
        *by_name.entry(name).or_default() += self_us.get(&id).copied().unwrap_or(0.0);
    }
    let total: f64 = by_name.values().sum();
    let mut rows: Vec<_> = by_name.into_iter().collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    eprintln!("profile: {:.0} ms sampled while typing", total / 1000.0);
    for (name, us) in rows.iter().take(40) {
        eprintln!("{:8.1} ms {:5.1}%  {name}", us / 1000.0, 100.0 * us / total);
    }
}

async fn peer_run(b: &Browser, server: &StaticServer) -> Result<Value, String> {
    b.client
        .goto(&server.url("peer/peer.html"))
        .await
        .map_err(|e| e.to_string())?;
    b.wait_until(
        "the peers to index",
        Duration::from_secs(600),
        "return document.body && document.body.dataset.ready === 'true';",
    )
    .await?;
    let queries = serde_json::to_string(&prefixes()).map_err(|e| e.to_string())?;
    // Run in a task of its own and poll for the answer: on a large corpus the runs take longer
    // than one WebDriver script may.
    b.eval(&format!(
        "setTimeout(() => {{ window.__peerRun = window.peer.run({queries}, 3); }}, 0); return null;"
    ))
    .await?;
    let v = b
        .wait_until(
            "the peers to search",
            Duration::from_secs(1800),
            "const r = window.__peerRun;
             return r ? { index_ms: window.peer.indexMs, serialised_bytes: window.peer.serialisedBytes,
                          minisearch: r.minisearch, includes: r.includes } : null;",
        )
        .await?;
    Ok(json!({
        "minisearch_index_ms": v["index_ms"],
        "minisearch_serialised_bytes": v["serialised_bytes"],
        "minisearch_ms": stats(floats(&v["minisearch"])),
        "includes_ms": stats(floats(&v["includes"])),
    }))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist, corpus, label] = &args[..] else {
        return Err("usage: bench DIST CORPUS_DIR LABEL".into());
    };
    let (dist, corpus) = (PathBuf::from(dist), PathBuf::from(corpus));
    let t = Instant::now();
    let facts = write_docs(&corpus, &dist.join("peer"))?;
    eprintln!(
        "bench {label}: docs.json written in {:.1}s",
        t.elapsed().as_secs_f64()
    );
    let server = StaticServer::start(&dist, "/").map_err(|e| e.to_string())?;
    let b = Browser::launch().await?;
    b.on_new_document(PROBE)?;
    // `DOSSIER_BENCH_QUICK`: the 1x typing only, for trying a change (no peers, no table row).
    if std::env::var_os("DOSSIER_BENCH_QUICK").is_some() {
        let run = app_run(&b, &server, 1.0).await;
        b.close().await;
        println!("{}", run?);
        return Ok(());
    }
    let mut runs = Vec::new();
    for rate in [1.0, 4.0] {
        eprintln!("bench {label}: app at {rate}x CPU throttle");
        runs.push(app_run(&b, &server, rate).await?);
    }
    // The same typing with frames drawn as soon as the page has one ready instead of on a
    // 60 Hz vsync, to show how much of the figure is the wait for the display's next refresh
    // rather than the app's own work (input, render, style, layout, paint).
    {
        eprintln!("bench {label}: app at 1x, frames not vsync-limited");
        let unsynced =
            Browser::launch_with(&["--disable-frame-rate-limit", "--disable-gpu-vsync"]).await?;
        unsynced.on_new_document(PROBE)?;
        let run = app_run(&unsynced, &server, 1.0).await;
        unsynced.close().await;
        runs.push(run?);
    }
    eprintln!("bench {label}: peers");
    // A peer that cannot index the corpus is a finding, not a reason to lose the app's figures.
    let peers = peer_run(&b, &server).await.unwrap_or_else(|e| {
        eprintln!("bench {label}: the peers failed: {e}");
        json!({ "error": e })
    });
    let chromium = b.cdp("Browser.getVersion", json!({}))?;
    b.close().await;
    let out = json!({
        "label": label,
        "corpus": facts,
        "runs": runs,
        "peers": peers,
        "browser": chromium["product"],
        "queries": QUERIES,
    });
    println!("{out}");
    Ok(())
}
