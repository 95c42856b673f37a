//! Parsing corpus files (plain text in the seed layouts, Markdown with front matter, JSON Lines) into documents.
//!
//! Which parser runs is decided by the extension, case-insensitively:
//! - `.txt`, `.text` and files with **no extension**: plain text ([`text`]). Scraped article
//!   dumps often have no extension, so such files are read rather than dropped; a binary file
//!   among them is reported as "not valid UTF-8".
//! - `.md`, `.markdown`: Markdown with optional YAML front matter ([`markdown`]).
//! - `.jsonl`, `.ndjson`: JSON Lines, one article per line ([`jsonl`]).
//! - anything else: skipped with a warning.
//!
//! Before parsing, every file is decoded as UTF-8 (an error names the line and column of the
//! first bad byte), a byte-order mark is dropped, CRLF and lone CR become LF, no-break spaces
//! (U+00A0, U+2007, U+202F) become plain spaces and trailing whitespace is trimmed from each
//! line. Otherwise body text is kept exactly as written.
//!
//! Document ids are the file's path relative to the corpus folder without its extension (for a
//! file at the top of the folder, its stem: `seeds/002_x.txt` -> `002_x`), so they are stable
//! across rebuilds and unique across sub-folders; JSON Lines records use their `id` field as
//! written (trimmed), or `stem-N` with N the 1-based line number.

pub mod body;
pub mod jsonl;
pub mod markdown;
pub mod text;

use crate::date::{parse_date, DateParse};
use crate::diag::Diagnostic;
use crate::model::Document;
use chrono::NaiveDate;

/// What one file yielded.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// Documents found (several for JSON Lines).
    pub documents: Vec<Document>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
    /// True when the file yielded no document: skipped as a whole (empty, unsupported extension)
    /// or rejected (not UTF-8). Every file is either skipped or yields at least one document.
    pub skipped: bool,
}

/// The extensions read as corpus files, for messages.
pub const SUPPORTED: &str = ".txt, .text, .md, .markdown, .jsonl, .ndjson or no extension";

/// Parses one corpus file. `path` is relative to the corpus folder and names the file in diagnostics.
pub fn parse_file(path: &str, bytes: &[u8]) -> Parsed {
    parse_file_at(path, bytes, None)
}

/// Like [`parse_file`], and when `today` is given, warns about documents dated after it
/// (they are kept, flagged by the warning).
pub fn parse_file_at(path: &str, bytes: &[u8], today: Option<NaiveDate>) -> Parsed {
    let mut parsed = Parsed::default();
    let kind = match Format::of(path) {
        Some(kind) => kind,
        None => {
            let ext = path.rsplit('/').next().unwrap_or(path);
            let ext = ext.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
            parsed.diagnostics.push(Diagnostic::warning(
                path,
                None,
                format!("unsupported file type `.{ext}` (expected {SUPPORTED}); skipped"),
            ));
            parsed.skipped = true;
            return parsed;
        }
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            let byte = bytes[e.valid_up_to()];
            parsed.diagnostics.push(Diagnostic::error(
                path,
                Some(line as u32),
                format!("not valid UTF-8: invalid byte 0x{byte:02X} at column {column}"),
            ));
            parsed.skipped = true;
            return parsed;
        }
    };
    let text = normalize(text);
    if text.trim().is_empty() {
        parsed
            .diagnostics
            .push(Diagnostic::warning(path, None, "empty file; skipped"));
        parsed.skipped = true;
        return parsed;
    }
    let id = stem_id(path);
    match kind {
        Format::Text => text::parse(path, &id, &text, today, &mut parsed),
        Format::Markdown => markdown::parse(path, &id, &text, today, &mut parsed),
        Format::JsonLines => jsonl::parse(path, &id, &text, today, &mut parsed),
    }
    if parsed.documents.is_empty() {
        parsed.skipped = true;
    }
    parsed
}

/// The layouts a file can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text in any of the seed layouts.
    Text,
    /// Markdown with optional YAML front matter.
    Markdown,
    /// JSON Lines, one article per line.
    JsonLines,
}

