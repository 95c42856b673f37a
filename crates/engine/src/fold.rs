//! Case and diacritic folding for matching names and words: `Nausėda` -> `nauseda`.
//!
//! Folding is compatibility decomposition without the combining diacritics, then lower case,
//! for the Latin, Greek and Cyrillic scripts, ligatures, full-width forms and letter-like
//! symbols (`ﬁ` -> `fi`, `Ｎ` -> `n`, `ł` -> `l`, `ß` -> `ss`); other scripts are only
//! lower-cased. The mapping is a small generated table ([`crate::fold_table`], checked against
//! the Unicode data by `tests/fold_table.rs`), so the WebAssembly app carries a few kilobytes
//! instead of the full normalisation tables.
//!
//! ```
//! assert_eq!(dossier_engine::fold_name("Nausėda’s ﬁle"), "nauseda's file");
//! ```

use crate::fold_table::{ENDS, KEYS, RUNS, TEXT};

/// Lower-cases and strips diacritics and typographic apostrophes: `Nausėda` -> `nauseda`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
        } else {
            push_folded(c, &mut out);
        }
    }
    out
}

/// Appends the folded form of one non-ASCII character.
fn push_folded(c: char, out: &mut String) {
    let cp = c as u32;
    if let Ok(i) = KEYS.binary_search(&cp) {
        let start = if i == 0 { 0 } else { ENDS[i - 1] as usize };
        out.push_str(&TEXT[start..ENDS[i] as usize]);
        return;
    }
    let run = RUNS.partition_point(|&(first, _, _)| first <= cp);
    if let Some(&(first, len, target)) = run.checked_sub(1).map(|k| &RUNS[k]) {
        if cp < first + len {
            if let Some(t) = char::from_u32(target + (cp - first)) {
                out.push(t);
                return;
            }
        }
    }
    out.extend(c.to_lowercase());
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_names_and_forms() {
        assert_eq!(fold("Gitanas NAUSĖDA"), "gitanas nauseda");
        assert_eq!(fold("Łódź Straße Ærø"), "lodz strasse aero");
        assert_eq!(fold("ＮＡＴＯ"), "nato");
        assert_eq!(fold("Rutte’s `x`"), "rutte's 'x'");
        // A decomposed accent (e + U+0301) folds like the composed letter.
        assert_eq!(fold("Pe\u{301}tain"), fold("Pétain"));
        assert_eq!(fold("Ἀθῆναι"), "αθηναι");
        assert_eq!(fold("Йошкар"), "иошкар");
    }

    #[test]
    fn leaves_other_scripts_lower_cased() {
        assert_eq!(fold("北京 القاهرة"), "北京 القاهرة");
        assert_eq!(fold("😀"), "😀");
    }
}
