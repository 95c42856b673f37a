//! Phrase search pinned: which documents `"quoted phrases"` match, in which order, and the
//! highlight ranges in their titles and bodies, over the seeds, a small generated corpus and a
//! corpus of edge cases (possessives, contractions, hyphens, line breaks, doubled spaces, glued
//! scripts). The expected output is `tests/data/phrase-pins.txt` (rewrite it with
//! `DOSSIER_BLESS=1 cargo test -p dossier-engine --test phrase_pins`); a second test checks
//! many phrases drawn from the texts against a reference implementation of the phrase rule.

use dossier_engine::search::query::{parse, Term};
use dossier_engine::search::{hit_ranges, search, Filters, Sort};
use dossier_engine::{build, fold_name, Corpus, DocIdx, SourceFile};
use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;

fn seeds() -> Vec<SourceFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut files: Vec<SourceFile> = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .map(|e| {
            let p = e.expect("entry").path();
            SourceFile {
                path: p.file_name().unwrap().to_string_lossy().into_owned(),
                bytes: std::fs::read(&p).expect("read seed"),
            }
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn generated(n: usize) -> Vec<SourceFile> {
    dossier_gen::generate(n, 7)
        .into_iter()
        .map(|f| SourceFile {
            path: f.name,
            bytes: f.text.into_bytes(),
        })
        .collect()
}

/// Texts where "the words in order, separated by white space" and "consecutive words" differ.
const EDGES: &[(&str, &str)] = &[
    ("e01", "---\ntitle: Air defence review\n---\nThe air defence plan. Air  defence twice spaced."),
    ("e02", "---\ntitle: Line breaks\n---\nAn air\ndefence system and air\tdefence again.\n\nAir\n\ndefence apart."),
    ("e03", "---\ntitle: Possessives\n---\nRutte's plan was Rutte plan. The s plan is odd. Rutte’s plan too."),
    ("e04", "---\ntitle: Contractions\n---\nI don't know, said O'Neill. Neill said t know. Do t know."),
    ("e05", "---\ntitle: Hyphens\n---\nNATO-led air-defence units; a NATO led air defence unit. Led air power."),
    ("e06", "---\ntitle: Dots\n---\nThe U.S. troops and U.S troops met x.air defence staff. Air defence.x was there."),
    ("e07", "---\ntitle: Glued scripts\n---\nカnato summit and nato summit. 北京 nato 北京nato."),
    ("e08", "---\ntitle: Underscores\n---\nThe _air defence and air_ defence tests. Air defence."),
    ("e09", "---\ntitle: Eastern flank\n---\nNothing here about that. The eastern flank."),
    ("e10", "---\ntitle: Nausėda met\n---\nNAUSĖDA MET Rutte. Nauseda met Rutte. Nausėda's met."),
    ("e11", "---\ntitle: Numbers\n---\nThe 3.5 billion euros and 3 5 billion and 5 billion euros."),
    ("e12", "---\ntitle: Air\n---\nDefence ministers met. Air defence in the body only."),
    ("e13", "---\ntitle: Pieces\n---\nO'Neill said no. Neill left. Rutte's plan. S is a letter. Don't know."),
    ("e14", "---\ntitle: Glued\n---\n北京nato summit; nato and summit apart. T is here."),
];

fn files(docs: &[(&str, &str)]) -> Vec<SourceFile> {
    docs.iter()
        .map(|(name, text)| SourceFile {
            path: format!("{name}.md"),
            bytes: text.as_bytes().to_vec(),
        })
        .collect()
}

const SEED_QUERIES: &[&str] = &[
    "\"air defence\"",
    "\"air defense\"",
    "\"eastern flank\"",
    "\"NATO's eastern flank\"",
    "\"prime minister\"",
    "\"Gitanas Nausėda\"",
    "\"secretary general\"",
    "\"nato\"",
    "\"the\"",
    "\"of the\"",
    "\"air and missile defense\"",
    "\"defense of NATO's eastern flank\"",
    "\"Rutte's\"",
    "rutte \"eastern flank\"",
    "\"eastern flank\" OR \"air defence\"",
    "\"eastern flank\" -\"air defense\"",
    "\"eastern\" \"flank\"",
    "\"no such phrase here\"",
];

const GEN_QUERIES: &[&str] = &[
    "\"air defence\"",
    "\"air defense\"",
    "\"defence spending\"",
    "\"eastern flank\"",
    "\"prime minister\"",
    "\"the ministry\"",
    "\"in vilnius\"",
    "\"said the\"",
    "\"nato\"",
    "\"of the\"",
    "\"patriot air defense systems\"",
    "nato \"air defense\"",
    "\"air defense\" OR \"eastern flank\"",
    "\"air defense\" -russia",
];

const EDGE_QUERIES: &[&str] = &[
    "\"air defence\"",
    "\"air defence twice\"",
    "\"rutte plan\"",
    "\"rutte's plan\"",
    "\"s plan\"",
    "\"t know\"",
    "\"neill said\"",
    "\"don't know\"",
    "\"led air\"",
    "\"nato led\"",
    "\"nato led air defence\"",
    "\"u.s troops\"",
    "\"u.s. troops\"",
    "\"s troops\"",
    "\"air defence staff\"",
    "\"nato summit\"",
    "\"nato\"",
    "\"_air defence\"",
    "\"air_ defence\"",
    "\"nauseda met\"",
    "\"nausėda met rutte\"",
    "\"5 billion\"",
    "\"3 5 billion\"",
    "\"3.5 billion\"",
    "\"air defence in the body\"",
    "\"air defence review\"",
    "\"review the\"",
    "\"defence ministers\"",
    "\"nato summit\" \"t know\"",
    "\"summit\"",
];

/// Every result of every query, in order, with the highlight ranges of the first results.
fn pins(name: &str, corpus: &Corpus, queries: &[&str], out: &mut String) {
    for q in queries {
        let r = search(
            corpus,
            &parse(q, false),
            &Filters::default(),
            Sort::Relevance,
        );
        let ids: Vec<&str> = r
            .docs
            .iter()
            .map(|&d| corpus.documents[d as usize].id.as_str())
            .collect();
        writeln!(out, "{name} {q} -> {} [{}]", ids.len(), ids.join(" ")).unwrap();
        for &d in r.docs.iter().take(4) {
            let doc = &corpus.documents[d as usize];
            let t = hit_ranges(&doc.title, &r.highlight);
            let b = hit_ranges(&doc.body, &r.highlight);
            writeln!(out, "  {} title {t:?} body {b:?}", doc.id).unwrap();
        }
    }
}

#[test]
fn phrase_results_and_highlights_are_pinned() {
    let mut out = String::new();
    pins(
        "seeds",
        &build(&seeds(), None).corpus,
        SEED_QUERIES,
        &mut out,
    );
    pins(
        "gen300",
        &build(&generated(300), None).corpus,
        GEN_QUERIES,
        &mut out,
    );
    pins(
        "edges",
        &build(&files(EDGES), None).corpus,
        EDGE_QUERIES,
        &mut out,
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/phrase-pins.txt");
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(&path, &out).expect("write pins");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("tests/data/phrase-pins.txt");
    for (i, (a, b)) in out.lines().zip(want.lines()).enumerate() {
        assert_eq!(a, b, "line {}", i + 1);
    }
    assert_eq!(out.lines().count(), want.lines().count());
}

/// The phrase rule the index must reproduce: every word is a term of the document, and the
/// folded words joined by single spaces occur in its folded title or body (white space read as
/// a space) with no letter or digit right before or after.
fn reference(corpus: &Corpus, words: &[String]) -> BTreeSet<DocIdx> {
    let index = &corpus.index;
    let mut docs: Option<BTreeSet<DocIdx>> = None;
    for w in words {
        let Some(id) = index.term(w) else {
            return BTreeSet::new();
        };
        let these: BTreeSet<DocIdx> = index.postings.of(id).map(|p| p.doc).collect();
        docs = Some(match docs {
            None => these,
            Some(d) => d.intersection(&these).copied().collect(),
        });
    }
    let phrase = words.join(" ");
    docs.unwrap_or_default()
        .into_iter()
        .filter(|&d| {
            let doc = &corpus.documents[d as usize];
            [doc.title.as_str(), doc.body.as_str()].iter().any(|t| {
                let folded: String = fold_name(t)
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .collect();
                folded.match_indices(phrase.as_str()).any(|(at, m)| {
                    let before = folded[..at].chars().next_back();
                    let after = folded[at + m.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
        })
        .collect()
}

/// Phrases of one to four words starting at every `step`-th word of some documents' texts.
fn drawn(corpus: &Corpus, docs: usize, step: usize) -> Vec<String> {
    let mut out = Vec::new();
    for d in corpus.documents.iter().take(docs) {
        for t in [&d.title, &d.body] {
            let words = dossier_engine::text::words(t);
            for (i, start) in words.iter().enumerate().step_by(step) {
                let len = 1 + i % 4;
                if let Some(end) = words.get(i + len - 1) {
                    out.push(t[start.start..end.end].to_string());
                }
            }
        }
    }
    out
}

fn check_against_reference(corpus: &Corpus, phrases: &[String]) -> usize {
    let mut matched = 0;
    for p in phrases {
        let q = parse(&format!("\"{p}\""), false);
        // Only texts that stay one phrase (no quote marks inside).
        let words = match &q.clauses[..] {
            [c] => match &c.any[..] {
                [Term::Phrase(w)] => w.clone(),
                _ => continue,
            },
            _ => continue,
        };
        let got: BTreeSet<DocIdx> = search(corpus, &q, &Filters::default(), Sort::Relevance)
            .docs
            .into_iter()
            .collect();
        let want = reference(corpus, &words);
        assert_eq!(got, want, "phrase {p:?} ({words:?})");
        matched += usize::from(!want.is_empty());
    }
    matched
}

#[test]
fn phrases_from_the_texts_match_the_reference_rule() {
    let gen = build(&generated(200), None).corpus;
    let phrases = drawn(&gen, 20, 11);
    assert!(check_against_reference(&gen, &phrases) > phrases.len() / 2);
    let seeds = build(&seeds(), None).corpus;
    check_against_reference(&seeds, &drawn(&seeds, 5, 3));
    let edges = build(&files(EDGES), None).corpus;
    check_against_reference(&edges, &drawn(&edges, EDGES.len(), 1));
    let extra: Vec<String> = EDGE_QUERIES
        .iter()
        .map(|q| q.trim_matches('"').to_string())
        .collect();
    check_against_reference(&edges, &extra);
}

#[test]
fn positions_rank_exactly_like_checking_the_text() {
    let with = build(&generated(150), None).corpus;
    let mut without = with.clone();
    without.index.position_starts.clear();
    let mut queries: Vec<String> = GEN_QUERIES.iter().map(|q| q.to_string()).collect();
    queries.extend(drawn(&with, 10, 5).iter().map(|p| format!("\"{p}\"")));
    for q in &queries {
        let q = parse(q, false);
        let a = search(&with, &q, &Filters::default(), Sort::Relevance);
        let b = search(&without, &q, &Filters::default(), Sort::Relevance);
        assert_eq!(a.docs, b.docs, "{q:?}");
        assert_eq!(a.highlight, b.highlight);
    }
}
