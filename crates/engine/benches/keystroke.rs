//! Where one keystroke's engine work goes: the stages the app runs when the query changes
//! (parse and search, facet counts, the timeline's histogram, layout, bursts and bucket
//! headlines), timed apart on one corpus natively, p50 and p95 over the typed prefixes of the
//! browser benchmark's queries. Prints a table and writes it to `BENCH-keystroke.md`.
//!
//! `cargo bench -p dossier-engine --bench keystroke` (corpus: `DOSSIER_KEYSTROKE_N` generated
//! documents, default 10000; `DOSSIER_KEYSTROKE_SNAPSHOT=path` keeps the built corpus there as
//! a snapshot and reads it back on later runs; `DOSSIER_KEYSTROKE_EACH=1` prints every prefix's
//! timings on stderr).

mod common;

use dossier_engine::search::{facets::Facets, query, search, Filters, Sort};
use dossier_engine::timeline::{
    layout, result_facts, results_timeline, EntityBaseline, LayoutOptions,
};
use dossier_engine::Corpus;
use std::time::Instant;

/// The browser benchmark's queries, typed one key at a time.
const QUERIES: &[&str] = dossier_gen::TYPED_QUERIES;

fn corpus() -> Corpus {
    let n: usize = std::env::var("DOSSIER_KEYSTROKE_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let cache = std::env::var_os("DOSSIER_KEYSTROKE_SNAPSHOT").map(std::path::PathBuf::from);
    if let Some(bytes) = cache.as_ref().and_then(|p| std::fs::read(p).ok()) {
        return dossier_engine::snapshot::decode(&bytes).expect("the cached snapshot decodes");
    }
    let c = dossier_engine::build(&common::generate(n, 7), None).corpus;
    if let Some(p) = cache {
        std::fs::write(&p, dossier_engine::snapshot::encode(&c)).expect("snapshot written");
    }
    c
}

fn main() {
    let corpus = corpus();
    let n = corpus.documents.len();
    let facets = Facets::new(&corpus);
    let baseline = EntityBaseline::of(&corpus);
    let stages = ["search", "facet counts", "timeline", "all"];
    let mut ms: Vec<Vec<f64>> = vec![Vec::new(); stages.len()];
    for _round in 0..3 {
        for q in QUERIES {
            for k in 1..=q.chars().count() {
                let typed: String = q.chars().take(k).collect();
                let t0 = Instant::now();
                let r = search(
                    &corpus,
                    &query::parse(&typed, true),
                    &Filters::default(),
                    Sort::Relevance,
                );
                let t1 = Instant::now();
                let counts = facets.counts(&facets.set(&r.docs));
                let t2 = Instant::now();
                // As the app's timeline derives its chart from the results.
                let facts = result_facts(&facets, &r.docs);
                let t = results_timeline(&facts, None, &[], &baseline, 3);
                let chart = layout(&t.hist, &LayoutOptions::default());
                let t3 = Instant::now();
                if std::env::var_os("DOSSIER_KEYSTROKE_EACH").is_some() && _round == 0 {
                    eprintln!("{typed:>18} {:>6} results  search {:6.2} ms  facets {:6.2}  timeline {:6.2}", r.docs.len(), (t1 - t0).as_secs_f64() * 1e3, (t2 - t1).as_secs_f64() * 1e3, (t3 - t2).as_secs_f64() * 1e3);
                }
                std::hint::black_box((r, counts, chart, t));
                for (i, (a, b)) in [(t0, t1), (t1, t2), (t2, t3), (t0, t3)]
                    .into_iter()
                    .enumerate()
                {
                    ms[i].push((b - a).as_secs_f64() * 1000.0);
                }
            }
        }
    }
    let mut report = format!(
        "{n} generated documents (seed 7), {} typed prefixes of the browser benchmark's queries, 3 rounds; {}.\n\n\
         | stage | p50 | p95 | max |\n| --- | ---: | ---: | ---: |\n",
        ms[0].len() / 3,
        common::machine()
    );
    for (name, mut v) in stages.into_iter().zip(ms) {
        v.sort_by(f64::total_cmp);
        report.push_str(&format!(
            "| {name} | {:.2} ms | {:.2} ms | {:.2} ms |\n",
            common::percentile(&v, 50.0),
            common::percentile(&v, 95.0),
            v.last().copied().unwrap_or(0.0)
        ));
    }
    print!("{report}");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("BENCH-keystroke.md");
    std::fs::write(&path, format!("# One keystroke's engine work\n\n{report}\nCommand: `DOSSIER_KEYSTROKE_N={n} cargo bench -p dossier-engine --bench keystroke`.\n"))
        .expect("BENCH-keystroke.md written");
}
