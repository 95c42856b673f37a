//! The one binary format the app embeds: a corpus serialised at build time and decoded once at start-up.
//!
//! Layout: the 8-byte magic `DOSSIER\0`, a little-endian `u32` format version, a `u32` payload
//! length and the [`Corpus`] as postcard, then each of the corpus's blobs ([`Corpus::blobs_mut`]:
//! postings, word positions, mentions) as a `u32` length and its raw bytes. Bump [`VERSION`]
//! whenever a serialised type changes shape.
//!
//! The blobs are sections rather than postcard fields so that [`decode_static`] can leave them
//! where they are: the app reads them in place from the bytes it embeds.

use crate::model::Corpus;
use crate::packed::Blob;
use std::fmt;

/// First bytes of every snapshot.
pub const MAGIC: &[u8; 8] = b"DOSSIER\0";
/// Version of the layout; decoding any other version fails with [`DecodeError::Version`].
pub const VERSION: u32 = 6;

/// Why a snapshot could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes do not start with [`MAGIC`].
    Magic,
    /// The snapshot was written by another version of the format.
    Version(u32),
    /// The payload is corrupt.
    Payload(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Magic => write!(f, "not a Dossier corpus snapshot"),
            DecodeError::Version(v) => {
                write!(
                    f,
                    "corpus snapshot has format version {v}, expected {VERSION}"
                )
            }
            DecodeError::Payload(e) => write!(f, "corpus snapshot is corrupt: {e}"),
        }
    }
}

impl std::error::Error for DecodeError {}

fn put_section(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Splits off a `u32`-length-prefixed section.
fn take_section<'a>(rest: &mut &'a [u8], what: &str) -> Result<&'a [u8], DecodeError> {
    let truncated = || DecodeError::Payload(format!("truncated {what}"));
    let (len, tail) = rest.split_first_chunk::<4>().ok_or_else(truncated)?;
    let len = u32::from_le_bytes(*len) as usize;
    if tail.len() < len {
        return Err(truncated());
    }
    let (section, tail) = tail.split_at(len);
    *rest = tail;
    Ok(section)
}

/// Serialises a corpus into snapshot bytes.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    let payload = postcard::to_allocvec(corpus).expect("a corpus always serialises");
    put_section(&mut out, &payload);
    for blob in corpus.blobs() {
        put_section(&mut out, blob);
    }
    out
}

/// Bytes the search index takes in a snapshot: its postcard fields plus its two sections
/// (postings and word positions) with their length headers.
pub fn index_bytes(index: &crate::search::Index) -> usize {
    postcard::to_allocvec(index).map_or(0, |b| b.len())
        + 8
        + index.postings.bytes.len()
        + index.positions.len()
}

/// The decoded corpus with empty blobs, and the blob sections.
fn decode_parts(bytes: &[u8]) -> Result<(Corpus, [&[u8]; 3]), DecodeError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(DecodeError::Magic)?;
    let Some((version, mut rest)) = rest.split_first_chunk::<4>() else {
        return Err(DecodeError::Payload("truncated header".into()));
    };
    let version = u32::from_le_bytes(*version);
    if version != VERSION {
        return Err(DecodeError::Version(version));
    }
    let payload = take_section(&mut rest, "payload")?;
    let corpus: Corpus =
        postcard::from_bytes(payload).map_err(|e| DecodeError::Payload(e.to_string()))?;
    let names = ["postings", "positions", "mentions"];
    let mut sections: [&[u8]; 3] = [&[]; 3];
    for (section, name) in sections.iter_mut().zip(names) {
        *section = take_section(&mut rest, name)?;
    }
    if !rest.is_empty() {
        return Err(DecodeError::Payload(format!(
            "{} bytes after the last section",
            rest.len()
        )));
    }
    Ok((corpus, sections))
}

/// Decodes snapshot bytes written by [`encode`], copying the blobs.
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    let (mut corpus, sections) = decode_parts(bytes)?;
    for (blob, section) in corpus.blobs_mut().into_iter().zip(sections) {
        *blob = Blob::owned(section.to_vec());
    }
    Ok(corpus)
}

