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
use std::collections::HashSet;

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

/// Scores by document: sorted by document, each document once. Postings are read in document
/// order, so every list is built sorted and lists combine by merging, not hashing.
type Scores = Vec<(DocIdx, f32)>;

/// Score lists holding this many postings per document of the corpus, or more, are combined
/// through a dense array over the corpus rather than merged.
fn is_dense(postings: usize, n: usize) -> bool {
    postings * 8 >= n
}

/// Scores in any order folded into one list sorted by document, a document's scores folded
/// with `f` in arrival order, through an array over the corpus (one pass over the scores, one
/// over the array).
fn dense(
    n: usize,
    scores: impl Iterator<Item = (DocIdx, f32)>,
    f: impl Fn(f32, f32) -> f32,
) -> Scores {
    let mut acc = vec![0f32; n];
    let mut seen = facets::BitSet::new(n);
    // `for_each`, not a `for` loop: the scores are a flattened iterator over several posting
    // lists, and internal iteration runs its nested loops directly, where each `next` would go
    // through the flattening's state (a sixth of the search's time in a profile of the wasm
    // at 100,000 documents).
    scores.for_each(|(d, s)| {
        if let Some(a) = acc.get_mut(d as usize) {
            *a = if seen.contains(d) { f(*a, s) } else { s };
            seen.insert(d);
        }
    });
    seen.ones().map(|d| (d, acc[d as usize])).collect()
}

/// One list from several (each sorted by document), a document's scores folded with `f` in
/// list order. Many or long lists go through a [`dense`] array over the corpus; a few short
/// ones are merged by a stable sort.
fn union(mut lists: Vec<Scores>, n: usize, f: impl Fn(f32, f32) -> f32) -> Scores {
    match lists.len() {
        0 => return Vec::new(),
        1 => return lists.pop().unwrap_or_default(),
        _ => {}
    }
    let total: usize = lists.iter().map(Vec::len).sum();
    if is_dense(total, n) {
        return dense(n, lists.iter().flatten().copied(), f);
    }
    let mut out = Vec::with_capacity(total.min(n));
    let mut all = lists.concat();
    all.sort_by_key(|x| x.0);
    for (d, s) in all {
        match out.last_mut() {
            Some((last, acc)) if *last == d => *acc = f(*acc, s),
            _ => out.push((d, s)),
        }
    }
    out
}

/// The documents in both lists, with `a`'s score plus `b`'s.
fn intersect(a: &[(DocIdx, f32)], b: &[(DocIdx, f32)]) -> Scores {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    // A short list against a long one: look each up rather than walk the long one.
    if a.len() * 16 < b.len() || b.len() * 16 < a.len() {
        // (Addition of two floats is commutative, so which side is short does not matter.)
        let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
        for &(d, s) in short {
            if let Ok(k) = long.binary_search_by_key(&d, |x| x.0) {
                out.push((d, s + long[k].1));
            }
        }
        return out;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Documents from a list of indices, each once, sorted, all with score `score`.
fn flat(mut docs: Vec<DocIdx>, score: f32) -> Scores {
    docs.sort_unstable();
    docs.dedup();
    docs.into_iter().map(|d| (d, score)).collect()
}

/// A score as a sort key: larger scores give larger keys (negative and NaN scores count as 0).
fn score_key(s: f32) -> u32 {
    s.max(0.0).to_bits()
}

/// A date as a sort key: later dates give larger keys, and no date gives `undated`.
fn date_key(d: Option<NaiveDate>, undated: u32) -> u32 {
    use chrono::Datelike;
    // Days from the common era fit in 28 bits with their sign over chrono's whole range.
    d.map_or(undated, |d| (d.num_days_from_ce() + (1 << 29)) as u32)
}

/// Compact per-document columns derived from a corpus the first time it is searched, so a
/// query over every document reads two small arrays instead of each [`crate::Document`]:
/// the date as a sort key and the BM25 length norm. Not serialised; clones start empty and
/// any two compare equal, so a corpus's equality is its content's.
#[derive(Default)]
pub struct Tables(std::sync::OnceLock<Columns>);

struct Columns {
    /// [`date_key`] of each document's date, 0 when undated.
    dates: Vec<u32>,
    /// `K1 * (1 - B + B * length / mean length)` of each document.
    norms: Vec<f32>,
}

impl Tables {
    fn get(&self, corpus: &Corpus) -> &Columns {
        self.0.get_or_init(|| {
            let avg = corpus.index.mean_length();
            Columns {
                dates: corpus
                    .documents
                    .iter()
                    .map(|d| date_key(d.date, 0))
                    .collect(),
                norms: (0..corpus.documents.len())
                    .map(|i| {
                        let len = corpus.index.lengths.get(i).copied().unwrap_or(1) as f32;
                        K1 * (1.0 - B + B * len / avg)
                    })
                    .collect(),
            }
        })
    }
}

impl Clone for Tables {
    fn clone(&self) -> Tables {
        Tables::default()
    }
}

impl PartialEq for Tables {
    fn eq(&self, _: &Tables) -> bool {
        true
    }
}

impl std::fmt::Debug for Tables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tables")
    }
}

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
    norms: &'a [f32],
    n: f32,
}

