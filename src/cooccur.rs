//! Co-occurring entities of one entity, ranked by shared documents and by lift (app-side for now).

use dossier_engine::network::{lift, shared_documents};
use dossier_engine::{Corpus, EntityIdx};

/// Least number of shared documents for a pair to be ranked by lift; below it lift is noise.
pub const MIN_COUNT_FOR_LIFT: u32 = 2;

/// Another entity seen in the same documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Partner {
    /// The other entity.
    pub entity: EntityIdx,
    /// Documents mentioning both.
    pub both: u32,
    /// How much more often they share a document than chance would give.
    pub lift: f64,
}

/// Every entity sharing at least one document with `of`.
pub fn partners(corpus: &Corpus, of: EntityIdx) -> Vec<Partner> {
    let n = corpus.documents.len() as u32;
    let a = &corpus.entities[of as usize].documents;
    corpus
        .entities
        .iter()
        .enumerate()
        .filter(|&(i, _)| i as EntityIdx != of)
        .filter_map(|(i, e)| {
            let both = shared_documents(a, &e.documents).len() as u32;
            (both > 0).then(|| Partner {
                entity: i as EntityIdx,
                both,
                lift: lift(both, a.len() as u32, e.documents.len() as u32, n),
            })
        })
        .collect()
}

/// The `k` partners sharing the most documents (ties: higher lift, then id order).
pub fn by_count(partners: &[Partner], k: usize) -> Vec<Partner> {
    let mut v = partners.to_vec();
    dossier_engine::sort::sort_by(&mut v, |x, y| {
        y.both
            .cmp(&x.both)
            .then(y.lift.total_cmp(&x.lift))
            .then(x.entity.cmp(&y.entity))
    });
    v.truncate(k);
    v
}

/// The `k` partners with the highest lift among those sharing at least `min_count` documents.
pub fn by_lift(partners: &[Partner], min_count: u32, k: usize) -> Vec<Partner> {
    let mut v: Vec<Partner> = partners
        .iter()
        .filter(|p| p.both >= min_count)
        .cloned()
        .collect();
    dossier_engine::sort::sort_by(&mut v, |x, y| {
        y.lift
            .total_cmp(&x.lift)
            .then(y.both.cmp(&x.both))
            .then(x.entity.cmp(&y.entity))
    });
    v.truncate(k);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_engine::{Entity, EntityKind};

    fn entity(id: &str, documents: Vec<u32>) -> Entity {
        Entity {
            id: id.into(),
            name: id.into(),
            kind: EntityKind::Other,
            forms: vec![],
            roles: vec![],
            documents,
        }
    }

    #[test]
    fn lift_favours_specific_partners_over_frequent_ones() {
        let corpus = Corpus {
            documents: vec![Default::default(); 4],
            entities: vec![
                entity("a", vec![0, 1]),
                entity("everywhere", vec![0, 1, 2, 3]),
                entity("specific", vec![0, 1]),
            ],
            mentions: dossier_engine::packed::Mentions::pack(&[vec![], vec![], vec![], vec![]]),
            ..Corpus::default()
        };
        let p = partners(&corpus, 0);
        assert_eq!(by_count(&p, 1)[0].both, 2);
        let top = by_lift(&p, MIN_COUNT_FOR_LIFT, 2);
        assert_eq!(top[0].entity, 2);
        assert_eq!(top[0].lift, 2.0);
        assert_eq!(top[1].lift, 1.0);
    }
}
