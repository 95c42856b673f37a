//! Facets as bitsets: one set per entity, source and year, intersected with the current results
//! to count what each choice would leave (after Pagefind's `filter.rs`).

use crate::model::{Corpus, DocIdx, EntityIdx};
use chrono::Datelike;

/// A set of documents, one bit each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    /// An empty set for `n` documents.
    pub fn new(n: usize) -> BitSet {
        BitSet {
            words: vec![0; n.div_ceil(64)],
        }
    }

    /// The set of the given documents.
    pub fn from_docs(n: usize, docs: impl IntoIterator<Item = DocIdx>) -> BitSet {
        let mut s = BitSet::new(n);
        for d in docs {
            s.insert(d);
        }
        s
    }

    /// Adds a document.
    pub fn insert(&mut self, d: DocIdx) {
        if let Some(w) = self.words.get_mut(d as usize / 64) {
            *w |= 1 << (d % 64);
        }
    }

    /// True when the document is in the set.
    pub fn contains(&self, d: DocIdx) -> bool {
        self.words
            .get(d as usize / 64)
            .is_some_and(|w| w & (1 << (d % 64)) != 0)
    }

    /// Number of documents in both sets.
    pub fn intersection_count(&self, other: &BitSet) -> u32 {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }

    /// Number of documents.
    pub fn len(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// The documents in the set, ascending.
    pub fn ones(&self) -> impl Iterator<Item = DocIdx> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let d = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    d as DocIdx
                })
            })
        })
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }
}

/// Counts of each facet value within a result set, non-zero only, largest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Entities.
    pub entities: Vec<(EntityIdx, u32)>,
    /// Sources.
    pub sources: Vec<(String, u32)>,
    /// Years.
    pub years: Vec<(i32, u32)>,
}

/// An entity is kept as a document list when it is in fewer than one document in this many.
const SPARSE: usize = 32;

/// The documents of one entity, as [`Facets`] keeps them.
#[derive(Clone, Debug)]
enum EntityDocs {
    Dense(BitSet),
    Sparse(Vec<DocIdx>),
}

/// The precomputed bitsets of a corpus.
#[derive(Clone, Debug, Default)]
pub struct Facets {
    n: usize,
    /// Each entity's documents: a bitset when it is in at least one document in [`SPARSE`],
    /// otherwise the sorted list, counted by look-ups in the results rather than by
    /// intersecting whole bitsets (and 32 times smaller than one).
    entities: Vec<EntityDocs>,
    sources: Vec<(String, BitSet)>,
    years: Vec<(i32, BitSet)>,
    /// Each document's entities (each once), document by document: `mentions[starts[d]..starts[d + 1]]`.
    /// Counting a result set's entities from its documents (or, when it holds most of the
    /// corpus, subtracting those of the documents left out) reads only those documents.
    starts: Vec<u32>,
    mentions: Vec<EntityIdx>,
    /// Documents of each entity over the whole corpus (each once).
    totals: Vec<u32>,
    /// Each document's date, side by side: what the timeline reads of every result, without a
    /// visit to each document's record.
    dates: Vec<Option<chrono::NaiveDate>>,
    /// Work of counting every entity by sets: the sparse lists' lengths.
    sparse_total: usize,
    /// Entities kept as bitsets.
    dense: usize,
}

impl Facets {
    /// Builds one bitset per entity, source and year.
    pub fn new(corpus: &Corpus) -> Facets {
        let n = corpus.documents.len();
        let lists: Vec<Vec<DocIdx>> = corpus
            .entities
            .iter()
            .map(|e| {
                let mut d: Vec<DocIdx> = e
                    .documents
                    .iter()
                    .copied()
                    .filter(|&d| (d as usize) < n)
                    .collect();
                d.sort_unstable();
                d.dedup();
                d
            })
            .collect();
        let mut per_doc = vec![0u32; n + 1];
        for &d in lists.iter().flatten() {
            per_doc[d as usize + 1] += 1;
        }
        for i in 1..per_doc.len() {
            per_doc[i] += per_doc[i - 1];
        }
        let starts = per_doc;
        let mut next: Vec<u32> = starts.clone();
        let mut mentions = vec![0 as EntityIdx; starts[n] as usize];
        for (e, list) in lists.iter().enumerate() {
            for &d in list {
                let at = &mut next[d as usize];
                mentions[*at as usize] = e as EntityIdx;
                *at += 1;
            }
        }
        let totals = lists.iter().map(|l| l.len() as u32).collect();
        let (mut sparse_total, mut dense) = (0, 0);
        let entities = lists
            .into_iter()
            .map(|d| {
                if d.len() * SPARSE < n {
                    sparse_total += d.len();
                    EntityDocs::Sparse(d)
                } else {
                    dense += 1;
                    EntityDocs::Dense(BitSet::from_docs(n, d))
                }
            })
            .collect();
        let mut sources: std::collections::BTreeMap<String, BitSet> = Default::default();
        let mut years: std::collections::BTreeMap<i32, BitSet> = Default::default();
        for (i, d) in corpus.documents.iter().enumerate() {
            if let Some(s) = &d.source {
                sources
                    .entry(s.clone())
                    .or_insert_with(|| BitSet::new(n))
                    .insert(i as DocIdx);
            }
            if let Some(date) = d.date {
                years
                    .entry(date.year())
                    .or_insert_with(|| BitSet::new(n))
                    .insert(i as DocIdx);
            }
        }
        Facets {
            n,
            entities,
            sources: sources.into_iter().collect(),
            years: years.into_iter().collect(),
            starts,
            mentions,
            totals,
            dates: corpus.documents.iter().map(|d| d.date).collect(),
            sparse_total,
            dense,
        }
    }

