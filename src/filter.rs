//! App-side text filter and result ordering (temporary: to be replaced by the engine's search).
//!
//! Matching is case- and diacritic-insensitive substring search: every term of the query (words,
//! or `"quoted phrases"`) must occur in the title, byline, dateline, source or body. Hit offsets are
//! mapped back to byte offsets of the original body so the reader can mark them.

use std::cmp::Reverse;

use dossier_engine::view::{SortOrder, View};
use dossier_engine::{Corpus, DocIdx, Document};

/// Latin-1 Supplement and Latin Extended-A/B (U+00C0..U+024F) folded to their base ASCII letter
/// (derived from the Unicode canonical decompositions); `.` means "keep the lower-cased char".
const LATIN_FOLD: &[u8; 400] = b"aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiii.i..jjkk.llllll.\
.llnnnnnn...oooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz.\
b......................i..l.....oo.............uu...............\
.............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy.........l..\
...b............";

/// Pushes the folded form of `c` (lower case, no diacritics) onto `out`.
fn fold_char(c: char, out: &mut String) {
    let cp = c as u32;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if (0x300..0x370).contains(&cp) {
        // Combining diacritical marks: dropped.
    } else if (0xC0..0x250).contains(&cp) {
        match c {
            'ß' => out.push_str("ss"),
            'Æ' | 'æ' => out.push_str("ae"),
            'Œ' | 'œ' => out.push_str("oe"),
            _ => match LATIN_FOLD[(cp - 0xC0) as usize] {
                b'.' => out.extend(c.to_lowercase()),
                b => out.push(b as char),
            },
        }
    } else {
        out.extend(c.to_lowercase());
    }
}

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The folded form of `s` and, for every byte of it, the byte offset in `s` of the char it came
/// from (plus one trailing entry, `s.len()`).
fn fold_with_map(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        let before = out.len();
        fold_char(c, &mut out);
        map.resize(map.len() + (out.len() - before), i);
    }
    map.push(s.len());
    (out, map)
}

/// The folded search terms of a query: words, and `"quoted phrases"` kept whole.
pub fn terms(q: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in q.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase = fold(
                part.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str(),
            );
            if !phrase.is_empty() {
                out.push(phrase);
            }
        } else {
            out.extend(part.split_whitespace().map(fold).filter(|t| !t.is_empty()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Byte ranges in `text` where any of `terms` occurs (case- and diacritic-insensitive), sorted and
/// merged where they overlap.
pub fn hits(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    let (folded, map) = fold_with_map(text);
    let mut ranges = Vec::new();
    for term in terms {
        for (at, _) in folded.match_indices(term.as_str()) {
            let start = map[at];
            let mut end = map[at + term.len()];
            if end <= start {
                end = text[start..]
                    .chars()
                    .next()
                    .map_or(text.len(), |c| start + c.len_utf8());
            }
            ranges.push((start, end));
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The folded searchable text of every document, computed once.
pub struct SearchText {
    folded: Vec<String>,
}

impl SearchText {
    /// Folds every document's title, metadata and body.
    pub fn new(corpus: &Corpus) -> SearchText {
        let folded = corpus
            .documents
            .iter()
            .map(|d| {
                let mut s = String::with_capacity(d.body.len() + d.title.len() + 64);
                for part in [
                    Some(d.title.as_str()),
                    d.byline.as_deref(),
                    d.dateline.as_deref(),
                    d.source.as_deref(),
                    Some(d.body.as_str()),
                ]
                .into_iter()
                .flatten()
                {
                    s.push_str(&fold(part));
                    s.push('\n');
                }
                s
            })
            .collect();
        SearchText { folded }
    }

    /// How often the terms occur in document `i`, or `None` when one of them is missing.
    fn score(&self, i: usize, terms: &[String]) -> Option<usize> {
        let text = &self.folded[i];
        let mut total = 0;
        for t in terms {
            let n = text.matches(t.as_str()).count();
            if n == 0 {
                return None;
            }
            total += n;
        }
        Some(total)
    }
}

/// The documents matching a view's query, entity, source and date filters, in its sort order.
pub fn results(corpus: &Corpus, text: &SearchText, view: &View) -> Vec<DocIdx> {
    let terms = terms(&view.q);
    let entity_docs: Vec<&[DocIdx]> = view
        .entities
        .iter()
        .filter_map(|id| corpus.entity_index(id))
        .map(|e| corpus.entities[e as usize].documents.as_slice())
        .collect();
    let mut scored: Vec<(DocIdx, usize)> = corpus
        .documents
        .iter()
        .enumerate()
        .filter(|(i, d)| {
            let i = *i as DocIdx;
            entity_docs
                .iter()
                .all(|docs| docs.binary_search(&i).is_ok())
                && (view.sources.is_empty()
                    || d.source.as_ref().is_some_and(|s| view.sources.contains(s)))
                && in_range(d, view)
        })
        .filter_map(|(i, _)| text.score(i, &terms).map(|s| (i as DocIdx, s)))
        .collect();
    let date = |i: DocIdx| corpus.documents[i as usize].date;
    match view.sort {
        SortOrder::Relevance => {
            scored.sort_by_key(|&(i, s)| (Reverse(s), Reverse(date(i)), i));
        }
        SortOrder::Newest => scored.sort_by_key(|&(i, _)| (Reverse(date(i)), i)),
        SortOrder::Oldest => scored.sort_by_key(|&(i, _)| (date(i).is_none(), date(i), i)),
    }
    scored.into_iter().map(|(i, _)| i).collect()
}

fn in_range(d: &Document, view: &View) -> bool {
    if view.from.is_none() && view.to.is_none() {
        return true;
    }
    match d.date {
        None => false,
        Some(date) => view.from.is_none_or(|f| date >= f) && view.to.is_none_or(|t| date <= t),
    }
}

/// Largest char boundary of `s` at or before `i`.
pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary of `s` at or after `i`.
pub fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A short excerpt of a body: around the first hit if there is one, else its opening. Returns the
/// byte range of the excerpt; it is cut at spaces where possible.
pub fn snippet_range(body: &str, hits: &[(usize, usize)], len: usize) -> (usize, usize) {
    let (start, end) = match hits.first() {
        Some(&(s, _)) => {
            let start = floor_boundary(body, s.saturating_sub(len / 3));
            (start, ceil_boundary(body, start + len))
        }
        None => (0, ceil_boundary(body, len)),
    };
    let start = if start > 0 && !body[..start].ends_with(char::is_whitespace) {
        body[start..]
            .find(' ')
            .filter(|&k| start + k < hits.first().map_or(usize::MAX, |h| h.0))
            .map_or(start, |k| start + k + 1)
    } else {
        start
    };
    let end = if end < body.len() {
        body[start..end].rfind(' ').map_or(end, |k| start + k)
    } else {
        end
    };
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Nausėda ĄČĘ Straße"), "nauseda ace strasse");
    }

    #[test]
    fn hits_map_back_to_original_bytes() {
        let text = "Gitanas Nausėda met NAUSEDA.";
        let h = hits(text, &terms("nauseda"));
        let found: Vec<&str> = h.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["Nausėda", "NAUSEDA"]);
    }

    #[test]
    fn quoted_phrases_stay_whole() {
        assert_eq!(terms(r#"nato "Baltic  Sea""#), ["baltic sea", "nato"]);
    }

    #[test]
    fn snippet_starts_at_a_word() {
        let body = "alpha beta gamma delta epsilon zeta eta theta";
        let (s, e) = snippet_range(body, &[(17, 22)], 18);
        assert_eq!(&body[s..e], "gamma delta");
    }
}
