//! Reading a corpus folder from disk (native only): used by `build.rs` and the inspector.
// TEMPORARY CONTRACT: the parsing helper replaces this file.

use crate::{build, BuildOutput, SourceFile};
use std::path::{Path, PathBuf};

/// What loading a folder produced: the build output plus every path read (for rebuild tracking).
pub struct Loaded {
    /// The build.
    pub output: BuildOutput,
    /// Every file and folder looked at, so `build.rs` can print `rerun-if-changed` for each.
    pub watched: Vec<PathBuf>,
}

/// Reads every corpus file under `dir` (and `entities.toml`, if present) and builds the corpus.
pub fn load_dir(dir: &Path) -> std::io::Result<Loaded> {
    let mut files = Vec::new();
    let mut watched = vec![dir.to_path_buf()];
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_file() {
            watched.push(p.clone());
            files.push(SourceFile {
                path: e.file_name().to_string_lossy().into_owned(),
                bytes: std::fs::read(&p)?,
            });
        }
    }
    Ok(Loaded {
        output: build(&files, None),
        watched,
    })
}
