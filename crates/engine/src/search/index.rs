//! The inverted index built at compile time: folded terms, their postings with title and body
//! frequencies, stems for stem matching, and document lengths for BM25.

use crate::model::{DocIdx, Document};
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
    pub postings: Vec<Vec<Posting>>,
    /// English stem -> ids of the terms with that stem.
    pub stems: Vec<(String, Vec<u32>)>,
    /// Words per document (title and body).
    pub lengths: Vec<u32>,
}

/// Builds the index of `documents` (title and body).
pub fn build(documents: &[Document]) -> Index {
    let mut map: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
    let mut lengths = Vec::with_capacity(documents.len());
    for (d, doc) in documents.iter().enumerate() {
        let mut counts: BTreeMap<String, (u16, u16)> = BTreeMap::new();
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
        for (term, (title, body)) in counts {
            map.entry(term).or_default().push(Posting {
                doc: d as DocIdx,
                title,
                body,
            });
        }
    }
    let mut stems: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut terms = Vec::with_capacity(map.len());
    let mut postings = Vec::with_capacity(map.len());
    for (i, (term, p)) in map.into_iter().enumerate() {
        stems.entry(text::stem(&term)).or_default().push(i as u32);
        terms.push(term);
        postings.push(p);
    }
    Index {
        terms,
        postings,
        stems: stems.into_iter().filter(|(_, ids)| ids.len() > 1).collect(),
        lengths,
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

    /// Mean document length.
    pub fn mean_length(&self) -> f32 {
        if self.lengths.is_empty() {
            return 1.0;
        }
        (self.lengths.iter().map(|&l| l as f64).sum::<f64>() / self.lengths.len() as f64).max(1.0)
            as f32
    }
}
