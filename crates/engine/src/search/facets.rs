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
}

impl Facets {
    /// Builds one bitset per entity, source and year.
    pub fn new(corpus: &Corpus) -> Facets {
        let n = corpus.documents.len();
        let entities = corpus
            .entities
            .iter()
            .map(|e| {
                if e.documents.len() * SPARSE < n {
                    let mut d = e.documents.clone();
                    d.sort_unstable();
                    d.dedup();
                    EntityDocs::Sparse(d)
                } else {
                    EntityDocs::Dense(BitSet::from_docs(n, e.documents.iter().copied()))
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
        }
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

    /// Counts every facet value against `results`.
    pub fn counts(&self, results: &BitSet) -> FacetCounts {
        // Only the non-empty words of the results can add to a count.
        let live: Vec<usize> = (0..results.words.len())
            .filter(|&i| results.words[i] != 0)
            .collect();
        let count = |s: &BitSet| -> u32 {
            live.iter()
                .map(|&i| {
                    s.words
                        .get(i)
                        .map_or(0, |w| (w & results.words[i]).count_ones())
                })
                .sum()
        };
        let mut c = FacetCounts {
            entities: self
                .entities
                .iter()
                .enumerate()
                .map(|(i, docs)| {
                    let n = match docs {
                        EntityDocs::Sparse(docs) => {
                            docs.iter().filter(|&&d| results.contains(d)).count() as u32
                        }
                        EntityDocs::Dense(s) => count(s),
                    };
                    (i as EntityIdx, n)
                })
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
        c.entities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        c.sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        c.years.sort_by_key(|y| std::cmp::Reverse(y.0));
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitset_counts_intersections() {
        let a = BitSet::from_docs(130, [1, 64, 129]);
        let b = BitSet::from_docs(130, [64, 129, 5]);
        assert_eq!(a.intersection_count(&b), 2);
        assert!(a.contains(129) && !a.contains(5));
        assert_eq!(a.len(), 3);
    }

    #[test]
    fn sparse_and_dense_entities_count_like_bitsets() {
        use crate::model::{Document, Entity};
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
            corpus.entities.push(Entity {
                id: String::new(),
                name: String::new(),
                kind: crate::model::EntityKind::Other,
                forms: vec![],
                roles: vec![],
                documents: docs,
            });
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