/// Decodes snapshot bytes that live for the whole program (the app's `include_bytes!`),
/// reading the blobs in place instead of copying them.
pub fn decode_static(bytes: &'static [u8]) -> Result<Corpus, DecodeError> {
    let (mut corpus, sections) = decode_parts(bytes)?;
    for (blob, section) in corpus.blobs_mut().into_iter().zip(sections) {
        *blob = Blob::borrowed(section);
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn sample() -> Corpus {
        let body = "Heading\n\nA paragraph about Vilnius.".to_string();
        let mut corpus = Corpus {
            documents: vec![Document {
                id: "a".into(),
                title: "A title".into(),
                title_derived: false,
                date: chrono::NaiveDate::from_ymd_opt(2024, 4, 2),
                byline: Some("Staff".into()),
                dateline: Some("VILNIUS".into()),
                source: Some("Wire".into()),
                url: None,
                trailer: vec!["x@example.com".into()],
                blocks: vec![
                    Block {
                        kind: BlockKind::Heading,
                        start: 0,
                        end: 7,
                    },
                    Block {
                        kind: BlockKind::Paragraph,
                        start: 9,
                        end: body.len() as u32,
                    },
                ],
                body,
                origin: "a.txt".into(),
            }],
            entities: vec![Entity {
                id: "vilnius".into(),
                name: "Vilnius".into(),
                kind: EntityKind::Place,
                forms: vec![Form {
                    text: "Vilnius".into(),
                    count: 1,
                    adjective: false,
                }],
                roles: vec![],
                documents: vec![0],
            }],
            mentions: crate::packed::Mentions::pack(&[vec![Mention {
                entity: 0,
                start: 27,
                end: 34,
                adjective: false,
            }]]),
            quotes: vec![crate::quotes::Quote {
                document: 0,
                start: 10,
                end: 19,
                speaker: Some("his office".into()),
                entity: None,
                continued: false,
            }],
            index: crate::search::Index::default(),
            bodies: None,
            tables: Default::default(),
        };
        corpus.index = crate::search::build_index(&corpus.documents);
        corpus
    }

    #[test]
    fn round_trip() {
        let corpus = sample();
        assert_eq!(decode(&encode(&corpus)).unwrap(), corpus);
    }

    #[test]
    fn dates_round_trip_as_day_numbers() {
        let mut corpus = sample();
        let template = corpus.documents[0].clone();
        let ymd = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        corpus.documents = [
            None,
            ymd(1, 1, 1),
            ymd(1969, 12, 31),
            ymd(2024, 2, 29),
            ymd(9999, 12, 31),
        ]
        .into_iter()
        .map(|date| Document {
            date,
            ..template.clone()
        })
        .collect();
        assert_eq!(decode(&encode(&corpus)).unwrap(), corpus);
        // A day number is a few bytes, not chrono's ten-character ISO text.
        let dated = encode(&corpus).len();
        corpus.documents.iter_mut().for_each(|d| d.date = None);
        assert!(dated - encode(&corpus).len() < 4 * 5);
    }

    #[test]
    fn round_trip_chunked() {
        let mut corpus = sample();
        let chunks = crate::bodies::split(&mut corpus, crate::bodies::CHUNK_BYTES);
        let back = decode(&encode(&corpus)).unwrap();
        assert_eq!(back, corpus);
        let store = back.bodies.as_ref().unwrap();
        assert_eq!(
            store.body(0, &chunks[0].text),
            Some("Heading\n\nA paragraph about Vilnius.")
        );
    }

    #[test]
    fn round_trip_in_place() {
        let corpus = sample();
        let bytes: &'static [u8] = Box::leak(encode(&corpus).into_boxed_slice());
        let back = decode_static(bytes).unwrap();
        assert!(back.blobs().iter().all(|b| b.is_borrowed()));
        assert_eq!(back, corpus);
        assert_eq!(back.mentions.unpack(), corpus.mentions.unpack());
        assert!(!corpus.index.positions.is_empty() && !corpus.mentions.is_empty());
    }

    #[test]
    fn index_bytes_count_the_sections() {
        let corpus = sample();
        let n = index_bytes(&corpus.index);
        assert!(n > corpus.index.positions.len() + corpus.index.postings.bytes.len());
        let mut empty = corpus.clone();
        empty.index = crate::search::Index::default();
        // Empty sections keep their headers, so an empty index still takes `index_bytes`.
        let growth = encode(&corpus).len() - encode(&empty).len();
        assert_eq!(growth + index_bytes(&empty.index), n);
    }

    #[test]
    fn rejects_trailing_bytes() {
        let mut bytes = encode(&sample());
        bytes.push(0);
        assert!(matches!(decode(&bytes), Err(DecodeError::Payload(_))));
    }

    #[test]
    fn rejects_foreign_bytes() {
        assert_eq!(decode(b"hello world!"), Err(DecodeError::Magic));
    }

    #[test]
    fn rejects_other_version() {
        let mut bytes = encode(&sample());
        bytes[8] = 99;
        assert_eq!(decode(&bytes), Err(DecodeError::Version(99)));
    }

    #[test]
    fn rejects_truncated_payload() {
        let bytes = encode(&sample());
        assert!(matches!(
            decode(&bytes[..bytes.len() - 5]),
            Err(DecodeError::Payload(_))
        ));
    }
}
