//! Fuzz target: the query parser never panics, gives folded non-empty terms and sane date
//! bounds, and running the query over a small seed corpus gives each document at most once, the
//! same set in every order, and highlight ranges on character boundaries.
#![no_main]

use dossier_engine::search::query::{date_span, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let corpus = dossier_fuzz::seed_corpus();
    for typing in [false, true] {
        let q = parse(&input, typing);
        dossier_fuzz::check_query(&q);
        dossier_fuzz::search_and_check(corpus, &q);
        // Parsing is a pure function of its input.
        assert_eq!(q, parse(&input, typing));
    }
    if let Some((first, last)) = date_span(&input) {
        assert!(first <= last, "{input:?} spans {first}..{last}");
    }
});
