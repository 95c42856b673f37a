//! Markdown articles with optional YAML front matter.
//!
//! Front matter sits between a first line `---` and a closing `---` (or `...`). This reader
//! takes the YAML that article front matter uses: `key: value` lines with plain, `"double"`
//! (with `\"`, `\\`, `\n`, `\t` escapes) or `'single'` quoted values, `#` comments, a block
//! list (`- item` lines) or flow list (`[a, b]`) joined with `, `, and `|` / `>` blocks or
//! indented continuation lines joined with spaces. Known keys: `title`, `date`, `source`
//! (also `publisher`), `byline` (also `author`, `authors`), `url` (also `link`); others are
//! ignored with their nested lines. A line that is none of these, an unterminated quote, a
//! repeated known key or a front matter that never closes is a build error naming the line.
//!
//! The body: `#` and setext headings are headings (a first `# Heading` is the title when the
//! front matter gives none); list items and block quotes become paragraphs without their
//! markers; fenced code keeps its lines; lines of a paragraph are joined by spaces; thematic
//! breaks and HTML comments are dropped. Inline markup is reduced to its text: `[text](url)`
//! and `![alt](url)` to `text`/`alt`, `**`, `__`, `*…*` and backticks removed, `\*` escapes
//! resolved. Dateline, trailer and derived title as for plain text.

use super::body::{finish, Draft};
use super::{resolve_date, Parsed};
use crate::diag::Diagnostic;
use crate::model::BlockKind;
use chrono::NaiveDate;

/// Parses a normalised Markdown file into `out`.
pub fn parse(path: &str, id: &str, text: &str, today: Option<NaiveDate>, out: &mut Parsed) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut draft = Draft::default();
    let mut date: Option<(String, u32)> = None;
    let mut body_start = 0;
    if lines.first().map(|l| l.trim_end()) == Some("---") {
        let Some(close) = lines
            .iter()
            .skip(1)
            .position(|l| matches!(l.trim_end(), "---" | "..."))
        else {
            out.diagnostics.push(Diagnostic::error(
                path,
                Some(1),
                "malformed front matter: opened with `---` but never closed",
            ));
            return;
        };
        let close = close + 1;
        match front_matter(&lines[1..close]) {
            Ok(fields) => {
                for (key, value, line) in fields {
                    let line = line + 1; // front matter starts on file line 2
                    match key {
                        "title" => draft.title = Some(value),
                        "source" => draft.source = Some(value),
                        "byline" => draft.byline = Some(value),
                        "url" => draft.url = Some(value),
                        "date" => date = Some((value, line as u32)),
                        _ => unreachable!("front_matter returns known keys only"),
                    }
                }
            }
            Err((line, message)) => {
                out.diagnostics.push(Diagnostic::error(
                    path,
                    Some(line as u32 + 1),
                    format!("malformed front matter: {message}"),
                ));
                return;
            }
        }
        body_start = close + 1;
    }
    body_blocks(&lines[body_start..], &mut draft);
    match finish(draft, id, path) {
        Some(mut doc) => {
            doc.date = resolve_date(
                date.as_ref().map(|(raw, _)| raw.as_str()),
                path,
                date.as_ref().map(|(_, n)| *n),
                today,
                &mut out.diagnostics,
            );
            out.documents.push(doc);
        }
        None => out.diagnostics.push(Diagnostic::warning(
            path,
            None,
            "no article text after the front matter; skipped",
        )),
    }
}

/// The canonical name of a known front-matter key.
fn known_key(key: &str) -> Option<&'static str> {
    Some(match key.to_ascii_lowercase().as_str() {
        "title" => "title",
        "date" => "date",
        "source" | "publisher" => "source",
        "byline" | "author" | "authors" => "byline",
        "url" | "link" => "url",
        _ => return None,
    })
}

