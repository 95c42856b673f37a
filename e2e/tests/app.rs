//! The built app in headless Chromium, through its real UI: listing, search, opening a
//! document, reload and back, sub-path deployment and nonsense URLs.

use std::collections::BTreeMap;
use std::time::Duration;

use dossier_e2e::{built, dist_dir, subpath, subpath_dist_dir, Browser, StaticServer};
use serde_json::Value;

const SHORT: Duration = Duration::from_secs(10);

/// Expected metadata of one seed document, from the gold annotation.
struct Gold {
    date: String,
    title: Option<String>,
}

/// The `documents` part of `seeds-gold.json`, by document id.
fn gold_documents() -> BTreeMap<String, Gold> {
    let path = dossier_e2e::workspace_root().join("crates/engine/tests/data/seeds-gold.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap();
    json["documents"]
        .as_object()
        .expect("gold has documents")
        .iter()
        .map(|(id, d)| {
            let gold = Gold {
                date: d["date"].as_str().expect("gold date").to_string(),
                title: d["title"].as_str().map(str::to_string),
            };
            (id.clone(), gold)
        })
        .collect()
}

/// A required entity of the gold annotation that occurs in exactly one document: (surname or
/// single-word form, the document id).
fn word_in_one_document() -> (String, String) {
    let path = dossier_e2e::workspace_root().join("crates/engine/tests/data/seeds-gold.json");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let docs: Vec<String> = gold_documents().into_keys().collect();
    for e in json["required"].as_array().unwrap() {
        let in_docs = e["documents"].as_array().unwrap();
        if e["type"] == "person" && in_docs.len() == 1 {
            let name = e["name"].as_str().unwrap();
            let word = name.split_whitespace().last().unwrap().to_string();
            let prefix = in_docs[0].as_str().unwrap();
            let id = docs.iter().find(|d| d.starts_with(prefix)).unwrap().clone();
            return (word, id);
        }
    }
    panic!("gold has no person found in exactly one document");
}

/// The result list as the page shows it: one object per `li.result`.
const RESULTS_JS: &str = r##"
return Array.from(document.querySelectorAll("#results > li.result")).map(li => {
  const a = li.querySelector("a.result-title");
  const t = li.querySelector("time.result-date");
  return {
    id: li.dataset.docId,
    title: a ? a.textContent.trim() : null,
    href: a ? a.getAttribute("href") : null,
    date: t ? t.getAttribute("datetime") : null,
    dateText: t ? t.textContent.trim() : null,
    source: !!li.querySelector(".result-source"),
    snippet: !!li.querySelector(".result-snippet"),
  };
});"##;

async fn result_ids(b: &Browser) -> Vec<String> {
    b.eval(RESULTS_JS)
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("").to_string())
        .collect()
}

async fn browser() -> Browser {
    Browser::launch().await.unwrap_or_else(|e| panic!("{e}"))
}