    /// The date of document `d` (`None` when undated or past the corpus).
    pub fn document_date(&self, d: DocIdx) -> Option<chrono::NaiveDate> {
        self.dates.get(d as usize).copied().flatten()
    }

    /// Every year with a dated document, ascending.
    pub fn all_years(&self) -> Vec<i32> {
        self.years.iter().map(|y| y.0).collect()
    }

    /// Every source, sorted.
    pub fn all_sources(&self) -> Vec<&str> {
        self.sources.iter().map(|s| s.0.as_str()).collect()
    }

    /// The bitset of a result list.
    ///
    /// Never inlined, as [`Facets::counts`].
    #[inline(never)]
    pub fn set(&self, docs: &[DocIdx]) -> BitSet {
        BitSet::from_docs(self.n, docs.iter().copied())
    }

    /// The documents of one entity, as a bitset.
    pub fn entity(&self, e: EntityIdx) -> Option<BitSet> {
        Some(match self.entities.get(e as usize)? {
            EntityDocs::Dense(s) => s.clone(),
            EntityDocs::Sparse(docs) => self.set(docs),
        })
    }

    /// The entities of document `d`, each once, ascending (empty past the corpus): the
    /// document-to-entity lists the counts read, for the timeline and network to share.
    pub fn document_entities(&self, d: DocIdx) -> &[EntityIdx] {
        let d = d as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&a), Some(&b)) => &self.mentions[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Counts every facet value against `results`.
    ///
    /// Never inlined: the app calls it once, and code the LTO inliner pulls into the app is
    /// optimised for size (the app's opt-level `z`) rather than the engine's `s`.
    #[inline(never)]
    pub fn counts(&self, results: &BitSet) -> FacetCounts {
        // Only the non-empty words of the results can add to a count.
        let live: Vec<usize> = (0..results.words.len())
            .filter(|&i| results.words[i] != 0)
            .collect();
        // Entities: by sets (every sparse list looked up, every dense set's live words
        // intersected) or by documents (the entities of the results, or of the documents they
        // leave out, whichever are fewer), whichever reads less.
        let found = results.len() as usize;
        let per_doc = self.mentions.len().div_ceil(self.n.max(1));
        let by_docs = found.min(self.n - found.min(self.n)) * per_doc + results.words.len();
        let by_sets = self.sparse_total + self.dense * live.len();
        let entities = if by_docs < by_sets {
            self.entity_counts_by_documents(results)
        } else {
            self.entity_counts_by_sets(results, &live)
        };
        let count = |s: &BitSet| intersect_live(s, results, &live);
        let mut c = FacetCounts {
            entities: entities
                .into_iter()
                .enumerate()
                .map(|(i, n)| (i as EntityIdx, n))
                .filter(|x| x.1 > 0)
                .collect(),
            sources: self
                .sources
                .iter()
                .map(|(k, s)| (k.clone(), count(s)))
                .filter(|x| x.1 > 0)
                .collect(),
            years: self
                .years
                .iter()
                .map(|(k, s)| (*k, count(s)))
                .filter(|x| x.1 > 0)
                .collect(),
        };
        // Most documents first, ties by entity (the list is in entity order and the sort is
        // stable): every entity of the results is ordered on each keystroke.
        let mut keyed: Vec<(u32, (EntityIdx, u32))> =
            c.entities.iter().map(|&(e, n)| (!n, (e, n))).collect();
        crate::sort::by_u32_key(&mut keyed);
        c.entities = keyed.into_iter().map(|k| k.1).collect();
        c.sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        c.years.sort_by_key(|y| std::cmp::Reverse(y.0));
        c
    }

    /// Each entity's documents in `results`, by intersecting its set (`live`: the non-empty
    /// words of `results`).
    fn entity_counts_by_sets(&self, results: &BitSet, live: &[usize]) -> Vec<u32> {
        self.entities
            .iter()
            .map(|docs| match docs {
                EntityDocs::Sparse(docs) => {
                    docs.iter().filter(|&&d| results.contains(d)).count() as u32
                }
                EntityDocs::Dense(s) => intersect_live(s, results, live),
            })
            .collect()
    }

    /// Each entity's documents in `results`, by reading the entities of its documents, or of
    /// the documents it leaves out (subtracted from the corpus totals) when those are fewer.
    fn entity_counts_by_documents(&self, results: &BitSet) -> Vec<u32> {
        let found = results.len() as usize;
        let complement = found * 2 > self.n;
        let mut counts = if complement {
            self.totals.clone()
        } else {
            vec![0; self.totals.len()]
        };
        for (w, &word) in results.words.iter().enumerate() {
            let mut bits = if complement { !word } else { word };
            while bits != 0 {
                let d = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if d >= self.n {
                    break;
                }
                let (a, b) = (self.starts[d] as usize, self.starts[d + 1] as usize);
                for &e in &self.mentions[a..b] {
                    let c = &mut counts[e as usize];
                    *c = if complement { *c - 1 } else { *c + 1 };
                }
            }
        }
        counts
    }
}

