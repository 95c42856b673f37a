//! Fuzz target: Markdown files with optional front matter never panic and always give
//! well-formed documents (see `dossier_fuzz::check_parsed`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier_fuzz::parse_and_check("fuzz/f.md", data);
});
