//! Using the app day to day through the real UI: the keyboard flow, the remembered theme, the
//! export files, the phone layout, and axe-core's accessibility check over the main views.

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

/// Sends keys to whatever has focus, as a user typing would.
async fn keys(b: &Browser, text: &str) {
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("keys {text:?}: {e}"));
}

async fn active(b: &Browser) -> String {
    ok(
        b.eval("const a = document.activeElement; return a.id || a.className || a.tagName;")
            .await,
    )
    .as_str()
    .unwrap_or_default()
    .to_string()
}

const ESCAPE: &str = "\u{E00C}";
const ENTER: &str = "\u{E007}";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_alone_searches_moves_opens_and_closes() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("")).await);
    ok(b.wait_ready().await);
    // `?` lists the shortcuts; Esc closes the list.
    keys(&b, "?").await;
    ok(b.wait_until(
        "shortcuts",
        SHORT,
        "return document.getElementById('shortcuts') !== null;",
    )
    .await);
    keys(&b, ESCAPE).await;
    ok(b.wait_until(
        "shortcuts closed",
        SHORT,
        "return document.getElementById('shortcuts') === null;",
    )
    .await);
    // `/` focuses the search box without typing a slash.
    keys(&b, "/").await;
    assert_eq!(active(&b).await, "search");
    keys(&b, "nato").await;
    ok(b.wait_until(
        "query typed",
        SHORT,
        "return document.getElementById('search').value === 'nato' && location.search.includes('q=nato');",
    )
    .await);
    // Esc clears a filled box, a second Esc leaves it.
    keys(&b, ESCAPE).await;
    ok(b.wait_until(
        "cleared",
        SHORT,
        "return document.getElementById('search').value === '';",
    )
    .await);
    keys(&b, ESCAPE).await;
    ok(b.wait_until(
        "left the box",
        SHORT,
        "return document.activeElement.id !== 'search';",
    )
    .await);
    // j and k move through the results; the focused one is visibly outlined.
    keys(&b, "j").await;
    keys(&b, "j").await;
    keys(&b, "k").await;
    let first = ok(b
        .eval(
            "return document.querySelector('#results a.result-title') === document.activeElement;",
        )
        .await);
    assert_eq!(first, true, "j j k is back on the first result");
    let outline = ok(b
        .eval("const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;")
        .await);
    assert_eq!(outline, true, "focus is visible");
    keys(&b, "j").await;
    let second = ok(b
        .eval("return document.activeElement.closest('li.result').dataset.docId;")
        .await);
    // Enter opens the focused result; Esc closes it again.
    keys(&b, ENTER).await;
    ok(b.wait_until(
        "reader",
        SHORT,
        &format!(
            "return document.querySelector('#reader[data-doc-id={second}]') !== null;",
            second = second
        ),
    )
    .await);
    assert!(ok(b.url().await).contains("doc="));
    ok(b.eval("document.activeElement.blur(); return true;").await);
    keys(&b, ESCAPE).await;
    ok(b.wait_until(
        "reader closed",
        SHORT,
        "return document.getElementById('reader') === null && !location.search.includes('doc=');",
    )
    .await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn theme_toggle_is_remembered_across_reloads() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("")).await);
    ok(b.wait_ready().await);
    let theme = "return document.documentElement.dataset.theme || 'auto';";
    let background = "return getComputedStyle(document.body).backgroundColor;";
    let before = ok(b.eval(background).await);
    let mut seen = vec![ok(b.eval(theme).await)];
    // The toggle cycles through the themes; pick dark.
    for _ in 0..3 {
        if seen.last().unwrap() == "dark" {
            break;
        }
        b.client
            .find(Locator::Css("#theme-toggle"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        seen.push(ok(b.eval(theme).await));
    }
    assert_eq!(seen.last().unwrap(), "dark", "themes seen: {seen:?}");
    let dark = ok(b.eval(background).await);
    assert_ne!(before, dark, "the page is drawn dark");
    ok(b.open(&server.url("?q=nato")).await);
    ok(b.wait_ready().await);
    assert_eq!(ok(b.eval(theme).await), "dark", "remembered after a reload");
    assert_eq!(ok(b.eval(background).await), dark);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_carry_the_filtered_set_view_url_and_fingerprint() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.open(&server.url("?q=rutte")).await);
    ok(b.wait_ready().await);
    let shown = ok(b
        .eval("return Array.from(document.querySelectorAll('#results > li.result')).map(li => li.dataset.docId).sort();")
        .await);
    // Capture what the export buttons hand to the browser as downloads.
    ok(b.eval(r#"
        window.__downloads = [];
        const make = URL.createObjectURL;
        URL.createObjectURL = blob => { window.__downloads.push(blob); return make.call(URL, blob); };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () { window.__downloads.push(this.download); };
        return true;"#).await);
    for button in [
        ".export-results-csv",
        ".export-results-json",
        ".export-entities-csv",
    ] {
        ok(b.eval(&format!("document.querySelector('details.export').open = true; document.querySelector('{button}').click(); return true;")).await);
    }
    let files = ok(b
        .eval_async(
            "const out = []; for (const d of window.__downloads) out.push(typeof d === 'string' ? d : await d.text()); return out;",
        )
        .await);
    let files: Vec<String> = files
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        files.len(),
        6,
        "three blobs and three file names: {files:?}"
    );
    let names: Vec<&String> = files.iter().skip(1).step_by(2).collect();
    let date = regex_like_date(names[0]);
    assert!(
        names[0].starts_with("dossier-results-") && names[0].ends_with(".csv") && date,
        "{names:?}"
    );
    assert!(names[1].starts_with("dossier-results-") && names[1].ends_with(".json"));
    assert!(names[2].starts_with("dossier-entities-") && names[2].ends_with(".csv"));

    let json: serde_json::Value = serde_json::from_str(&files[2]).expect("results JSON parses");
    let text = files[2].as_str();
    assert!(
        json["view"].as_str().unwrap().contains("q=rutte"),
        "the view URL is recorded"
    );
    let fingerprint = json["corpus"].as_str().unwrap_or_default();
    assert!(
        fingerprint.len() >= 8,
        "a corpus fingerprint is recorded: {text}"
    );
    let docs = json["documents"].as_array().expect("a list of documents");
    let mut ids: Vec<String> = docs
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    assert_eq!(serde_json::json!(ids), shown, "exactly the filtered set");
    for field in ["id", "date", "title", "source", "url", "entities"] {
        assert!(docs[0].get(field).is_some(), "documents carry {field}");
    }
    let csv = &files[0];
    assert!(
        csv.contains("q=rutte") && csv.contains(fingerprint),
        "CSV records the view and corpus: {csv}"
    );
    for id in ids {
        assert!(csv.contains(&id), "CSV lists {id}");
    }
    assert!(files[4].lines().count() > 10, "entity table has rows");
    b.close().await;
}

/// `dossier-results-YYYY-MM-DD.csv`: the name carries the day.
fn regex_like_date(name: &str) -> bool {
    let day = name
        .trim_start_matches("dossier-results-")
        .trim_end_matches(".csv");
    chrono_like(day)
}

fn chrono_like(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phone_layout_fits_375_pixels_with_tabs() {
    let Some((server, b)) = start().await else {
        return;
    };
    ok(b.resize(375, 780).await);
    ok(b.open(&server.url("")).await);
    ok(b.wait_ready().await);
    let width = ok(b.eval("return window.innerWidth;").await)
        .as_u64()
        .unwrap();
    assert!(width <= 400, "viewport is phone-sized: {width}");
    let fits = "return document.documentElement.scrollWidth <= window.innerWidth;";
    assert_eq!(
        ok(b.eval(fits).await),
        true,
        "nothing is cut off at {width}px"
    );
    let tabs = ok(b
        .eval("const t = document.querySelector('nav.tabs'); return getComputedStyle(t).display !== 'none' && t.getBoundingClientRect().height > 0;")
        .await);
    assert_eq!(tabs, true, "the tabs are shown on a phone");
    let visible = |css: &str| {
        format!("const e = document.querySelector('{css}'); return e !== null && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0;")
    };
    assert_eq!(ok(b.eval(&visible(".results-pane")).await), true);
    assert_eq!(
        ok(b.eval(&visible(".facets")).await),
        false,
        "one panel at a time"
    );
    // The Filters tab shows the facets.
    ok(b.eval("Array.from(document.querySelectorAll('nav.tabs button')).find(t => t.textContent.startsWith('Filters')).click(); return true;").await);
    ok(b.wait_until("facets", SHORT, &visible(".facets")).await);
    assert_eq!(ok(b.eval(fits).await), true);
    // Opening a result shows the reader, which fits too.
    ok(b.eval("Array.from(document.querySelectorAll('nav.tabs button')).find(t => t.textContent.startsWith('Results')).click(); return true;").await);
    ok(
        b.wait_until("results", SHORT, &visible("#results a.result-title"))
            .await,
    );
    b.client
        .find(Locator::Css("#results a.result-title"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    ok(b.wait_until("reader", SHORT, &visible("#reader")).await);
    assert_eq!(ok(b.eval(fits).await), true, "the reader fits");
    assert_eq!(ok(b.eval(&visible(".results-pane")).await), false);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn main_views_have_no_serious_accessibility_violations() {
    let Some((server, b)) = start().await else {
        return;
    };
    let views = [
        ("landing", ""),
        (
            "search with a document open",
            "?doc=001_4b90533497af7736&q=nato",
        ),
        ("entity page", "?entity_page=mark-rutte"),
        (
            "network and filters",
            "?network=1&entity=lithuania&min_count=1",
        ),
        ("quotes", "?quotes=1&q=said%3Arutte"),
        ("bad link notice", "?from=yesterday&sort=sideways"),
    ];
    let mut failures = Vec::new();
    for theme in ["light", "dark"] {
        for (name, query) in views {
            ok(b.open(&server.url(query)).await);
            ok(b.wait_ready().await);
            ok(b.eval(&format!(
                "document.documentElement.dataset.theme = '{theme}'; return true;"
            ))
            .await);
            for v in ok(b.axe_serious().await) {
                failures.push(format!("{name} ({theme}): {v}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "axe-core violations:\n{}",
        failures.join("\n")
    );
    b.close().await;
}
