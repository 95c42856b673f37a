//! Plain data shared by every stage: documents, entities, mentions and the embedded corpus.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Serde for a date as its day number from 1 January of year 1 (chrono's `num_days_from_ce`)
/// instead of chrono's ISO text: a few bytes in the snapshot, and decoding it needs no date
/// parser in the app's wasm.
mod days_from_ce {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.map(|d| d.num_days_from_ce()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<i32>::deserialize(d)?
            .map(|n| {
                NaiveDate::from_num_days_from_ce_opt(n)
                    .ok_or_else(|| D::Error::custom(format!("day {n} is out of range")))
            })
            .transpose()
    }
}

/// Position of a document in [`Corpus::documents`].
pub type DocIdx = u32;
/// Position of an entity in [`Corpus::entities`].
pub type EntityIdx = u32;

/// One parsed article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id used in URLs: the file stem, or `stem-N` for JSON Lines records without an id.
    pub id: String,
    /// The headline; derived from the first sentence when the source has none.
    pub title: String,
    /// True when `title` was derived rather than given by the source.
    pub title_derived: bool,
    /// Publication date, if one was found.
    #[serde(with = "days_from_ce")]
    pub date: Option<NaiveDate>,
    /// Author or agency line, e.g. `BNS/TBT Staff`.
    pub byline: Option<String>,
    /// Place the story was filed from, e.g. `VILNIUS`.
    pub dateline: Option<String>,
    /// Publisher or outlet.
    pub source: Option<String>,
    /// Original address of the article.
    pub url: Option<String>,
    /// Contact and credit lines found after the body, kept as metadata.
    pub trailer: Vec<String>,
    /// Body text; paragraphs and headings are byte ranges of it (see `blocks`).
    pub body: String,
    /// Headings and paragraphs, in order, as byte ranges into `body`.
    pub blocks: Vec<Block>,
    /// Where it came from: path relative to the corpus folder, plus `:LINE` for JSON Lines.
    pub origin: String,
}

/// A heading or paragraph of a document body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Heading or paragraph.
    pub kind: BlockKind,
    /// Byte offset of the first byte in [`Document::body`].
    pub start: u32,
    /// Byte offset one past the last byte in [`Document::body`].
    pub end: u32,
}

/// What a [`Block`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockKind {
    /// A section heading inside the body.
    Heading,
    /// A paragraph of running text.
    Paragraph,
}

impl Document {
    /// The text of a block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.body[block.start as usize..block.end as usize]
    }

    /// Number of words in the body (whitespace separated).
    pub fn word_count(&self) -> usize {
        self.body.split_whitespace().count()
    }
}

/// The kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, alliance, party, outlet or other body.
    Organization,
    /// A country, city, region, sea or other location.
    Place,
    /// Events, programmes, weapon systems, products and other named things.
    Other,
}

impl EntityKind {
    /// All kinds, in display order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    /// The lower-case name used in JSON, URLs and queries (`person`, `organization`, `place`, `other`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    /// Parses the name given by [`EntityKind::as_str`] (also `org` and `organisation`).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.to_ascii_lowercase().as_str() {
            "person" | "people" => Some(EntityKind::Person),
            "organization" | "organisation" | "org" => Some(EntityKind::Organization),
            "place" | "location" | "loc" => Some(EntityKind::Place),
            "other" | "misc" => Some(EntityKind::Other),
            _ => None,
        }
    }
}

/// A surface form of an entity and how often it was seen; the evidence for a merge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form {
    /// The text as written, e.g. `Nauseda`.
    pub text: String,
    /// How many mentions used this form across the corpus.
    pub count: u32,
    /// True for adjective (demonym) forms such as `Lithuanian`.
    pub adjective: bool,
}

/// A person, organisation, place or other named thing, merged across the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable slug of the canonical name, used in URLs (`mark-rutte`).
    pub id: String,
    /// Canonical name (`Mark Rutte`).
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Every surface form seen, with counts, most frequent first.
    pub forms: Vec<Form>,
    /// Roles or titles seen before the name (`President`, `Prime Minister`).
    pub roles: Vec<String>,
    /// Documents that mention it, ascending.
    pub documents: Vec<DocIdx>,
}

/// One occurrence of an entity in a document body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The entity mentioned.
    pub entity: EntityIdx,
    /// Byte offset of the mention's start in [`Document::body`].
    pub start: u32,
    /// Byte offset one past the mention's end in [`Document::body`].
    pub end: u32,
    /// True for adjective (demonym) mentions such as `Lithuanian`.
    pub adjective: bool,
}

/// Everything the app embeds: documents, entities and their mentions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// The documents, sorted by id.
    pub documents: Vec<Document>,
    /// The entities, sorted by id.
    pub entities: Vec<Entity>,
    /// For each document (same order as `documents`), its mentions sorted by `start`, packed
    /// (read with [`crate::packed::Mentions::of`]).
    pub mentions: crate::packed::Mentions,
    /// Every quotation, by document then position (see [`crate::quotes`]).
    pub quotes: Vec<crate::quotes::Quote>,
    /// The full-text index of titles and bodies, built at compile time.
    pub index: crate::search::Index,
    /// In the chunked build mode, where the bodies went (every [`Document::body`] is then
    /// empty); `None` when the bodies are embedded. See [`crate::bodies`].
    pub bodies: Option<crate::bodies::Store>,
    /// Per-document tables the search reads on every query, derived on first use (not
    /// serialised).
    #[serde(skip)]
    pub tables: crate::search::Tables,
}

impl Corpus {
    /// Each document's entities (by document, each entity once, in index order), from the
    /// entities' document lists.
    pub fn document_entities(&self) -> Vec<Vec<EntityIdx>> {
        let mut out = vec![Vec::new(); self.documents.len()];
        for (e, entity) in self.entities.iter().enumerate() {
            for &d in &entity.documents {
                if let Some(list) = out.get_mut(d as usize) {
                    list.push(e as EntityIdx);
                }
            }
        }
        out
    }

    /// True when bodies live in chunk files rather than in [`Document::body`].
    pub fn is_chunked(&self) -> bool {
        self.bodies.is_some()
    }

    /// The bytes kept outside serde, in the fixed order [`crate::snapshot`] writes them as
    /// sections: postings, word positions, mentions.
    pub fn blobs(&self) -> [&crate::packed::Blob; 3] {
        [
            &self.index.postings.bytes,
            &self.index.positions,
            &self.mentions.bytes,
        ]
    }

    /// [`Corpus::blobs`], to fill in.
    pub fn blobs_mut(&mut self) -> [&mut crate::packed::Blob; 3] {
        [
            &mut self.index.postings.bytes,
            &mut self.index.positions,
            &mut self.mentions.bytes,
        ]
    }

    /// Finds a document by its id.
    pub fn document_index(&self, id: &str) -> Option<DocIdx> {
        self.documents
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| i as DocIdx)
    }

    /// Finds an entity by its id.
    pub fn entity_index(&self, id: &str) -> Option<EntityIdx> {
        self.entities
            .binary_search_by(|e| e.id.as_str().cmp(id))
            .ok()
            .map(|i| i as EntityIdx)
    }
}
