//! Document bodies kept out of the embedded snapshot: the chunked build mode, where bodies are
//! grouped into static chunk files that the app fetches when a document or snippet is shown.
//!
//! ```
//! use dossier_engine::{bodies, build, SourceFile};
//!
//! let files = vec![SourceFile {
//!     path: "a.txt".into(),
//!     bytes: b" date 2024-04-02 Mark Rutte met Gitanas Nauseda in Vilnius.".to_vec(),
//! }];
//! let mut corpus = build(&files, None).corpus;
//! let chunks = bodies::split(&mut corpus, bodies::CHUNK_BYTES);
//! assert!(corpus.documents[0].body.is_empty());
//! let store = corpus.bodies.as_ref().unwrap();
//! let (chunk, range) = store.locate(0).unwrap();
//! assert_eq!(chunks[chunk].name, store.chunks[chunk].file);
//! assert!(chunks[chunk].text[range].contains("Vilnius"));
//! ```
//!
//! Everything else stays embedded (metadata, entities, mentions, quotes and the full-text index
//! with word positions), so search, facets, counts and the timeline never wait for a chunk.
//! Chunks follow date order (newest first, like the default sort), so a page of recent results
//! touches few files.

use serde::{Deserialize, Serialize};

use crate::model::{Corpus, DocIdx};

/// Above this much body text (UTF-8 bytes), [`Mode::Auto`] picks [`Mode::Chunked`]: about 800
/// articles of 400 words, where embedded bodies would add roughly a megabyte of brotli to the
/// first load.
pub const AUTO_THRESHOLD_BYTES: usize = 2 * 1024 * 1024;

/// Target size of a chunk's text before compression: about a dozen articles, 10 KB gzipped.
pub const CHUNK_BYTES: usize = 32 * 1024;

/// Folder, relative to the page, that holds the chunk files.
pub const DIR: &str = "bodies";

/// How a build treats bodies; set by `DOSSIER_BODIES` (`auto`, `embed` or `chunked`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Chunked when the bodies exceed [`AUTO_THRESHOLD_BYTES`], else embedded.
    Auto,
    /// Every body inside the snapshot: one download, nothing fetched later.
    Embed,
    /// Bodies in chunk files beside the page, fetched on demand.
    Chunked,
}

impl Mode {
    /// Parses `auto`, `embed` or `chunked` (any case; empty means `auto`).
    pub fn parse(s: &str) -> Result<Mode, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(Mode::Auto),
            "embed" | "embedded" => Ok(Mode::Embed),
            "chunked" | "chunks" => Ok(Mode::Chunked),
            other => Err(format!(
                "unknown body mode `{other}`: use `auto`, `embed` or `chunked`"
            )),
        }
    }

    /// Resolves [`Mode::Auto`] for a corpus whose bodies total `body_bytes`.
    pub fn resolve(self, body_bytes: usize) -> Mode {
        match self {
            Mode::Auto if body_bytes > AUTO_THRESHOLD_BYTES => Mode::Chunked,
            Mode::Auto => Mode::Embed,
            m => m,
        }
    }
}

/// One line saying where a build with [`Mode::Auto`] puts bodies totalling `body_bytes`, for the
/// inspector and the build log.
pub fn describe_auto(body_bytes: usize) -> String {
    let kb = |b: usize| b.div_ceil(1024);
    match Mode::Auto.resolve(body_bytes) {
        Mode::Chunked => format!(
            "bodies: {} KB of text, above the {} KB threshold: DOSSIER_BODIES=auto writes them as chunk files fetched on demand (DOSSIER_BODIES=embed keeps them in the download)",
            kb(body_bytes),
            kb(AUTO_THRESHOLD_BYTES)
        ),
        _ => format!(
            "bodies: {} KB of text, within the {} KB threshold: DOSSIER_BODIES=auto embeds them (DOSSIER_BODIES=chunked fetches them on demand)",
            kb(body_bytes),
            kb(AUTO_THRESHOLD_BYTES)
        ),
    }
}

/// Total body text of a corpus, in bytes: what [`Mode::Auto`] compares with the threshold.
pub fn body_bytes(corpus: &Corpus) -> usize {
    corpus.documents.iter().map(|d| d.body.len()).sum()
}

/// Where the bodies of a chunked corpus are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Store {
    /// The chunk files, in order.
    pub chunks: Vec<Chunk>,
    /// For each document (same order as [`Corpus::documents`]), where its body is.
    pub slots: Vec<Slot>,
}

