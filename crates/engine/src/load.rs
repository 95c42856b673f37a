//! Reading a corpus folder from disk (native only): used by `build.rs` and the inspector.
//!
//! The folder is walked recursively in sorted (byte-wise name) order, so builds are
//! reproducible. What happens to each entry:
//! - `entities.toml` at the root is the curation file, passed to [`crate::build`] as text; it is not
//!   a document and not counted among the files seen.
//! - Hidden entries (name starting with `.`): a hidden **file** is counted as seen and skipped
//!   with a warning (so `.DS_Store` or a stray `.draft.txt` is never dropped silently); a
//!   hidden **folder** (`.git`, `.cache`) is not entered, with one warning for the folder.
//! - Symbolic links are followed. A link to a folder already being read (a loop) or already
//!   read elsewhere is not entered, with a warning; a link that cannot be resolved (broken or
//!   looping onto itself) counts as an unreadable file.
//! - Files over [`MAX_FILE_BYTES`] (50 MiB) are skipped with a warning, unread.
//! - Unreadable files and entries that are not regular files (sockets, FIFOs) are skipped with
//!   a warning.
//! - Everything else goes to the parser, which decides by extension (see [`crate::parse`]).
//!
//! Every file is either embedded (yields at least one document) or counted in
//! [`BuildOutput::files_skipped`]; both are counted in [`BuildOutput::files_seen`].

use crate::diag::Diagnostic;
use crate::{build_at, BuildOutput, SourceFile};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Files larger than this many bytes (50 MiB) are skipped unread.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Name of the optional curation file at the root of a corpus folder.
pub const CURATION_FILE: &str = "entities.toml";

/// What loading a folder produced: the build output plus every path read (for rebuild tracking).
pub struct Loaded {
    /// The build.
    pub output: BuildOutput,
    /// Every file and folder looked at, so `build.rs` can print `rerun-if-changed` for each.
    /// Watching the folders catches files being added or deleted.
    pub watched: Vec<PathBuf>,
}

/// Reads every corpus file under `dir` (and `entities.toml`, if present) and builds the corpus,
/// flagging documents dated after today (UTC).
pub fn load_dir(dir: &Path) -> std::io::Result<Loaded> {
    load_dir_at(dir, Some(today_utc()))
}

/// Like [`load_dir`] with the build day given (or `None` for no future-date check).
pub fn load_dir_at(dir: &Path, today: Option<NaiveDate>) -> std::io::Result<Loaded> {
    let mut walk = Walk::default();
    let root = dir.canonicalize()?;
    walk.visited.insert(root.clone(), String::new());
    walk.watched.push(dir.to_path_buf());
    walk.dir(dir, &root, "")?;
    let mut output = build_at(&walk.files, walk.curation.as_deref(), today);
    output.files_seen += walk.skipped;
    output.files_skipped += walk.skipped;
    walk.diagnostics.append(&mut output.diagnostics);
    // One list in file order; problems with the same file keep their order.
    walk.diagnostics.sort_by(|a, b| a.file.cmp(&b.file));
    output.diagnostics = walk.diagnostics;
    Ok(Loaded {
        output,
        watched: walk.watched,
    })
}

/// Today's date in UTC, from the system clock.
pub fn today_utc() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

#[derive(Default)]
struct Walk {
    files: Vec<SourceFile>,
    curation: Option<String>,
    diagnostics: Vec<Diagnostic>,
    watched: Vec<PathBuf>,
    /// Files seen but skipped here (never handed to the parser).
    skipped: usize,
    /// Canonical path of every folder entered -> its path relative to the corpus root.
    visited: HashMap<PathBuf, String>,
}

impl Walk {
    fn skip(&mut self, rel: &str, message: String) {
        self.skipped += 1;
        self.diagnostics
            .push(Diagnostic::warning(rel, None, message));
    }

    /// Reads folder `path` (canonical `canon`), `rel` relative to the root ("" for the root).
    fn dir(&mut self, path: &Path, canon: &Path, rel: &str) -> std::io::Result<()> {
        let mut entries: Vec<_> = match std::fs::read_dir(path) {
            Ok(rd) => rd.collect::<Result<_, _>>(),
            Err(e) => Err(e),
        }
        .or_else(|e| {
            if rel.is_empty() {
                Err(e)
            } else {
                self.diagnostics.push(Diagnostic::warning(
                    rel,
                    None,
                    format!("cannot read folder: {e}; skipped"),
                ));
                Ok(Vec::new())
            }
        })?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            let child_rel = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let child = entry.path();
            let meta = match std::fs::metadata(&child) {
                Ok(m) => m,
                Err(e) => {
                    // A broken or self-looping symbolic link, or a vanished entry.
                    if !name.starts_with('.') {
                        self.watched.push(child.clone());
                    }
                    self.skip(&child_rel, format!("cannot read: {e}; skipped"));
                    continue;
                }
            };
            if name.starts_with('.') {
                if meta.is_dir() {
                    self.diagnostics.push(Diagnostic::warning(
                        &child_rel,
                        None,
                        "hidden folder; not read",
                    ));
                } else {
                    self.skip(&child_rel, "hidden file; skipped".to_string());
                }
                continue;
            }
            if meta.is_dir() {
                let child_canon = match child.canonicalize() {
                    Ok(c) => c,
                    Err(e) => {
                        self.diagnostics.push(Diagnostic::warning(
                            &child_rel,
                            None,
                            format!("cannot read folder: {e}; skipped"),
                        ));
                        continue;
                    }
                };
                if let Some(first) = self.visited.get(&child_canon) {
                    let first = if first.is_empty() { "." } else { first };
                    let message = if canon.starts_with(&child_canon) {
                        format!("symbolic link loop: leads back to `{first}`; not read")
                    } else {
                        format!("same folder as `{first}`; not read twice")
                    };
                    self.diagnostics
                        .push(Diagnostic::warning(&child_rel, None, message));
                    continue;
                }
                self.visited.insert(child_canon.clone(), child_rel.clone());
                self.watched.push(child.clone());
                self.dir(&child, &child_canon, &child_rel)?;
                continue;
            }
            self.watched.push(child.clone());
            if !meta.is_file() {
                self.skip(&child_rel, "not a regular file; skipped".to_string());
                continue;
            }
            if rel.is_empty() && name == CURATION_FILE {
                match std::fs::read(&child).map(String::from_utf8) {
                    Ok(Ok(text)) => self.curation = Some(text),
                    Ok(Err(_)) => self.diagnostics.push(Diagnostic::error(
                        &child_rel,
                        None,
                        "not valid UTF-8; curation file not read",
                    )),
                    Err(e) => self.diagnostics.push(Diagnostic::error(
                        &child_rel,
                        None,
                        format!("cannot read curation file: {e}"),
                    )),
                }
                continue;
            }
            if meta.len() > MAX_FILE_BYTES {
                self.skip(
                    &child_rel,
                    format!(
                        "file is {} bytes, over the 50 MB limit ({MAX_FILE_BYTES} bytes); skipped",
                        meta.len()
                    ),
                );
                continue;
            }
            match std::fs::read(&child) {
                Ok(bytes) => self.files.push(SourceFile {
                    path: child_rel,
                    bytes,
                }),
                Err(e) => self.skip(&child_rel, format!("cannot read: {e}; skipped")),
            }
        }
        Ok(())
    }
}
