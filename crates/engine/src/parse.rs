//! Parsing corpus files (plain text in the seed layouts, Markdown with front matter, JSON Lines) into documents.
// TEMPORARY CONTRACT: the parsing helper replaces this file.

use crate::diag::Diagnostic;
use crate::model::Document;

/// What one file yielded.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// Documents found (several for JSON Lines).
    pub documents: Vec<Document>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
    /// True when the file was skipped as a whole (empty, unsupported extension).
    pub skipped: bool,
}

/// Parses one corpus file. `path` is relative to the corpus folder and names the file in diagnostics.
pub fn parse_file(path: &str, bytes: &[u8]) -> Parsed {
    let text = String::from_utf8_lossy(bytes).to_string();
    let id = path.rsplit('/').next().unwrap_or(path);
    let id = id
        .rsplit_once('.')
        .map(|(s, _)| s)
        .unwrap_or(id)
        .to_string();
    let len = text.len() as u32;
    Parsed {
        documents: vec![Document {
            id,
            title: text.chars().take(60).collect(),
            title_derived: true,
            body: text,
            blocks: vec![crate::model::Block {
                kind: crate::model::BlockKind::Paragraph,
                start: 0,
                end: len,
            }],
            origin: path.to_string(),
            ..Document::default()
        }],
        ..Parsed::default()
    }
}
