//! Browser benchmark: how long the results timeline takes to render for 100k documents, in
//! headless Chromium (`cargo xtask bench-timeline` runs it and writes `BENCH-timeline-render.md`).
//!
//! The corpus is generated here (dates over ten years, 2,000 entities at Zipf-like frequencies)
//! and installed in place of the embedded one, then the real `Timeline` component renders it:
//! first render, a brush (new range), a granularity switch, and a filter with entity series.
//! Each figure is wall time from handing Yew the props to the DOM being updated, measured with
//! `performance.now()`; the test fails if a render is not drawn at all, not on time.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use chrono::NaiveDate;
use dossier::components::timeline::{Timeline, TimelineProps};
use dossier_engine::timeline::Granularity;
use dossier_engine::view::View;
use dossier_engine::{Corpus, DocIdx, Document, Entity, EntityKind};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// Documents in the generated corpus.
const DOCUMENTS: usize = 100_000;
const ENTITIES: usize = 2_000;
/// Timed repetitions of each scenario.
const RUNS: usize = 15;

/// A repeatable xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn generated() -> Corpus {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut entities: Vec<Entity> = (0..ENTITIES)
        .map(|i| Entity {
            id: format!("e{i:05}"),
            name: format!("Entity {i}"),
            kind: EntityKind::ALL[i % EntityKind::ALL.len()],
            forms: vec![],
            roles: vec![],
            documents: vec![],
        })
        .collect();
    // Zipf-like: entity k is drawn with weight 1/(k+1), by binary search over cumulative weights.
    let cumulative: Vec<f64> = (0..ENTITIES)
        .scan(0.0, |acc, k| {
            *acc += 1.0 / (k as f64 + 1.0);
            Some(*acc)
        })
        .collect();
    let total = *cumulative.last().unwrap();
    let documents: Vec<Document> = (0..DOCUMENTS)
        .map(|i| {
            // A slow upward trend with a burst in one month, like a news story breaking.
            let day = (rng.next() % 3650) as i64;
            let day = if i % 50 == 0 { 2000 + day % 30 } else { day };
            for _ in 0..5 {
                let x = (rng.next() % 1_000_000) as f64 / 1_000_000.0 * total;
                let k = cumulative.partition_point(|c| *c < x).min(ENTITIES - 1);
                let docs = &mut entities[k].documents;
                if docs.last() != Some(&(i as DocIdx)) {
                    docs.push(i as DocIdx);
                }
            }
            Document {
                id: format!("d{i:06}"),
                title: format!("Generated headline number {i} about the week's events"),
                date: (i % 97 != 0).then(|| start + chrono::Duration::days(day)),
                ..Document::default()
            }
        })
        .collect();
    Corpus {
        documents,
        entities,
        ..Corpus::default()
    }
}

fn now() -> f64 {
    gloo::utils::window().performance().unwrap().now()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn nonempty_buckets() -> u32 {
    gloo::utils::document()
        .query_selector_all("#timeline g.bucket.nonempty")
        .unwrap()
        .length()
}

/// Ignored in the normal test run (it is a benchmark); `cargo xtask bench-timeline` runs it.
#[wasm_bindgen_test]
#[ignore]
async fn timeline_renders_100k_documents() {
    assert!(
        dossier::use_corpus(generated()),
        "the generated corpus is installed before anything reads the embedded one"
    );
    let corpus = dossier::corpus();
    let all: Rc<Vec<DocIdx>> = Rc::new((0..corpus.documents.len() as DocIdx).collect());
    let props = |view: View, results: Rc<Vec<DocIdx>>| TimelineProps {
        view,
        results,
        on_navigate: Callback::noop(),
        compact: false,
    };
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();

    // The corpus-wide tables the app builds once (the facet tables, which hold the entities
    // per document, and the burst baseline) are start-up work, timed on their own; the first
    // render is then the chart's own cost.
    let t = now();
    let _ = dossier::facets();
    let tables = now() - t;
    let t = now();
    let app = yew::Renderer::<Timeline>::with_root_and_props(
        root.clone(),
        props(View::default(), all.clone()),
    )
    .render();
    yew::scheduler::flush().await;
    let first = now() - t;
    assert!(nonempty_buckets() > 12, "the first render drew the chart");
    // A second mount, as when the results view comes back: caches built, wasm code warm.
    app.destroy();
    root.set_inner_html("");
    let t = now();
    let mut app = yew::Renderer::<Timeline>::with_root_and_props(
        root.clone(),
        props(View::default(), all.clone()),
    )
    .render();
    yew::scheduler::flush().await;
    let warm = now() - t;
    assert!(nonempty_buckets() > 12, "the second mount drew the chart");

    let mid = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let brushed = View {
        from: Some(mid),
        to: Some(mid + chrono::Duration::days(200)),
        ..View::default()
    };
    let weekly = View {
        granularity: Some(Granularity::Week),
        ..View::default()
    };
    // Four years of results by week: the most bars the chart draws (under the bucket cap).
    let (y2019, y2022) = (
        NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(),
    );
    let four_years: Rc<Vec<DocIdx>> = Rc::new(
        (0..corpus.documents.len() as DocIdx)
            .filter(|&d| {
                corpus.documents[d as usize]
                    .date
                    .is_some_and(|t| t >= y2019 && t <= y2022)
            })
            .collect(),
    );
    // A filter on the three most frequent entities: their documents, with one series each.
    let filtered_docs: Rc<Vec<DocIdx>> = Rc::new({
        let mut d: Vec<DocIdx> = corpus.entities[..3]
            .iter()
            .flat_map(|e| e.documents.iter().copied())
            .collect();
        d.sort_unstable();
        d.dedup();
        d
    });
    let filtered = View {
        entities: corpus.entities[..3].iter().map(|e| e.id.clone()).collect(),
        ..View::default()
    };
    let scenarios: [(&str, View, Rc<Vec<DocIdx>>); 4] = [
        ("brush (date range on all 100k)", brushed, all.clone()),
        (
            "week asked for ten years (drawn by month: 522 weeks exceed the 240-bar cap)",
            weekly.clone(),
            all.clone(),
        ),
        (
            "four years of results by week (209 bars)",
            weekly,
            four_years.clone(),
        ),
        (
            "entity filter with 3 series",
            filtered,
            filtered_docs.clone(),
        ),
    ];
    let mut lines = vec![
        format!(
            "one-time corpus tables (entities per document), {} documents: {tables:.1} ms",
            corpus.documents.len()
        ),
        format!(
            "first render, {} documents (includes the burst baseline, built once): {first:.1} ms",
            corpus.documents.len()
        ),
        format!(
            "mount again (tables built, code warm), {} documents: {warm:.1} ms",
            corpus.documents.len()
        ),
    ];
    for (name, view, results) in scenarios {
        let mut samples = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            // Back to the plain chart, then time the change.
            app.update(props(View::default(), all.clone()));
            yew::scheduler::flush().await;
            let t = now();
            app.update(props(view.clone(), results.clone()));
            yew::scheduler::flush().await;
            samples.push(now() - t);
            assert!(nonempty_buckets() > 0, "{name}: the chart is drawn");
        }
        samples.sort_by(f64::total_cmp);
        lines.push(format!(
            "{name}, {} results: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            results.len(),
            percentile(&samples, 50.0),
            percentile(&samples, 95.0),
            samples[samples.len() - 1]
        ));
    }
    let series = document
        .query_selector_all("#timeline polyline.series")
        .unwrap();
    assert_eq!(series.length(), 3, "one line per filtered entity");
    for line in lines {
        console_log!("BENCH timeline: {line}");
    }
    app.destroy();
}
