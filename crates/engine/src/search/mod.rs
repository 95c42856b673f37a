//! Full-text search: the compile-time [`index`], the [`query`] language, BM25 ranking with a title
//! boost (exact forms above stems above prefixes above one-typo matches), date/entity/source
//! filters, highlight ranges for snippets and the reader, and bitset [`facets`].
//!
//! ```
//! use dossier_engine::{build, search, SourceFile};
//!
//! let out = build(&[SourceFile { path: "a.txt".into(), bytes: b" date 2024-04-02 Leaders met in Vilnius.".to_vec() }], None);
//! let q = search::query::parse("vilnus", false); // one typo
//! let r = search::search(&out.corpus, &q, &search::Filters::default(), search::Sort::Relevance);
//! assert_eq!(r.docs, [0]);
//! ```

pub mod facets;
pub mod index;
pub mod query;

use crate::entities::fold;
use crate::model::{Corpus, DocIdx, EntityKind};
use crate::text;
use chrono::NaiveDate;
use query::{Query, Term};
use std::collections::{HashMap, HashSet};

pub use index::{build as build_index, Index};

/// Filters chosen outside the query text (facets, the timeline brush).
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Entity ids that must all be mentioned.
    pub entities: Vec<String>,
    /// Sources, any of which may match.
    pub sources: Vec<String>,
    /// Earliest date (inclusive).
    pub from: Option<NaiveDate>,
    /// Latest date (inclusive).
    pub to: Option<NaiveDate>,
}

/// Result order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (newest first when there are no words).
    #[default]
    Relevance,
    /// Newest first; undated last.
    Newest,
    /// Oldest first; undated last.
    Oldest,
}

/// What to mark in texts: the folded words and phrases a query matched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Folded words (exact, stem, prefix and typo matches of the query words).
    pub words: HashSet<String>,
    /// Folded phrases.
    pub phrases: Vec<Vec<String>>,
}

/// Matching documents in order, with what was ignored and what to highlight.
#[derive(Clone, Debug, Default)]
pub struct Results {
    /// Documents, best first.
    pub docs: Vec<DocIdx>,
    /// What the query parser dropped.
    pub ignored: Vec<String>,
    /// Words and phrases to mark.
    pub highlight: Highlight,
}

/// Hashes document indices with one multiplication (FxHash's): they are small distinct integers,
/// and SipHash dominated the score maps' cost.
#[derive(Clone, Copy, Default)]
struct DocHasher(u64);

impl std::hash::Hasher for DocHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Scores by document.
type DocMap = HashMap<DocIdx, f32, std::hash::BuildHasherDefault<DocHasher>>;

const K1: f32 = 1.2;
const B: f32 = 0.75;
const TITLE_BOOST: f32 = 2.0;
const W_EXACT: f32 = 1.0;
const W_STEM: f32 = 0.7;
const W_PREFIX: f32 = 0.5;
const W_FUZZY: f32 = 0.35;

struct Ctx<'a> {
    corpus: &'a Corpus,
    index: &'a Index,
    avg: f32,
    n: f32,
}

