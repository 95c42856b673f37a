//! The chunked build mode in the browser: the seeds built with `DOSSIER_BODIES=chunked` keep
//! their bodies in `bodies/*.gz` beside the page, fetch them only when text is shown, and show
//! exactly what the embedded build shows; a chunk that cannot be fetched gives a notice in
//! place of the text and loses nothing else; chunks a host has already decoded (as one that
//! sends `.gz` with `Content-Encoding: gzip` does) read the same.
//!
//! `cargo xtask test` builds it into `target/dist-chunked`; the embedded build is `dist/`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier_e2e::{built, chunked_dist_dir, dist_dir, Browser, StaticServer};
use serde_json::{json, Value};

const SHORT: Duration = Duration::from_secs(15);

fn ok<T>(r: Result<T, String>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// Both builds exist (else the test is skipped, or fails under `DOSSIER_E2E_REQUIRE`).
fn both_built() -> Option<(PathBuf, PathBuf)> {
    let (embedded, chunked) = (dist_dir(), chunked_dist_dir());
    (built(&embedded) && built(&chunked)).then_some((embedded, chunked))
}

fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default()
}

fn wasm_bytes(dist: &Path) -> u64 {
    files_in(dist, "wasm")
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum()
}

/// Waits until no snippet, reader text or quotation is still loading, then returns what the
/// page shows as text: result snippets, the reader's body as HTML (marks and entity links),
/// quotations, and the resource requests made for `bodies/`.
const SHOWN_JS: &str = r##"
const text = sel => Array.from(document.querySelectorAll(sel)).map(e => e.textContent);
const body = document.querySelector("#reader .doc-body");
return {
  snippets: text("#results .result-snippet"),
  reader: body ? body.innerHTML : null,
  quotes: text("#quotes blockquote"),
  fetched: performance.getEntriesByType("resource").map(r => r.name).filter(n => n.includes("/bodies/")).length,
};"##;

const SETTLED_JS: &str = r##"return document.body.dataset.ready === "true" && !document.querySelector("[aria-busy='true'], .loading");"##;

