//! `cargo xtask gen-corpus N DIR [--seed S]`: the deterministic generated corpus of the engine
//! benchmarks (`dossier-gen`) written out as a corpus folder, one `.txt` file per document.

use crate::Result;
use std::path::{Path, PathBuf};

/// The seed when none is given: the one the extraction benchmark uses.
pub const DEFAULT_SEED: u64 = 7;

const USAGE: &str = "usage: cargo xtask gen-corpus N DIR [--seed S]";

/// What to generate and where.
#[derive(Debug, PartialEq, Eq)]
pub struct Args {
    /// Number of documents.
    pub n: usize,
    /// The folder to create; it must not exist or be empty.
    pub dir: PathBuf,
    /// The generator's seed.
    pub seed: u64,
}

/// Reads `N DIR [--seed S]`.
pub fn parse(rest: &[String]) -> Result<Args> {
    let mut seed = DEFAULT_SEED;
    let mut plain = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        if a == "--seed" {
            let s = it.next().ok_or(format!("--seed needs a number\n{USAGE}"))?;
            seed = s
                .parse()
                .map_err(|_| format!("--seed `{s}` is not a number\n{USAGE}"))?;
        } else {
            plain.push(a);
        }
    }
    let [n, dir] = plain[..] else {
        return Err(USAGE.to_string());
    };
    let n = n
        .parse()
        .map_err(|_| format!("`{n}` is not a number of documents\n{USAGE}"))?;
    Ok(Args {
        n,
        dir: PathBuf::from(dir),
        seed,
    })
}

/// Writes the corpus; returns the bytes written. Refuses a folder that already holds files,
/// so nothing is overwritten or mixed in.
pub fn write(args: &Args) -> Result<u64> {
    let dir: &Path = &args.dir;
    if let Ok(mut entries) = std::fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(format!("{} is not empty", dir.display()));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut bytes = 0;
    for f in dossier_gen::generate(args.n, args.seed) {
        let path = dir.join(&f.name);
        std::fs::write(&path, &f.text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += f.text.len() as u64;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_count_folder_and_seed() {
        let a = parse(&strings(&["20", "out", "--seed", "3"])).unwrap();
        assert_eq!(
            a,
            Args {
                n: 20,
                dir: "out".into(),
                seed: 3
            }
        );
        assert_eq!(parse(&strings(&["5", "out"])).unwrap().seed, DEFAULT_SEED);
        assert!(parse(&strings(&["many", "out"])).is_err());
        assert!(parse(&strings(&["5"])).is_err());
        assert!(parse(&strings(&["5", "out", "--seed"])).is_err());
    }

    #[test]
    fn writes_the_files_once() {
        let root = std::env::temp_dir().join(format!("dossier-gen-corpus-{}", std::process::id()));
        let args = Args {
            n: 3,
            dir: root.join("corpus"),
            seed: 1,
        };
        assert!(write(&args).unwrap() > 0);
        let mut names: Vec<String> = std::fs::read_dir(&args.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["gen-000000.txt", "gen-000001.txt", "gen-000002.txt"]
        );
        assert!(write(&args).unwrap_err().contains("not empty"));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
