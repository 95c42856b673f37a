//! Query latency (parse, search, facet counts) on generated corpora of 1k, 10k and 100k
//! documents, and index bytes per document; writes `BENCH-search.md`.
//!
//! `cargo bench -p dossier-engine --bench search`

mod common;

use dossier_engine::search::{facets::Facets, query, search, Filters, Sort};
use std::time::Instant;

const QUERIES: &[(&str, bool)] = &[
    ("nato", false),
    ("defence spending", false),
    ("\"air defence\"", false),
    ("lith", true),
    ("stoltenbrg", false),
    ("person:anna", false),
    ("date:2019..2021 security", false),
    ("nato -russia", false),
    ("patriot OR missile", false),
    ("", false),
];

fn main() {
    let sizes: Vec<usize> = std::env::var("DOSSIER_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000]);
    let mut rows = String::new();
    let mut slow = String::new();
    for &n in &sizes {
        let files = common::generate(n, 11);
        let t = Instant::now();
        let corpus = dossier_engine::build(&files, None).corpus;
        let build_s = t.elapsed().as_secs_f64();
        drop(files);
        let index_bytes = postcard_len(&corpus.index);
        let facets = Facets::new(&corpus);
        let mut samples = Vec::new();
        let mut per_query: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
        for _ in 0..5 {
            for (q, typing) in QUERIES {
                let t = Instant::now();
                let parsed = query::parse(q, *typing);
                let r = search(&corpus, &parsed, &Filters::default(), Sort::Relevance);
                let counts = facets.counts(&facets.set(&r.docs));
                std::hint::black_box((r, counts));
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                per_query.entry(*q).or_default().push(ms);
                samples.push(ms);
            }
        }
        samples.sort_by(f64::total_cmp);
        rows.push_str(&format!(
            "| {n} | {:.2} ms | {:.2} ms | {:.0} | {:.0} s |\n",
            common::percentile(&samples, 50.0),
            common::percentile(&samples, 95.0),
            index_bytes as f64 / n as f64,
            build_s
        ));
        let slowest = per_query
            .iter()
            .map(|(q, v)| (q, v.iter().copied().fold(0.0, f64::max)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((q, ms)) = slowest {
            slow.push_str(&format!(
                "- {n} documents: slowest query `{q}` at {ms:.1} ms\n"
            ));
        }
    }
    let report = format!(
        "# Search latency\n\nGenerated corpora (about 400 words a document); {} queries × 5 runs each: a word, two words, a phrase, a prefix while typing, a typo, `person:`, a date range with a word, an exclusion, `OR`, and the empty query. Each sample is query parsing + search + facet counts over the results, natively; {}.\n\n\
         | documents | p50 | p95 | index bytes / document | build (parse, entities, quotes, index) |\n| --- | --- | --- | --- | --- |\n{rows}\n{slow}\n\
         Command: `cargo bench -p dossier-engine --bench search` (sizes from `DOSSIER_BENCH_SIZES`, default `1000,10000,100000`; the bench profile inherits the release profile: opt-level `z`, LTO). Phrase queries check candidate documents' text (word positions are not indexed), so they are the slow tail.\n",
        QUERIES.len(),
        common::machine()
    );
    print!("{report}");
    std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/BENCH-search.md"),
        report,
    )
    .expect("write BENCH-search.md");
}

fn postcard_len(index: &dossier_engine::search::Index) -> usize {
    let corpus = dossier_engine::Corpus {
        index: index.clone(),
        ..Default::default()
    };
    dossier_engine::snapshot::encode(&corpus).len()
}
