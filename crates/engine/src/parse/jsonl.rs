//! JSON Lines: one article per line, an object with `text` plus any of `id`, `title`, `date`,
//! `source`, `byline` (or `author`), `url`. Other fields are ignored; blank lines are skipped.
//!
//! `id` may be a string (used as written, trimmed, so links made from a feed's own ids keep
//! working; it must not hold control characters) or an integer; without one the record is
//! `stem-N`, N its 1-based line. A line that is not a JSON object, lacks a `text` string, or
//! has a known field of the wrong type is a build error naming the line. The text goes
//! through the same body steps as plain text (blocks at blank lines, dateline, trailer,
//! headings, derived title).

use super::body::{finish, Draft};
use super::text::push_blocks;
use super::{normalize, resolve_date, Parsed};
use crate::diag::Diagnostic;
use chrono::NaiveDate;
use serde_json::Value;

/// Parses a normalised JSON Lines file into `out`.
pub fn parse(path: &str, stem: &str, text: &str, today: Option<NaiveDate>, out: &mut Parsed) {
    for (i, line) in text.split('\n').enumerate() {
        let n = i as u32 + 1;
        if line.trim().is_empty() {
            continue;
        }
        match record(path, stem, n, line, today, out) {
            Ok(()) => {}
            Err(message) => out
                .diagnostics
                .push(Diagnostic::error(path, Some(n), message)),
        }
    }
}

fn record(
    path: &str,
    stem: &str,
    n: u32,
    line: &str,
    today: Option<NaiveDate>,
    out: &mut Parsed,
) -> Result<(), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        format!("malformed JSON line: {msg} at column {}", e.column())
    })?;
    let Value::Object(map) = value else {
        return Err(format!(
            "malformed JSON line: expected an object, found {}",
            kind(&value)
        ));
    };
    let field = |name: &str| -> Result<Option<String>, String> {
        match map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => {
                Ok(Some(normalize(s).trim().to_string()).filter(|s| !s.is_empty()))
            }
            Some(other) => Err(format!("`{name}` must be a string, found {}", kind(other))),
        }
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => normalize(s),
        Some(other) => return Err(format!("`text` must be a string, found {}", kind(other))),
        None => return Err("record has no `text` field".to_string()),
    };
    let id = match map.get("id") {
        None | Some(Value::Null) => format!("{stem}-{n}"),
        Some(Value::String(s)) if s.chars().any(char::is_control) => {
            return Err("`id` must not contain control characters".to_string())
        }
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(num)) if num.is_u64() || num.is_i64() => num.to_string(),
        Some(other) => {
            return Err(format!(
                "`id` must be a non-empty string or an integer, found {}",
                kind(other)
            ))
        }
    };
    let byline = match field("byline")? {
        Some(b) => Some(b),
        None => field("author")?,
    };
    let mut draft = Draft {
        title: field("title")?,
        byline,
        source: field("source")?,
        url: field("url")?,
        ..Draft::default()
    };
    let date = field("date")?;
    push_blocks(text.split('\n'), &mut draft);
    let origin = format!("{path}:{n}");
    match finish(draft, &id, &origin) {
        Some(mut doc) => {
            doc.date = resolve_date(date.as_deref(), path, Some(n), today, &mut out.diagnostics);
            out.documents.push(doc);
        }
        None => out.diagnostics.push(Diagnostic::warning(
            path,
            Some(n),
            "record has no text and no title; skipped",
        )),
    }
    Ok(())
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_file;
    use chrono::NaiveDate;

    fn messages(p: &crate::parse::Parsed) -> Vec<String> {
        p.diagnostics.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn records_with_and_without_ids() {
        let raw = r#"{"id":"rutte-vilnius","title":"Rutte in Vilnius","date":"April 2, 2024","source":"LRT","byline":"Jane Doe","url":"https://lrt.lt/a","text":"VILNIUS – Rutte met Nauseda.\n\nMore text."}

{"text":"Second record without metadata. It has two sentences.","date":"2024-04-03T10:00:00Z"}
{"id":7,"text":"Third.","date":"2 Apr. 2024","extra":[1,2]}
"#;
        let p = parse_file("feed.jsonl", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let ids: Vec<_> = p.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["rutte-vilnius", "feed-3", "7"]);
        let d = &p.documents[0];
        assert_eq!(d.title, "Rutte in Vilnius");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 4, 2));
        assert_eq!(d.source.as_deref(), Some("LRT"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.url.as_deref(), Some("https://lrt.lt/a"));
        assert_eq!(d.dateline.as_deref(), Some("VILNIUS"));
        assert_eq!(d.body, "Rutte met Nauseda.\n\nMore text.");
        assert_eq!(d.origin, "feed.jsonl:1");
        let d = &p.documents[1];
        assert_eq!(d.title, "Second record without metadata");
        assert!(d.title_derived);
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 4, 3));
        assert_eq!(d.origin, "feed.jsonl:3");
    }

    #[test]
    fn malformed_line_is_an_error_with_its_line() {
        let raw = "{\"text\":\"ok\",\"date\":\"2024-04-02\"}\n{\"text\": \"broken\n";
        let p = parse_file("bad.jsonl", raw.as_bytes());
        assert_eq!(p.documents.len(), 1);
        assert_eq!(
            messages(&p),
            ["bad.jsonl:2: error: malformed JSON line: EOF while parsing a string at column 16"]
        );
    }

    #[test]
    fn wrong_shapes_are_errors() {
        let raw = "[1,2]\n{\"title\":\"x\"}\n{\"text\":5}\n{\"text\":\"a\",\"date\":20240402}\n{\"text\":\"a\",\"id\":\"\"}\n{\"text\":\"a\",\"id\":\"a\\nb\"}\n";
        let p = parse_file("shapes.jsonl", raw.as_bytes());
        assert!(p.documents.is_empty() && p.skipped);
        assert_eq!(
            messages(&p),
            [
                "shapes.jsonl:1: error: malformed JSON line: expected an object, found an array",
                "shapes.jsonl:2: error: record has no `text` field",
                "shapes.jsonl:3: error: `text` must be a string, found a number",
                "shapes.jsonl:4: error: `date` must be a string, found a number",
                "shapes.jsonl:5: error: `id` must be a non-empty string or an integer, found a string",
                "shapes.jsonl:6: error: `id` must not contain control characters",
            ]
        );
    }

    #[test]
    fn missing_and_impossible_dates_name_the_line() {
        let raw = "{\"text\":\"a\"}\n{\"text\":\"b\",\"date\":\"2024-02-30\"}\n";
        let p = parse_file("d.jsonl", raw.as_bytes());
        assert_eq!(p.documents.len(), 2);
        assert_eq!(
            messages(&p),
            [
                "d.jsonl:1: warning: no date found; kept as undated",
                "d.jsonl:2: warning: impossible date `2024-02-30`; kept as undated",
            ]
        );
    }

    #[test]
    fn crlf_and_bom() {
        let raw = "\u{feff}{\"text\":\"a\\r\\nb\",\"date\":\"2024-04-02\"}\r\n{\"text\":\"c\",\"date\":\"2024-04-02\"}\r\n";
        let p = parse_file("c.jsonl", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(p.documents.len(), 2);
        assert_eq!(p.documents[0].body, "a\n\nb");
    }
}