/// A known front-matter key, its value and its 1-based line within the front matter.
type Field = (&'static str, String, usize);

/// Reads front-matter lines into fields for the known keys with a non-empty value; an error
/// carries the 1-based line within the front matter.
fn front_matter(lines: &[&str]) -> Result<Vec<Field>, (usize, String)> {
    let mut fields: Vec<Field> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let n = i + 1;
        let line = lines[i];
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            i += 1;
            continue;
        }
        if line.starts_with([' ', '\t']) || t.starts_with("- ") || t == "-" {
            // Nested content of an ignored key.
            i += 1;
            continue;
        }
        let Some((key, raw)) = line.split_once(':') else {
            return Err((n, format!("expected `key: value`, found `{}`", shorten(t))));
        };
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || "_-".contains(c)) {
            return Err((n, format!("expected `key: value`, found `{}`", shorten(t))));
        }
        if !(raw.is_empty() || raw.starts_with([' ', '\t'])) {
            return Err((n, format!("expected a space after `{key}:`")));
        }
        i += 1;
        // Nested lines that belong to this key.
        let mut nested = Vec::new();
        while i < lines.len()
            && (lines[i].trim().is_empty()
                || lines[i].starts_with([' ', '\t'])
                || lines[i].trim_start().starts_with("- ")
                || lines[i].trim() == "-")
        {
            nested.push(lines[i].trim());
            i += 1;
        }
        while nested.last() == Some(&"") {
            nested.pop();
        }
        let Some(name) = known_key(key) else {
            continue;
        };
        if fields.iter().any(|(k, _, _)| *k == name) {
            return Err((n, format!("`{key}` given twice")));
        }
        let value = value(raw.trim(), &nested).map_err(|m| (n, format!("{m} for `{key}`")))?;
        if !value.is_empty() {
            fields.push((name, value, n));
        }
    }
    Ok(fields)
}

/// The value of one key from the rest of its line and its nested lines.
fn value(raw: &str, nested: &[&str]) -> Result<String, String> {
    let raw = strip_comment(raw);
    if raw.is_empty() || raw == "|" || raw == ">" || raw == "|-" || raw == ">-" {
        if nested.iter().any(|l| l.starts_with("- ") || *l == "-") {
            let items: Vec<String> = nested
                .iter()
                .filter(|l| !l.is_empty())
                .map(|l| scalar(l.trim_start_matches('-').trim()))
                .collect::<Result<_, _>>()?;
            return Ok(items.join(", "));
        }
        let words: Vec<&str> = nested.iter().copied().filter(|l| !l.is_empty()).collect();
        return Ok(words.join(" "));
    }
    if let Some(inner) = raw.strip_prefix('[') {
        let inner = inner
            .strip_suffix(']')
            .ok_or_else(|| "unterminated list".to_string())?;
        let items: Vec<String> = inner
            .split(',')
            .map(|s| scalar(s.trim()))
            .collect::<Result<_, _>>()?;
        return Ok(items
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "));
    }
    if raw.starts_with('{') {
        return Err("expected a single value, found a mapping".to_string());
    }
    let mut out = scalar(raw)?;
    // Plain multi-line scalars continue on indented lines.
    if !raw.starts_with(['"', '\'']) {
        for l in nested.iter().filter(|l| !l.is_empty()) {
            out.push(' ');
            out.push_str(l);
        }
    }
    Ok(out)
}

/// A plain or quoted scalar.
fn scalar(s: &str) -> Result<String, String> {
    if let Some(rest) = s.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    let tail = strip_comment(chars.as_str().trim());
                    if !tail.is_empty() {
                        return Err(format!("unexpected `{tail}` after the quoted value"));
                    }
                    return Ok(out);
                }
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(c) => out.push(c),
                    None => break,
                },
                c => out.push(c),
            }
        }
        return Err("unterminated quoted value".to_string());
    }
    if let Some(rest) = s.strip_prefix('\'') {
        let mut out = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    out.push('\'');
                    continue;
                }
                let tail: String = chars.collect();
                let tail = strip_comment(tail.trim());
                if !tail.is_empty() {
                    return Err(format!("unexpected `{tail}` after the quoted value"));
                }
                return Ok(out);
            }
            out.push(c);
        }
        return Err("unterminated quoted value".to_string());
    }
    Ok(strip_comment(s).to_string())
}

/// Drops a ` # comment` from a plain value.
fn strip_comment(s: &str) -> &str {
    if s.starts_with('#') {
        return "";
    }
    match s.find(" #") {
        Some(i) if !s.starts_with(['"', '\'']) => s[..i].trim_end(),
        _ => s,
    }
}

fn shorten(s: &str) -> String {
    super::body::shorten(s, 40)
}

