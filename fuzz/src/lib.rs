//! Invariants shared by the fuzz targets: what must hold of every parse, query and build, beyond
//! "does not panic". Each check panics with the offending value, which libFuzzer reports as a
//! crash and saves under `artifacts/`.

use dossier_engine::parse::{parse_file, stem_id, Parsed};
use dossier_engine::search::query::{Query, Term};
use dossier_engine::search::{self, Filters, Sort};
use dossier_engine::{Corpus, Document, SourceFile};
use std::sync::OnceLock;

/// Parses `bytes` as the file `path` and checks the result (see [`check_parsed`]).
pub fn parse_and_check(path: &str, bytes: &[u8]) {
    let parsed = parse_file(path, bytes);
    check_parsed(path, bytes, &parsed, true);
    // Parsing is a pure function of its input.
    let again = parse_file(path, bytes);
    assert_eq!(format!("{:?}", parsed), format!("{:?}", again));
}

/// What every parse result must satisfy: a file is skipped exactly when it yields no document;
/// diagnostics name the file; every document is well formed (see [`check_document`]); ids are
/// the file's stem unless `jsonl_ids` allows JSON Lines ids.
pub fn check_parsed(path: &str, bytes: &[u8], p: &Parsed, jsonl_ids: bool) {
    assert_eq!(p.skipped, p.documents.is_empty(), "skipped flag");
    for d in &p.diagnostics {
        assert_eq!(d.file, path, "diagnostic names another file");
        assert!(!d.message.is_empty());
    }
    if std::str::from_utf8(bytes).is_err() {
        assert!(p.documents.is_empty(), "a document from invalid UTF-8");
    }
    for doc in &p.documents {
        check_document(doc);
        // JSON Lines documents name their line: `f.jsonl:3`.
        let line = doc
            .origin
            .strip_prefix(path)
            .and_then(|r| r.strip_prefix(':'));
        assert!(
            doc.origin == path || line.is_some_and(|n| n.parse::<u32>().is_ok()),
            "origin {:?}",
            doc.origin
        );
        if !(jsonl_ids && path.ends_with(".jsonl")) {
            assert_eq!(doc.id, stem_id(path));
        }
    }
}

/// One document: blocks are in order, on character boundaries, non-empty and joined by blank
/// lines they make up the body exactly; the title is non-empty (at most 81 characters when
/// derived); no carriage return or no-break space survives normalisation; the id is non-empty.
pub fn check_document(doc: &Document) {
    let body = &doc.body;
    let mut at = 0usize;
    for (i, b) in doc.blocks.iter().enumerate() {
        let (s, e) = (b.start as usize, b.end as usize);
        assert!(
            s <= e && e <= body.len(),
            "block {i} {s}..{e} out of {}",
            body.len()
        );
        assert!(body.is_char_boundary(s) && body.is_char_boundary(e));
        if i > 0 {
            assert_eq!(&body[at..s], "\n\n", "blocks not separated by a blank line");
        } else {
            assert_eq!(s, 0, "body does not start with its first block");
        }
        assert!(s < e, "empty block {i}");
        at = e;
    }
    assert_eq!(at, body.len(), "body continues after its last block");
    let texts: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
    assert_eq!(texts.join("\n\n"), *body);
    assert!(!doc.title.trim().is_empty(), "empty title");
    if doc.title_derived {
        assert!(
            doc.title.chars().count() <= 81,
            "long derived title {:?}",
            doc.title
        );
    }
    for field in [
        Some(&doc.title),
        Some(body),
        doc.byline.as_ref(),
        doc.dateline.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(
            !field.contains('\r') && !field.contains('\u{a0}'),
            "{field:?}"
        );
    }
    assert!(
        !doc.id.is_empty() && doc.id.trim() == doc.id,
        "id {:?}",
        doc.id
    );
}

/// A query's terms are folded, non-empty words: what the index holds.
pub fn check_query(q: &Query) {
    let folded = |s: &str| {
        assert!(!s.is_empty(), "empty term");
    };
    for c in &q.clauses {
        assert!(!c.any.is_empty(), "clause without alternatives");
        for t in &c.any {
            match t {
                Term::Word { text, .. } => folded(text),
                Term::Phrase(ws) => {
                    assert!(!ws.is_empty(), "empty phrase");
                    ws.iter().for_each(|w| folded(w));
                }
                Term::Entity { name, .. } => folded(name),
                Term::Source(s) | Term::Said(s) => folded(s),
            }
        }
    }
}

/// A small corpus built once from the repository's seed articles plus a Markdown and a JSON
/// Lines file, to run fuzzed queries against.
pub fn seed_corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let file = |path: &str, bytes: &[u8]| SourceFile {
            path: path.into(),
            bytes: bytes.to_vec(),
        };
        let files = vec![
            file(
                "000.txt",
                include_bytes!("../../seeds/000_2368337cb3b4360c.txt"),
            ),
            file(
                "001.txt",
                include_bytes!("../../seeds/001_4b90533497af7736.txt"),
            ),
            file(
                "002.txt",
                include_bytes!("../../seeds/002_41fbe8cc36b14c37.txt"),
            ),
            file(
                "003.txt",
                include_bytes!("../../seeds/003_a4041714c76e78bf.txt"),
            ),
            file(
                "004.txt",
                include_bytes!("../../seeds/004_31f9a79cbea712d5.txt"),
            ),
            file(
                "m.md",
                include_bytes!("../seeds/parse_markdown/front_matter.md"),
            ),
            file(
                "j.jsonl",
                include_bytes!("../seeds/parse_jsonl/two_records.jsonl"),
            ),
        ];
        let out = dossier_engine::build(&files, None);
        assert!(!out.has_errors(), "{:?}", out.diagnostics);
        out.corpus
    })
}

