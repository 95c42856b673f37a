//! Dossier's engine: turns a folder of news articles into a searchable, entity-tagged corpus.
//!
//! Everything here is plain data in and out, with no browser types, so the same code runs in
//! `build.rs` (natively, at compile time) and in the app (as WebAssembly).
//!
//! ```
//! use dossier_engine::{build, SourceFile};
//!
//! let files = vec![SourceFile {
//!     path: "a.txt".into(),
//!     bytes: b" date 2024-04-02 Mark Rutte met Gitanas Nauseda in Vilnius.".to_vec(),
//! }];
//! let out = build(&files, None);
//! assert_eq!(out.corpus.documents.len(), 1);
//! assert_eq!(out.corpus.documents[0].id, "a");
//! ```
#![deny(missing_docs)]

pub mod bodies;
pub mod date;
pub mod diag;
pub mod entities;
pub mod fold;
#[rustfmt::skip]
mod fold_table;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
pub mod model;
pub mod network;
pub mod packed;
pub mod parse;
pub mod quotes;
pub mod search;
pub mod snapshot;
pub mod sort;
pub mod text;
pub mod timeline;
pub mod view;

pub use diag::{Diagnostic, Severity};
pub use entities::fold as fold_name;
pub use model::*;

/// One corpus file handed to the engine: its path relative to the corpus folder and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the corpus folder, with `/` separators.
    pub path: String,
    /// Raw contents.
    pub bytes: Vec<u8>,
}

/// What a build produced: the corpus plus everything worth telling the user.
#[derive(Clone, Debug, Default)]
pub struct BuildOutput {
    /// The corpus to embed.
    pub corpus: Corpus,
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Files looked at.
    pub files_seen: usize,
    /// Files that yielded no document: skipped with a warning (empty, unsupported, hidden, over
    /// 50 MB, unreadable) or rejected with an error (not UTF-8). Files seen minus these are
    /// the files embedded.
    pub files_skipped: usize,
}

impl BuildOutput {
    /// True when any diagnostic is an error: the build must stop.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// The one-line summary the build prints: `embedded N documents from DIR, K warnings`,
    /// followed by `(F files seen, S skipped)` when any file was skipped.
    pub fn summary(&self, dir: &str) -> String {
        let n = self.corpus.documents.len();
        let k = self.warnings();
        let mut line = format!(
            "embedded {n} document{} from {dir}, {k} warning{}",
            if n == 1 { "" } else { "s" },
            if k == 1 { "" } else { "s" }
        );
        if self.files_skipped > 0 {
            line.push_str(&format!(
                " ({} file{} seen, {} skipped)",
                self.files_seen,
                if self.files_seen == 1 { "" } else { "s" },
                self.files_skipped
            ));
        }
        line
    }
}

/// Runs the whole pipeline over in-memory files: parse every file, check ids, extract and merge
/// entities (applying `curation`, the text of an optional `entities.toml`), then find and
/// attribute quotations.
pub fn build(files: &[SourceFile], curation: Option<&str>) -> BuildOutput {
    build_at(files, curation, None)
}

/// Like [`build`]; when `today` (the build day) is given, documents dated after it are kept
/// and flagged with a warning. The engine has no clock: native callers pass the day.
pub fn build_at(
    files: &[SourceFile],
    curation: Option<&str>,
    today: Option<chrono::NaiveDate>,
) -> BuildOutput {
    let mut out = BuildOutput {
        files_seen: files.len(),
        ..BuildOutput::default()
    };
    let mut documents = Vec::new();
    for file in files {
        let parsed = parse::parse_file_at(&file.path, &file.bytes, today);
        if parsed.skipped {
            out.files_skipped += 1;
        }
        out.diagnostics.extend(parsed.diagnostics);
        documents.extend(parsed.documents);
    }
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in documents.windows(2) {
        if pair[0].id == pair[1].id {
            out.diagnostics.push(Diagnostic::error(
                pair[1].origin.clone(),
                None,
                format!(
                    "duplicate document id `{}` (also used by {})",
                    pair[1].id, pair[0].origin
                ),
            ));
        }
    }
    let mentions = match entities::extract(&documents, curation) {
        Ok((entities, mentions)) => {
            out.corpus.entities = entities;
            mentions
        }
        Err(diags) => {
            out.diagnostics.extend(diags);
            Vec::new()
        }
    };
    out.corpus.quotes = documents
        .iter()
        .enumerate()
        .flat_map(|(i, doc)| {
            let mentions = mentions.get(i).map_or(&[][..], Vec::as_slice);
            quotes::extract_quotes(i as DocIdx, doc, mentions, &out.corpus.entities)
        })
        .collect();
    out.corpus.mentions = packed::Mentions::pack(&mentions);
    out.corpus.index = search::build_index(&documents);
    out.corpus.documents = documents;
    out
}