/// Splits the Markdown body into blocks.
fn body_blocks(lines: &[&str], draft: &mut Draft) {
    let mut para: Vec<String> = Vec::new();
    let flush = |para: &mut Vec<String>, draft: &mut Draft| {
        if !para.is_empty() {
            let text = inline(&para.join(" "));
            draft.blocks.push((Some(BlockKind::Paragraph), text));
            para.clear();
        }
    };
    let mut i = 0;
    let mut in_comment = false;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        i += 1;
        if in_comment {
            if t.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if t.starts_with("<!--") {
            flush(&mut para, draft);
            in_comment = !t.contains("-->");
            continue;
        }
        if t.is_empty() {
            flush(&mut para, draft);
            continue;
        }
        // Fenced code.
        if t.starts_with("```") || t.starts_with("~~~") {
            flush(&mut para, draft);
            let fence = &t[..3];
            let mut code = Vec::new();
            while i < lines.len() && !lines[i].trim().starts_with(fence) {
                if !lines[i].trim().is_empty() {
                    code.push(lines[i].trim_end());
                }
                i += 1;
            }
            i += 1;
            if !code.is_empty() {
                draft
                    .blocks
                    .push((Some(BlockKind::Paragraph), code.join("\n")));
            }
            continue;
        }
        // ATX heading.
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with(' ')) {
            flush(&mut para, draft);
            let text = inline(t[hashes..].trim().trim_end_matches('#').trim());
            if text.is_empty() {
                continue;
            }
            if hashes == 1 && draft.title.is_none() && draft.blocks.is_empty() {
                draft.title = Some(text);
            } else {
                draft.blocks.push((Some(BlockKind::Heading), text));
            }
            continue;
        }
        // Thematic break.
        let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() >= 3
            && (compact.chars().all(|c| c == '-')
                || compact.chars().all(|c| c == '*')
                || compact.chars().all(|c| c == '_'))
            && para.is_empty()
        {
            continue;
        }
        // Setext heading: a paragraph line underlined with === or ---.
        if !para.is_empty()
            && para.len() == 1
            && !compact.is_empty()
            && (compact.chars().all(|c| c == '=') || compact.chars().all(|c| c == '-'))
        {
            let text = inline(&para.pop().expect("one line"));
            if compact.starts_with('=') && draft.title.is_none() && draft.blocks.is_empty() {
                draft.title = Some(text);
            } else {
                draft.blocks.push((Some(BlockKind::Heading), text));
            }
            continue;
        }
        // List items and block quotes: each item its own paragraph.
        if let Some(item) = list_item(t) {
            flush(&mut para, draft);
            para.push(item.to_string());
            continue;
        }
        if let Some(q) = t.strip_prefix('>') {
            let q = q.trim();
            if !q.is_empty() {
                para.push(q.to_string());
            }
            continue;
        }
        para.push(t.to_string());
    }
    flush(&mut para, draft);
}

fn list_item(t: &str) -> Option<&str> {
    for m in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(m) {
            return Some(rest.trim());
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim());
        }
    }
    None
}

/// Longest link text looked for, in characters.
const LINK_TEXT_MAX: usize = 1000;
/// Longest link target looked for, in characters.
const LINK_URL_MAX: usize = 4000;

