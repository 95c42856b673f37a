//! Fuzz target: a whole build over up to four fuzzed files (formats chosen by the input), with an
//! optional fuzzed `entities.toml`: no panic, no file lost silently, and entities, mentions,
//! quotes and the snapshot consistent with the documents (see `dossier_fuzz::check_build`).
#![no_main]

use dossier_engine::SourceFile;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = [
    "a.txt",
    "b.md",
    "c.jsonl",
    "d",
    "sub/e.txt",
    "f.markdown",
    "g.ndjson",
    "a.md",
];

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    // Parts are separated by a NUL byte; the first is the curation file when `head` is odd.
    let mut parts = rest.split(|&b| b == 0);
    let curation = if head & 1 == 1 {
        parts
            .next()
            .map(|p| String::from_utf8_lossy(p).into_owned())
    } else {
        None
    };
    let files: Vec<SourceFile> = parts
        .take(4)
        .enumerate()
        .map(|(i, bytes)| SourceFile {
            path: NAMES[(usize::from(head >> 1) + i * 3) % NAMES.len()].to_string(),
            bytes: bytes.to_vec(),
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    if !files.iter().all(|f| seen.insert(f.path.clone())) {
        return;
    }
    let out = dossier_engine::build(&files, curation.as_deref());
    dossier_fuzz::check_build(&files, &out);
});