/// Runs a query over `corpus` in every order and checks the results: each document at most
/// once, all in range, the same set whatever the order, and highlight ranges sorted, disjoint
/// and on character boundaries of the text they mark.
pub fn search_and_check(corpus: &Corpus, q: &Query) {
    let filters = Filters::default();
    let mut sets = Vec::new();
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let r = search::search(corpus, q, &filters, sort);
        let mut docs = r.docs.clone();
        docs.sort_unstable();
        docs.dedup();
        assert_eq!(docs.len(), r.docs.len(), "a document listed twice");
        assert!(docs.iter().all(|&d| (d as usize) < corpus.documents.len()));
        sets.push(docs);
        for &d in r.docs.iter().take(3) {
            let doc = &corpus.documents[d as usize];
            for text in [doc.title.as_str(), doc.body.as_str()] {
                check_ranges(text, &search::hit_ranges(text, &r.highlight));
            }
        }
    }
    assert!(
        sets.windows(2).all(|w| w[0] == w[1]),
        "orders disagree on the set"
    );
}

/// Byte ranges are sorted, disjoint, non-empty and on character boundaries of `text`.
pub fn check_ranges(text: &str, ranges: &[(usize, usize)]) {
    let mut last = 0;
    for &(s, e) in ranges {
        assert!(last <= s && s < e && e <= text.len(), "range {s}..{e}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        last = e;
    }
}

/// A whole build: documents sorted by id and well formed; mentions and quotes in range, on
/// character boundaries, pointing at existing entities; entity document lists ascending and
/// consistent with the mentions; no file lost silently (each is skipped or yields documents,
/// and a skipped file has a diagnostic).
pub fn check_build(files: &[SourceFile], out: &dossier_engine::BuildOutput) {
    let c = &out.corpus;
    assert_eq!(out.files_seen, files.len());
    assert!(out.files_skipped <= files.len());
    let embedded = files.len() - out.files_skipped;
    assert!(
        c.documents.len() >= embedded,
        "a file's documents were lost"
    );
    for f in files {
        let from_file = c.documents.iter().filter(|d| d.origin == f.path).count();
        let said = out.diagnostics.iter().any(|d| d.file == f.path);
        assert!(from_file > 0 || said, "{} lost silently", f.path);
    }
    assert!(
        c.documents.windows(2).all(|w| w[0].id <= w[1].id),
        "documents unsorted"
    );
    c.documents.iter().for_each(check_document);
    assert!(
        c.entities.windows(2).all(|w| w[0].id < w[1].id),
        "entities unsorted"
    );
    if c.mentions.is_empty() && !c.entities.is_empty() {
        panic!("entities without mentions");
    }
    if !c.mentions.is_empty() {
        assert_eq!(
            c.mentions.len(),
            c.documents.len(),
            "one mention list per document"
        );
    }
    for (d, (doc, ms)) in c.documents.iter().zip(c.mentions.iter()).enumerate() {
        let mut last = 0;
        for m in ms {
            let (s, e) = (m.start as usize, m.end as usize);
            assert!(last <= s, "mentions unsorted");
            last = s;
            assert!(s < e && e <= doc.body.len(), "mention {s}..{e}");
            assert!(doc.body.is_char_boundary(s) && doc.body.is_char_boundary(e));
            let ent = c
                .entities
                .get(m.entity as usize)
                .expect("mention of no entity");
            assert!(
                ent.documents.binary_search(&(d as u32)).is_ok(),
                "entity misses doc"
            );
        }
    }
    for e in &c.entities {
        assert!(!e.id.is_empty() && !e.name.trim().is_empty(), "{e:?}");
        assert!(
            e.documents.windows(2).all(|w| w[0] < w[1]),
            "entity docs unsorted"
        );
        assert!(e
            .documents
            .iter()
            .all(|&d| (d as usize) < c.documents.len()));
    }
    for q in &c.quotes {
        let doc = c
            .documents
            .get(q.document as usize)
            .expect("quote of no document");
        let (s, e) = (q.start as usize, q.end as usize);
        assert!(s <= e && e <= doc.body.len(), "quote {s}..{e}");
        assert!(doc.body.is_char_boundary(s) && doc.body.is_char_boundary(e));
        if let Some(ent) = q.entity {
            assert!((ent as usize) < c.entities.len(), "quote of no entity");
        }
    }
    // The embedded snapshot reads back as the same corpus.
    let bytes = dossier_engine::snapshot::encode(c);
    let back = dossier_engine::snapshot::decode(&bytes).expect("snapshot decodes");
    assert!(back == *c, "snapshot round trip changed the corpus");
}