/// Reduces inline Markdown to its text.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                i += 1; // the link rule below keeps the alt text
            }
            '[' => {
                // [text](url) -> text
                // Bounded look-ahead keeps a line full of `[` linear.
                let window = &chars[i + 1..chars.len().min(i + 1 + LINK_TEXT_MAX)];
                if let Some(close) = window.iter().position(|&c| c == ']') {
                    let close = i + 1 + close;
                    let target = &chars
                        [(close + 2).min(chars.len())..chars.len().min(close + 2 + LINK_URL_MAX)];
                    if chars.get(close + 1) == Some(&'(') {
                        if let Some(end) = target.iter().position(|&c| c == ')') {
                            let text: String = chars[i + 1..close].iter().collect();
                            out.push_str(&inline(&text));
                            i = close + 2 + end + 1;
                            continue;
                        }
                    }
                }
                out.push(c);
                i += 1;
            }
            '`' => i += 1,
            '*' | '_' => {
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + run).copied();
                let space_or_none = |x: Option<char>| x.is_none_or(|x| x.is_whitespace());
                let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
                // An emphasis marker opens before a word or closes after one; `_` inside a
                // word (snake_case) and a lone `*` between spaces are text.
                let opens = space_or_none(before) || !word(before);
                let closes = space_or_none(after) || !word(after);
                let marker = !(space_or_none(before) && space_or_none(after))
                    && (c == '*' || opens || closes)
                    && !(c == '_' && word(before) && word(after));
                if !marker {
                    for _ in 0..run {
                        out.push(c);
                    }
                }
                i += run;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_file;
    use chrono::NaiveDate;

    fn messages(p: &Parsed) -> Vec<String> {
        p.diagnostics.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn front_matter_and_body() {
        let raw = r#"---
title: "Rutte backed by 28 allies"
date: 2024-04-03
source: Romania Insider # the outlet
byline:
  - Iulian Ernst
  - Jane Doe
url: https://www.romania-insider.com/rutte
tags: [nato, rutte]
extra:
  nested: value
---

VILNIUS – After both Lithuania and **Estonia** indicated their support, see [the report](https://x.org).

## What comes next

* First item
* Second item with `code`

(Photo source: Presidency.ro)
"#;
        let p = parse_file("news/rutte.md", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(d.id, "news/rutte");
        assert_eq!(d.title, "Rutte backed by 28 allies");
        assert!(!d.title_derived);
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 4, 3));
        assert_eq!(d.source.as_deref(), Some("Romania Insider"));
        assert_eq!(d.byline.as_deref(), Some("Iulian Ernst, Jane Doe"));
        assert_eq!(
            d.url.as_deref(),
            Some("https://www.romania-insider.com/rutte")
        );
        assert_eq!(d.dateline.as_deref(), Some("VILNIUS"));
        assert_eq!(d.trailer, ["(Photo source: Presidency.ro)"]);
        assert_eq!(
            d.body,
            "After both Lithuania and Estonia indicated their support, see the report.\n\nWhat comes next\n\nFirst item\n\nSecond item with code"
        );
        assert_eq!(d.blocks[1].kind, BlockKind::Heading);
    }

    #[test]
    fn h1_is_the_title_without_front_matter() {
        let raw = "# Baltic ministers meet\n\nThe ministers met in Riga.\nThey talked.\n";
        let p = parse_file("a.markdown", raw.as_bytes());
        let d = &p.documents[0];
        assert_eq!(d.title, "Baltic ministers meet");
        assert_eq!(d.body, "The ministers met in Riga. They talked.");
        assert_eq!(
            messages(&p),
            ["a.markdown: warning: no date found; kept as undated"]
        );
    }

    #[test]
    fn malformed_front_matter_names_the_line() {
        let cases = [
            ("---\ntitle: ok\nthis is not yaml\n---\nBody.", "m.md:3: error: malformed front matter: expected `key: value`, found `this is not yaml`"),
            ("---\ntitle: \"unterminated\n---\nBody.", "m.md:2: error: malformed front matter: unterminated quoted value for `title`"),
            ("---\ntitle: a\ndate: 2024-04-02\n", "m.md:1: error: malformed front matter: opened with `---` but never closed"),
            ("---\ntitle: a\ntitle: b\n---\nBody.", "m.md:3: error: malformed front matter: `title` given twice"),
            ("---\ntitle: {a: b}\n---\nBody.", "m.md:2: error: malformed front matter: expected a single value, found a mapping for `title`"),
        ];
        for (raw, want) in cases {
            let p = parse_file("m.md", raw.as_bytes());
            assert!(p.documents.is_empty() && p.skipped, "{raw}");
            assert_eq!(messages(&p), [want], "{raw}");
        }
    }

    #[test]
    fn front_matter_date_problems_name_the_line() {
        let p = parse_file("d.md", b"---\ntitle: T\ndate: 2024-02-30\n---\nBody.");
        assert_eq!(
            messages(&p),
            ["d.md:3: warning: impossible date `2024-02-30`; kept as undated"]
        );
        let p = parse_file("d.md", b"---\ndate: '2 April 2024'\n---\nBody.");
        assert!(p.diagnostics.is_empty());
        assert_eq!(p.documents[0].date, NaiveDate::from_ymd_opt(2024, 4, 2));
    }

    #[test]
    fn inline_markup() {
        assert_eq!(inline("**bold** and *em* and _em_"), "bold and em and em");
        assert_eq!(inline("snake_case_name stays"), "snake_case_name stays");
        assert_eq!(inline("2 * 3 = 6"), "2 * 3 = 6");
        assert_eq!(inline("![a photo](x.png) \\*lit\\*"), "a photo *lit*");
        assert_eq!(inline("[unclosed link"), "[unclosed link");
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "<script>alert(1)</script>"
        );
    }

    #[test]
    fn one_megabyte_line_of_unclosed_markup() {
        let line = "[*_`".repeat(256 * 1024);
        let p = parse_file("big.md", line.as_bytes());
        assert_eq!(p.documents.len(), 1);
        assert!(p.documents[0].body.starts_with("[[[["));
    }

    #[test]
    fn setext_and_code() {
        let raw = "Title\n=====\n\nIntro text.\n\nSection\n-------\n\n```\nlet x = 1;\n\nlet y = 2;\n```\n";
        let d = &parse_file("s.md", raw.as_bytes()).documents[0];
        assert_eq!(d.title, "Title");
        assert_eq!(d.body, "Intro text.\n\nSection\n\nlet x = 1;\nlet y = 2;");
        assert_eq!(d.blocks[1].kind, BlockKind::Heading);
    }
}