impl Ctx<'_> {
    fn idf(&self, term: u32) -> f32 {
        let df = self.index.postings.count(term) as f32;
        (1.0 + (self.n - df + 0.5) / (df + 0.5)).ln()
    }

    fn score(&self, p: &index::Posting, idf: f32, weight: f32) -> f32 {
        let tf = p.body as f32 + TITLE_BOOST * p.title as f32;
        let norm = self.norms.get(p.doc as usize).copied().unwrap_or(K1);
        weight * idf * tf * (K1 + 1.0) / (tf + norm)
    }

    fn bm25(&self, term: u32, weight: f32) -> Scores {
        let idf = self.idf(term);
        self.index
            .postings
            .of(term)
            .map(|p| (p.doc, self.score(&p, idf, weight)))
            .collect()
    }

    /// Each document's best score over `terms` (ids and weights), the postings read straight
    /// into a [`dense`] array: what [`union`] with `f32::max` gives for their [`Ctx::bm25`]
    /// lists, without building the lists.
    fn best_of_dense(&self, terms: &[(u32, f32)]) -> Scores {
        let scores = terms.iter().flat_map(|&(id, w)| {
            let idf = self.idf(id);
            self.index
                .postings
                .of(id)
                .map(move |p| (p.doc, self.score(&p, idf, w)))
        });
        dense(self.corpus.documents.len(), scores, f32::max)
    }

    /// The documents with the phrase of terms `ids` (letters and digits only) at consecutive
    /// positions, scored as the sum of the words' exact-form BM25 (the last word's first); `None`
    /// when the index has no positions for one of the words.
    fn phrase_by_positions(&self, ids: &[u32]) -> Option<Scores> {
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
        let mut out = Scores::new();
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
                out.push((doc, *last + others.iter().sum::<f32>()));
            }
        }
        Some(out)
    }

    fn term(&self, t: &Term, hl: &mut Highlight) -> Scores {
        let n = self.corpus.documents.len();
        match t {
            Term::Word { text, prefix } => {
                let terms = expand(self.index, text, *prefix);
                for &(id, _) in &terms {
                    hl.words.insert(self.index.terms[id as usize].clone());
                }
                let total: usize = terms
                    .iter()
                    .map(|&(id, _)| self.index.postings.count(id))
                    .sum();
                if terms.len() > 1 && is_dense(total, n) {
                    return self.best_of_dense(&terms);
                }
                let lists = terms.into_iter().map(|(id, w)| self.bm25(id, w)).collect();
                union(lists, n, f32::max)
            }
            Term::Phrase(words) => {
                let ids: Option<Vec<u32>> = words.iter().map(|w| self.index.term(w)).collect();
                let Some(ids) = ids else {
                    return Scores::new();
                };
                hl.phrases.push(words.clone());
                if words.iter().all(|w| index::positional(w)) {
                    if let Some(found) = self.phrase_by_positions(&ids) {
                        return found;
                    }
                }
                // Words with punctuation inside (`u.s`, `3.5`): check the candidates' text.
                let mut parts: Vec<Scores> = ids.iter().map(|&id| self.bm25(id, W_EXACT)).collect();
                let first = parts.pop().unwrap_or_default();
                let score_in = |p: &Scores, doc: DocIdx| {
                    p.binary_search_by_key(&doc, |x| x.0).ok().map(|k| p[k].1)
                };
                first
                    .into_iter()
                    .filter_map(|(doc, score)| {
                        let others: Option<Vec<f32>> =
                            parts.iter().map(|p| score_in(p, doc)).collect();
                        let others = others?;
                        self.has_phrase(doc, words)
                            .then(|| (doc, score + others.iter().sum::<f32>()))
                    })
                    .collect()
            }
            Term::Entity { name, kind } => {
                let docs = self
                    .entities(name, *kind)
                    .into_iter()
                    .flat_map(|e| self.corpus.entities[e].documents.iter().copied())
                    .collect();
                flat(docs, 1.0)
            }
            Term::Source(s) => self
                .corpus
                .documents
                .iter()
                .enumerate()
                .filter(|(_, d)| {
                    d.source
                        .as_deref()
                        .is_some_and(|src| fold(src).contains(s.as_str()))
                })
                .map(|(i, _)| (i as DocIdx, 0.5))
                .collect(),
            Term::Said(s) => {
                let docs = self
                    .corpus
                    .quotes
                    .iter()
                    .filter(|q| crate::quotes::said_by(q, s, &self.corpus.entities))
                    .map(|q| q.document)
                    .collect();
                flat(docs, 1.0)
            }
        }
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

/// Orders documents newest first (undated last) by their [`date_key`]s in `dates`, stably.
fn newest_first(docs: &mut [DocIdx], dates: &[u32]) {
    let key = |d: DocIdx| !dates.get(d as usize).copied().unwrap_or(0);
    if docs.len() <= 16 {
        // Insertion sort: most runs of equal scores are a document or two.
        for i in 1..docs.len() {
            let mut j = i;
            while j > 0 && key(docs[j - 1]) > key(docs[j]) {
                docs.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut keyed: Vec<(u32, DocIdx)> = docs.iter().map(|&d| (key(d), d)).collect();
    crate::sort::by_u32_key(&mut keyed);
    for (d, k) in docs.iter_mut().zip(keyed) {
        *d = k.1;
    }
}

/// Runs a query with filters over a corpus and its index.
///
/// Never inlined: the app calls it once, and code the LTO inliner pulls into the app is
/// optimised for size (the app's opt-level `z`) rather than the engine's `s`.
#[inline(never)]
pub fn search(corpus: &Corpus, query: &Query, filters: &Filters, sort: Sort) -> Results {
    let index = &corpus.index;
    let columns = corpus.tables.get(corpus);
    let ctx = Ctx {
        corpus,
        index,
        norms: &columns.norms,
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
    let n = corpus.documents.len();
    let mut scores: Option<Scores> = None;
    let mut excluded = facets::BitSet::new(n);
    for clause in &query.clauses {
        let mut sink = Highlight::default();
        let lists = clause
            .any
            .iter()
            .map(|t| ctx.term(t, if clause.negated { &mut sink } else { &mut hl }))
            .collect();
        let any = union(lists, n, |a, b| a + b);
        if clause.negated {
            for &(d, _) in &any {
                excluded.insert(d);
            }
            continue;
        }
        scores = Some(match scores {
            None => any,
            Some(prev) => intersect(&prev, &any),
        });
    }
    // Date bounds as date keys: a dated document is in range when its key is between them.
    let (lo, hi) = (
        from.map_or(1, |f| date_key(Some(f), 0)),
        to.map_or(u32::MAX, |t| date_key(Some(t), 0)),
    );
    let dated_only = from.is_some() || to.is_some();
    let keep = |i: DocIdx| -> Option<u32> {
        let date = *columns.dates.get(i as usize)?;
        if excluded.contains(i) || (dated_only && !(lo..=hi).contains(&date)) {
            return None;
        }
        let ok = entity_sets.iter().all(|s| s.binary_search(&i).is_ok())
            && (filters.sources.is_empty()
                || corpus.documents[i as usize]
                    .source
                    .as_ref()
                    .is_some_and(|s| filters.sources.contains(s)));
        ok.then_some(date)
    };
    // Candidates come in document order and the sorts are stable, so ties end on the index.
    let docs: Vec<DocIdx> = match (&scores, sort) {
        // Best score first, then newest (undated, key 0, last): sorted by score alone, then
        // each run of equal scores by date, so each pass moves 8 bytes an item, not 16.
        (Some(s), Sort::Relevance) => {
            let mut keyed: Vec<(u32, DocIdx)> = s
                .iter()
                .filter_map(|&(i, score)| {
                    keep(i)?;
                    Some((!score_key(score), i))
                })
                .collect();
            crate::sort::by_u32_key(&mut keyed);
            let mut docs: Vec<DocIdx> = keyed.iter().map(|k| k.1).collect();
            let mut start = 0;
            while start < keyed.len() {
                let end = start
                    + keyed[start..]
                        .iter()
                        .take_while(|k| k.0 == keyed[start].0)
                        .count();
                newest_first(&mut docs[start..end], &columns.dates);
                start = end;
            }
            docs
        }
        _ => {
            // Newest or oldest first, undated last either way.
            let key = |i: DocIdx| {
                let date = keep(i)?;
                let k = match (sort, date) {
                    (Sort::Oldest, 0) => u32::MAX,
                    (Sort::Oldest, d) => d,
                    (_, d) => !d,
                };
                Some((k, i))
            };
            let mut keyed: Vec<(u32, DocIdx)> = match &scores {
                Some(s) => s.iter().filter_map(|&(i, _)| key(i)).collect(),
                None => (0..n as DocIdx).filter_map(key).collect(),
            };
            crate::sort::by_u32_key(&mut keyed);
            keyed.into_iter().map(|k| k.1).collect()
        }
    };
    Results {
        docs,
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
