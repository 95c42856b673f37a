//! Throughput of the compile-time pipeline (parse, entities, quotes, index) and of entity
//! extraction alone, over a generated corpus, and how extraction grows with the corpus;
//! writes `BENCH-extract.md`.
//!
//! `cargo bench -p dossier-engine --bench extract` (growth sizes from
//! `DOSSIER_EXTRACT_SIZES`, default `2000,4000,8000,16000`)

mod common;

use std::time::Instant;

fn main() {
    let files = common::generate(4000, 7);
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let mb = bytes as f64 / 1e6;
    let t = Instant::now();
    let out = dossier_engine::build(&files, None);
    let total = t.elapsed().as_secs_f64();
    let docs = &out.corpus.documents;
    let mut runs = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let r = dossier_engine::entities::extract(docs, None).expect("no curation");
        runs.push(t.elapsed().as_secs_f64());
        std::hint::black_box(r);
    }
    runs.sort_by(f64::total_cmp);
    let extract = runs[1];
    let sizes: Vec<usize> = std::env::var("DOSSIER_EXTRACT_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![2_000, 4_000, 8_000, 16_000]);
    let mut growth = String::new();
    for n in sizes {
        let docs = parsed(&common::generate(n, 7));
        let t = Instant::now();
        let r = dossier_engine::entities::extract(&docs, None).expect("no curation");
        let s = t.elapsed().as_secs_f64();
        growth.push_str(&format!(
            "| {n} | {} | {s:.2} s | {:.0} µs |\n",
            r.0.len(),
            s * 1e6 / n as f64
        ));
    }
    let report = format!(
        "# Entity extraction throughput\n\n{} documents, {:.1} MB of generated text ({} entities, {} quotes found); {}.\n\n\
         | stage | time | throughput |\n| --- | --- | --- |\n\
         | whole build (parse, entities, quotes, index) | {:.2} s | {:.1} MB/s |\n\
         | entity extraction and merging alone (median of 3) | {:.2} s | {:.1} MB/s |\n\n\
         Growth (one run each; the same generator, seed 7): time per document should stay flat.\n\n\
         | documents | entities | extraction and merging | per document |\n| --- | --- | --- | --- |\n{growth}\n\
         Command: `cargo bench -p dossier-engine --bench extract` (growth sizes from `DOSSIER_EXTRACT_SIZES`; the bench profile inherits the release profile the app ships with: opt-level `z`, LTO).\n",
        docs.len(), mb, out.corpus.entities.len(), out.corpus.quotes.len(), common::machine(),
        total, mb / total, extract, mb / extract
    );
    print!("{report}");
    std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/BENCH-extract.md"),
        report,
    )
    .expect("write BENCH-extract.md");
}

/// The documents of `files`, sorted by id as [`dossier_engine::build`] sorts them.
fn parsed(files: &[dossier_engine::SourceFile]) -> Vec<dossier_engine::Document> {
    let mut docs: Vec<_> = files
        .iter()
        .flat_map(|f| dossier_engine::parse::parse_file_at(&f.path, &f.bytes, None).documents)
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}
