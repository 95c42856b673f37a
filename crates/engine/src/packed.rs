//! Compact lists read in place: LEB128 varints, the [`Blob`] bytes they live in, and the
//! packed per-document [`Mentions`].
//!
//! The big lists of a corpus (postings, word positions, mentions) are kept as varint bytes
//! rather than vectors of structs. The snapshot stores each as a raw section, so the app reads
//! them straight out of the bytes it embeds ([`Blob::borrowed`]) instead of holding a decoded
//! copy beside them: at 10,000 articles that copy was most of the memory after load.
//!
//! ```
//! use dossier_engine::packed::Mentions;
//! use dossier_engine::Mention;
//!
//! let m = |entity, start, end| Mention { entity, start, end, adjective: false };
//! let packed = Mentions::pack(&[vec![m(3, 0, 5), m(1, 10, 17)], vec![]]);
//! assert_eq!(packed.of(0).collect::<Vec<_>>(), [m(3, 0, 5), m(1, 10, 17)]);
//! assert_eq!(packed.of(1).len(), 0);
//! ```

use crate::model::{DocIdx, Mention};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// Appends `v` as an LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads an LEB128 varint at `*at`, moving past it (0 past the end; bits beyond 64 dropped).
#[inline]
pub fn get_varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        if shift < 64 {
            v |= u64::from(b & 0x7f) << shift;
        }
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    v
}

/// A run of `left` records of varints from `at` in `bytes`: the bookkeeping the packed
/// iterators ([`MentionIter`], [`crate::search::index::PostingIter`]) share.
#[derive(Clone, Debug, Default)]
pub struct Records<'a> {
    bytes: &'a [u8],
    at: usize,
    left: usize,
}

impl<'a> Records<'a> {
    /// `left` records starting at byte `at`.
    pub fn new(bytes: &'a [u8], at: usize, left: usize) -> Records<'a> {
        Records { bytes, at, left }
    }

    /// Starts a record: false when none are left.
    #[inline]
    pub fn next_record(&mut self) -> bool {
        let more = self.left > 0;
        self.left = self.left.saturating_sub(1);
        more
    }

    /// The next varint of the current record.
    #[inline]
    pub fn varint(&mut self) -> u64 {
        get_varint(self.bytes, &mut self.at)
    }

    /// Records not yet started.
    pub fn left(&self) -> usize {
        self.left
    }
}

/// Bytes that are either owned or borrowed for the whole program (the app's embedded snapshot).
///
/// Not serialised by serde: [`crate::snapshot`] writes every blob of a corpus as a section of
/// its own (see [`crate::Corpus::blobs_mut`]).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Blob(Cow<'static, [u8]>);

impl Blob {
    /// Bytes the blob owns.
    pub fn owned(bytes: Vec<u8>) -> Blob {
        Blob(Cow::Owned(bytes))
    }

    /// Bytes that live as long as the program, read in place.
    pub fn borrowed(bytes: &'static [u8]) -> Blob {
        Blob(Cow::Borrowed(bytes))
    }

    /// True when the bytes are read in place rather than owned.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }
}

impl std::ops::Deref for Blob {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

/// The mentions of every document, packed: per document a count, then per mention the start
/// (as a zigzag delta from the previous start), the length, and the entity with the adjective
/// flag, all varints.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentions {
    /// Where each document's mentions start in `bytes`.
    starts: Vec<u32>,
    /// The packed mentions (a snapshot section).
    #[serde(skip)]
    pub(crate) bytes: Blob,
}

impl Mentions {
    /// Packs one list per document, each sorted by `start` (any order round-trips).
    pub fn pack(lists: &[Vec<Mention>]) -> Mentions {
        let mut bytes = Vec::new();
        let mut starts = Vec::with_capacity(lists.len());
        for list in lists {
            starts.push(bytes.len() as u32);
            put_varint(&mut bytes, list.len() as u64);
            let mut prev = 0i64;
            for m in list {
                let delta = i64::from(m.start) - prev;
                prev = i64::from(m.start);
                put_varint(&mut bytes, ((delta << 1) ^ (delta >> 63)) as u64);
                put_varint(&mut bytes, u64::from(m.end.wrapping_sub(m.start)));
                put_varint(
                    &mut bytes,
                    (u64::from(m.entity) << 1) | u64::from(m.adjective),
                );
            }
        }
        Mentions {
            starts,
            bytes: Blob::owned(bytes),
        }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The mentions of document `doc`, by start (none for a document out of range).
    pub fn of(&self, doc: DocIdx) -> MentionIter<'_> {
        let Some(&start) = self.starts.get(doc as usize) else {
            return MentionIter::default();
        };
        let mut at = start as usize;
        let left = get_varint(&self.bytes, &mut at) as usize;
        MentionIter {
            records: Records::new(&self.bytes, at, left),
            prev: 0,
        }
    }

    /// The mentions of every document, in document order.
    pub fn iter(&self) -> impl Iterator<Item = MentionIter<'_>> + '_ {
        (0..self.len() as DocIdx).map(|d| self.of(d))
    }

    /// Every list, unpacked (for tests and tools).
    pub fn unpack(&self) -> Vec<Vec<Mention>> {
        self.iter().map(Iterator::collect).collect()
    }
}

/// The mentions of one document, decoded as they are read.
#[derive(Clone, Debug, Default)]
pub struct MentionIter<'a> {
    records: Records<'a>,
    prev: i64,
}

impl Iterator for MentionIter<'_> {
    type Item = Mention;

    #[inline]
    fn next(&mut self) -> Option<Mention> {
        if !self.records.next_record() {
            return None;
        }
        let z = self.records.varint();
        let start = self.prev + ((z >> 1) as i64 ^ -((z & 1) as i64));
        self.prev = start;
        let len = self.records.varint() as u32;
        let e = self.records.varint();
        let start = start as u32;
        Some(Mention {
            entity: (e >> 1) as u32,
            start,
            end: start.wrapping_add(len),
            adjective: e & 1 == 1,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.records.left(), Some(self.records.left()))
    }
}

impl ExactSizeIterator for MentionIter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut b = Vec::new();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            put_varint(&mut b, v);
        }
        let mut at = 0;
        let got: Vec<u64> = (0..7).map(|_| get_varint(&b, &mut at)).collect();
        assert_eq!(got, [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX]);
        assert_eq!(at, b.len());
    }

    #[test]
    fn varint_past_the_end_is_zero() {
        let mut at = 0;
        assert_eq!(get_varint(&[], &mut at), 0);
        assert_eq!(get_varint(&[0xff; 20], &mut at), u64::MAX);
    }

    #[test]
    fn mentions_round_trip_in_any_order() {
        let m = |entity, start, end, adjective| Mention {
            entity,
            start,
            end,
            adjective,
        };
        let lists = vec![
            vec![
                m(0, 0, 7, false),
                m(9, 3, 5, true),
                m(u32::MAX >> 1, 200_000, 200_010, false),
            ],
            vec![],
            vec![m(2, 50, 40, false), m(1, 10, 11, true)],
        ];
        let packed = Mentions::pack(&lists);
        assert_eq!(packed.unpack(), lists);
        assert_eq!(packed.len(), 3);
        assert_eq!(packed.of(0).len(), 3);
        assert_eq!(packed.of(3).count(), 0, "out of range is empty");
    }
}
