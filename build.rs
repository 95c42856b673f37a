//! Compile-time corpus embedding: runs the engine over the corpus folder and writes the snapshot the app embeds.
//!
//! The folder is `seeds/` unless `DOSSIER_CORPUS` names another one. Problems are printed as
//! cargo warnings naming the file and reason; errors stop the build.
//!
//! `DOSSIER_BODIES` (`auto`, the default; `embed`; `chunked`) decides where document bodies go:
//! inside the snapshot, or gzipped chunk files (see `dossier_engine::bodies`) written to
//! `target/<triple>/<profile>/dossier-bodies/`, which Trunk's post-build hook (`cargo xtask
//! stage-bodies`) copies into `dist/bodies/`. The folder is emptied on every run, so it always
//! matches the snapshot of the last build for that target and profile. `DOSSIER_CHUNK_BYTES`
//! overrides the target chunk size (text bytes before compression).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=DOSSIER_CORPUS");
    println!("cargo:rerun-if-env-changed=DOSSIER_BODIES");
    println!("cargo:rerun-if-env-changed=DOSSIER_CHUNK_BYTES");
    let chunk_bytes = match std::env::var("DOSSIER_CHUNK_BYTES") {
        Err(_) => dossier_engine::bodies::CHUNK_BYTES,
        Ok(v) => match v.trim().parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!(
                    "error: DOSSIER_CHUNK_BYTES must be a positive number of bytes, not `{v}`"
                );
                std::process::exit(1);
            }
        },
    };
    let mode = match dossier_engine::bodies::Mode::parse(
        &std::env::var("DOSSIER_BODIES").unwrap_or_default(),
    ) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: DOSSIER_BODIES: {e}");
            std::process::exit(1);
        }
    };
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = match std::env::var_os("DOSSIER_CORPUS") {
        Some(d) if !d.is_empty() => {
            let d = PathBuf::from(d);
            if d.is_absolute() {
                d
            } else {
                manifest.join(d)
            }
        }
        _ => manifest.join("seeds"),
    };
    let loaded = match dossier_engine::load::load_dir(&dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot read corpus folder {}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    for path in &loaded.watched {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let out = &loaded.output;
    for d in &out.diagnostics {
        println!("cargo:warning={d}");
    }
    if out.has_errors() {
        for d in out
            .diagnostics
            .iter()
            .filter(|d| d.severity == dossier_engine::Severity::Error)
        {
            eprintln!("{}: {d}", dir.display());
        }
        eprintln!(
            "error: the corpus in {} has errors; nothing was embedded",
            dir.display()
        );
        std::process::exit(1);
    }
    println!("cargo:warning={}", out.summary(&dir.display().to_string()));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut corpus = loaded.output.corpus;
    let body_bytes = dossier_engine::bodies::body_bytes(&corpus);
    let chunk_dir = chunk_dir(&out_dir);
    if let Err(e) = std::fs::remove_dir_all(&chunk_dir) {
        if e.kind() != std::io::ErrorKind::NotFound {
            eprintln!("error: cannot clear {}: {e}", chunk_dir.display());
            std::process::exit(1);
        }
    }
    if mode.resolve(body_bytes) == dossier_engine::bodies::Mode::Chunked {
        let chunks = dossier_engine::bodies::split(&mut corpus, chunk_bytes);
        let written = write_chunks(&chunk_dir, &chunks).unwrap_or_else(|e| {
            eprintln!(
                "error: cannot write body chunks to {}: {e}",
                chunk_dir.display()
            );
            std::process::exit(1);
        });
        println!(
            "cargo:warning=bodies: chunked ({} KB of text in {} file{}, {} KB gzipped), fetched on demand from {}/",
            body_bytes / 1024,
            chunks.len(),
            if chunks.len() == 1 { "" } else { "s" },
            written / 1024,
            dossier_engine::bodies::DIR,
        );
    }
    let bytes = dossier_engine::snapshot::encode(&corpus);
    std::fs::write(out_dir.join("corpus.bin"), bytes).expect("write corpus snapshot");
}

/// `target/<triple>/<profile>/dossier-bodies`, three levels above `OUT_DIR`
/// (`…/<profile>/build/dossier-<hash>/out`).
fn chunk_dir(out_dir: &std::path::Path) -> PathBuf {
    out_dir
        .ancestors()
        .nth(3)
        .unwrap_or(out_dir)
        .join("dossier-bodies")
}

/// Writes each chunk gzipped under `dir` (names start with `bodies/`); returns the bytes written.
fn write_chunks(
    dir: &std::path::Path,
    chunks: &[dossier_engine::bodies::ChunkFile],
) -> std::io::Result<usize> {
    use std::io::Write;
    let mut total = 0;
    for c in chunks {
        let name = c
            .name
            .strip_prefix(&format!("{}/", dossier_engine::bodies::DIR))
            .unwrap_or(&c.name);
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap_or(dir))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(c.text.as_bytes())?;
        let bytes = gz.finish()?;
        total += bytes.len();
        std::fs::write(path, bytes)?;
    }
    Ok(total)
}
