//! The seeds' metadata against the `documents` part of `tests/data/seeds-gold.json`.

use dossier_engine::{build, model::BlockKind, SourceFile};
use serde_json::Value;
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

fn gold() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds-gold.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("gold file")).expect("gold json")
}

fn opt(v: &Value) -> Option<&str> {
    v.as_str()
}

#[test]
fn every_seed_matches_the_gold_metadata() {
    let out = build(&seeds(), None);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let gold = gold();
    let docs = gold["documents"].as_object().expect("documents");
    assert_eq!(out.corpus.documents.len(), docs.len());
    for (id, want) in docs {
        let d = out
            .corpus
            .documents
            .iter()
            .find(|d| &d.id == id)
            .unwrap_or_else(|| panic!("no document {id}"));
        assert_eq!(
            d.date.map(|x| x.to_string()).as_deref(),
            opt(&want["date"]),
            "{id} date"
        );
        match opt(&want["title"]) {
            Some(t) => {
                assert_eq!(d.title, t, "{id} title");
                assert!(!d.title_derived, "{id} title_derived");
            }
            None => {
                assert!(d.title_derived, "{id} title_derived");
                assert!(!d.title.is_empty(), "{id} derived title empty");
                assert!(d.title.chars().count() <= 81, "{id} derived title too long");
                // Derived from the first sentence: its words open the body.
                let head = d.title.trim_end_matches('…');
                assert!(d.body.starts_with(head), "{id}: {:?}", d.title);
            }
        }
        assert_eq!(d.byline.as_deref(), opt(&want["byline"]), "{id} byline");
        assert_eq!(
            d.dateline.as_deref(),
            opt(&want["dateline"]),
            "{id} dateline"
        );
        let trailer: Vec<&str> = want
            .get("trailer")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert_eq!(d.trailer, trailer, "{id} trailer");
        for t in &d.trailer {
            assert!(!d.body.contains(t.as_str()), "{id}: trailer left in body");
        }
        if let Some(place) = &d.dateline {
            assert!(
                !d.body.starts_with(place.as_str()),
                "{id}: dateline left in body"
            );
        }
    }
}

#[test]
fn seed_bodies_are_blocks_joined_by_blank_lines() {
    let out = build(&seeds(), None);
    for d in &out.corpus.documents {
        let joined: Vec<&str> = d.blocks.iter().map(|b| d.block_text(b)).collect();
        assert_eq!(joined.join("\n\n"), d.body, "{}", d.id);
        assert!(!d.body.contains('\u{a0}'), "{}: no-break space", d.id);
        assert!(!d.body.contains(" \n"), "{}: trailing space", d.id);
        assert!(!d.body.starts_with(" date"), "{}: header in body", d.id);
    }
}

#[test]
fn seed_headings_are_found() {
    let out = build(&seeds(), None);
    let d = out
        .corpus
        .documents
        .iter()
        .find(|d| d.id == "000_2368337cb3b4360c")
        .expect("seed 000");
    let headings: Vec<&str> = d
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| d.block_text(b))
        .collect();
    assert_eq!(
        headings,
        [
            "Strengthening NATO's Eastern Flank",
            "Lithuania's Air Defense Initiatives",
            "The Role of International Support"
        ]
    );
    // No other seed has headings: their short lines end in punctuation.
    for other in out.corpus.documents.iter().filter(|o| o.id != d.id) {
        assert!(
            other.blocks.iter().all(|b| b.kind == BlockKind::Paragraph),
            "{}",
            other.id
        );
    }
}
