//! Entity extraction, typing and alias merging across the corpus, at compile time.
//!
//! A rule-based recogniser, general rather than written for any one corpus:
//! - [`tokens`] splits paragraphs into words with byte offsets, possessives and sentence starts;
//! - [`candidates`] finds capitalised spans and splits them into roles (`Prime Minister`), names,
//!   demonyms (`Lithuanian` -> Lithuania, as an adjective mention) and acronym expansions, with
//!   the typing evidence their words and context give;
//! - [`merge`] groups mentions corpus-wide (case and diacritic folding, surnames to the one full
//!   name that ends with them, acronyms to their expansion), types each group by its evidence,
//!   drops spans with none, and applies the user's [`curation`];
//! - [`gazetteer`] holds the place, demonym and given-name lists generated from registry
//!   packages (see `DATA-SOURCES.md`) and the closed word classes of English news.
//!
//! Headings are not searched for names. A document's dateline (`VILNIUS`) links it to the place.

pub mod candidates;
pub mod curation;
pub mod gazetteer;
pub mod merge;
pub mod tokens;

use crate::diag::Diagnostic;
use crate::model::{BlockKind, Document, Entity, EntityKind, Mention};

/// Entity kinds, under a short name.
pub type Kind = EntityKind;

/// Entities (sorted by id) and per-document mentions, or the curation errors.
pub type Extracted = Result<(Vec<Entity>, Vec<Vec<Mention>>), Vec<Diagnostic>>;

/// Finds, types and merges the entities of all documents (sorted by id), then applies the
/// optional curation file (`entities.toml` text). Returns entities sorted by id and, for each
/// document in order, its mentions sorted by start; or the curation errors.
pub fn extract(documents: &[Document], curation: Option<&str>) -> Extracted {
    let rules = match curation {
        Some(text) => curation::parse(text)?,
        None => curation::Rules::default(),
    };
    let mut lower = std::collections::HashSet::new();
    let mut mid_caps = std::collections::HashSet::new();
    for doc in documents {
        for block in &doc.blocks {
            for t in tokens::tokenize(doc.block_text(block), 0) {
                if !t.cap && t.text.chars().next().is_some_and(char::is_alphabetic) {
                    lower.insert(fold(&t.text));
                } else if t.cap && !t.sentence_start {
                    mid_caps.insert(fold(&t.text));
                }
            }
        }
    }
    let lex = candidates::Lexicon { lower, mid_caps };
    let mut raws = Vec::new();
    let mut pairs = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        for block in doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
            let toks = tokens::tokenize(doc.block_text(block), block.start as usize);
            candidates::paragraph(d, &doc.body, &toks, &lex, &mut raws, &mut pairs);
        }
    }
    merge::merge(documents, raws, &pairs, &rules)
}

pub use crate::fold::fold;

/// The stable id of an entity name: ASCII-folded, lower case, words joined by `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        // Names in scripts without an ASCII folding keep a readable, stable id.
        out = fold(name)
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
    }
    out
}

#[cfg(test)]
mod tests;