async fn shown(b: &Browser, url: &str) -> Value {
    ok(b.open(url).await);
    ok(b.wait_until("every text to arrive", SHORT, SETTLED_JS)
        .await);
    ok(b.eval(SHOWN_JS).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chunked_build_fetches_bodies_on_demand_and_shows_what_the_embedded_build_shows() {
    let Some((embedded, chunked)) = both_built() else {
        return;
    };
    let chunks = files_in(&chunked.join("bodies"), "gz");
    assert!(!chunks.is_empty(), "the chunked build has bodies/*.gz");
    for c in &chunks {
        let bytes = std::fs::read(c).unwrap();
        assert_eq!(&bytes[..2], &[0x1f, 0x8b], "{} is gzip", c.display());
    }
    assert!(
        !embedded.join("bodies").exists(),
        "the embedded build writes no chunk files"
    );
    let (we, wc) = (wasm_bytes(&embedded), wasm_bytes(&chunked));
    assert!(
        wc < we,
        "the chunked wasm ({wc} B) is smaller than the embedded one ({we} B)"
    );

    let (se, sc) = (
        StaticServer::start(&embedded, "/").unwrap(),
        StaticServer::start(&chunked, "/").unwrap(),
    );
    let b = ok(Browser::launch().await);
    ok(b.watch());
    for rest in [
        "",
        "?q=nato",
        "?q=%22air+defence%22",
        "?q=rutte&doc=001_4b90533497af7736",
        "?q=said%3Arutte&quotes=1",
    ] {
        let e = shown(&b, &se.url(rest)).await;
        let c = shown(&b, &sc.url(rest)).await;
        assert_eq!(
            e["fetched"],
            json!(0),
            "{rest}: the embedded build fetches no body"
        );
        for part in ["snippets", "reader", "quotes"] {
            assert_eq!(c[part], e[part], "{rest}: {part} differ between the builds");
        }
        let shows_text = e["snippets"].as_array().is_some_and(|s| !s.is_empty())
            || e["reader"].is_string()
            || e["quotes"].as_array().is_some_and(|q| !q.is_empty());
        if shows_text {
            assert!(
                c["fetched"].as_u64().unwrap_or(0) >= 1,
                "{rest}: the chunked build fetched its text from bodies/"
            );
        }
        b.assert_inert(rest).await;
    }
    let reader = shown(&b, &sc.url("?q=rutte&doc=001_4b90533497af7736")).await;
    let html = reader["reader"].as_str().unwrap_or_default();
    assert!(
        html.contains("<mark"),
        "search hits are marked: {html:.200}"
    );
    assert!(
        html.contains("class=\"mention "),
        "mentions are linked: {html:.200}"
    );
    b.close().await;
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let dest = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_chunk_shows_a_notice_in_place_of_the_text_and_nothing_else_is_lost() {
    let Some((_, chunked)) = both_built() else {
        return;
    };
    let broken = std::env::temp_dir().join(format!("dossier-chunks-gone-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&broken);
    copy_dir(&chunked, &broken);
    std::fs::remove_dir_all(broken.join("bodies")).unwrap();
    let server = StaticServer::start(&broken, "/").unwrap();
    let b = ok(Browser::launch().await);
    ok(b.open(&server.url("?q=nato&doc=001_4b90533497af7736"))
        .await);
    let notice = ok(b
        .wait_until(
            "the reader's notice",
            SHORT,
            r##"const p = document.querySelector("#reader .doc-unavailable");
                return p && !document.querySelector(".loading") && p.textContent;"##,
        )
        .await);
    let notice = notice.as_str().unwrap_or_default();
    assert!(
        notice.contains("could not be loaded") && notice.contains("HTTP 404"),
        "the notice says what failed: {notice}"
    );
    let page = ok(b
        .eval(
            r##"return {
              title: document.querySelector("#doc-title").textContent,
              entities: document.querySelectorAll("#reader .doc-entities a.entity-link").length,
              results: document.querySelectorAll("#results > li.result").length,
              unavailable: document.querySelectorAll("#results .result-snippet.unavailable").length,
              count: document.querySelector("#result-count").textContent,
              fatal: !!document.querySelector("#fatal-error"),
            };"##,
        )
        .await);
    assert!(
        !page["title"].as_str().unwrap_or_default().is_empty(),
        "{page}"
    );
    assert!(
        page["entities"].as_u64().unwrap_or(0) > 0,
        "the entity list needs no text: {page}"
    );
    assert!(
        page["results"].as_u64().unwrap_or(0) > 0,
        "search still works: {page}"
    );
    assert_eq!(
        page["unavailable"], page["results"],
        "each snippet says it is unavailable: {page}"
    );
    assert_eq!(page["fatal"], json!(false), "no crash: {page}");
    b.close().await;
    drop(server);
    let _ = std::fs::remove_dir_all(&broken);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chunks_a_host_already_decoded_read_the_same() {
    use std::io::Read;
    let Some((_, chunked)) = both_built() else {
        return;
    };
    let decoded =
        std::env::temp_dir().join(format!("dossier-chunks-decoded-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&decoded);
    copy_dir(&chunked, &decoded);
    for c in files_in(&decoded.join("bodies"), "gz") {
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&c).unwrap())
            .read_to_end(&mut text)
            .unwrap();
        std::fs::write(&c, text).unwrap();
    }
    let (sg, sd) = (
        StaticServer::start(&chunked, "/").unwrap(),
        StaticServer::start(&decoded, "/").unwrap(),
    );
    let b = ok(Browser::launch().await);
    ok(b.watch());
    let rest = "?q=nato&doc=001_4b90533497af7736";
    let gz = shown(&b, &sg.url(rest)).await;
    let plain = shown(&b, &sd.url(rest)).await;
    assert!(
        gz["reader"].as_str().is_some_and(|r| r.contains("<mark")),
        "{gz}"
    );
    for part in ["snippets", "reader"] {
        assert_eq!(plain[part], gz[part], "{part} differ");
    }
    b.assert_inert("decoded chunks").await;
    b.close().await;
    drop((sg, sd));
    let _ = std::fs::remove_dir_all(&decoded);
}

/// A result list's text is fetched once typing pauses (`bodies::LIST_DELAY_MS`), not between
/// two keys: a page of results can need dozens of chunks, and their requests and decoding,
/// begun between two keys of a steady typist, delayed the paint of the next key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn result_text_waits_for_a_pause_in_typing() {
    let Some((_, chunked)) = both_built() else {
        return;
    };
    let server = StaticServer::start(&chunked, "/").unwrap();
    let b = ok(Browser::launch().await);
    ok(b.watch());
    // A query without results, so that the page has fetched no text when typing starts.
    ok(b.open(&server.url("?q=zzzqqq")).await);
    ok(b.wait_ready().await);
    let start = ok(b
        .eval(
            r##"window.__inputs = [];
                document.addEventListener("input", e => window.__inputs.push(e.timeStamp), true);
                return performance.getEntriesByType("resource").filter(r => r.name.includes("/bodies/")).length;"##,
        )
        .await);
    assert_eq!(start, json!(0), "no text was fetched for an empty list");
    let search = b
        .client
        .find(dossier_e2e::Locator::Css("input#search"))
        .await
        .unwrap();
    // Select the query, then type a new one over it: five keys in one burst.
    search.send_keys("\u{E009}a\u{E009}").await.unwrap();
    search.send_keys("rutte").await.unwrap();
    ok(b.wait_until("the snippets' text", SHORT, SETTLED_JS).await);
    let v = ok(b
        .eval(
            r##"const f = performance.getEntriesByType("resource").filter(r => r.name.includes("/bodies/"));
                return { q: document.querySelector("#search").value,
                         fetched: f.length,
                         first: Math.min(...f.map(r => r.startTime)),
                         inputs: window.__inputs,
                         snippets: Array.from(document.querySelectorAll("#results .result-snippet")).map(p => p.textContent) };"##,
        )
        .await);
    assert_eq!(v["q"], json!("rutte"), "{v}");
    let snippets = v["snippets"].as_array().cloned().unwrap_or_default();
    assert!(
        !snippets.is_empty()
            && snippets.iter().all(|s| s
                .as_str()
                .is_some_and(|s| s.to_lowercase().contains("rutte"))),
        "the snippets show their text: {v}"
    );
    assert!(v["fetched"].as_u64().unwrap_or(0) >= 1, "{v}");
    // Each key restarts the wait when it changes the chunks wanted, so no request can start
    // sooner than the delay after the first key (timers never fire early), however slowly the
    // keys arrive.
    let inputs = v["inputs"].as_array().cloned().unwrap_or_default();
    assert_eq!(inputs.len(), 5, "one input event a key: {v}");
    let waited = v["first"].as_f64().unwrap_or(0.0) - inputs[0].as_f64().unwrap_or(f64::MAX);
    assert!(
        waited >= 290.0,
        "the first chunk was requested {waited:.0} ms after typing began: {v}"
    );
    b.assert_inert("typing over a query").await;
    b.close().await;
}
