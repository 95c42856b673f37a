//! Property tests for the parser: mutated seeds and fixtures in every format never panic and
//! always give well-formed documents. Deterministic (a fixed xorshift seed), so a failure
//! reproduces; the failing input is printed.

use dossier_engine::parse::{parse_file, Parsed};
use std::path::Path;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: [&str; 28] = [
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\u{a0}",
    "\u{feff}",
    "\u{2022} ",
    " \u{2013} ",
    " - ",
    "---",
    "{",
    "}",
    "\"",
    ":",
    "#",
    "*",
    "_",
    "[",
    "](",
    ")",
    "@",
    ".",
    "é",
    "\u{202e}",
    "😀",
    "\t",
    " date 2024-02-30 ",
];

fn fixtures() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    out.sort();
    out.push(b"---\ntitle: \"T\"\ndate: April 2, 2024\nbyline:\n  - A\n---\n# H\n\nVILNIUS - Text [a](b) **c**.\n\n- item\n".to_vec());
    out.push(b"{\"id\":\"x\",\"text\":\"VILNIUS \\u2013 a.\\n\\nb@c.org\",\"date\":\"2024-04-02\"}\n{\"text\":\"y\"}\n".to_vec());
    out.push(b"Title\n\nApril 2, 2024\nBy Jane Doe\n\nRIGA, Latvia \xe2\x80\x94 Text.\n".to_vec());
    out
}

fn check(path: &str, bytes: &[u8], p: &Parsed) {
    let show = || String::from_utf8_lossy(bytes).into_owned();
    assert_eq!(p.skipped, p.documents.is_empty(), "{path}: {:?}", show());
    for d in &p.diagnostics {
        assert_eq!(d.file, path);
    }
    for doc in &p.documents {
        let texts: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
        assert_eq!(texts.join("\n\n"), doc.body, "{path}: {:?}", show());
        assert!(texts.iter().all(|t| !t.is_empty()), "{path}: {:?}", show());
        assert!(!doc.title.trim().is_empty(), "{path}: {:?}", show());
        if doc.title_derived {
            assert!(doc.title.chars().count() <= 81, "{path}: {:?}", doc.title);
        }
        assert!(!doc.body.contains('\r') && !doc.body.contains('\u{a0}'));
        assert!(!doc.id.is_empty());
    }
}

#[test]
fn mutated_inputs_never_panic_and_stay_well_formed() {
    let fixtures = fixtures();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut documents, mut skipped) = (0, 0);
    for round in 0..3000 {
        let mut bytes = fixtures[round % fixtures.len()].clone();
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(4) {
                0 => {
                    let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                    bytes.splice(at..at, piece.iter().copied());
                }
                1 if !bytes.is_empty() => {
                    let end = (at + 1 + rng.below(40)).min(bytes.len());
                    bytes.drain(at.min(end)..end);
                }
                2 => bytes.truncate(at),
                _ => {
                    if let Some(b) = bytes.get_mut(at) {
                        *b = rng.next() as u8;
                    }
                }
            }
        }
        for path in ["m.txt", "m.md", "m.jsonl", "m"] {
            let p = parse_file(path, &bytes);
            check(path, &bytes, &p);
            documents += p.documents.len();
            skipped += usize::from(p.skipped);
        }
    }
    // The mutations must exercise both outcomes, or the test proves nothing.
    assert!(
        documents > 3000 && skipped > 300,
        "{documents} documents, {skipped} skipped"
    );
}

proptest::proptest! {
    /// Derived titles (what a document without a title is listed under) are never empty and
    /// never longer than the limit plus `…`, whatever the text, including multi-byte spaces
    /// before a period (a panic the `parse_text` and `parse_markdown` fuzz targets found).
    #[test]
    fn derived_titles_are_never_empty(
        text in "[a-zA-Z.!?\"”’()' \u{2000}\u{2028}\u{3000}\u{a0}é😀-]{0,120}|\\PC{0,40}"
    ) {
        use dossier_engine::parse::body::{derive_title, TITLE_MAX};
        let title = derive_title(&text);
        if !text.trim().is_empty() {
            proptest::prop_assert!(!title.is_empty(), "{:?}", text);
        }
        proptest::prop_assert!(title.chars().count() <= TITLE_MAX + 1, "{:?}", title);
    }
}
