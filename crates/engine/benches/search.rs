//! Query latency (parse, search, facet counts) on generated corpora of 1k, 10k and 100k
//! documents, with Criterion, plus p50/p95 over per-run samples and index bytes per document;
//! writes `BENCH-search.md` and the "Search latency" section of the root `BENCHMARKS.md`.
//!
//! `cargo bench -p dossier-engine --bench search` (sizes from `DOSSIER_BENCH_SIZES`).

mod common;

use criterion::{BenchmarkId, Criterion, SamplingMode};
use dossier_engine::search::{facets::Facets, query, search, Filters, Sort};
use dossier_engine::Corpus;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// The queries timed, and whether each is typed (its last word a prefix).
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

/// Runs of each query in the percentile pass.
const RUNS: usize = 20;

/// One sample: the query parsed, searched and its results' facets counted.
fn run(corpus: &Corpus, facets: &Facets, q: &str, typing: bool) {
    let parsed = query::parse(q, typing);
    let r = search(corpus, &parsed, &Filters::default(), Sort::Relevance);
    let counts = facets.counts(&facets.set(&r.docs));
    std::hint::black_box((r, counts));
}

/// What one corpus size measured.
struct Row {
    n: usize,
    build_s: f64,
    index_bytes: usize,
    /// Milliseconds of every run, per query.
    per_query: BTreeMap<&'static str, Vec<f64>>,
}

fn main() {
    let sizes: Vec<usize> = std::env::var("DOSSIER_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000]);
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10)
        .configure_from_args();
    let mut rows = Vec::new();
    for &n in &sizes {
        let files = common::generate(n, 11);
        let t = Instant::now();
        let corpus = dossier_engine::build(&files, None).corpus;
        let build_s = t.elapsed().as_secs_f64();
        drop(files);
        let index_bytes = postcard_len(&corpus.index);
        let facets = Facets::new(&corpus);
        let mut group = criterion.benchmark_group(format!("search/{n}"));
        group.sampling_mode(SamplingMode::Flat);
        for (i, &(q, typing)) in QUERIES.iter().enumerate() {
            let id = BenchmarkId::from_parameter(format!("{i}:{}", shown(q)));
            group.bench_with_input(id, &(q, typing), |b, &(q, typing)| {
                b.iter(|| run(&corpus, &facets, q, typing))
            });
        }
        group.finish();
        let mut per_query: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
        for _ in 0..RUNS {
            for &(q, typing) in QUERIES {
                let t = Instant::now();
                run(&corpus, &facets, q, typing);
                per_query
                    .entry(q)
                    .or_default()
                    .push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        rows.push(Row {
            n,
            build_s,
            index_bytes,
            per_query,
        });
    }
    criterion.final_summary();
    let body = report(&rows);
    print!("# Search latency\n\n{body}");
    let dir = env!("CARGO_MANIFEST_DIR");
    std::fs::write(
        format!("{dir}/BENCH-search.md"),
        format!("# Search latency\n\n{body}"),
    )
    .expect("write BENCH-search.md");
    let path = format!("{dir}/../../BENCHMARKS.md");
    if let Ok(old) = std::fs::read_to_string(&path) {
        match replace_section(&old, "### Search latency\n", &body) {
            Some(new) => std::fs::write(&path, new).expect("write BENCHMARKS.md"),
            None => eprintln!("BENCHMARKS.md has no \"### Search latency\" section; left alone"),
        }
    }
}

/// The report's text under its heading: method, overall and per-query percentiles.
fn report(rows: &[Row]) -> String {
    let mut table = String::new();
    let mut slow = String::new();
    for row in rows {
        let mut all: Vec<f64> = row.per_query.values().flatten().copied().collect();
        all.sort_by(f64::total_cmp);
        table.push_str(&format!(
            "| {} | {:.2} ms | {:.2} ms | {:.0} | {:.0} s |\n",
            row.n,
            common::percentile(&all, 50.0),
            common::percentile(&all, 95.0),
            row.index_bytes as f64 / row.n as f64,
            row.build_s
        ));
        let slowest = row
            .per_query
            .iter()
            .map(|(q, v)| (q, median(v)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((q, ms)) = slowest {
            slow.push_str(&format!(
                "- {} documents: slowest query `{q}`, median {ms:.1} ms\n",
                row.n
            ));
        }
    }
    let mut per_query = String::from("| query |");
    let mut rule = String::from("| --- |");
    for row in rows {
        per_query.push_str(&format!(" {} docs |", row.n));
        rule.push_str(" ---: |");
    }
    per_query.push('\n');
    per_query.push_str(&rule);
    per_query.push('\n');
    for &(q, _) in QUERIES {
        per_query.push_str(&format!("| `{}` |", shown(q)));
        for row in rows {
            let ms = row.per_query.get(q).map_or(0.0, |v| median(v));
            per_query.push_str(&format!(" {ms:.2} ms |"));
        }
        per_query.push('\n');
    }
    format!(
        "Generated corpora (about 400 words a document, `common::generate(n, 11)`); {} queries: a word, two words, a phrase, a prefix while typing, a typo, `person:`, a date range with a word, an exclusion, `OR`, and the empty query. Each sample is query parsing + search + facet counts over the results, natively; {}.\n\n\
         Criterion measures each query per corpus size (groups `search/N`, one bench per query; its estimates are in `target/criterion`). Criterion reports means and medians, so the bench then runs every query {RUNS} more times and takes p50 and p95 over those {} samples per size.\n\n\
         | documents | p50 | p95 | index bytes / document | build (parse, entities, quotes, index) |\n| --- | --- | --- | --- | --- |\n{table}\n{slow}\n\
         Median per query:\n\n{per_query}\n\
         {}Command: `cargo bench -p dossier-engine --bench search` (sizes from `DOSSIER_BENCH_SIZES`, default `1000,10000,100000`; the bench profile inherits the release profile: opt-level `z`, LTO). Phrase queries intersect the word positions stored in the index (the index bytes include them).\n",
        QUERIES.len(),
        common::machine(),
        RUNS * QUERIES.len(),
        measured_at(),
    )
}

/// A query as labelled in reports.
fn shown(q: &str) -> &str {
    if q.is_empty() {
        "(empty)"
    } else {
        q
    }
}

/// `git rev-parse --short HEAD` and today's date (UTC), for the report; empty when unknown.
fn measured_at() -> String {
    let out = |cmd: &str, args: &[&str]| {
        std::process::Command::new(cmd)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match (
        out("git", &["rev-parse", "--short", "HEAD"]),
        out("date", &["-u", "+%F"]),
    ) {
        (Some(commit), Some(day)) => format!("Measured at commit {commit}, {day}. "),
        _ => String::new(),
    }
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    common::percentile(&s, 50.0)
}

/// `text` with the section under `heading` (up to the next `### ` heading or end marker)
/// replaced by `body`; `None` when the heading is missing.
fn replace_section(text: &str, heading: &str, body: &str) -> Option<String> {
    let start = text.find(heading)? + heading.len();
    let rest = &text[start..];
    let end = ["\n### ", "\n<!-- engine:end -->"]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .map_or(text.len(), |i| start + i + 1);
    Some(format!("{}\n{body}\n{}", &text[..start], &text[end..]))
}

fn postcard_len(index: &dossier_engine::search::Index) -> usize {
    let corpus = Corpus {
        index: index.clone(),
        ..Default::default()
    };
    dossier_engine::snapshot::encode(&corpus).len()
}