impl Ctx<'_> {
    fn idf(&self, term: u32) -> f32 {
        let df = self.index.postings.count(term) as f32;
        (1.0 + (self.n - df + 0.5) / (df + 0.5)).ln()
    }

    fn score(&self, p: &index::Posting, idf: f32, weight: f32) -> f32 {
        let tf = p.body as f32 + TITLE_BOOST * p.title as f32;
        let len = self.index.lengths.get(p.doc as usize).copied().unwrap_or(1) as f32;
        weight * idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg))
    }

    fn bm25(&self, term: u32, weight: f32, out: &mut DocMap) {
        let idf = self.idf(term);
        for p in self.index.postings.of(term) {
            let s = self.score(&p, idf, weight);
            let e = out.entry(p.doc).or_insert(0.0);
            *e = e.max(s);
        }
    }

    /// The documents with the phrase of terms `ids` (letters and digits only) at consecutive
    /// positions, scored as the sum of the words' exact-form BM25 (the last word's first); `None`
    /// when the index has no positions for one of the words.
    fn phrase_by_positions(&self, ids: &[u32]) -> Option<DocMap> {
        struct Cursor<'a> {
            postings: index::PostingIter<'a>,
            current: Option<index::Posting>,
            bytes: &'a [u8],
            at: usize,
            idf: f32,
        }
        let mut cursors = ids
            .iter()
            .map(|&id| {
                let mut postings = self.index.postings.of(id);
                Some(Cursor {
                    current: postings.next(),
                    postings,
                    bytes: self.index.positions_of(id)?,
                    at: 0,
                    idf: self.idf(id),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let mut out = DocMap::default();
        let Some(&rare) = ids.iter().min_by_key(|&&id| self.index.postings.count(id)) else {
            return Some(out);
        };
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); cursors.len()];
        let mut scores: Vec<f32> = vec![0.0; cursors.len()];
        'docs: for doc in self.index.postings.of(rare).map(|p| p.doc) {
            for (c, (list, score)) in cursors.iter_mut().zip(lists.iter_mut().zip(&mut scores)) {
                while let Some(p) = c.current.filter(|p| p.doc < doc) {
                    index::read_positions(c.bytes, &mut c.at, &p, list);
                    c.current = c.postings.next();
                }
                let Some(p) = c.current.filter(|p| p.doc == doc) else {
                    continue 'docs;
                };
                index::read_positions(c.bytes, &mut c.at, &p, list);
                c.current = c.postings.next();
                *score = 0.0f32.max(self.score(&p, c.idf, W_EXACT));
            }
            let (first, rest) = lists.split_first().expect("a phrase has words");
            let found = first.iter().any(|&at| {
                rest.iter()
                    .zip(1u32..)
                    .all(|(l, i)| l.binary_search(&(at + i)).is_ok())
            });
            if found {
                let (last, others) = scores.split_last().expect("a phrase has words");
                out.insert(doc, *last + others.iter().sum::<f32>());
            }
        }
        Some(out)
    }

    fn term(&self, t: &Term, hl: &mut Highlight) -> DocMap {
        let mut out = DocMap::default();
        match t {
            Term::Word { text, prefix } => {
                for (id, w) in expand(self.index, text, *prefix) {
                    self.bm25(id, w, &mut out);
                    hl.words.insert(self.index.terms[id as usize].clone());
                }
            }
            Term::Phrase(words) => {
                let ids: Option<Vec<u32>> = words.iter().map(|w| self.index.term(w)).collect();
                let Some(ids) = ids else { return out };
                hl.phrases.push(words.clone());
                if words.iter().all(|w| index::positional(w)) {
                    if let Some(found) = self.phrase_by_positions(&ids) {
                        return found;
                    }
                }
                // Words with punctuation inside (`u.s`, `3.5`): check the candidates' text.
                let mut parts: Vec<DocMap> = ids
                    .iter()
                    .map(|&id| {
                        let mut m = DocMap::default();
                        self.bm25(id, W_EXACT, &mut m);
                        m
                    })
                    .collect();
                let first = parts.pop().unwrap_or_default();
                for (doc, score) in first {
                    if parts.iter().all(|p| p.contains_key(&doc)) && self.has_phrase(doc, words) {
                        out.insert(doc, score + parts.iter().map(|p| p[&doc]).sum::<f32>());
                    }
                }
            }
            Term::Entity { name, kind } => {
                for e in self.entities(name, *kind) {
                    for &d in &self.corpus.entities[e].documents {
                        out.insert(d, 1.0);
                    }
                }
            }
            Term::Source(s) => {
                for (i, d) in self.corpus.documents.iter().enumerate() {
                    if d.source
                        .as_deref()
                        .is_some_and(|src| fold(src).contains(s.as_str()))
                    {
                        out.insert(i as DocIdx, 0.5);
                    }
                }
            }
            Term::Said(s) => {
                for q in &self.corpus.quotes {
                    if crate::quotes::said_by(q, s, &self.corpus.entities) {
                        out.insert(q.document, 1.0);
                    }
                }
            }
        }
        out
    }

    /// Entities whose name, id or a form equals the folded name; else whose name has it as a word prefix.
    fn entities(&self, name: &str, kind: Option<EntityKind>) -> Vec<usize> {
        let of_kind = |e: &&crate::model::Entity| kind.is_none_or(|k| e.kind == k);
        let exact: Vec<usize> = self
            .corpus
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| of_kind(e))
            .filter(|(_, e)| {
                fold(&e.name) == name
                    || e.id == name
                    || e.forms.iter().any(|f| fold(&f.text) == name)
            })
            .map(|(i, _)| i)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        self.corpus
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| of_kind(e))
            .filter(|(_, e)| {
                let n = fold(&e.name);
                n.starts_with(name) || n.contains(&format!(" {name}"))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The folded words occur in this order, separated by white space, in the title or body.
    /// With chunked bodies (not in memory) a phrase the positions cannot check is accepted when
    /// all its words are in the document, which the caller has already established.
    fn has_phrase(&self, doc: DocIdx, words: &[String]) -> bool {
        if self.corpus.is_chunked() {
            return true;
        }
        let d = &self.corpus.documents[doc as usize];
        let phrase = words.join(" ");
        [d.title.as_str(), d.body.as_str()].iter().any(|t| {
            let folded: String = fold(t)
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
    }
}

/// The index terms a query word matches, with their weights: the exact form, other forms with its
/// stem, completions when `prefix`, and terms one edit away for words of five letters or more.
pub fn expand(index: &Index, text: &str, prefix: bool) -> Vec<(u32, f32)> {
    let mut out: Vec<(u32, f32)> = Vec::new();
    let mut add = |id: u32, w: f32| {
        if !out.iter().any(|x| x.0 == id) {
            out.push((id, w));
        }
    };
    if let Some(id) = index.term(text) {
        add(id, W_EXACT);
    }
    for &id in index.same_stem(text) {
        add(id, W_STEM);
    }
    if prefix {
        for id in index.prefixed(text).take(64) {
            add(id, W_PREFIX);
        }
    }
    if text.chars().count() >= 5 {
        for id in index.fuzzy(text) {
            add(id, W_FUZZY);
        }
    }
    out
}

/// What a query marks in texts, without running it: the index terms its words match, and its phrases.
pub fn highlight(corpus: &Corpus, query: &Query) -> Highlight {
    let mut hl = Highlight::default();
    for clause in query.clauses.iter().filter(|c| !c.negated) {
        for t in &clause.any {
            match t {
                Term::Word { text, prefix } => {
                    for (id, _) in expand(&corpus.index, text, *prefix) {
                        hl.words.insert(corpus.index.terms[id as usize].clone());
                    }
                }
                Term::Phrase(words) => hl.phrases.push(words.clone()),
                _ => {}
            }
        }
    }
    hl
}

/// Runs a query with filters over a corpus and its index.
pub fn search(corpus: &Corpus, query: &Query, filters: &Filters, sort: Sort) -> Results {
    let index = &corpus.index;
    let ctx = Ctx {
        corpus,
        index,
        avg: index.mean_length(),
        n: corpus.documents.len() as f32,
    };
    let mut hl = Highlight::default();
    let from = [filters.from, query.from].into_iter().flatten().max();
    let to = [filters.to, query.to].into_iter().flatten().min();
    let entity_sets: Vec<&[DocIdx]> = filters
        .entities
        .iter()
        .filter_map(|id| corpus.entity_index(id))
        .map(|e| corpus.entities[e as usize].documents.as_slice())
        .collect();
    let mut scores: Option<DocMap> = None;
    let mut excluded: HashSet<DocIdx, std::hash::BuildHasherDefault<DocHasher>> =
        HashSet::default();
    for clause in &query.clauses {
        let mut any = DocMap::default();
        let mut sink = Highlight::default();
        for t in &clause.any {
            for (d, s) in ctx.term(t, if clause.negated { &mut sink } else { &mut hl }) {
                *any.entry(d).or_insert(0.0) += s;
            }
        }
        if clause.negated {
            excluded.extend(any.keys());
            continue;
        }
        scores = Some(match scores {
            None => any,
            Some(prev) => prev
                .into_iter()
                .filter_map(|(d, s)| any.get(&d).map(|a| (d, s + a)))
                .collect(),
        });
    }
    let text_query = scores.is_some();
    let keep = |i: DocIdx, score: f32| {
        let d = corpus.documents.get(i as usize)?;
        if excluded.contains(&i) {
            return None;
        }
        let dated_ok = (from.is_none() && to.is_none())
            || d.date
                .is_some_and(|x| from.is_none_or(|f| x >= f) && to.is_none_or(|t| x <= t));
        let ok = dated_ok
            && entity_sets.iter().all(|s| s.binary_search(&i).is_ok())
            && (filters.sources.is_empty()
                || d.source
                    .as_ref()
                    .is_some_and(|s| filters.sources.contains(s)));
        ok.then_some((i, score, d.date))
    };
    // Every order below ends on the document index, so the candidates' order does not matter.
    let mut hits: Vec<(DocIdx, f32, Option<NaiveDate>)> = match &scores {
        Some(s) => s.iter().filter_map(|(&i, &score)| keep(i, score)).collect(),
        None => (0..corpus.documents.len() as DocIdx)
            .filter_map(|i| keep(i, 0.0))
            .collect(),
    };
    match sort {
        Sort::Relevance if text_query => hits.sort_by(|a, b| {
            b.1.partial_cmp(&a.1)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.2.cmp(&a.2))
                .then(a.0.cmp(&b.0))
        }),
        Sort::Relevance | Sort::Newest => hits.sort_by(|a, b| {
            a.2.is_none()
                .cmp(&b.2.is_none())
                .then(b.2.cmp(&a.2))
                .then(a.0.cmp(&b.0))
        }),
        Sort::Oldest => hits.sort_by(|a, b| {
            a.2.is_none()
                .cmp(&b.2.is_none())
                .then(a.2.cmp(&b.2))
                .then(a.0.cmp(&b.0))
        }),
    }
    Results {
        docs: hits.into_iter().map(|h| h.0).collect(),
        ignored: query.ignored.clone(),
        highlight: hl,
    }
}

/// Byte ranges in `text` of every word and phrase to highlight, sorted and not overlapping.
pub fn hit_ranges(text: &str, hl: &Highlight) -> Vec<(usize, usize)> {
    if hl.words.is_empty() && hl.phrases.is_empty() {
        return Vec::new();
    }
    let ws = text::words(text);
    let mut out: Vec<(usize, usize)> = ws
        .iter()
        .filter(|w| hl.words.contains(&w.folded))
        .map(|w| (w.start, w.end))
        .collect();
    for p in &hl.phrases {
        if p.is_empty() {
            continue;
        }
        for win in ws.windows(p.len()) {
            if win.iter().zip(p).all(|(a, b)| &a.folded == b) {
                out.push((win[0].start, win[p.len() - 1].end));
            }
        }
    }
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The first hit in `text`: the range [`hit_ranges`] would mark that ends first, found
/// without reading past it, so a snippet can be placed without marking the whole text.
pub fn first_hit(text: &str, hl: &Highlight) -> Option<(usize, usize)> {
    if hl.words.is_empty() && hl.phrases.iter().all(|p| p.is_empty()) {
        return None;
    }
    let longest = hl.phrases.iter().map(Vec::len).max().unwrap_or(0);
    let mut recent: std::collections::VecDeque<text::Word> =
        std::collections::VecDeque::with_capacity(longest + 1);
    for w in text::each_word(text) {
        if recent.len() == longest.max(1) {
            recent.pop_front();
        }
        recent.push_back(w);
        let last = recent.back().expect("just pushed");
        let mut best: Option<(usize, usize)> = hl
            .words
            .contains(&last.folded)
            .then_some((last.start, last.end));
        for p in hl
            .phrases
            .iter()
            .filter(|p| !p.is_empty() && p.len() <= recent.len())
        {
            let win = recent.range(recent.len() - p.len()..);
            if win.clone().zip(p).all(|(a, b)| &a.folded == b) {
                let start = recent[recent.len() - p.len()].start;
                if best.is_none_or(|(s, _)| start < s) {
                    best = Some((start, last.end));
                }
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
}

#[cfg(test)]
mod tests;
