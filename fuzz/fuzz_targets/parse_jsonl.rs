//! Fuzz target: JSON Lines files never panic, give well-formed documents, and every document
//! comes from a record (at most one per line).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier_fuzz::parse_and_check("fuzz/f.jsonl", data);
    let parsed = dossier_engine::parse::parse_file("fuzz/f.jsonl", data);
    let lines = data.split(|&b| b == b'\n' || b == b'\r').count();
    assert!(parsed.documents.len() <= lines, "more documents than lines");
});