fn ok<T>(r: Result<T, String>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// Checks that the page lists exactly the five seeds with gold dates and titles.
async fn assert_lists_seeds(b: &Browser) {
    let gold = gold_documents();
    let results = b.eval(RESULTS_JS).await.unwrap();
    let results = results.as_array().unwrap();
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["id"].as_str().unwrap_or(""))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        gold.keys().map(String::as_str).collect::<Vec<_>>(),
        "listed documents"
    );
    for r in results {
        let id = r["id"].as_str().unwrap();
        let g = &gold[id];
        assert_eq!(r["date"].as_str(), Some(g.date.as_str()), "date of {id}");
        assert!(
            !r["dateText"].as_str().unwrap_or("").is_empty(),
            "visible date of {id}"
        );
        let title = r["title"].as_str().unwrap_or("");
        match &g.title {
            Some(t) => assert_eq!(title, t, "title of {id}"),
            None => assert!(!title.is_empty(), "derived title of {id} is empty"),
        }
        let href = r["href"].as_str().unwrap_or("");
        assert!(
            href.contains(&format!("doc={id}")),
            "result link of {id} is a real link to its view: {href:?}"
        );
        assert_eq!(r["source"], true, "{id} shows .result-source");
        assert_eq!(r["snippet"], true, "{id} shows .result-snippet");
    }
    let count = ok(b
        .eval(r##"const c = document.getElementById("result-count"); return c ? c.textContent : null;"##)
        .await);
    let count = count.as_str().expect("#result-count exists");
    assert!(count.contains('5'), "#result-count says 5: {count:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_all_seed_documents_with_dates_and_titles() {
    let dist = dist_dir();
    if !built(&dist) {
        return;
    }
    let server = StaticServer::start(&dist, "/").unwrap();
    let b = browser().await;
    ok(b.open(&server.url("")).await);
    assert_lists_seeds(&b).await;
    let loading = b
        .eval(
            r##"const l = document.getElementById("loading");
               return l === null ? "gone" : (l.offsetParent === null ? "hidden" : "visible");"##,
        )
        .await
        .unwrap();
    assert_ne!(
        loading, "visible",
        "#loading is removed or hidden once ready"
    );
    let marked = b
        .eval(r##"return performance.getEntriesByName("dossier-ready").length;"##)
        .await
        .unwrap();
    assert_eq!(marked, 1, "performance.mark(\"dossier-ready\") once");
    b.close().await;
}

/// Regression: the address stopped following the search box after about 200 keystrokes,
/// because Chromium ignores `history.replaceState` calls beyond its flood limit and the app
/// replaced the entry on every keystroke. Typing now writes the address once it pauses.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn address_follows_typing_past_the_history_flood_limit() {
    let dist = dist_dir();
    if !built(&dist) {
        return;
    }
    let server = StaticServer::start(&dist, "/").unwrap();
    let b = browser().await;
    ok(b.open(&server.url("")).await);
    let search = b
        .client
        .find(dossier_e2e::Locator::Css("input#search"))
        .await
        .unwrap();
    // 260 keystrokes, in bursts with short pauses, as a fast typist would.
    let mut typed = String::new();
    for word in ["nato ", "lithuania ", "defence ", "vilnius "]
        .iter()
        .cycle()
        .take(36)
    {
        search.send_keys(word).await.unwrap();
        typed.push_str(word);
    }
    search.send_keys("rutte").await.unwrap();
    typed.push_str("rutte");
    assert!(typed.len() > 250);
    let want = serde_json::to_string(&typed).unwrap();
    ok(b.wait_until(
        "the address to carry everything typed",
        SHORT,
        &format!("return new URLSearchParams(location.search).get('q') === {want};"),
    )
    .await);
    // Reloading that address shows the same query.
    ok(b.open(&b.url().await.unwrap()).await);
    let value = ok(b
        .eval("return document.getElementById('search').value;")
        .await);
    assert_eq!(value.as_str(), Some(typed.as_str()));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_in_search_narrows_the_list() {
    let dist = dist_dir();
    if !built(&dist) {
        return;
    }
    let (word, id) = word_in_one_document();
    let server = StaticServer::start(&dist, "/").unwrap();
    let b = browser().await;
    ok(b.open(&server.url("")).await);
    assert_eq!(result_ids(&b).await.len(), 5);

    let search = b
        .client
        .find(dossier_e2e::Locator::Css("input#search"))
        .await
        .expect("input#search exists");
    assert_eq!(
        search.attr("type").await.unwrap().as_deref(),
        Some("search")
    );
    search.send_keys(&word).await.unwrap();
    // The app may filter after a short delay: wait for the final state, not the first change.
    let only_one = format!(
        r##"const ids = Array.from(document.querySelectorAll("#results > li.result"))
                          .map(li => li.dataset.docId);
           return ids.length === 1 && ids[0] === "{id}";"##
    );
    if let Err(e) = b
        .wait_until(&format!("only {id} listed for {word:?}"), SHORT, &only_one)
        .await
    {
        panic!("{e}; listed: {:?}", result_ids(&b).await);
    }
    let count = b
        .eval(r##"return document.getElementById("result-count").textContent;"##)
        .await
        .unwrap();
    assert!(
        count.as_str().unwrap().contains('1'),
        "#result-count follows the filter: {count}"
    );

    search.clear().await.unwrap();
    // Some browsers fire no input event on clear(); typing and deleting a character does.
    search.send_keys(" ").await.unwrap();
    search.send_keys("\u{E003}").await.unwrap();
    ok(b.wait_until(
        "the full list after clearing the search",
        SHORT,
        r##"return document.querySelectorAll("#results > li.result").length === 5;"##,
    )
    .await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_document_reload_and_go_back() {
    let dist = dist_dir();
    if !built(&dist) {
        return;
    }
    let gold = gold_documents();
    let (id, g) = gold
        .iter()
        .find(|(_, g)| g.title.is_some())
        .expect("a gold document with a title");
    let title = g.title.as_deref().unwrap();
    let server = StaticServer::start(&dist, "/").unwrap();
    let b = browser().await;
    let list_url = server.url("");
    ok(b.open(&list_url).await);

    let link = b
        .client
        .find(dossier_e2e::Locator::Css(&format!(
            r##"li.result[data-doc-id="{id}"] a.result-title"##
        )))
        .await
        .expect("result link");
    link.click().await.unwrap();

    let reader_js = format!(
        r##"const r = document.querySelector('article#reader[data-doc-id="{id}"]');
           if (!r) return null;
           const h = r.querySelector("h1.doc-title"), t = r.querySelector("time.doc-date");
           return {{ title: h ? h.textContent.trim() : null,
                     date: t ? t.getAttribute("datetime") : null,
                     paragraphs: r.querySelectorAll("p").length }};"##
    );
    let check_reader = |v: Value| {
        assert_eq!(v["title"].as_str(), Some(title), "reader title");
        assert_eq!(v["date"].as_str(), Some(g.date.as_str()), "reader date");
        assert!(
            v["paragraphs"].as_u64().unwrap_or(0) > 0,
            "reader paragraphs"
        );
    };
    check_reader(ok(b
        .wait_until("the reader to show the document", SHORT, &reader_js)
        .await));
    let url = ok(b.url().await);
    assert!(
        url.contains(&format!("doc={id}")),
        "URL names the document: {url}"
    );

    b.client.refresh().await.unwrap();
    ok(b.wait_ready().await);
    check_reader(ok(b
        .wait_until("the reader after reload", SHORT, &reader_js)
        .await));
    assert_eq!(ok(b.url().await), url, "reload keeps the URL");

    b.client.back().await.unwrap();
    ok(b.wait_until(
        "the list after going back",
        SHORT,
        &format!(
            r##"return !document.querySelector('article#reader[data-doc-id="{id}"]')
                      && document.querySelectorAll("#results > li.result").length === 5;"##
        ),
    )
    .await);
    let back_url = ok(b.url().await);
    assert!(
        !back_url.contains("doc="),
        "back leaves the document: {back_url}"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn works_under_a_sub_path() {
    // The default build uses relative asset URLs, so the same dist/ works under any prefix.
    let dist = dist_dir();
    if !built(&dist) {
        return;
    }
    let b = browser().await;
    {
        let server = StaticServer::start(&dist, "/deep/sub/path/").unwrap();
        ok(b.open(&server.url("")).await);
        assert_lists_seeds(&b).await;
        let first = result_ids(&b).await.remove(0);
        ok(b.open(&server.url(&format!("?doc={first}"))).await);
        ok(b.wait_until(
            "the reader under a sub-path",
            SHORT,
            &format!(
                r##"return !!document.querySelector('article#reader[data-doc-id="{first}"]');"##
            ),
        )
        .await);
    }
    // A build made for one prefix with `--public-url`.
    let sub = subpath_dist_dir();
    if built(&sub) {
        let server = StaticServer::start(&sub, &subpath()).unwrap();
        ok(b.open(&server.url("")).await);
        assert_lists_seeds(&b).await;
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nonsense_url_shows_a_notice_and_the_list() {
    let dist = dist_dir();
    if !built(&dist) {
        return;
    }
    let server = StaticServer::start(&dist, "/").unwrap();
    let b = browser().await;
    ok(b.open(&server.url("?doc=nope&from=garbage&sort=%00%ff"))
        .await);
    let state = b
        .eval(
            r##"const n = document.getElementById("notice");
               return { notice: n ? n.textContent.trim() : null,
                        fatal: !!document.getElementById("fatal-error"),
                        results: document.querySelectorAll("#results > li.result").length };"##,
        )
        .await
        .unwrap();
    assert_eq!(state["fatal"], false, "no #fatal-error");
    assert!(
        !state["notice"].as_str().unwrap_or("").is_empty(),
        "#notice explains the ignored URL parts: {state}"
    );
    assert_eq!(state["results"], 5, "the list is shown: {state}");

    b.client
        .find(dossier_e2e::Locator::Css("#notice button.notice-dismiss"))
        .await
        .expect("notice has a dismiss button")
        .click()
        .await
        .unwrap();
    ok(b.wait_until(
        "the notice to go away",
        SHORT,
        r##"const n = document.getElementById("notice");
               return n === null || n.offsetParent === null;"##,
    )
    .await);
    b.close().await;
}
