//! Exploring through the real UI: entity cross-links and facets, the search language, shared
//! links with the whole view, and the timeline as a control.

use std::time::Duration;

use dossier_e2e::{built, dist_dir, Browser, Locator, StaticServer};

const SHORT: Duration = Duration::from_secs(10);

const RESULT_IDS: &str = r##"return Array.from(document.querySelectorAll("#results > li.result")).map(li => li.dataset.docId.slice(0, 3)).sort().join(",");"##;

fn ok<T>(r: Result<T, String>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// A browser on the built app, or `None` when `dist/` is missing (outside `cargo xtask test`).
async fn start() -> Option<(StaticServer, Browser)> {
    let dist = dist_dir();
    if !built(&dist) {
        return None;
    }
    let server = StaticServer::start(&dist, "/").unwrap();
    let b = Browser::launch().await.unwrap_or_else(|e| panic!("{e}"));
    Some((server, b))
}

/// Waits until the result list shows exactly `want` (document id prefixes, sorted, comma-joined).
async fn wait_results(b: &Browser, want: &str) {
    let script = format!("{} ", RESULT_IDS.replace("return ", "const ids = "))
        + &format!("; return ids === {want:?} ? ids : false;");
    if b.wait_until(&format!("results {want}"), SHORT, &script)
        .await
        .is_err()
    {
        let got = b.eval(RESULT_IDS).await.unwrap();
        panic!("results: expected {want}, got {got}");
    }
}

async fn click(b: &Browser, css: &str) {
    ok(b.wait_until(
        css,
        SHORT,
        &format!("return document.querySelector({css:?}) !== null;"),
    )
    .await);
    b.client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn type_query(b: &Browser, text: &str) {
    let search = b.client.find(Locator::Css("input#search")).await.unwrap();
    search.clear().await.unwrap();
    search.send_keys(text).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entity_mention_leads_to_its_page_and_back_to_a_document() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("?doc=002_41fbe8cc36b14c37")).await);
    click(
        &b,
        r#"#reader a.mention[data-entity-id="jens-stoltenberg"]"#,
    )
    .await;
    ok(b.wait_until("entity page", SHORT, r#"return document.querySelector('#entity-page[data-entity-id="jens-stoltenberg"]') !== null;"#).await);
    assert!(ok(b.url().await).contains("entity_page=jens-stoltenberg"));
    let docs = ok(b.eval(r##"return Array.from(document.querySelectorAll("#entity-documents a.doc-link")).map(a => a.dataset.docId.slice(0, 3)).sort().join(",");"##).await);
    assert_eq!(docs, "002,004", "Stoltenberg's documents");
    // The entity page's timeline is the same chart component, with its own ids.
    let bars = ok(b
        .eval("return document.querySelectorAll('#entity-timeline g.bucket.nonempty').length;")
        .await);
    assert_eq!(bars, 2, "one bar for each of Stoltenberg's two dates");
    let page = ok(b
        .eval("return document.getElementById('entity-page').textContent;")
        .await);
    assert!(
        page.as_str().unwrap().contains("Stoltenberg"),
        "forms shown: {page}"
    );
    click(
        &b,
        r#"#entity-documents a.doc-link[data-doc-id="004_31f9a79cbea712d5"]"#,
    )
    .await;
    ok(b.wait_until(
        "reader on 004",
        SHORT,
        r#"return document.querySelector('#reader[data-doc-id="004_31f9a79cbea712d5"]') !== null;"#,
    )
    .await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entity_facets_combine_with_and_and_chips_remove_them() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("")).await);
    let nato = ok(b.eval(r##"const a = document.querySelector('#entity-panel a.facet-entity[data-entity-id="nato"] .count'); return a ? a.textContent.trim() : null;"##).await);
    assert_eq!(nato, "5", "NATO is in all five documents");
    click(
        &b,
        r#"#entity-panel a.facet-entity[data-entity-id="mark-rutte"]"#,
    )
    .await;
    wait_results(&b, "000,001,003").await;
    assert!(ok(b.url().await).contains("entity=mark-rutte"));
    click(
        &b,
        r#"#entity-panel a.facet-entity[data-entity-id="gitanas-nauseda"]"#,
    )
    .await;
    wait_results(&b, "000,001").await;
    let url = ok(b.url().await);
    assert!(
        url.contains("entity=mark-rutte") && url.contains("entity=gitanas-nauseda"),
        "{url}"
    );
    b.client.back().await.unwrap();
    wait_results(&b, "000,001,003").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_language_folds_stems_forgives_typos_and_reports_what_it_ignored() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("")).await);
    type_query(&b, "nauseda ").await;
    wait_results(&b, "000,001,002").await;
    type_query(&b, "\"eastern flank\" ").await;
    wait_results(&b, "000,001,003,004").await;
    type_query(&b, "stoltenbrg ").await;
    wait_results(&b, "002,004").await;
    type_query(&b, "date:2021 ").await;
    wait_results(&b, "002,004").await;
    type_query(&b, "nato -russia ").await;
    wait_results(&b, "004").await;
    type_query(&b, "date:2024-13 person:rutte").await;
    wait_results(&b, "000,001,003").await;
    let note = ok(b
        .wait_until(
            "#query-ignored",
            SHORT,
            "const n = document.getElementById('query-ignored'); return n ? n.textContent : false;",
        )
        .await);
    assert!(note.as_str().unwrap().contains("date:2024-13"), "{note}");
    let count = ok(b
        .eval("return document.getElementById('result-count').textContent;")
        .await);
    assert!(count.as_str().unwrap().contains('3'), "{count}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_link_reopens_the_whole_view() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(
        &server.url(
            "?q=nato&entity=mark-rutte&from=2024-01-01&to=2024-12-31&doc=001_4b90533497af7736",
        ),
    )
    .await);
    wait_results(&b, "000,001").await;
    let q = ok(b
        .eval("return document.getElementById('search').value;")
        .await);
    assert_eq!(q, "nato");
    ok(b.wait_until(
        "reader on 001",
        SHORT,
        r#"return document.querySelector('#reader[data-doc-id="001_4b90533497af7736"]') !== null;"#,
    )
    .await);
    let marks = ok(b
        .eval("return document.querySelectorAll('#reader mark').length;")
        .await);
    assert!(
        marks.as_u64().unwrap() > 0,
        "search hits are marked in the reader"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeline_shows_the_seed_months_and_brushing_sets_the_dates() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("?granularity=month")).await);
    let buckets = ok(b.wait_until("timeline buckets", SHORT, r##"const b = Array.from(document.querySelectorAll("#timeline g.bucket.nonempty")).map(g => g.dataset.from.slice(0, 7)); return b.length ? b.join(",") : false;"##).await);
    assert_eq!(buckets, "2021-01,2021-02,2024-04,2025-02");
    // The table view lists the same buckets once it is opened.
    click(&b, "#timeline details.timeline-table-toggle summary").await;
    let rows = ok(b.wait_until("the timeline table", SHORT, r##"const t = document.getElementById("timeline-table"); return t && Array.from(t.querySelectorAll("tbody tr")).map(r => r.querySelector("th").textContent + "=" + r.querySelector("td").textContent).join(",");"##).await);
    let counts = ok(b.eval(r##"return Array.from(document.querySelectorAll("#timeline g.bucket.nonempty")).map(g => g.dataset.count).join(",");"##).await);
    let table_counts: Vec<&str> = rows
        .as_str()
        .unwrap()
        .split(',')
        .map(|r| r.rsplit('=').next().unwrap())
        .collect();
    assert_eq!(
        table_counts.join(","),
        counts.as_str().unwrap(),
        "table rows {rows}"
    );
    // Clicking a bucket narrows to it and records it in the URL.
    click(
        &b,
        r#"#timeline g.bucket.nonempty[data-from="2024-04-01"] a"#,
    )
    .await;
    wait_results(&b, "000,001").await;
    let url = ok(b.url().await);
    assert!(
        url.contains("from=2024-04-01") && url.contains("to=2024-04-30"),
        "{url}"
    );
    // With a date range the chart still draws the results without it, so the brush can widen.
    let still = ok(b.eval(r##"return Array.from(document.querySelectorAll("#timeline g.bucket.nonempty")).map(g => g.dataset.from.slice(0, 7)).join(",");"##).await);
    assert_eq!(still, "2021-01,2021-02,2024-04,2025-02");
    // Reopening that URL restores the range and draws the brush.
    ok(b.open(&url).await);
    wait_results(&b, "000,001").await;
    ok(b.wait_until(
        "brush",
        SHORT,
        "return document.querySelector('#timeline rect.brush') !== null;",
    )
    .await);
    // Dragging across the chart brushes a range.
    ok(b.open(&server.url("?granularity=month")).await);
    let dragged = ok(b.eval(r##"
        const svg = document.getElementById("timeline-svg");
        const r = svg.getBoundingClientRect();
        const y = r.top + r.height / 2;
        const fire = (type, x) => svg.dispatchEvent(new MouseEvent(type, {bubbles: true, clientX: x, clientY: y, button: 0}));
        fire("mousedown", r.left + r.width * 0.05);
        fire("mousemove", r.left + r.width * 0.3);
        fire("mouseup", r.left + r.width * 0.3);
        return true;"##).await);
    assert_eq!(dragged, true);
    ok(b.wait_until(
        "brushed URL",
        SHORT,
        "return location.search.includes('from=') && location.search.includes('to=');",
    )
    .await);
    wait_results(&b, "002,004").await;
    click(&b, "#timeline-reset").await;
    wait_results(&b, "000,001,002,003,004").await;
    // Days over four years would be bars too thin to see: the chart says it draws weeks.
    ok(b.open(&server.url("?granularity=day")).await);
    let note = ok(b
        .wait_until(
            "the coarsened note",
            SHORT,
            "const n = document.querySelector('#timeline .timeline-coarsened'); return n && n.textContent;",
        )
        .await);
    let note = note.as_str().unwrap();
    assert!(
        note.contains("By day") && note.contains("drawn by week"),
        "{note}"
    );
    let selected = ok(b
        .eval("return document.getElementById('timeline-granularity').value;")
        .await);
    assert_eq!(selected, "week", "the menu shows what is drawn");
    b.close().await;
}