/// Number of documents in both sets, reading only the words of `b` listed in `live`.
fn intersect_live(a: &BitSet, b: &BitSet, live: &[usize]) -> u32 {
    live.iter()
        .map(|&i| a.words.get(i).map_or(0, |w| (w & b.words[i]).count_ones()))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Entity};

    /// An unnamed entity mentioned in `documents`.
    fn entity(documents: Vec<DocIdx>) -> Entity {
        Entity {
            id: String::new(),
            name: String::new(),
            kind: crate::model::EntityKind::Other,
            forms: vec![],
            roles: vec![],
            documents,
        }
    }

    #[test]
    fn bitset_counts_intersections() {
        let a = BitSet::from_docs(130, [1, 64, 129]);
        let b = BitSet::from_docs(130, [64, 129, 5]);
        assert_eq!(a.intersection_count(&b), 2);
        assert!(a.contains(129) && !a.contains(5));
        assert_eq!(a.len(), 3);
    }

    #[test]
    fn entity_counts_by_documents_agree_with_counts_by_sets() {
        let n = 300;
        let mut corpus = Corpus {
            documents: vec![Document::default(); n],
            ..Corpus::default()
        };
        // Entities from one document to all of them, some listing a document twice.
        for step in [1usize, 2, 3, 7, 40, 299, 1000] {
            let mut documents: Vec<DocIdx> = (0..n as DocIdx).step_by(step).collect();
            documents.push(0);
            corpus.entities.push(entity(documents));
        }
        let f = Facets::new(&corpus);
        for (d, mut want) in corpus.document_entities().into_iter().enumerate() {
            want.dedup();
            assert_eq!(f.document_entities(d as DocIdx), want, "document {d}");
        }
        assert!(f.document_entities(n as DocIdx).is_empty());
        // Result sets from empty to the whole corpus, below and above half of it.
        for keep in [0usize, 1, 5, 100, 149, 151, 250, 299, 300] {
            let docs: Vec<DocIdx> = (0..n as DocIdx)
                .filter(|d| (*d as usize * 7919) % n < keep)
                .collect();
            let r = f.set(&docs);
            let live: Vec<usize> = (0..r.words.len()).filter(|&i| r.words[i] != 0).collect();
            let by_sets = f.entity_counts_by_sets(&r, &live);
            assert_eq!(f.entity_counts_by_documents(&r), by_sets, "{keep} of {n}");
            let mut want: Vec<(EntityIdx, u32)> = (0..)
                .zip(by_sets)
                .filter(|x: &(EntityIdx, u32)| x.1 > 0)
                .collect();
            // Most documents first, ties by entity.
            want.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
            assert_eq!(f.counts(&r).entities, want, "{keep} of {n}");
        }
    }

    #[test]
    fn sparse_and_dense_entities_count_like_bitsets() {
        let mut corpus = Corpus {
            documents: vec![Document::default(); 200],
            ..Corpus::default()
        };
        for docs in [
            vec![3],
            vec![7, 7, 150],
            (0..200).step_by(3).collect(),
            vec![],
        ] {
            corpus.entities.push(entity(docs));
        }
        let f = Facets::new(&corpus);
        assert!(matches!(f.entities[0], EntityDocs::Sparse(_)));
        assert!(matches!(f.entities[2], EntityDocs::Dense(_)));
        for results in [
            vec![],
            vec![3, 7],
            (0..200).collect::<Vec<_>>(),
            vec![150, 199],
        ] {
            let r = f.set(&results);
            let want: Vec<(EntityIdx, u32)> = (0..f.entities.len() as EntityIdx)
                .map(|i| (i, f.entity(i).unwrap().intersection_count(&r)))
                .filter(|x| x.1 > 0)
                .collect();
            let mut got = f.counts(&r).entities;
            got.sort();
            assert_eq!(got, want, "{results:?}");
        }
    }
}
