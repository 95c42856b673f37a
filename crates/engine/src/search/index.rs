//! The inverted index built at compile time: folded terms, their postings with title and body
//! frequencies, word positions for phrases, stems for stem matching, and document lengths for
//! BM25.
//!
//! Positions count the letter-and-digit runs of a document's folded title, then its folded body
//! (`don't` is two runs, `nato-led` two). A run follows the one before at the next position when
//! a single white-space character separates them, and one further on otherwise (punctuation, a
//! line break plus indent, the title/body boundary), so "consecutive positions" means exactly
//! "separated by one space" — what a phrase requires. A posting of a term made of letters and
//! digits only keeps the positions of the runs equal to the term; other terms keep none.
//!
//! Encoding, per posting in [`Index::positions`], as LEB128 varints: a head `h`, then the gaps
//! between positions minus one. An even `h` means the posting has one position per occurrence
//! (`title + body`) and the first is `h / 2`; an odd `h` gives the count `h / 2` explicitly,
//! followed (when non-zero) by the first position.
//!
//! Postings and positions are [`Blob`]s: read in place from the app's embedded snapshot, never
//! decoded into vectors (see [`crate::packed`]).

use crate::fold::fold;
use crate::model::{DocIdx, Document};
use crate::packed::{get_varint, put_varint, Blob, Records};
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One document's occurrences of a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// The document.
    pub doc: DocIdx,
    /// Occurrences in the title.
    pub title: u16,
    /// Occurrences in the body.
    pub body: u16,
}

/// The search index of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Folded terms, sorted (so a prefix is a contiguous range).
    pub terms: Vec<String>,
    /// Postings of each term, by document.
    pub postings: Postings,
    /// English stem -> ids of the terms with that stem.
    pub stems: Vec<(String, Vec<u32>)>,
    /// Words per document (title and body).
    pub lengths: Vec<u32>,
    /// Word positions of every posting, term after term, delta-encoded varints (see the module
    /// documentation). A snapshot section, not serialised by serde.
    #[serde(skip)]
    pub positions: Blob,
    /// Where each term's positions start in [`Index::positions`], plus the end: one more entry
    /// than there are terms.
    pub position_starts: Vec<u32>,
}

/// The postings of every term, packed: per posting the document (as the gap from the one
/// before), then `body << 1 | (title > 0)`, then `title` when it is not zero, all varints.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    /// Where each term's postings start in `bytes`.
    starts: Vec<u32>,
    /// Number of postings of each term (its document frequency).
    counts: Vec<u32>,
    /// The packed postings (a snapshot section).
    #[serde(skip)]
    pub(crate) bytes: Blob,
}

impl Postings {
    /// Packs one list per term, each sorted by document.
    pub fn pack(lists: &[Vec<Posting>]) -> Postings {
        let mut bytes = Vec::new();
        let mut starts = Vec::with_capacity(lists.len());
        let mut counts = Vec::with_capacity(lists.len());
        for list in lists {
            starts.push(bytes.len() as u32);
            counts.push(list.len() as u32);
            let mut prev = 0;
            for p in list {
                debug_assert!(p.doc >= prev, "postings sorted by document");
                put_varint(&mut bytes, u64::from(p.doc.wrapping_sub(prev)));
                prev = p.doc;
                put_varint(
                    &mut bytes,
                    (u64::from(p.body) << 1) | u64::from(p.title > 0),
                );
                if p.title > 0 {
                    put_varint(&mut bytes, u64::from(p.title));
                }
            }
        }
        Postings {
            starts,
            counts,
            bytes: Blob::owned(bytes),
        }
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when there are no terms.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Number of documents with term `term` (0 out of range).
    pub fn count(&self, term: u32) -> usize {
        self.counts.get(term as usize).map_or(0, |&c| c as usize)
    }

    /// The postings of term `term`, by document (none out of range).
    pub fn of(&self, term: u32) -> PostingIter<'_> {
        match self.starts.get(term as usize) {
            Some(&at) => PostingIter {
                records: Records::new(&self.bytes, at as usize, self.count(term)),
                doc: 0,
            },
            None => PostingIter::default(),
        }
    }
}

/// The postings of one term, decoded as they are read.
#[derive(Clone, Debug, Default)]
pub struct PostingIter<'a> {
    records: Records<'a>,
    doc: DocIdx,
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        if !self.records.next_record() {
            return None;
        }
        self.doc = self.doc.wrapping_add(self.records.varint() as DocIdx);
        let tf = self.records.varint();
        let title = if tf & 1 == 1 {
            self.records.varint() as u16
        } else {
            0
        };
        Some(Posting {
            doc: self.doc,
            title,
            body: (tf >> 1) as u16,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.records.left(), Some(self.records.left()))
    }
}

