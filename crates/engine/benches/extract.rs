//! Throughput of the compile-time pipeline (parse, entities, quotes, index) and of entity
//! extraction alone, over a generated corpus; writes `BENCH-extract.md`.
//!
//! `cargo bench -p dossier-engine --bench extract`

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
    let report = format!(
        "# Entity extraction throughput\n\n{} documents, {:.1} MB of generated text ({} entities, {} quotes found); {}.\n\n\
         | stage | time | throughput |\n| --- | --- | --- |\n\
         | whole build (parse, entities, quotes, index) | {:.2} s | {:.1} MB/s |\n\
         | entity extraction and merging alone (median of 3) | {:.2} s | {:.1} MB/s |\n\n\
         Command: `cargo bench -p dossier-engine --bench extract` (the bench profile inherits the release profile the app ships with: opt-level `z`, LTO).\n",
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