/// One chunk file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    /// Path relative to the page, e.g. `bodies/00003-5f2c9a01d3e4b7c8.gz`; the name carries a
    /// hash of the text, so a cached chunk of another build is never mistaken for this one.
    pub file: String,
    /// Length of the chunk's text in bytes, checked after decompression.
    pub len: u32,
}

/// Where one body lies: a byte range of a chunk's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// Index into [`Store::chunks`].
    pub chunk: u32,
    /// First byte of the body in the chunk's text.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Store {
    /// The chunk and byte range holding document `doc`'s body.
    pub fn locate(&self, doc: DocIdx) -> Option<(usize, std::ops::Range<usize>)> {
        let s = self.slots.get(doc as usize)?;
        Some((s.chunk as usize, s.start as usize..s.end as usize))
    }

    /// Document `doc`'s body, given the text of the chunk that holds it (`None` when the range
    /// does not fit that text, e.g. a chunk from another build).
    pub fn body<'a>(&self, doc: DocIdx, chunk_text: &'a str) -> Option<&'a str> {
        let (_, range) = self.locate(doc)?;
        chunk_text.get(range)
    }

    /// The distinct chunks holding `docs`' bodies, in first-seen order.
    pub fn chunks_of(&self, docs: &[DocIdx]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &d in docs {
            if let Some((c, _)) = self.locate(d) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }
}

/// A chunk file's name (see [`Chunk::file`]) and its text, for the build to compress and write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkFile {
    /// Path relative to the page, starting with [`DIR`].
    pub name: String,
    /// The bodies, one after another.
    pub text: String,
}

/// Moves every body out of `corpus` into chunks of about `chunk_bytes` (a body is never split;
/// a longer one gets a chunk of its own), records where each went in [`Corpus::bodies`] and
/// returns the chunk files. Bodies are left empty; everything else is untouched.
pub fn split(corpus: &mut Corpus, chunk_bytes: usize) -> Vec<ChunkFile> {
    let docs = &corpus.documents;
    // Newest first, undated last, then by id: the default result order.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        let (x, y) = (&docs[a], &docs[b]);
        y.date.cmp(&x.date).then_with(|| x.id.cmp(&y.id))
    });
    let mut slots = vec![
        Slot {
            chunk: 0,
            start: 0,
            end: 0
        };
        docs.len()
    ];
    let mut texts: Vec<String> = Vec::new();
    let mut current = String::new();
    for &i in &order {
        let body = &docs[i].body;
        if !current.is_empty() && !body.is_empty() && current.len() + body.len() > chunk_bytes {
            texts.push(std::mem::take(&mut current));
        }
        let start = current.len() as u32;
        current.push_str(body);
        slots[i] = Slot {
            chunk: texts.len() as u32,
            start,
            end: current.len() as u32,
        };
    }
    if !current.is_empty() || texts.is_empty() {
        texts.push(current);
    }
    let files: Vec<ChunkFile> = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| ChunkFile {
            name: format!("{DIR}/{i:05}-{:016x}.gz", fnv1a(text.as_bytes())),
            text,
        })
        .collect();
    corpus.bodies = Some(Store {
        chunks: files
            .iter()
            .map(|f| Chunk {
                file: f.name.clone(),
                len: f.text.len() as u32,
            })
            .collect(),
        slots,
    });
    for d in &mut corpus.documents {
        d.body = String::new();
    }
    files
}