impl ExactSizeIterator for PostingIter<'_> {}

/// The letter-and-digit runs of a folded text, each with whether exactly one white-space
/// character separates it from the run before.
fn runs(folded: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut prev_end = None;
    for (i, c) in folded
        .char_indices()
        .chain(std::iter::once((folded.len(), ' ')))
    {
        let alnum = i < folded.len() && c.is_alphanumeric();
        match (start, alnum) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let spaced = prev_end.is_some_and(|e: usize| {
                    let mut gap = folded[e..s].chars();
                    gap.next().is_some_and(char::is_whitespace) && gap.next().is_none()
                });
                out.push((&folded[s..i], spaced));
                prev_end = Some(i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A term whose postings keep positions: letters and digits only.
pub fn positional(term: &str) -> bool {
    term.chars().all(char::is_alphanumeric)
}

/// Appends the encoded positions of one posting.
fn put_positions(out: &mut Vec<u8>, p: &Posting, positions: &[u32]) {
    let n = positions.len() as u64;
    match positions.first() {
        Some(&first) if n == u64::from(p.title) + u64::from(p.body) => {
            put_varint(out, u64::from(first) << 1)
        }
        first => {
            put_varint(out, (n << 1) | 1);
            if let Some(&f) = first {
                put_varint(out, u64::from(f));
            }
        }
    }
    for w in positions.windows(2) {
        put_varint(out, u64::from(w[1] - w[0] - 1));
    }
}

/// Reads the positions of posting `p` at `*at` into `out` (cleared first), moving past them.
pub fn read_positions(bytes: &[u8], at: &mut usize, p: &Posting, out: &mut Vec<u32>) {
    out.clear();
    let head = get_varint(bytes, at);
    let (n, first) = if head & 1 == 0 {
        (u64::from(p.title) + u64::from(p.body), head >> 1)
    } else if head >> 1 == 0 {
        return;
    } else {
        (head >> 1, get_varint(bytes, at))
    };
    let mut pos = first as u32;
    out.push(pos);
    for _ in 1..n {
        pos = pos.wrapping_add(get_varint(bytes, at) as u32 + 1);
        out.push(pos);
    }
}

/// Builds the index of `documents` (title and body).
pub fn build(documents: &[Document]) -> Index {
    // Per term: postings and their encoded positions.
    let mut map: BTreeMap<String, (Vec<Posting>, Vec<u8>)> = BTreeMap::new();
    let mut lengths = Vec::with_capacity(documents.len());
    for (d, doc) in documents.iter().enumerate() {
        let mut counts: BTreeMap<String, (u16, u16, Vec<u32>)> = BTreeMap::new();
        let title = text::words(&doc.title);
        let body = text::words(&doc.body);
        lengths.push((title.len() + body.len()) as u32);
        for w in title {
            let c = counts.entry(w.folded).or_default();
            c.0 = c.0.saturating_add(1);
        }
        for w in body {
            let c = counts.entry(w.folded).or_default();
            c.1 = c.1.saturating_add(1);
        }
        let mut next: Option<u32> = None;
        for t in [&doc.title, &doc.body] {
            let folded = fold(t);
            for (k, (run, spaced)) in runs(&folded).into_iter().enumerate() {
                let at = match next {
                    None => 0,
                    Some(p) if k > 0 && spaced => p + 1,
                    Some(p) => p + 2,
                };
                next = Some(at);
                if let Some(c) = counts.get_mut(run) {
                    c.2.push(at);
                }
            }
        }
        for (term, (title, body, at)) in counts {
            let keep = positional(&term);
            let e = map.entry(term).or_default();
            let p = Posting {
                doc: d as DocIdx,
                title,
                body,
            };
            if keep {
                put_positions(&mut e.1, &p, &at);
            }
            e.0.push(p);
        }
    }
    let mut stems: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut terms = Vec::with_capacity(map.len());
    let mut postings = Vec::with_capacity(map.len());
    let mut positions = Vec::new();
    let mut position_starts = Vec::with_capacity(map.len() + 1);
    for (i, (term, (p, at))) in map.into_iter().enumerate() {
        stems.entry(text::stem(&term)).or_default().push(i as u32);
        terms.push(term);
        postings.push(p);
        position_starts.push(positions.len() as u32);
        positions.extend_from_slice(&at);
    }
    position_starts.push(positions.len() as u32);
    Index {
        terms,
        postings: Postings::pack(&postings),
        stems: stems.into_iter().filter(|(_, ids)| ids.len() > 1).collect(),
        lengths,
        positions: Blob::owned(positions),
        position_starts,
    }
}

impl Index {
    /// The id of a folded term.
    pub fn term(&self, folded: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(folded))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of the terms starting with `prefix`.
    pub fn prefixed(&self, prefix: &str) -> std::ops::Range<u32> {
        let lo = self.terms.partition_point(|t| t.as_str() < prefix);
        let hi = lo + self.terms[lo..].partition_point(|t| t.starts_with(prefix));
        lo as u32..hi as u32
    }

    /// Ids of the other terms sharing the stem of `folded`.
    pub fn same_stem(&self, folded: &str) -> &[u32] {
        let s = text::stem(folded);
        match self.stems.binary_search_by(|(k, _)| k.as_str().cmp(&s)) {
            Ok(i) => &self.stems[i].1,
            Err(_) => &[],
        }
    }

    /// Ids of the terms one edit away from `folded`.
    pub fn fuzzy(&self, folded: &str) -> Vec<u32> {
        let n = folded.chars().count();
        let first = folded.chars().next();
        self.terms
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                let m = t.len();
                m + 1 >= folded.len() && m <= folded.len() + 2
            })
            .filter(|(_, t)| {
                let k = t.chars().count();
                k.abs_diff(n) <= 1
                    && (t.chars().next() == first || t.chars().nth(1) == folded.chars().nth(1))
                    && t.as_str() != folded
                    && text::within_one_edit(t, folded)
            })
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// The encoded positions of a term's postings, when the index has them for that term.
    pub fn positions_of(&self, term: u32) -> Option<&[u8]> {
        if self.position_starts.len() != self.terms.len() + 1 {
            return None;
        }
        let t = term as usize;
        let (a, b) = (self.position_starts[t], self.position_starts[t + 1]);
        let bytes = self.positions.get(a as usize..b as usize)?;
        positional(self.terms.get(t)?).then_some(bytes)
    }

    /// Mean document length.
    pub fn mean_length(&self) -> f32 {
        if self.lengths.is_empty() {
            return 1.0;
        }
        (self.lengths.iter().map(|&l| l as f64).sum::<f64>() / self.lengths.len() as f64).max(1.0)
            as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip() {
        let p = |doc, title, body| Posting { doc, title, body };
        let lists = vec![
            vec![p(0, 0, 3), p(1, 2, 0), p(70_000, u16::MAX, u16::MAX)],
            vec![],
            vec![p(5, 1, 1)],
        ];
        let packed = Postings::pack(&lists);
        assert_eq!(packed.len(), 3);
        for (t, list) in lists.iter().enumerate() {
            assert_eq!(packed.count(t as u32), list.len());
            assert_eq!(packed.of(t as u32).collect::<Vec<_>>(), *list);
        }
        assert_eq!(packed.of(3).count(), 0, "out of range is empty");
    }

    #[test]
    fn runs_know_single_spaces() {
        let r = runs("nato-led  air\ndefence's x");
        assert_eq!(
            r,
            [
                ("nato", false),
                ("led", false),
                ("air", false),
                ("defence", true),
                ("s", false),
                ("x", true)
            ]
        );
    }

    #[test]
    fn positions_follow_runs_and_spacing() {
        let doc = |title: &str, body: &str| Document {
            title: title.into(),
            body: body.into(),
            ..Document::default()
        };
        let index = build(&[
            doc("Air defence", "Air defence.  Air-defence 北京nato nato"),
            doc("", "don't t"),
        ]);
        let at = |term: &str, d: usize| {
            let id = index.term(term).unwrap();
            let bytes = index.positions_of(id).unwrap();
            let mut at = 0;
            let mut out = Vec::new();
            for p in index.postings.of(id) {
                read_positions(bytes, &mut at, &p, &mut out);
                if p.doc as usize == d {
                    return out;
                }
            }
            panic!("{term} not in {d}");
        };
        // Title 0 1; body (gap) 3 4; (double space) 6; (hyphen) 8; 北京nato 9; nato 10.
        assert_eq!(at("air", 0), [0, 3, 6]);
        assert_eq!(at("defence", 0), [1, 4, 8]);
        assert_eq!(
            at("nato", 0),
            [10],
            "a run glued to other letters is not the word"
        );
        assert_eq!(at("t", 1), [2, 3], "`don't` is two runs");
        assert!(index.positions_of(index.term("don't").unwrap()).is_none());
    }
}
