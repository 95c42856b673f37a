//! The app built on the hostile fixture corpus (`tests/fixtures/hostile`: markup and script
//! payloads, `javascript:`/`data:` URLs, HTML entities, a 1 MB line, bidi overrides and
//! zero-width characters, emoji, CJK, Arabic, a byte-order mark, CRLF, and Markdown and JSON
//! Lines variants): every document is listed and opens, and everything renders as text, with
//! no dialog, no script run, no CSP violation and no console error.
//!
//! `cargo xtask test` builds that corpus into `target/dist-hostile` (`DOSSIER_CORPUS`).

use std::time::Duration;

use dossier_e2e::{built, hostile_dist_dir, Browser, StaticServer};
use serde_json::Value;

/// Every document the fixture folder holds, by id (the JSON Lines file holds three).
const IDS: &[&str] = &[
    "01-markup",
    "02-one-long-line",
    "03-bidi-zero-width",
    "04-scripts",
    "05-bom-crlf",
    "06-markdown",
    "jsonl-2",
    "jsonl-3",
    "jsonl-<script>",
];

const SCRIPT: &str = r##"<script>window.__pwned=1;alert("script")</script>"##;

fn ok<T>(r: Result<T, String>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_corpus_renders_as_text_and_loses_nothing() {
    let dist = hostile_dist_dir();
    if !built(&dist) {
        return;
    }
    let server = StaticServer::start(&dist, "/").unwrap();
    let b = ok(Browser::launch().await);
    ok(b.watch());
    ok(b.open(&server.url("")).await);

    let listed = ok(b
        .eval(
            r##"return Array.from(document.querySelectorAll("#results > li.result")).map(li => ({
                  id: li.dataset.docId,
                  title: li.querySelector("a.result-title").textContent,
                  href: li.querySelector("a.result-title").getAttribute("href") }));"##,
        )
        .await);
    let listed = listed.as_array().unwrap();
    let mut ids: Vec<&str> = listed.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.sort();
    assert_eq!(ids, IDS, "every fixture document is listed");
    let title_of = |id: &str| -> String {
        listed.iter().find(|r| r["id"] == id).unwrap()["title"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for id in ["01-markup", "06-markdown", "jsonl-<script>"] {
        assert!(
            title_of(id).starts_with(SCRIPT),
            "{id}: the markup in the headline is shown as text: {:?}",
            title_of(id)
        );
    }
    assert!(title_of("04-scripts").contains("北约"), "CJK kept");
    assert!(
        title_of("04-scripts").contains("حلف شمال الأطلسي"),
        "Arabic kept"
    );
    assert!(title_of("04-scripts").contains("🛡\u{fe0f}🇱🇹"), "emoji kept");
    assert!(
        title_of("jsonl-3").starts_with("A title"),
        "the byte-order mark inside a JSON title is not shown: {:?}",
        title_of("jsonl-3")
    );
    b.assert_inert("the list").await;

    // Open every document through its own link, as a reader would.
    for r in listed {
        let id = r["id"].as_str().unwrap();
        let href = r["href"].as_str().unwrap();
        ok(b.open(&server.url(href.trim_start_matches("./"))).await);
        let reader = ok(b
            .wait_until(
                &format!("the reader for {id}"),
                Duration::from_secs(30),
                r##"const r = document.getElementById("reader");
                    return r && { id: r.dataset.docId,
                                  title: r.querySelector("#doc-title").textContent,
                                  cr: r.textContent.includes("\r"),
                                  url: (r.querySelector(".doc-url") || {}).tagName || null,
                                  words: r.textContent.length };"##,
            )
            .await);
        assert_eq!(reader["id"].as_str(), Some(id), "{href} opens {id}");
        assert_eq!(
            reader["title"].as_str().map(str::to_string),
            Some(title_of(id)),
            "{id}: the reader shows the same title as the list"
        );
        assert_eq!(reader["cr"], false, "{id}: no carriage return in the text");
        if matches!(id, "06-markdown" | "jsonl-<script>" | "jsonl-2") {
            assert_eq!(
                reader["url"],
                Value::from("SPAN"),
                "{id}: a javascript:/data: URL is shown as text, never a link"
            );
        }
        if id == "02-one-long-line" {
            assert!(
                reader["words"].as_u64().unwrap_or(0) >= 1_000_000,
                "the 1 MB line is shown whole: {reader}"
            );
        }
        b.assert_inert(id).await;
    }
    b.close().await;
}
