//! The one binary format the app embeds: a corpus serialised at build time and decoded once at start-up.
//!
//! Layout: the 8-byte magic `DOSSIER\0`, a little-endian `u32` format version, then the
//! [`Corpus`] as postcard. Bump [`VERSION`] whenever a serialised type changes shape.

use crate::model::Corpus;
use std::fmt;

/// First bytes of every snapshot.
pub const MAGIC: &[u8; 8] = b"DOSSIER\0";
/// Version of the layout; decoding any other version fails with [`DecodeError::Version`].
pub const VERSION: u32 = 4;

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

/// Serialises a corpus into snapshot bytes.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    let payload = postcard::to_allocvec(corpus).expect("a corpus always serialises");
    out.extend_from_slice(&payload);
    out
}

/// Decodes snapshot bytes written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(DecodeError::Magic)?;
    if rest.len() < 4 {
        return Err(DecodeError::Payload("truncated header".into()));
    }
    let version = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
    if version != VERSION {
        return Err(DecodeError::Version(version));
    }
    postcard::from_bytes(&rest[4..]).map_err(|e| DecodeError::Payload(e.to_string()))
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
            mentions: vec![vec![Mention {
                entity: 0,
                start: 27,
                end: 34,
                adjective: false,
            }]],
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
