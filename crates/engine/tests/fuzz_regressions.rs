//! Inputs the fuzz targets in `fuzz/` found crashing, kept as ordinary tests so the bugs stay
//! fixed without running the fuzzer. Each test is named after the bug; the raw inputs libFuzzer
//! saved are in `tests/data/fuzz/` (named `TARGET-crash-HASH`), next to a minimal form of each.
//! See SECURITY.md for the fuzzing record.

use dossier_engine::parse::body::derive_title;
use dossier_engine::parse::{parse_file, Parsed};
use std::path::Path;

fn data(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the fuzz targets check of every parse: one document at least unless skipped, each
/// with a title and with blocks that make up its body.
fn assert_well_formed(p: &Parsed) {
    assert_eq!(p.skipped, p.documents.is_empty());
    for d in &p.documents {
        assert!(!d.title.trim().is_empty(), "empty title: {d:?}");
        let texts: Vec<&str> = d.blocks.iter().map(|b| d.block_text(b)).collect();
        assert_eq!(texts.join("\n\n"), d.body);
    }
}

/// `parse_markdown` and `parse_text`, 2026-12-02: deriving a title looked for the word before
/// a period by taking the byte after the last whitespace, which is inside the character when
/// that whitespace is multi-byte (U+2000 EN QUAD, U+2028 LINE SEPARATOR): a panic, so one such
/// file stopped the whole build.
#[test]
fn derive_title_multibyte_space_before_period() {
    for (path, name) in [
        ("f.md", "parse_markdown-crash-4018e619.md"),
        ("f.txt", "parse_text-crash-819a6c2d.txt"),
        ("f", "parse_text-crash-819a6c2d.txt"),
    ] {
        assert_well_formed(&parse_file(path, &data(name)));
    }
    for space in ['\u{2000}', '\u{2028}', '\u{3000}', '\u{1680}'] {
        let text = format!("Hello{space}world. Next sentence.");
        // Titles join words with plain spaces.
        assert_eq!(derive_title(&text), "Hello world");
        for path in ["f.txt", "f.md"] {
            let p = parse_file(path, text.as_bytes());
            assert_well_formed(&p);
            assert_eq!(p.documents[0].title, "Hello world");
        }
        // An abbreviation after such a space is still not a sentence end.
        assert_eq!(
            derive_title(&format!("Met{space}Dr. Smith today. Then.")),
            "Met Dr. Smith today"
        );
    }
}

/// `parse_markdown`, 2026-12-02: a body whose first sentence is only a period (`.`, `. Then…`)
/// derived an empty title (the period is dropped from titles), so the document showed as a
/// blank link. The title is now the text as written.
#[test]
fn derived_title_of_a_lone_period_is_not_empty() {
    assert_eq!(derive_title("."), ".");
    assert_eq!(derive_title(". Then more."), ". Then more.");
    for path in ["f.md", "f.txt", "f"] {
        let p = parse_file(path, &data("parse_markdown-empty-title-3a52ce78.md"));
        assert_well_formed(&p);
        assert_eq!(p.documents[0].title, ".");
        assert!(p.documents[0].title_derived);
    }
    let p = parse_file("f.jsonl", b"{\"text\":\".\"}\n{\"text\":\". . .\"}\n");
    assert_well_formed(&p);
    assert_eq!(p.documents.len(), 2);
}
