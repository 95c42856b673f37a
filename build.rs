//! Compile-time corpus embedding: runs the engine over the corpus folder and writes the snapshot the app embeds.
//!
//! The folder is `seeds/` unless `DOSSIER_CORPUS` names another one. Problems are printed as
//! cargo warnings naming the file and reason; errors stop the build.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=DOSSIER_CORPUS");
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
    let bytes = dossier_engine::snapshot::encode(&out.corpus);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("corpus.bin"), bytes).expect("write corpus snapshot");
}