impl Format {
    /// The format of a file by its extension (case-insensitive); `None` when unsupported.
    pub fn of(path: &str) -> Option<Format> {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = match name.rsplit_once('.') {
            // `.profile`-like names have no extension, only a leading dot.
            Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
            _ => return Some(Format::Text),
        };
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// The document id of a file: its path relative to the corpus folder without the extension.
///
/// ```
/// assert_eq!(dossier_engine::parse::stem_id("002_x.txt"), "002_x");
/// assert_eq!(dossier_engine::parse::stem_id("2024/april/a.md"), "2024/april/a");
/// assert_eq!(dossier_engine::parse::stem_id("README"), "README");
/// ```
pub fn stem_id(path: &str) -> String {
    let (dir, name) = match path.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, path),
    };
    let stem = match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => name,
    };
    match dir {
        Some(d) => format!("{d}/{stem}"),
        None => stem.to_string(),
    }
}

/// Drops a byte-order mark, turns CRLF and CR into LF and no-break spaces into spaces, and
/// trims trailing whitespace from every line.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_end();
        for c in line.chars() {
            out.push(match c {
                '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
                c => c,
            });
        }
        // A no-break space may have hidden trailing whitespace from trim_end.
        let trimmed = out.trim_end_matches([' ', '\t']).len();
        out.truncate(trimmed);
    }
    out
}

