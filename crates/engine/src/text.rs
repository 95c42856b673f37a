//! Words for search: Unicode word segmentation with byte offsets, case and diacritic folding,
//! English stemming.

use unicode_segmentation::UnicodeSegmentation;

/// A word of a text: its byte range and folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Lower case, without diacritics (`nauseda`).
    pub folded: String,
}

/// The words of `text` (Unicode word boundaries; punctuation and spaces dropped).
pub fn words(text: &str) -> Vec<Word> {
    each_word(text).collect()
}

/// The words of `text` one at a time, as [`words`] gives them: for scans that stop early.
pub fn each_word(text: &str) -> impl Iterator<Item = Word> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .filter_map(|(start, w)| {
            // `Rutte's` -> `rutte`: a possessive is not part of the word.
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .filter(|s| !s.is_empty())
                .unwrap_or(w);
            let folded = crate::entities::fold(w);
            // A lone alphabetic mark (U+1ABF) is alphanumeric but folds to nothing, and one
            // after a space leaves the space.
            folded.chars().any(char::is_alphanumeric).then_some(Word {
                start,
                end: start + w.len(),
                folded,
            })
        })
}

/// The English stem of a folded word (`meetings` -> `meet`).
pub fn stem(folded: &str) -> String {
    use std::sync::OnceLock;
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
        .stem(folded)
        .into_owned()
}

/// Levenshtein distance of `a` and `b` is at most one.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    if short.len() == long.len() {
        short[i + 1.min(short.len() - i)..] == long[i + 1.min(long.len() - i)..]
    } else {
        short[i..] == long[i + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_offsets_and_fold() {
        let w = words("Nausėda's plan, NATO-led.");
        let f: Vec<&str> = w.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(f, ["nauseda", "plan", "nato", "led"]);
        assert_eq!((w[0].start, w[0].end), (0, 8));
    }

    #[test]
    fn regression_a_mark_alone_is_not_a_word() {
        // A proptest found `\u{1abf}A`: the mark is alphanumeric, folded to "", and made an
        // empty word in a phrase that could never match.
        let f: Vec<String> = words("\u{1abf}A \u{1abf} b")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(f, ["a", "b"]);
    }

    #[test]
    fn stems_and_edits() {
        assert_eq!(stem("meetings"), stem("meeting"));
        assert!(!within_one_edit("stoltenberg", "stoltenbreg"));
        assert!(within_one_edit("stoltenberg", "stoltenbrg"));
        assert!(within_one_edit("rutte", "rutta"));
        assert!(within_one_edit("rutte", "rutte"));
        assert!(!within_one_edit("rutte", "ruxxe"));
    }
}