/// 64-bit FNV-1a: a stable content hash for chunk names (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn corpus(docs: &[(&str, Option<&str>, &str)]) -> Corpus {
        Corpus {
            documents: docs
                .iter()
                .map(|&(id, date, body)| Document {
                    id: id.into(),
                    date: date.map(|d| d.parse().unwrap()),
                    body: body.into(),
                    ..Document::default()
                })
                .collect(),
            ..Corpus::default()
        }
    }

    #[test]
    fn every_body_comes_back_from_its_chunk() {
        let mut c = corpus(&[
            ("a", Some("2024-01-01"), "First body."),
            ("b", Some("2025-01-01"), "Second, with ünïcode — text."),
            ("c", None, ""),
            (
                "d",
                Some("2023-06-01"),
                "Third body, a little longer than the others.",
            ),
        ]);
        let before: Vec<String> = c.documents.iter().map(|d| d.body.clone()).collect();
        let files = split(&mut c, 40);
        let store = c.bodies.clone().unwrap();
        assert!(c.documents.iter().all(|d| d.body.is_empty()));
        assert!(files.len() > 1, "{files:?}");
        for (i, want) in before.iter().enumerate() {
            let (chunk, _) = store.locate(i as DocIdx).unwrap();
            assert_eq!(
                store.body(i as DocIdx, &files[chunk].text),
                Some(want.as_str())
            );
            assert_eq!(store.chunks[chunk].len as usize, files[chunk].text.len());
        }
    }

    #[test]
    fn chunks_follow_date_order_newest_first() {
        let mut c = corpus(&[
            ("old", Some("2020-01-01"), "old"),
            ("new", Some("2025-01-01"), "new"),
            ("none", None, "none"),
        ]);
        let files = split(&mut c, 1 << 20);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].text, "newoldnone");
    }

    #[test]
    fn a_long_body_gets_a_chunk_of_its_own_and_is_never_cut() {
        let long = "x".repeat(100);
        let mut c = corpus(&[
            ("a", Some("2025-01-03"), "short"),
            ("b", Some("2025-01-02"), &long),
            ("c", Some("2025-01-01"), "tail"),
        ]);
        let files = split(&mut c, 10);
        let texts: Vec<&str> = files.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["short", long.as_str(), "tail"]);
    }

    #[test]
    fn names_carry_the_content_hash() {
        let mut a = corpus(&[("a", None, "one text")]);
        let mut b = corpus(&[("a", None, "another text")]);
        let (fa, fb) = (split(&mut a, CHUNK_BYTES), split(&mut b, CHUNK_BYTES));
        assert_ne!(fa[0].name, fb[0].name);
        assert!(fa[0].name.starts_with("bodies/00000-"), "{}", fa[0].name);
        assert!(fa[0].name.ends_with(".gz"));
    }

    #[test]
    fn an_empty_corpus_still_gets_one_chunk() {
        let mut c = corpus(&[]);
        let files = split(&mut c, CHUNK_BYTES);
        assert_eq!(files.len(), 1);
        assert_eq!(c.bodies.unwrap().slots.len(), 0);
    }

    #[test]
    fn chunks_of_lists_each_chunk_once() {
        let mut c = corpus(&[
            ("a", Some("2025-01-03"), "aaaa"),
            ("b", Some("2025-01-02"), "bbbb"),
            ("c", Some("2025-01-01"), "cccc"),
        ]);
        split(&mut c, 8);
        let store = c.bodies.unwrap();
        assert_eq!(store.chunks_of(&[2, 0, 1, 0]), vec![1, 0]);
    }

    #[test]
    fn a_range_outside_the_chunk_text_gives_none() {
        let mut c = corpus(&[("a", None, "some body text")]);
        split(&mut c, CHUNK_BYTES);
        assert_eq!(c.bodies.unwrap().body(0, "short"), None);
    }

    #[test]
    fn describe_auto_names_the_choice_and_the_way_out() {
        let small = describe_auto(13 * 1024);
        assert!(
            small.starts_with("bodies: 13 KB of text, within the 2048 KB threshold"),
            "{small}"
        );
        assert!(small.contains("embeds them") && small.contains("DOSSIER_BODIES=chunked"));
        let large = describe_auto(AUTO_THRESHOLD_BYTES + 1);
        assert!(
            large.contains("above the 2048 KB threshold") && large.contains("DOSSIER_BODIES=embed"),
            "{large}"
        );
    }

    #[test]
    fn mode_parses_and_resolves() {
        assert_eq!(Mode::parse(""), Ok(Mode::Auto));
        assert_eq!(Mode::parse(" Chunked "), Ok(Mode::Chunked));
        assert_eq!(Mode::parse("embed"), Ok(Mode::Embed));
        assert!(Mode::parse("lazy").unwrap_err().contains("`lazy`"));
        assert_eq!(Mode::Auto.resolve(AUTO_THRESHOLD_BYTES), Mode::Embed);
        assert_eq!(Mode::Auto.resolve(AUTO_THRESHOLD_BYTES + 1), Mode::Chunked);
        assert_eq!(Mode::Embed.resolve(usize::MAX), Mode::Embed);
        assert_eq!(Mode::Chunked.resolve(0), Mode::Chunked);
    }
}
