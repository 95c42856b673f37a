//! Property tests for the query parser and search (the `query` fuzz target's checks, in the
//! normal test suite): any text parses without panicking into non-empty folded terms, and
//! searching the seed corpus with it lists each document at most once, the same documents in
//! every order, with highlight ranges sorted, disjoint and on character boundaries.

use dossier_engine::search::query::{date_span, parse, Term};
use dossier_engine::search::{hit_ranges, search, Filters, Sort};
use dossier_engine::{build, Corpus, SourceFile};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut files: Vec<SourceFile> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                SourceFile {
                    path: e.file_name().to_string_lossy().into_owned(),
                    bytes: std::fs::read(e.path()).unwrap(),
                }
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        build(&files, None).corpus
    })
}

fn check(input: &str) -> Result<(), TestCaseError> {
    let c = corpus();
    for typing in [false, true] {
        let q = parse(input, typing);
        for clause in &q.clauses {
            prop_assert!(!clause.any.is_empty());
            for t in &clause.any {
                let empty = match t {
                    Term::Word { text, .. } => text.is_empty(),
                    Term::Phrase(ws) => ws.is_empty() || ws.iter().any(String::is_empty),
                    Term::Entity { name, .. } => name.is_empty(),
                    Term::Source(s) | Term::Said(s) => s.is_empty(),
                };
                prop_assert!(!empty, "{input:?} gave an empty term {t:?}");
            }
        }
        let mut sets = Vec::new();
        for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
            let r = search(c, &q, &Filters::default(), sort);
            let mut docs = r.docs.clone();
            docs.sort_unstable();
            docs.dedup();
            prop_assert_eq!(docs.len(), r.docs.len(), "{:?}: a document twice", input);
            prop_assert!(docs.iter().all(|&d| (d as usize) < c.documents.len()));
            sets.push(docs);
            for &d in r.docs.iter().take(2) {
                let body = &c.documents[d as usize].body;
                let mut last = 0;
                for (s, e) in hit_ranges(body, &r.highlight) {
                    prop_assert!(last <= s && s < e && e <= body.len());
                    prop_assert!(body.is_char_boundary(s) && body.is_char_boundary(e));
                    last = e;
                }
            }
        }
        prop_assert!(sets.windows(2).all(|w| w[0] == w[1]), "{input:?}");
    }
    if let Some((first, last)) = date_span(input) {
        prop_assert!(first <= last);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_is_a_query(s in any::<String>()) {
        check(&s)?;
    }

    #[test]
    fn query_shaped_text_is_a_query(
        s in "(-?((person|org|place|other|entity|source|said|date|before|after|foo):)?(\"|“)?(nato|rutte|vilnius|lith|OR|2024(-0[1-9](-[0-3][0-9])?)?(\\.\\.2025)?|é|\u{2000}|\\PC{1,3})(\"|”)? ?){0,8}"
    ) {
        check(&s)?;
    }
}
