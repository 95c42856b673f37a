//! Build, serve, test and measure orchestration for Dossier: `cargo xtask <command>`.
//!
//! Every command first runs [`tools::ensure`], which installs what is missing (wasm target,
//! pinned Trunk, wasm-bindgen-cli matching `Cargo.lock`, wasm-opt from npm into `.tools/`,
//! and for browser tests Chromium with chromedriver) and is quick when all is present.

mod bench;
mod fuzz;
mod generated;
mod run;
mod sizes;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use run::{cargo, step, Cmd};

const USAGE: &str = "\
usage: cargo xtask <command> [args]

commands:
  serve [trunk args]  install what is missing, then `trunk serve` on 127.0.0.1
                      (e.g. `cargo xtask serve --port 9000`)
  build               install what is missing, then `trunk build --release` into dist/
  test                everything CI checks except formatting and lints: unit tests, wasm
                      component tests, release build, sub-path build, browser e2e tests
  lint                `cargo fmt --check`, clippy -D warnings for host and wasm32
  sizes [--no-build]  release build, then write wasm/JS sizes (raw, gzip, brotli) into
                      BENCHMARKS.md
  bench-timeline      render the results timeline for 100k generated documents in headless
                      Chromium (release wasm); write BENCH-timeline-render.md and BENCHMARKS.md
  gen-corpus N DIR [--seed S]
                      write the generated benchmark corpus (N documents, default seed 7)
                      into the new folder DIR, one .txt file per document
  bench [--sizes 1000,10000]
                      the app in headless Chromium against MiniSearch and String.includes on
                      the seeds and generated corpora: payload, app-ready, keystroke to paint
                      at 1x and 4x throttle, long tasks, memory, build time; writes
                      BENCH-app.md, BENCHMARKS.md and docs/bench-latency.svg
  screenshots         release build, then write docs/screenshot{,-phone,-dark}.png from
                      the real app in headless Chromium (the README's pictures)
  fuzz [SECONDS] [TARGET...]
                      install cargo-fuzz if missing, then run every fuzz target in fuzz/
                      (or the ones named) for SECONDS each (default 600) and print seconds,
                      executions, corpus size and crashes per target (see SECURITY.md)
  ensure-tools        only install what is missing (including Chromium and chromedriver)
  stage-bodies        (Trunk's post-build hook) copy the body chunks of a chunked build
                      from target/wasm32-unknown-unknown/<profile>/dossier-bodies into the
                      staging dist as bodies/; does nothing for an embedded build
";

/// The URL prefix the sub-path build is tested under.
pub const SUBPATH: &str = "/some/path/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let root = workspace_root();
    let started = Instant::now();
    let result = match command.as_str() {
        "serve" => serve(&root, rest),
        "build" => no_args(rest).and_then(|()| build(&root)),
        "test" => no_args(rest).and_then(|()| test(&root)),
        "lint" => no_args(rest).and_then(|()| lint(&root)),
        "sizes" => sizes_cmd(&root, rest),
        "bench" => bench::bench(&root, rest),
        "bench-timeline" => no_args(rest).and_then(|()| bench_timeline(&root)),
        "gen-corpus" => gen_corpus(rest),
        "screenshots" => no_args(rest).and_then(|()| screenshots(&root)),
        "fuzz" => fuzz::fuzz(&root, rest),
        "stage-bodies" => no_args(rest).and_then(|()| stage_bodies(&root)),
        "ensure-tools" => no_args(rest)
            .and_then(|()| tools::ensure(&root, tools::Needs { browser: true }).map(drop)),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => {
            eprintln!(
                "xtask: `{command}` finished in {:.1}s",
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: `{command}` failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Result of an xtask step; the error is a message for the user.
pub type Result<T = ()> = std::result::Result<T, String>;

fn no_args(rest: &[String]) -> Result {
    match rest.first() {
        None => Ok(()),
        Some(a) => Err(format!("unexpected argument `{a}`\n\n{USAGE}")),
    }
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Trunk's post-build hook: `build.rs` wrote the chunks of a chunked build (and nothing for an
/// embedded one) to `<target>/wasm32-unknown-unknown/$TRUNK_PROFILE/dossier-bodies`; copy them
/// to `$TRUNK_STAGING_DIR/bodies`, which Trunk then moves into the dist folder.
fn stage_bodies(root: &Path) -> Result {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("TRUNK_STAGING_DIR is not set: this command is Trunk's post-build hook")?;
    let profile = std::env::var("TRUNK_PROFILE").unwrap_or_else(|_| "debug".into());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let from = target
        .join("wasm32-unknown-unknown")
        .join(&profile)
        .join("dossier-bodies");
    let to = staging.join("bodies");
    if to.exists() {
        std::fs::remove_dir_all(&to).map_err(|e| format!("clear {}: {e}", to.display()))?;
    }
    let Ok(entries) = std::fs::read_dir(&from) else {
        return Ok(());
    };
    std::fs::create_dir_all(&to).map_err(|e| format!("create {}: {e}", to.display()))?;
    let mut n = 0;
    for entry in entries {
        let entry = entry.map_err(|e| format!("read {}: {e}", from.display()))?;
        let dest = to.join(entry.file_name());
        std::fs::copy(entry.path(), &dest)
            .map_err(|e| format!("copy to {}: {e}", dest.display()))?;
        n += 1;
    }
    eprintln!("xtask: staged {n} body chunk files into {}", to.display());
    Ok(())
}

fn serve(root: &Path, rest: &[String]) -> Result {
    tools::ensure(root, tools::Needs { browser: false })?;
    cargo_fetch(root)?;
    let mut cmd = Cmd::new("trunk").arg("serve").cwd(root);
    if !rest
        .iter()
        .any(|a| a == "--address" || a.starts_with("--address="))
    {
        cmd = cmd.args(["--address", "127.0.0.1"]);
    }
    cmd.args(rest).run()
}

fn build(root: &Path) -> Result {
    tools::ensure(root, tools::Needs { browser: false })?;
    cargo_fetch(root)?;
    trunk_build(root, &[])
}

/// `cargo fetch`, so that Trunk's offline cargo build finds every crate.
fn cargo_fetch(root: &Path) -> Result {
    cargo(root).arg("fetch").run()
}

/// `trunk build --release` with extra arguments, timed.
pub fn trunk_build(root: &Path, extra: &[&str]) -> Result {
    trunk_build_with(root, extra, None, &[])
}

/// `trunk build --release` over `corpus` (else the seeds) with extra environment variables
/// (such as `DOSSIER_BODIES`; what is not set is inherited).
pub fn trunk_build_with(
    root: &Path,
    extra: &[&str],
    corpus: Option<&Path>,
    env: &[(&str, &str)],
) -> Result {
    step(&format!(
        "trunk build --release {}{}{}",
        extra.join(" "),
        corpus.map_or(String::new(), |c| format!(
            " (DOSSIER_CORPUS={})",
            c.display()
        )),
        env.iter()
            .map(|(k, v)| format!(" ({k}={v})"))
            .collect::<String>()
    ));
    let t = Instant::now();
    let mut cmd = Cmd::new("trunk")
        .args(["build", "--release"])
        .args(extra)
        .cwd(root);
    if let Some(c) = corpus {
        cmd = cmd.env("DOSSIER_CORPUS", c);
    }
    for (k, v) in env {
        cmd = cmd.env(k, v);
    }
    cmd.run()?;
    eprintln!("xtask: trunk build took {:.1}s", t.elapsed().as_secs_f64());
    Ok(())
}

fn lint(root: &Path) -> Result {
    tools::ensure_wasm_target()?;
    step("cargo fmt --all --check");
    cargo(root).args(["fmt", "--all", "--check"]).run()?;
    step("clippy (host)");
    cargo(root)
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .run()?;
    // What ships as WebAssembly: the app with its tests, and the engine library. The engine's
    // inspector binary and its file-reading tests are native-only.
    step("clippy (wasm32)");
    let wasm_clippy = |what: &[&str]| {
        cargo(root)
            .args(["clippy", "--target", "wasm32-unknown-unknown"])
            .args(what)
            .args(["--", "-D", "warnings"])
            .run()
    };
    wasm_clippy(&["-p", "dossier", "--all-targets"])?;
    wasm_clippy(&["-p", "dossier-engine", "--lib"])
}

fn test(root: &Path) -> Result {
    let tools = tools::ensure(root, tools::Needs { browser: true })?;
    cargo_fetch(root)?;

    step("unit tests (host): cargo test --workspace --exclude dossier-e2e");
    cargo(root)
        .args(["test", "--workspace", "--exclude", "dossier-e2e"])
        .run()?;

    if has_wasm_tests(root) {
        step("component tests (wasm32, headless Chromium)");
        cargo(root)
            .args([
                "test",
                "-p",
                "dossier",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", &tools.chromedriver)
            .run()?;
    } else {
        step("component tests (wasm32): the app has no #[wasm_bindgen_test] tests, skipped");
    }

    // The seeds are far below the chunking threshold: `auto` embeds them, as users get it.
    trunk_build_with(root, &[], None, &[("DOSSIER_BODIES", "auto")])?;
    let subpath_dist = root.join("target").join("dist-subpath");
    let subpath_dist_arg = subpath_dist.to_string_lossy().into_owned();
    trunk_build_with(
        root,
        &["--public-url", SUBPATH, "--dist", subpath_dist_arg.as_str()],
        None,
        &[("DOSSIER_BODIES", "auto")],
    )?;

    let hostile_dist = root.join("target").join("dist-hostile");
    let hostile_dist_arg = hostile_dist.to_string_lossy().into_owned();
    trunk_build_with(
        root,
        &["--dist", hostile_dist_arg.as_str()],
        Some(&root.join("tests").join("fixtures").join("hostile")),
        &[("DOSSIER_BODIES", "auto")],
    )?;

    // The same seeds with bodies in chunk files, for the chunked-mode browser tests.
    let chunked_dist = root.join("target").join("dist-chunked");
    let chunked_dist_arg = chunked_dist.to_string_lossy().into_owned();
    // Small chunks (4 KB of text), so the five seeds span several files.
    trunk_build_with(
        root,
        &["--dist", chunked_dist_arg.as_str()],
        None,
        &[
            ("DOSSIER_BODIES", "chunked"),
            ("DOSSIER_CHUNK_BYTES", "4096"),
        ],
    )?;

    step("browser end-to-end tests against dist/ (cargo test -p dossier-e2e)");
    let t = Instant::now();
    cargo(root)
        .args(["test", "-p", "dossier-e2e", "--", "--test-threads=1"])
        .env("DOSSIER_E2E_REQUIRE", "1")
        .env("DOSSIER_DIST", root.join("dist"))
        .env("DOSSIER_SUBPATH_DIST", &subpath_dist)
        .env("DOSSIER_SUBPATH", SUBPATH)
        .env("DOSSIER_HOSTILE_DIST", &hostile_dist)
        .env("DOSSIER_CHUNKED_DIST", &chunked_dist)
        .env("CHROMEDRIVER", &tools.chromedriver)
        .env("CHROMIUM", &tools.chromium)
        .run()?;
    eprintln!("xtask: e2e tests took {:.1}s", t.elapsed().as_secs_f64());
    Ok(())
}

/// Whether the app crate has `#[wasm_bindgen_test]` tests (in `src/` or `tests/`).
fn has_wasm_tests(root: &Path) -> bool {
    ["src", "tests"]
        .iter()
        .any(|d| dir_mentions(&root.join(d), "wasm_bindgen_test"))
}

fn dir_mentions(dir: &Path, needle: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let p = e.path();
        if p.is_dir() {
            dir_mentions(&p, needle)
        } else {
            p.extension().is_some_and(|x| x == "rs")
                && std::fs::read_to_string(&p).is_ok_and(|s| s.contains(needle))
        }
    })
}

/// Writes the generated corpus to a folder (see [`generated`]).
fn gen_corpus(rest: &[String]) -> Result {
    let args = generated::parse(rest)?;
    let bytes = generated::write(&args)?;
    eprintln!(
        "xtask: {} documents ({:.1} MB, seed {}) in {}",
        args.n,
        bytes as f64 / 1e6,
        args.seed,
        args.dir.display()
    );
    Ok(())
}

/// Runs the ignored browser benchmark `tests/timeline_render.rs` (release profile) and writes
/// the lines it logs into `BENCH-timeline-render.md` and BENCHMARKS.md.
fn bench_timeline(root: &Path) -> Result {
    let tools = tools::ensure(root, tools::Needs { browser: true })?;
    cargo_fetch(root)?;
    step("timeline render benchmark (wasm32 release, headless Chromium)");
    let out = cargo(root)
        .args([
            "test",
            "--release",
            "-p",
            "dossier",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "timeline_render",
            "--",
            "--include-ignored",
            "--nocapture",
        ])
        .env("CHROMEDRIVER", &tools.chromedriver)
        .capture()?;
    let lines: Vec<&str> = out
        .lines()
        .filter_map(|l| {
            l.split_once("BENCH timeline: ")
                .map(|(_, rest)| rest.trim())
        })
        .collect();
    if lines.is_empty() {
        return Err("the benchmark printed no `BENCH timeline:` lines".into());
    }
    let chromium = Cmd::new(&tools.chromium)
        .arg("--version")
        .probe()
        .unwrap_or_default();
    let section = format!(
        "{TIMELINE_BEGIN}\n## Timeline render (browser)\n\n\
         The real `Timeline` component rendering a generated corpus of 100,000 documents (ten years \
         of dates, 2,000 entities at Zipf-like frequencies) in headless {} on this machine (2 cores), \
         release wasm. Wall time from handing Yew new props to the DOM being updated; 15 runs each. \
         One frame is 16.7 ms.\n\n{}\n\n\
         Measured at {}. Command: `cargo xtask bench-timeline`.\n{TIMELINE_END}\n",
        chromium.trim(),
        lines.iter().map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n"),
        measured_at(root)
    );
    std::fs::write(root.join("BENCH-timeline-render.md"), &section)
        .map_err(|e| format!("cannot write BENCH-timeline-render.md: {e}"))?;
    sizes::write_section(
        &root.join("BENCHMARKS.md"),
        TIMELINE_BEGIN,
        TIMELINE_END,
        &section,
    )?;
    eprintln!("xtask: wrote BENCH-timeline-render.md and BENCHMARKS.md");
    Ok(())
}

const TIMELINE_BEGIN: &str =
    "<!-- timeline-render:begin (generated by `cargo xtask bench-timeline`) -->";
const TIMELINE_END: &str = "<!-- timeline-render:end -->";

/// Builds `dist/`, then runs the e2e crate's `screenshots` binary into `docs/`.
fn screenshots(root: &Path) -> Result {
    let tools = tools::ensure(root, tools::Needs { browser: true })?;
    cargo_fetch(root)?;
    trunk_build(root, &[])?;
    step("screenshots (headless Chromium) into docs/");
    cargo(root)
        .args([
            "run",
            "-q",
            "-p",
            "dossier-e2e",
            "--bin",
            "screenshots",
            "--",
        ])
        .arg(root.join("dist"))
        .arg(root.join("docs"))
        .env("CHROMEDRIVER", &tools.chromedriver)
        .env("CHROMIUM", &tools.chromium)
        .run()
}

fn sizes_cmd(root: &Path, rest: &[String]) -> Result {
    let build_first = match rest {
        [] => true,
        [flag] if flag == "--no-build" => false,
        _ => return Err(format!("usage: cargo xtask sizes [--no-build]\n\n{USAGE}")),
    };
    if build_first {
        build(root)?;
    }
    let dist = root.join("dist");
    let table = sizes::measure(&dist)?;
    let markdown = table.markdown(&measured_at(root));
    print!("{markdown}");
    let bench = root.join("BENCHMARKS.md");
    sizes::write_into(&bench, &markdown)?;
    eprintln!("xtask: wrote sizes into {}", bench.display());
    Ok(())
}

/// "commit abc1234 (with uncommitted changes), 2026-11-22": where a measurement comes from.
pub fn measured_at(root: &Path) -> String {
    let probe = |args: &[&str]| Cmd::new("git").args(args).cwd(root).probe();
    let commit = probe(&["rev-parse", "--short", "HEAD"]).unwrap_or_default();
    let dirty = probe(&["status", "--porcelain", "--untracked-files=no"])
        .is_some_and(|s| !s.trim().is_empty());
    let date = Cmd::new("date")
        .args(["-u", "+%Y-%m-%d"])
        .probe()
        .unwrap_or_default();
    format!(
        "commit {}{}, {}",
        commit.trim(),
        if dirty {
            " (with uncommitted changes)"
        } else {
            ""
        },
        date.trim()
    )
}