/// Turns a date as written into a date, recording a warning when there is none, it is
/// impossible, or it is after `today` (then it is kept). `raw` is `None` when the document
/// gave no date at all; `line` is where the date was written.
pub(crate) fn resolve_date(
    raw: Option<&str>,
    path: &str,
    line: Option<u32>,
    today: Option<NaiveDate>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let Some(raw) = raw else {
        diagnostics.push(Diagnostic::warning(
            path,
            line,
            "no date found; kept as undated",
        ));
        return None;
    };
    match parse_date(raw) {
        DateParse::Valid(d) => {
            if let Some(today) = today.filter(|t| d > *t) {
                diagnostics.push(Diagnostic::warning(
                    path,
                    line,
                    format!("future date {d} (after the build day {today}); kept, flagged"),
                ));
            }
            Some(d)
        }
        DateParse::Impossible => {
            diagnostics.push(Diagnostic::warning(
                path,
                line,
                format!("impossible date `{}`; kept as undated", raw.trim()),
            ));
            None
        }
        DateParse::NotADate => {
            diagnostics.push(Diagnostic::warning(
                path,
                line,
                format!("unreadable date `{}`; kept as undated", raw.trim()),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    fn messages(p: &Parsed) -> Vec<String> {
        p.diagnostics.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn not_utf8_is_an_error_naming_line_and_column() {
        let p = parse_file("bad.txt", b" date 2024-04-02 ok\nab\xffc\n");
        assert!(p.skipped && p.documents.is_empty());
        assert_eq!(
            messages(&p),
            ["bad.txt:2: error: not valid UTF-8: invalid byte 0xFF at column 3"]
        );
        assert_eq!(p.diagnostics[0].severity, Severity::Error);
    }

    #[test]
    fn empty_file_is_skipped_with_a_warning() {
        for bytes in [&b""[..], b"  \n\n \t", b"\xef\xbb\xbf\r\n"] {
            let p = parse_file("empty.txt", bytes);
            assert!(p.skipped && p.documents.is_empty());
            assert_eq!(messages(&p), ["empty.txt: warning: empty file; skipped"]);
        }
    }

    #[test]
    fn unsupported_extension_is_skipped_with_a_warning() {
        let p = parse_file("photos/cover.png", b"\x89PNG");
        assert!(p.skipped && p.documents.is_empty());
        assert_eq!(
            messages(&p),
            ["photos/cover.png: warning: unsupported file type `.png` (expected .txt, .text, .md, .markdown, .jsonl, .ndjson or no extension); skipped"]
        );
    }

    #[test]
    fn extension_is_case_insensitive_and_extensionless_is_text() {
        assert_eq!(Format::of("A.TXT"), Some(Format::Text));
        assert_eq!(Format::of("a.Markdown"), Some(Format::Markdown));
        assert_eq!(Format::of("dir.d/a.NDJSON"), Some(Format::JsonLines));
        assert_eq!(Format::of("article"), Some(Format::Text));
        assert_eq!(Format::of("x.pdf"), None);
        let p = parse_file("article", b" date 2024-04-02 Text here.");
        assert_eq!(p.documents[0].id, "article");
    }

    #[test]
    fn no_date_is_a_warning_and_kept_undated() {
        let p = parse_file("nodate.txt", b"Just a sentence about Vilnius.");
        assert_eq!(p.documents.len(), 1);
        assert_eq!(p.documents[0].date, None);
        assert_eq!(
            messages(&p),
            ["nodate.txt: warning: no date found; kept as undated"]
        );
    }

    #[test]
    fn impossible_date_is_a_warning_naming_it() {
        let p = parse_file("feb.txt", b" date 2024-02-30 Text.");
        assert_eq!(p.documents.len(), 1);
        assert_eq!(p.documents[0].date, None);
        assert_eq!(p.documents[0].body, "Text.");
        assert_eq!(
            messages(&p),
            ["feb.txt:1: warning: impossible date `2024-02-30`; kept as undated"]
        );
    }

    #[test]
    fn future_date_is_kept_and_flagged() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22);
        let p = parse_file_at("f.txt", b" date 2030-01-01 Text.", today);
        assert_eq!(p.documents[0].date, NaiveDate::from_ymd_opt(2030, 1, 1));
        assert_eq!(
            messages(&p),
            ["f.txt:1: warning: future date 2030-01-01 (after the build day 2026-11-22); kept, flagged"]
        );
        let p = parse_file_at("f.txt", b" date 2026-11-22 Text.", today);
        assert!(p.diagnostics.is_empty());
        // Without a build day there is nothing to compare with.
        assert!(parse_file("f.txt", b" date 2030-01-01 Text.")
            .diagnostics
            .is_empty());
    }

    #[test]
    fn future_date_in_json_lines_names_the_line() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22);
        let p = parse_file_at(
            "f.jsonl",
            b"{\"text\":\"a\",\"date\":\"2020-01-01\"}\n{\"text\":\"b\",\"date\":\"2031-05-06\"}\n",
            today,
        );
        assert_eq!(
            messages(&p),
            ["f.jsonl:2: warning: future date 2031-05-06 (after the build day 2026-11-22); kept, flagged"]
        );
    }

    #[test]
    fn bom_is_stripped() {
        let p = parse_file("bom.txt", "\u{feff} date 2024-04-02 Body text.".as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(p.documents[0].body, "Body text.");
        assert!(!p.documents[0].title.starts_with('\u{feff}'));
    }

    #[test]
    fn crlf_is_handled() {
        let raw = "Title line here\r\n\r\n  \u{2022} 2021-02-10\r\n  \u{2022} BNS/TBT Staff\r\n\r\nVILNIUS \u{2013} First para.\r\n\r\nSecond para.\r\n";
        let p = parse_file("crlf.txt", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(d.title, "Title line here");
        assert_eq!(d.byline.as_deref(), Some("BNS/TBT Staff"));
        assert_eq!(d.body, "First para.\n\nSecond para.");
        assert!(!d.body.contains('\r'));
    }

    #[test]
    fn normalize_spaces_and_line_ends() {
        assert_eq!(normalize("a\u{a0} \r\nb\u{202f}c \rd\t"), "a\nb c\nd");
        assert_eq!(normalize("\u{feff}x"), "x");
    }

    #[test]
    fn ids() {
        assert_eq!(stem_id("a.b.txt"), "a.b");
        assert_eq!(stem_id("sub/dir/x.jsonl"), "sub/dir/x");
        assert_eq!(stem_id(".hidden"), ".hidden");
    }
}
