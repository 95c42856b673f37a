//! `cargo xtask fuzz [SECONDS] [TARGET...]`: runs the `cargo fuzz` targets in `fuzz/` one after
//! the other, each for SECONDS (default 600), and prints a summary (seconds, executions, corpus
//! size, crashes). Installs cargo-fuzz when missing; runs it on the stable toolchain with
//! `RUSTC_BOOTSTRAP=1`, since it needs nightly flags (`-Zsanitizer=address`).

use std::fs;
use std::path::Path;
use std::time::Instant;

use crate::run::{step, Cmd};
use crate::Result;

/// Every fuzz target, in the order run (see `fuzz/Cargo.toml`).
pub const TARGETS: [&str; 6] = [
    "parse_text",
    "parse_markdown",
    "parse_jsonl",
    "query",
    "url_decode",
    "corpus_build",
];

/// Seconds per target when none are given.
const DEFAULT_SECONDS: u64 = 600;

/// The libFuzzer options every run gets besides its time budget: an input taking more than
/// 10 s counts as a hang, and inputs grow to 8 KiB (articles are bigger than libFuzzer's
/// default of 4 KiB would let the parsers see).
const LIBFUZZER_ARGS: [&str; 3] = ["-timeout=10", "-max_len=8192", "-print_final_stats=1"];

/// What one run did.
struct Outcome {
    target: &'static str,
    seconds: f64,
    execs: Option<u64>,
    corpus: usize,
    crash: Option<String>,
}

/// Parses `[SECONDS] [TARGET...]`, then builds and runs the targets.
pub fn fuzz(root: &Path, rest: &[String]) -> Result {
    let (seconds, names) = match rest.first().map(|a| a.parse::<u64>()) {
        Some(Ok(s)) if s > 0 => (s, &rest[1..]),
        Some(Ok(_)) => return Err("SECONDS must be at least 1".into()),
        _ => (DEFAULT_SECONDS, rest),
    };
    let mut targets = Vec::new();
    for name in names {
        match TARGETS.iter().find(|t| *t == name) {
            Some(t) => targets.push(*t),
            None => {
                return Err(format!(
                    "unknown fuzz target `{name}` (expected {})",
                    TARGETS.join(", ")
                ))
            }
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    let dir = root.join("fuzz");
    ensure_cargo_fuzz()?;
    step("building the fuzz targets");
    cargo_fuzz(&dir).arg("build").run()?;
    let mut outcomes = Vec::new();
    for target in targets {
        step(&format!("fuzzing {target} for {seconds} s"));
        outcomes.push(run_target(&dir, target, seconds)?);
    }
    print!("{}", summary(&outcomes));
    let crashed: Vec<&str> = outcomes
        .iter()
        .filter(|o| o.crash.is_some())
        .map(|o| o.target)
        .collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "crashes in {}; reproduce with `RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET ARTIFACT` in fuzz/",
            crashed.join(", ")
        ))
    }
}

/// Installs cargo-fuzz from crates.io unless `cargo fuzz` already answers.
fn ensure_cargo_fuzz() -> Result {
    if let Some(v) = Cmd::new("cargo").args(["fuzz", "--version"]).probe() {
        eprintln!("  ok: {}", v.trim());
        return Ok(());
    }
    eprintln!("  cargo-fuzz missing; installing");
    Cmd::new("cargo")
        .args(["install", "--locked", "cargo-fuzz"])
        .run()
}

/// `cargo fuzz` in `fuzz/`, allowed its nightly flags on the stable toolchain.
fn cargo_fuzz(dir: &Path) -> Cmd {
    Cmd::new("cargo")
        .arg("fuzz")
        .env("RUSTC_BOOTSTRAP", "1")
        .cwd(dir)
}

