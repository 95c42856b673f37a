//! Search results pinned for word, prefix, typo, field, date, exclusion and `OR` queries in
//! every sort order, with facet counts, over 400 generated documents: evaluation changes made
//! for speed must leave them identical. The expected output is `tests/data/search-pins.txt`
//! (rewrite it with `DOSSIER_BLESS=1 cargo test -p dossier-engine --test search_pins`).

use dossier_engine::search::{facets::Facets, query::parse, search, Filters, Sort};
use dossier_engine::{build, SourceFile};
use std::fmt::Write;
use std::path::Path;

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
    ("-nato", false),
    ("source:a", false),
    ("meeting vilnius", false),
    ("defense OR \"eastern flank\" -minister", false),
    ("after:2020 before:2023", false),
];

#[test]
fn results_and_facet_counts_are_pinned() {
    let files: Vec<SourceFile> = dossier_gen::generate(400, 3)
        .into_iter()
        .map(|f| SourceFile {
            path: f.name,
            bytes: f.text.into_bytes(),
        })
        .collect();
    let corpus = build(&files, None).corpus;
    let facets = Facets::new(&corpus);
    let mut out = String::new();
    let source = corpus.documents.iter().find_map(|d| d.source.clone());
    let filters = [
        Filters::default(),
        Filters {
            sources: source.into_iter().collect(),
            from: chrono::NaiveDate::from_ymd_opt(2019, 1, 1),
            ..Filters::default()
        },
    ];
    for (q, typing) in QUERIES {
        for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
            for (k, f) in filters.iter().enumerate() {
                let r = search(&corpus, &parse(q, *typing), f, sort);
                let c = facets.counts(&facets.set(&r.docs));
                let mut words: Vec<&String> = r.highlight.words.iter().collect();
                words.sort();
                writeln!(
                    out,
                    "{q:?} {sort:?} filters {k} -> {} {:?}\n  words {words:?} phrases {:?}\n  entities {:?}\n  sources {:?} years {:?}",
                    r.docs.len(),
                    r.docs,
                    r.highlight.phrases,
                    &c.entities[..c.entities.len().min(30)],
                    c.sources,
                    c.years
                )
                .unwrap();
            }
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/search-pins.txt");
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(&path, &out).expect("write pins");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("tests/data/search-pins.txt");
    for (i, (a, b)) in out.lines().zip(want.lines()).enumerate() {
        assert_eq!(a, b, "line {}", i + 1);
    }
    assert_eq!(out.lines().count(), want.lines().count());
}
