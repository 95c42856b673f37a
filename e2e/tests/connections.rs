//! Connections through the real UI: the entity network (nodes filter, links show shared
//! documents, thresholds live in the URL), who-said-what (the quotes view, `said:`, a person's
//! quotes on their page), and the timeline's readout of a bucket.

use std::time::Duration;

use dossier_e2e::{built, dist_dir, Browser, Locator, StaticServer};

const SHORT: Duration = Duration::from_secs(10);

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

/// Waits for `css` to match, then clicks the first match through WebDriver (a real click).
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

async fn result_count(b: &Browser) -> u64 {
    ok(
        b.eval("return document.querySelectorAll('#results > li.result').length;")
            .await,
    )
    .as_u64()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_shows_the_main_entities_and_clicks_filter() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("")).await);
    ok(b.wait_ready().await);
    click(&b, "#network-toggle").await;
    ok(b.wait_until(
        "network nodes",
        SHORT,
        r#"return document.querySelectorAll('#network g.node').length > 5;"#,
    )
    .await);
    assert!(ok(b.url().await).contains("network=1"));
    let ids = ok(b
        .eval(r#"return Array.from(document.querySelectorAll('#network g.node')).map(g => g.dataset.entityId).join(',');"#)
        .await);
    let ids = ids.as_str().unwrap().to_string();
    for main in ["nato", "lithuania", "mark-rutte", "gitanas-nauseda"] {
        assert!(ids.split(',').any(|i| i == main), "{main} in {ids}");
    }
    // Hovering a node lights its neighbours and names it in the readout.
    ok(b.eval(r#"document.querySelector('#network g.node[data-entity-id="mark-rutte"] a').dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); return true;"#).await);
    ok(b.wait_until(
        "readout",
        SHORT,
        r#"return document.getElementById('network-readout').textContent.startsWith('Mark Rutte: 3 documents');"#,
    )
    .await);
    // A click on a node filters the results by it.
    click(&b, r#"#network g.node[data-entity-id="mark-rutte"] circle"#).await;
    ok(b.wait_until(
        "filtered by Rutte",
        SHORT,
        "return location.search.includes('entity=mark-rutte') && document.querySelectorAll('#results > li.result').length === 3;",
    )
    .await);
    assert!(
        ok(b.url().await).contains("network=1"),
        "the network stays open"
    );

    // Thresholds live in the URL; lowering them shows links, and a link shows where both occur.
    ok(b.open(&server.url("?network=1&min_count=1&min_lift=1"))
        .await);
    ok(b.wait_ready().await);
    ok(b.wait_until(
        "edges",
        SHORT,
        "return document.querySelectorAll('#network line.edge').length > 0;",
    )
    .await);
    assert_eq!(
        ok(
            b.eval("return document.getElementById('network-min-count').value;")
                .await
        ),
        "1"
    );
    let edge = ok(b
        .eval(r#"const e = document.querySelector('#network line.edge'); return [e.dataset.a, e.dataset.b, e.dataset.count];"#)
        .await);
    let (a, bb, count) = (
        edge[0].as_str().unwrap().to_string(),
        edge[1].as_str().unwrap().to_string(),
        edge[2].as_str().unwrap().parse::<u64>().unwrap(),
    );
    ok(b.eval(r#"document.querySelector('#network line.edge-hit').dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, button: 0})); return true;"#).await);
    ok(b.wait_until(
        "both entities",
        SHORT,
        &format!(
            "return location.search.includes('entity={a}') && location.search.includes('entity={bb}');"
        ),
    )
    .await);
    ok(b.wait_until(
        "shared documents",
        SHORT,
        &format!("return document.querySelectorAll('#results > li.result').length === {count};"),
    )
    .await);
    // Changing a threshold in the control rewrites the URL.
    ok(b.eval(r#"const i = document.getElementById('network-min-count'); i.value = '2'; i.dispatchEvent(new Event('change', {bubbles: true})); return true;"#).await);
    ok(b.wait_until(
        "min_count in URL",
        SHORT,
        "return location.search.includes('min_count=2');",
    )
    .await);
    // Hiding it drops it from the URL.
    click(&b, "#network-hide").await;
    ok(b.wait_until(
        "network hidden",
        SHORT,
        "return document.getElementById('network') === null && !location.search.includes('network');",
    )
    .await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quotes_view_lists_who_said_what_and_a_person_page_shows_theirs() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("")).await);
    ok(b.wait_ready().await);
    click(&b, "#mode-quotes").await;
    ok(b.wait_until(
        "quotes",
        SHORT,
        "return document.querySelectorAll('#quotes > li.quote').length > 10;",
    )
    .await);
    assert!(ok(b.url().await).contains("quotes=1"));
    // The switch's count is the number of quotations the list holds.
    let counted = ok(b
        .eval(r#"const n = Number(document.getElementById('mode-quotes').textContent.match(/\((\d+)\)/)[1]); return n === document.querySelectorAll('#quotes > li.quote').length ? n : -n;"#)
        .await);
    assert!(
        counted.as_i64().unwrap() > 10,
        "Quotes (N) against the list: {counted}"
    );
    // `said:` narrows the list to one speaker's quotes.
    let search = b.client.find(Locator::Css("input#search")).await.unwrap();
    search.send_keys("said:rutte").await.unwrap();
    ok(b.wait_until(
        "Rutte's quotes",
        SHORT,
        r#"const q = Array.from(document.querySelectorAll('#quotes > li.quote')); return q.length === 2 && q.every(li => li.dataset.speakerId === 'mark-rutte');"#,
    )
    .await);
    let count = ok(b
        .eval("return document.getElementById('quote-count').textContent;")
        .await);
    assert!(
        count
            .as_str()
            .unwrap()
            .starts_with("2 quotations in 1 document"),
        "{count}"
    );
    // The speaker links to the person's page, which lists the same quotes with their document.
    click(&b, "#quotes > li.quote a.quote-speaker").await;
    ok(b.wait_until(
        "entity page quotes",
        SHORT,
        r#"return document.querySelector('#entity-page[data-entity-id="mark-rutte"]') !== null && document.querySelectorAll('#entity-quotes > li.quote').length === 2;"#,
    )
    .await);
    let linked = ok(b
        .eval(r#"return Array.from(document.querySelectorAll('#entity-quotes a.doc-link')).every(a => a.getAttribute('href').startsWith('?doc='));"#)
        .await);
    assert_eq!(linked, true);
    // Back to documents: the results list returns with the same query.
    ok(b.open(&server.url("?q=said%3Arutte&quotes=1")).await);
    ok(b.wait_ready().await);
    click(&b, "#mode-documents").await;
    ok(b.wait_until(
        "documents again",
        SHORT,
        "return document.querySelectorAll('#results > li.result').length === 1;",
    )
    .await);
    assert_eq!(result_count(&b).await, 1);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeline_bucket_focus_shows_its_count_and_headlines() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("?granularity=month")).await);
    ok(b.wait_ready().await);
    // A real click first, so the page has input focus: focus events are only delivered to a
    // focused page (regression: the readout never appeared when the window had not been focused).
    click(&b, "#result-count").await;
    let text = ok(b
        .wait_until(
            "readout",
            SHORT,
            r#"const a = document.querySelector('#timeline g.bucket.nonempty[data-from="2024-04-01"] a');
               const t = document.getElementById('timeline-readout').textContent;
               if (t.includes('2 documents')) return t;
               a.blur(); a.focus();
               return false;"#,
        )
        .await);
    let text = text.as_str().unwrap();
    assert!(text.starts_with("Apr 2024"), "{text}");
    let headlines = ok(b
        .eval("return document.querySelectorAll('#timeline-readout .readout-headlines li').length;")
        .await);
    assert_eq!(headlines, 2);
    // Arrow keys move the focus, and the readout follows it.
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{E014}") // ArrowRight
        .await
        .unwrap();
    ok(b.wait_until(
        "next bucket",
        SHORT,
        r#"return document.getElementById('timeline-readout').textContent.startsWith('Feb 2025');"#,
    )
    .await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_links_can_count_paragraphs_instead_of_documents() {
    let Some((server, b)) = start().await else {
        return;
    };
    let edge_counts = r#"return Array.from(document.querySelectorAll('#network line.edge'))
        .map(e => [e.dataset.a, e.dataset.b].sort().join('|') + '=' + e.dataset.count);"#;
    ok(b.open(&server.url("?network=1&min_count=1&min_lift=0"))
        .await);
    ok(b.wait_until(
        "document links",
        SHORT,
        "return document.querySelectorAll('#network line.edge').length > 0;",
    )
    .await);
    let by_doc = ok(b.eval(edge_counts).await);
    // Choosing "within a paragraph" puts it in the link and recounts the links.
    ok(b.eval(
        r#"const s = document.getElementById('network-within'); s.value = 'paragraph';
                 s.dispatchEvent(new Event('change', {bubbles: true})); return true;"#,
    )
    .await);
    ok(b.wait_until(
        "paragraph mode in the URL",
        SHORT,
        "return location.search.includes('within=paragraph');",
    )
    .await);
    ok(b.wait_until(
        "paragraph links",
        SHORT,
        "return document.getElementById('network-note').textContent.includes('paragraphs');",
    )
    .await);
    let by_para = ok(b.eval(edge_counts).await);
    assert_ne!(
        by_doc, by_para,
        "paragraph links differ from document links"
    );
    // The units are now the seeds' paragraphs, many more than their five documents.
    let note = ok(b
        .eval("return document.getElementById('network-note').textContent;")
        .await);
    let note = note.as_str().unwrap();
    let units: u32 = note
        .split(" among ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no unit count in {note:?}"));
    assert!(units > 20, "{note}");
    assert!(
        note.contains(&format!("among {units} paragraphs")),
        "{note}"
    );
    // Reopening the link restores the mode.
    ok(
        b.open(&server.url("?network=1&min_count=1&min_lift=0&within=paragraph"))
            .await,
    );
    assert_eq!(
        ok(
            b.eval("return document.getElementById('network-within').value;")
                .await
        ),
        "paragraph"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pinning_an_entity_draws_its_series_on_the_timeline() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("")).await);
    assert_eq!(
        ok(
            b.eval("return document.querySelectorAll('#timeline polyline.series').length;")
                .await
        ),
        0
    );
    click(
        &b,
        r#"#entity-panel a.entity-pin[data-entity-id="mark-rutte"]"#,
    )
    .await;
    ok(b.wait_until(
        "pinned series",
        SHORT,
        r#"return location.search.includes('pin=mark-rutte')
            && document.querySelectorAll('#timeline polyline.series').length === 1
            && document.querySelector('#timeline .legend-series[data-entity-id="mark-rutte"]') !== null;"#,
    )
    .await);
    // Pinning does not filter: all five documents are still listed.
    assert_eq!(result_count(&b).await, 5);
    assert_eq!(
        ok(b.eval(r#"return document.querySelector('#entity-panel a.entity-pin[data-entity-id="mark-rutte"]').getAttribute('aria-label');"#).await),
        "Unpin Mark Rutte from the timeline"
    );
    // A fresh load of the link draws the same series; the legend's × unpins it.
    let url = ok(b.url().await);
    ok(b.open(&url).await);
    click(&b, "#timeline .legend-unpin").await;
    ok(b.wait_until(
        "unpinned",
        SHORT,
        "return !location.search.includes('pin=') && document.querySelectorAll('#timeline polyline.series').length === 0;",
    )
    .await);
    b.close().await;
}
