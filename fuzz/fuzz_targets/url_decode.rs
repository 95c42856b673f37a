//! Fuzz target: the URL decoder never panics, keeps within its limits, quotes back only short
//! values, agrees between its two ways of knowing ids, and whatever it keeps is a valid view:
//! `decode(encode(view)) == view` with nothing ignored.
#![no_main]

use dossier_engine::view::{
    decode, encode, href, notice, AcceptAll, KnownSets, View, MAX_ENTITIES, MAX_MIN_COUNT,
    MAX_MIN_LIFT_TENTHS, MAX_NOTICES, MAX_PINS, MAX_QUERY_CHARS, MAX_SOURCES,
};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::sync::OnceLock;

fn check(view: &View, ignored: &[dossier_engine::view::Ignored]) {
    assert!(ignored.len() <= MAX_NOTICES);
    for i in ignored {
        assert!(
            i.param.chars().count() <= 60 && i.value.chars().count() <= 60,
            "{i:?}"
        );
        assert!(!i.reason.is_empty());
    }
    assert_eq!(notice(ignored).is_some(), !ignored.is_empty());
    assert!(view.q.chars().count() <= MAX_QUERY_CHARS);
    for (list, cap) in [
        (&view.entities, MAX_ENTITIES),
        (&view.sources, MAX_SOURCES),
        (&view.pins, MAX_PINS),
    ] {
        assert!(list.len() <= cap);
        assert!(list.iter().all(|v| !v.is_empty()));
        assert_eq!(
            list.iter().collect::<HashSet<_>>().len(),
            list.len(),
            "duplicates"
        );
    }
    if let (Some(f), Some(t)) = (view.from, view.to) {
        assert!(f <= t, "from after to");
    }
    assert!(view
        .min_count
        .is_none_or(|n| (1..=MAX_MIN_COUNT).contains(&n)));
    assert!(view.min_lift.is_none_or(|t| t.0 <= MAX_MIN_LIFT_TENTHS));
    let url = encode(view);
    assert!(
        url.bytes()
            .all(|b| b.is_ascii_graphic() && b != b'#' && b != b'?'),
        "{url:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    static KNOWN: OnceLock<KnownSets> = OnceLock::new();
    let corpus = dossier_fuzz::seed_corpus();
    let known = KNOWN.get_or_init(|| KnownSets::from_corpus(corpus));
    let input = String::from_utf8_lossy(data);

    let (view, ignored) = decode(&input, &AcceptAll);
    check(&view, &ignored);
    assert_eq!(decode(&encode(&view), &AcceptAll), (view.clone(), vec![]));
    assert_eq!(decode(&href(&view), &AcceptAll), (view, vec![]));

    let (view, ignored) = decode(&input, known);
    check(&view, &ignored);
    assert_eq!(
        decode(&input, corpus),
        (view.clone(), ignored),
        "Known impls disagree"
    );
    for e in view
        .entities
        .iter()
        .chain(&view.pins)
        .chain(&view.entity_page)
    {
        assert!(known.entities.contains(e));
    }
    assert!(view.doc.as_ref().is_none_or(|d| known.docs.contains(d)));
    assert_eq!(decode(&encode(&view), known), (view, vec![]));
});
