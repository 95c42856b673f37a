//! Reading corpus folders from disk: every build-time fault gives its exact message, and the
//! documents embedded plus the files skipped always equal the files seen.
#![cfg(not(target_arch = "wasm32"))]

use dossier_engine::load::{load_dir, load_dir_at, Loaded, MAX_FILE_BYTES};
use dossier_engine::{BuildOutput, Severity};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const GOOD: &str = " date 2024-04-02 Mark Rutte met Gitanas Nauseda in Vilnius.";

fn messages(out: &BuildOutput) -> Vec<String> {
    out.diagnostics.iter().map(|d| d.to_string()).collect()
}

/// Files that yielded at least one document.
fn files_embedded(out: &BuildOutput) -> usize {
    let files: BTreeSet<&str> = out
        .corpus
        .documents
        .iter()
        .map(|d| match d.origin.rsplit_once(':') {
            Some((f, line)) if line.parse::<u32>().is_ok() => f,
            _ => d.origin.as_str(),
        })
        .collect();
    files.len()
}

fn assert_counts(out: &BuildOutput) {
    assert_eq!(
        files_embedded(out) + out.files_skipped,
        out.files_seen,
        "embedded + skipped == seen: {:?}",
        messages(out)
    );
}

fn load(dir: &Path) -> Loaded {
    load_dir_at(dir, chrono::NaiveDate::from_ymd_opt(2026, 11, 22)).expect("load")
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

#[test]
fn seeds_load_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let loaded = load_dir(&dir).expect("seeds");
    let out = &loaded.output;
    assert!(out.diagnostics.is_empty(), "{:?}", messages(out));
    assert_eq!(out.files_seen, 5);
    assert_eq!(out.files_skipped, 0);
    assert_eq!(
        out.summary("seeds"),
        "embedded 5 documents from seeds, 0 warnings"
    );
    assert_eq!(loaded.watched.len(), 6, "the folder and its five files");
    assert_counts(out);
}

#[test]
fn walks_sub_folders_in_sorted_order_and_watches_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "b.txt", GOOD.as_bytes());
    write(d, "a/z.txt", GOOD.as_bytes());
    write(
        d,
        "a/y.md",
        format!("---\ndate: 2024-04-02\n---\n{GOOD}").as_bytes(),
    );
    let loaded = load(d);
    let out = &loaded.output;
    assert!(out.diagnostics.is_empty(), "{:?}", messages(out));
    let ids: Vec<&str> = out.corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a/y", "a/z", "b"]);
    let watched: Vec<String> = loaded
        .watched
        .iter()
        .map(|p| {
            p.strip_prefix(d)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(watched, ["", "a", "a/y.md", "a/z.txt", "b.txt"]);
    assert_counts(out);
}

#[test]
fn curation_file_is_passed_on_not_parsed() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", GOOD.as_bytes());
    write(tmp.path(), "entities.toml", b"# curation\n");
    let loaded = load(tmp.path());
    let out = &loaded.output;
    assert!(out.diagnostics.is_empty(), "{:?}", messages(out));
    assert_eq!(out.corpus.documents.len(), 1);
    assert_eq!(out.files_seen, 1);
    assert!(loaded.watched.iter().any(|p| p.ends_with("entities.toml")));
    // Only at the root: elsewhere it is an unsupported file.
    write(tmp.path(), "sub/entities.toml", b"x");
    let out = load(tmp.path()).output;
    assert_eq!(
        messages(&out),
        ["sub/entities.toml: warning: unsupported file type `.toml` (expected .txt, .text, .md, .markdown, .jsonl, .ndjson or no extension); skipped"]
    );
    assert_counts(&out);
}

#[test]
fn hidden_files_and_folders() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", GOOD.as_bytes());
    write(tmp.path(), ".DS_Store", b"\0\0");
    write(tmp.path(), ".git/config", b"[core]");
    write(tmp.path(), ".git/objects/x.txt", GOOD.as_bytes());
    let loaded = load(tmp.path());
    let out = &loaded.output;
    assert_eq!(
        messages(out),
        [
            ".DS_Store: warning: hidden file; skipped",
            ".git: warning: hidden folder; not read",
        ]
    );
    assert_eq!(out.files_seen, 2);
    assert_eq!(out.files_skipped, 1);
    assert_eq!(
        out.summary("c"),
        "embedded 1 document from c, 2 warnings (2 files seen, 1 skipped)"
    );
    assert!(!loaded
        .watched
        .iter()
        .any(|p| p.to_string_lossy().contains(".git")));
    assert_counts(out);
}

#[test]
fn file_over_50_mb_is_skipped_unread() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", GOOD.as_bytes());
    let big = fs::File::create(tmp.path().join("big.txt")).unwrap();
    big.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: cheap to make
    let out = load(tmp.path()).output;
    assert_eq!(
        messages(&out),
        ["big.txt: warning: file is 52428801 bytes, over the 50 MB limit (52428800 bytes); skipped"]
    );
    assert_eq!(out.corpus.documents.len(), 1);
    assert_counts(&out);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "sub/a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("..", tmp.path().join("sub/up")).unwrap();
    std::os::unix::fs::symlink("sub", tmp.path().join("twin")).unwrap();
    let out = load(tmp.path()).output;
    assert_eq!(
        messages(&out),
        [
            "sub/up: warning: symbolic link loop: leads back to `.`; not read",
            "twin: warning: same folder as `sub`; not read twice",
        ]
    );
    assert_eq!(out.corpus.documents.len(), 1);
    assert_counts(&out);
}