/// Runs one target over `corpus/TARGET` (grown by the run) and `seeds/TARGET` (committed),
/// libFuzzer's output going to `logs/TARGET.log`.
fn run_target(dir: &Path, target: &'static str, seconds: u64) -> Result<Outcome> {
    let corpus = dir.join("corpus").join(target);
    let logs = dir.join("logs");
    for d in [&corpus, &logs] {
        fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let log_path = logs.join(format!("{target}.log"));
    let log = fs::File::create(&log_path)
        .map_err(|e| format!("cannot create {}: {e}", log_path.display()))?;
    let started = Instant::now();
    let result = cargo_fuzz(dir)
        .args(["run", target])
        .arg(format!("corpus/{target}"))
        .arg(format!("seeds/{target}"))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .args(LIBFUZZER_ARGS)
        .stderr_to(log)
        .run();
    let elapsed = started.elapsed().as_secs_f64();
    let text = fs::read_to_string(&log_path).unwrap_or_default();
    let crash = match result {
        Ok(()) => None,
        Err(e) => Some(artifact(&text).unwrap_or(e)),
    };
    let corpus = fs::read_dir(&corpus).map_or(0, |d| d.count());
    let outcome = Outcome {
        target,
        seconds: elapsed,
        execs: execs(&text),
        corpus,
        crash,
    };
    eprintln!(
        "  {target}: {:.0} s, {} executions, corpus {}, {} (log: {})",
        outcome.seconds,
        outcome.execs.map_or("?".into(), |n| n.to_string()),
        outcome.corpus,
        outcome.crash.as_deref().unwrap_or("no crash"),
        log_path.display()
    );
    Ok(outcome)
}

/// Executions from libFuzzer's final stats (`stat::number_of_executed_units: N`), else from its
/// `Done N runs` line, else from the last `#N` status line (a run stopped by a crash).
fn execs(log: &str) -> Option<u64> {
    let number = |s: &str| s.trim().parse::<u64>().ok();
    let lines = || log.lines().rev();
    lines()
        .find_map(|l| {
            l.strip_prefix("stat::number_of_executed_units:")
                .and_then(number)
        })
        .or_else(|| {
            lines().find_map(|l| {
                l.strip_prefix("Done ")
                    .and_then(|r| r.split_whitespace().next())
                    .and_then(number)
            })
        })
        .or_else(|| {
            lines().find_map(|l| {
                l.strip_prefix('#')
                    .and_then(|r| r.split_whitespace().next())
                    .and_then(number)
            })
        })
}

/// The crashing input libFuzzer saved: `Test unit written to PATH`.
fn artifact(log: &str) -> Option<String> {
    log.lines().rev().find_map(|l| {
        l.split_once("Test unit written to ")
            .map(|(_, p)| format!("crash saved to {}", p.trim()))
    })
}

/// The table printed at the end.
fn summary(outcomes: &[Outcome]) -> String {
    let mut out = String::from("\ntarget           seconds   executions   corpus  result\n");
    for o in outcomes {
        out.push_str(&format!(
            "{:<16} {:>7.0} {:>12} {:>8}  {}\n",
            o.target,
            o.seconds,
            o.execs.map_or("?".into(), |n| n.to_string()),
            o.corpus,
            o.crash.as_deref().unwrap_or("no crash")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_executions_from_the_final_stats_or_the_last_status_line() {
        let done = "#1024\tpulse  cov: 10 ft: 20 corp: 5/100b exec/s: 512 rss: 40Mb\n\
                    Done 70000 runs in 601 second(s)\n\
                    stat::number_of_executed_units: 70001\n";
        assert_eq!(execs(done), Some(70001));
        assert_eq!(execs("Done 70000 runs in 601 second(s)\n"), Some(70000));
        let crashed = "#4096\tNEW    cov: 10 ft: 20 corp: 5/100b\n\
                       #5000\tREDUCE cov: 10\n\
                       ==1== ERROR: libFuzzer: deadly signal\n\
                       artifact_prefix='a/'; Test unit written to a/crash-12ab\n";
        assert_eq!(execs(crashed), Some(5000));
        assert_eq!(
            artifact(crashed).as_deref(),
            Some("crash saved to a/crash-12ab")
        );
        assert_eq!(execs("nothing"), None);
    }
}
