//! The `dossier inspect` command line: JSON shape, table, usage and exit status.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("run dossier")
}

fn seeds() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn json_lists_every_seed_with_its_metadata() {
    let out = dossier(&["inspect", &seeds(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    let d = docs
        .iter()
        .find(|d| d["id"] == "002_41fbe8cc36b14c37")
        .expect("seed 002");
    assert_eq!(d["date"], "2021-02-10");
    assert_eq!(
        d["title"],
        "Lithuanian president: NATO must maintain credible deterrence and defense posture"
    );
    assert_eq!(d["byline"], "BNS/TBT Staff");
    assert_eq!(d["dateline"], "VILNIUS");
    assert_eq!(d["source"], "BNS/TBT");
    assert!(d["words"].as_u64().unwrap() > 300);
    let mut keys: Vec<&str> = docs[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["byline", "date", "dateline", "id", "source", "title", "words"]
    );
    assert!(v["entities"].is_array());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("embedded 5 documents from"), "{stderr}");
    assert!(
        stderr.contains("bodies: 14 KB of text, within the 2048 KB threshold"),
        "the inspector says where a build puts the bodies: {stderr}"
    );
}

#[test]
fn table_is_aligned_and_ends_with_the_summary() {
    let out = dossier(&["inspect", &seeds()]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("ID "), "{stdout}");
    let date_col = lines[0].find("DATE").unwrap();
    for l in &lines[1..6] {
        let at: String = l.chars().skip(date_col).take(2).collect();
        assert_eq!(at, "20", "dates line up under DATE: {l}");
    }
    assert!(stdout.contains("BNS/TBT Staff"));
    assert!(stdout.contains("(derived)"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.trim_end().ends_with("0 warnings"), "{stderr}");
}

#[test]
fn usage_mistakes_exit_with_2_and_explain() {
    for args in [
        &[][..],
        &["inspect"],
        &["frobnicate", "x"],
        &["inspect", "a", "--yaml"],
    ] {
        let out = dossier(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("Usage:"), "{stderr}");
    }
    let out = dossier(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("dossier inspect DIR --json"));
    let out = dossier(&["inspect", "/nonexistent/corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("cannot read corpus folder /nonexistent/corpus"));
}

#[test]
fn corpus_errors_exit_with_1_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("bad.txt"), b"caf\xe9").unwrap();
    let out = dossier(&["inspect", tmp.path().to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt:1: error: not valid UTF-8: invalid byte 0xE9 at column 4"),
        "{stderr}"
    );
    assert!(stderr.contains("a build would stop"), "{stderr}");
}