#[cfg(target_os = "linux")]
#[test]
fn self_looping_and_broken_links_are_unreadable_files() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("loop.txt", tmp.path().join("loop.txt")).unwrap();
    std::os::unix::fs::symlink("missing.txt", tmp.path().join("gone.txt")).unwrap();
    let out = load(tmp.path()).output;
    assert_eq!(
        messages(&out),
        [
            "gone.txt: warning: cannot read: No such file or directory (os error 2); skipped",
            "loop.txt: warning: cannot read: Too many levels of symbolic links (os error 40); skipped",
        ]
    );
    assert_eq!(out.files_seen, 3);
    assert_eq!(out.files_skipped, 2);
    assert_counts(&out);
}

#[cfg(unix)]
#[test]
fn unreadable_file_by_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", GOOD.as_bytes());
    let locked = tmp.path().join("locked.txt");
    fs::write(&locked, GOOD).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Running as root: mode 000 does not stop reading, so this case cannot be made here.
        // `unreadable_file_by_io_error` covers the same path with a file even root cannot read.
        eprintln!("skipped: running with privileges that ignore file modes");
        return;
    }
    let out = load(tmp.path()).output;
    assert_eq!(
        messages(&out),
        ["locked.txt: warning: cannot read: Permission denied (os error 13); skipped"]
    );
    assert_counts(&out);
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_file_by_io_error() {
    // /proc/self/mem is a regular file that fails to read at offset 0, even for root.
    let mem = Path::new("/proc/self/mem");
    if fs::read(mem).is_ok() {
        eprintln!("skipped: /proc/self/mem is readable here");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink(mem, tmp.path().join("mem.txt")).unwrap();
    let out = load(tmp.path()).output;
    assert_eq!(
        messages(&out),
        ["mem.txt: warning: cannot read: Input/output error (os error 5); skipped"]
    );
    assert_eq!(out.files_skipped, 1);
    assert_counts(&out);
}

#[test]
fn every_fault_at_once_keeps_the_count_invariant() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "ok.txt", GOOD.as_bytes());
    write(d, "empty.txt", b"");
    write(d, "bom.txt", format!("\u{feff}{GOOD}").as_bytes());
    write(
        d,
        "crlf.txt",
        b"Title\r\n\r\n  \xe2\x80\xa2 2021-02-10\r\n\r\nBody.\r\n",
    );
    write(d, "nodate.txt", b"Body without a date.");
    write(d, "feb.txt", b" date 2024-02-30 Body.");
    write(d, "future.txt", b" date 2030-01-01 Body.");
    write(d, "photo.png", b"\x89PNG");
    write(
        d,
        "feed.jsonl",
        b"{\"text\":\"a\",\"date\":\"2024-04-02\"}\n{\"text\":\"b\",\"date\":\"2024-04-02\"}\n",
    );
    write(d, "notes/.hidden.txt", GOOD.as_bytes());
    let loaded = load(d);
    let out = &loaded.output;
    assert_eq!(
        messages(out),
        [
            "empty.txt: warning: empty file; skipped",
            "feb.txt:1: warning: impossible date `2024-02-30`; kept as undated",
            "future.txt:1: warning: future date 2030-01-01 (after the build day 2026-11-22); kept, flagged",
            "nodate.txt: warning: no date found; kept as undated",
            "notes/.hidden.txt: warning: hidden file; skipped",
            "photo.png: warning: unsupported file type `.png` (expected .txt, .text, .md, .markdown, .jsonl, .ndjson or no extension); skipped",
        ]
    );
    assert!(!out.has_errors());
    assert_eq!(out.files_seen, 10);
    assert_eq!(out.files_skipped, 3);
    assert_eq!(out.corpus.documents.len(), 8);
    assert_eq!(
        out.summary("corpus"),
        "embedded 8 documents from corpus, 6 warnings (10 files seen, 3 skipped)"
    );
    assert_counts(out);
}

#[test]
fn errors_stop_the_build_and_still_count() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "ok.txt", GOOD.as_bytes());
    write(d, "latin1.txt", b"caf\xe9");
    write(
        d,
        "sub/ok.jsonl",
        b"{\"id\":\"ok\",\"text\":\"x\",\"date\":\"2024-04-02\"}",
    );
    write(d, "bad.md", b"---\ntitle: \"x\n---\nBody.");
    let out = load(d).output;
    assert!(out.has_errors());
    assert_eq!(
        messages(&out),
        [
            "bad.md:2: error: malformed front matter: unterminated quoted value for `title`",
            "latin1.txt:1: error: not valid UTF-8: invalid byte 0xE9 at column 4",
            "sub/ok.jsonl:1: error: duplicate document id `ok` (also used by ok.txt)",
        ]
    );
    assert!(out
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Error));
    assert_counts(&out);
}

#[test]
fn missing_folder_is_an_io_error() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(load_dir(&tmp.path().join("nope")).is_err());
}
