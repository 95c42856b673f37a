//! Plain-text articles in the layouts the seeds use, and their common relatives.
//!
//! A file is read top to bottom:
//! 1. **Header lines** (optional, before anything else): ` date 2024-04-02` (the article text
//!    may follow the date on the same line, as in the seeds), a line that is only a date, or
//!    `Date:`, `Title:`, `Source:`, `Byline:`/`Author:`/`By:`, `URL:`/`Link:` and a value.
//! 2. **Title block** (optional): a line followed by `•` bullets (a date, then a byline; a
//!    bullet holding an address is the url; further bullets go to the trailer). Without
//!    bullets, a first line of at most 20 words that does not end in `.`, `,`, `;` or `:`, with
//!    a blank line or a date or byline line under it, is the title; lines right after it that
//!    are only a date, `By …`, or both split by `|`, `·` or `•`, are the date and byline.
//! 3. **Body**: blocks separated by blank lines. A block of several lines is one hard-wrapped
//!    paragraph (lines joined by a space) when every line but the last is 40 to 100 characters
//!    long and not all of them end a sentence; otherwise each line is its own block (seed 003
//!    has one paragraph per line).
//!
//! The shared steps of [`super::body::finish`] then take the dateline, trailer, headings,
//! derived title and inferred source.

use super::body::{finish, Draft};
use super::{resolve_date, Parsed};
use crate::date::{parse_date, parse_date_prefix, DateParse};
use crate::diag::Diagnostic;
use chrono::NaiveDate;

/// Parses a normalised plain-text file into `out`.
pub fn parse(path: &str, id: &str, text: &str, today: Option<NaiveDate>, out: &mut Parsed) {
    let mut draft = Draft::default();
    let mut date: Option<(String, u32)> = None;
    // (1-based line number, text) of every line still to read.
    let mut lines: Vec<(u32, String)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.to_string()))
        .collect();
    lines.reverse(); // pop from the front cheaply
    let skip_blank = |lines: &mut Vec<(u32, String)>| {
        while lines.last().is_some_and(|(_, l)| l.trim().is_empty()) {
            lines.pop();
        }
    };

    // 1. Header lines.
    loop {
        skip_blank(&mut lines);
        let Some((n, line)) = lines.last().cloned() else {
            break;
        };
        if date.is_none() && parse_date(&line) != DateParse::NotADate {
            // A line that is only a date.
            date = Some((line.trim().to_string(), n));
            lines.pop();
            continue;
        }
        let Some((key, value, colon)) = header_field(&line) else {
            break;
        };
        match key {
            Key::Date => {
                let (raw, rest) = match parse_date_prefix(value) {
                    Some((_, len)) => (&value[..len], value[len..].trim()),
                    None if colon => (value, ""),
                    None => break, // "Date palms grow…": body text.
                };
                if date.is_some() {
                    break;
                }
                date = Some((raw.to_string(), n));
                lines.pop();
                if !rest.is_empty() {
                    lines.push((n, rest.to_string()));
                    break;
                }
            }
            _ if !colon => break,
            Key::Title => set_once(&mut draft.title, value),
            Key::Source => set_once(&mut draft.source, value),
            Key::Byline => set_once(&mut draft.byline, value),
            Key::Url => set_once(&mut draft.url, value),
        }
        if key != Key::Date {
            lines.pop();
        }
    }

    // 2. Title block.
    skip_blank(&mut lines);
    if draft.title.is_none() {
        if let Some((_, first)) = lines.last().cloned() {
            let after: Vec<&(u32, String)> = lines.iter().rev().skip(1).collect();
            let blank_after = after.first().is_none_or(|(_, l)| l.trim().is_empty());
            let next = after.iter().find(|(_, l)| !l.trim().is_empty());
            let starts_with_bullet = bullet(&first).is_some();
            if starts_with_bullet || next.is_some_and(|(_, l)| bullet(l).is_some()) {
                if !starts_with_bullet {
                    draft.title = Some(first.trim().to_string());
                    lines.pop();
                }
                loop {
                    skip_blank(&mut lines);
                    let Some((n, line)) = lines.last().cloned() else {
                        break;
                    };
                    let Some(value) = bullet(&line) else {
                        break;
                    };
                    lines.pop();
                    take_meta(value, n, &mut draft, &mut date, true);
                }
            } else if (blank_after
                || after
                    .first()
                    .is_some_and(|(_, l)| meta_line(l, &draft, date.is_some())))
                && next.is_some()
                && title_like(&first)
            {
                draft.title = Some(first.trim().to_string());
                lines.pop();
                loop {
                    skip_blank(&mut lines);
                    let Some((n, line)) = lines.last().cloned() else {
                        break;
                    };
                    let line = line.trim();
                    if !meta_line(line, &draft, date.is_some()) {
                        break;
                    }
                    lines.pop();
                    take_meta(line, n, &mut draft, &mut date, false);
                }
            }
        }
    }

    // 3. Body.
    lines.reverse();
    push_blocks(lines.iter().map(|(_, l)| l.as_str()), &mut draft);

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
            "no article text after the header; skipped",
        )),
    }
}

/// Splits body lines into blocks at blank lines; a block of several lines is one hard-wrapped
/// paragraph when every line but the last is 40 to 100 characters long, otherwise each line is
/// its own block (also when every such line ends a sentence: one paragraph per line). Block
/// kinds are left to the heading rule.
pub(crate) fn push_blocks<'a>(lines: impl Iterator<Item = &'a str>, draft: &mut Draft) {
    let lines: Vec<&str> = lines.map(str::trim).collect();
    for chunk in lines.split(|l| l.is_empty()) {
        if chunk.is_empty() {
            continue;
        }
        let inner = &chunk[..chunk.len().saturating_sub(1)];
        let wrapped = !inner.is_empty()
            && inner
                .iter()
                .all(|l| (40..=100).contains(&l.chars().count()))
            && !inner.iter().all(|l| ends_sentence(l));
        if wrapped {
            draft.blocks.push((None, chunk.join(" ")));
        } else {
            for l in chunk {
                draft.blocks.push((None, l.to_string()));
            }
        }
    }
}

/// True when a line ends a sentence: `.`, `!`, `?` or `…`, possibly inside closing quotes.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Date,
    Title,
    Source,
    Byline,
    Url,
}

/// `key value` / `key: value` at the start of a header line: the key, the value and whether a
/// colon followed the key.
fn header_field(line: &str) -> Option<(Key, &str, bool)> {
    let t = line.trim_start();
    let word_len = t
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(t.len());
    let key = match t[..word_len].to_ascii_lowercase().as_str() {
        "date" | "published" => Key::Date,
        "title" | "headline" => Key::Title,
        "source" | "publisher" => Key::Source,
        "byline" | "author" | "by" => Key::Byline,
        "url" | "link" => Key::Url,
        _ => return None,
    };
    let rest = &t[word_len..];
    let (rest, colon) = match rest.strip_prefix(':') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    if !colon && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let value = rest.trim();
    (!value.is_empty()).then_some((key, value, colon))
}

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = Some(value.to_string());
    }
}

/// The text of a `•` bullet line.
fn bullet(line: &str) -> Option<&str> {
    line.trim_start()
        .strip_prefix('\u{2022}')
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// What splits several metadata values written on one line (`By Jane Doe | March 5, 2024`).
const META_SEPARATORS: [&str; 3] = [" | ", " · ", " • "];

/// Files a metadata value found under the title: a date, an address, a byline, else trailer.
fn take_meta(
    value: &str,
    line: u32,
    draft: &mut Draft,
    date: &mut Option<(String, u32)>,
    extra_to_trailer: bool,
) {
    // `By Jane Doe | March 5, 2024`: several values on one line, each filed on its own.
    if let Some(sep) = META_SEPARATORS.into_iter().find(|s| value.contains(s)) {
        for part in value.split(sep).map(str::trim).filter(|p| !p.is_empty()) {
            take_meta(part, line, draft, date, extra_to_trailer);
        }
        return;
    }
    // A labelled value (`date 2023-08-08`, `Byline: Jane Doe`, `URL: https://…`) files under its
    // label when the rest fits it.
    let (label, rest) = labelled(value);
    match label {
        Some(Label::Date) if date.is_none() && parse_date(rest) != DateParse::NotADate => {
            *date = Some((rest.to_string(), line));
            return;
        }
        Some(Label::Byline) if draft.byline.is_none() => {
            draft.byline = Some(rest.to_string());
            return;
        }
        Some(Label::Url)
            if draft.url.is_none()
                && (rest.starts_with("http://") || rest.starts_with("https://")) =>
        {
            draft.url = Some(rest.to_string());
            return;
        }
        _ => {}
    }
    if date.is_none() && parse_date(value) != DateParse::NotADate {
        *date = Some((value.to_string(), line));
    } else if draft.url.is_none() && (value.starts_with("http://") || value.starts_with("https://"))
    {
        draft.url = Some(value.to_string());
    } else if draft.byline.is_none() {
        let v = value.strip_prefix("By ").unwrap_or(value).trim();
        draft.byline = Some(v.to_string());
    } else if extra_to_trailer {
        draft.trailer.push(value.to_string());
    }
}

/// What a metadata label says its value is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    Date,
    Byline,
    Url,
}

/// Splits a leading label (`date`, `Published:`, `byline`, `Author:`, `URL:`) from a metadata
/// value; `None` and the whole value when it has none.
fn labelled(value: &str) -> (Option<Label>, &str) {
    let (word, rest) = value
        .split_once(|c: char| c == ':' || c.is_whitespace())
        .unwrap_or((value, ""));
    let rest = rest.trim_start_matches(':').trim();
    let label = match word.to_ascii_lowercase().as_str() {
        "date" | "dated" | "published" | "posted" => Label::Date,
        "byline" | "author" | "authors" | "writer" => Label::Byline,
        "url" | "link" => Label::Url,
        _ => return (None, value),
    };
    if rest.is_empty() {
        (None, value)
    } else {
        (Some(label), rest)
    }
}

/// A line under a title that holds only a date, a `By …` byline, or both split by `|`, `·`
/// or `•` (`Oct. 30, 2024 | By Jane Doe`), for the slots still empty.
fn meta_line(line: &str, draft: &Draft, dated: bool) -> bool {
    let line = line.trim();
    let is_date = |p: &str| !dated && parse_date(p) != DateParse::NotADate;
    let is_by = |p: &str| {
        draft.byline.is_none() && p.starts_with("By ") && p.split_whitespace().count() <= 8
    };
    if is_date(line) || is_by(line) {
        return true;
    }
    META_SEPARATORS.into_iter().any(|sep| {
        let parts: Vec<&str> = line.split(sep).map(str::trim).collect();
        parts.len() >= 2
            && parts.iter().filter(|p| is_date(p)).count() <= 1
            && parts.iter().filter(|p| is_by(p)).count() <= 1
            && parts.iter().all(|p| is_date(p) || is_by(p))
    })
}

/// A first line that reads as a headline rather than a sentence.
fn title_like(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=20).contains(&words)
        && t.chars().count() <= 150
        && t.chars().any(char::is_alphabetic)
        && !t.ends_with(['.', ',', ';', ':'])
        && parse_date(t) == DateParse::NotADate
        && super::body::split_dateline(t).is_none()
}

#[cfg(test)]
mod tests {
    use crate::model::BlockKind;
    use crate::parse::parse_file;
    use chrono::NaiveDate;

    fn day(s: &str) -> Option<NaiveDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn date_header_with_body_on_the_same_line() {
        let raw = " date 2024-04-02 On Tuesday, the president met the prime minister in Vilnius, endorsing him as the next secretary general. More text.\n\nStrengthening the Eastern Flank\n\nDuring their meeting, they talked.";
        let p = parse_file("000.txt", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(d.id, "000");
        assert_eq!(d.date, day("2024-04-02"));
        assert!(d.title_derived);
        assert_eq!(
            d.title,
            "On Tuesday, the president met the prime minister in Vilnius, endorsing him as…"
        );
        assert!(d.body.starts_with("On Tuesday,"));
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(
            d.block_text(&d.blocks[1]),
            "Strengthening the Eastern Flank"
        );
    }

    #[test]
    fn title_with_bullets_and_dateline() {
        let raw = "Lithuanian formin, NATO secgen discuss Baltic security issues\n\n  \u{2022} 2021-01-26\n  \u{2022} BNS/TBT Staff\n\nVILNIUS - Lithuania's Foreign Minister visited NATO.\n\nSecond paragraph.\n";
        let p = parse_file("004.txt", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(
            d.title,
            "Lithuanian formin, NATO secgen discuss Baltic security issues"
        );
        assert!(!d.title_derived);
        assert_eq!(d.date, day("2021-01-26"));
        assert_eq!(d.byline.as_deref(), Some("BNS/TBT Staff"));
        assert_eq!(d.source.as_deref(), Some("BNS/TBT"));
        assert_eq!(d.dateline.as_deref(), Some("VILNIUS"));
        assert_eq!(
            d.body,
            "Lithuania's Foreign Minister visited NATO.\n\nSecond paragraph."
        );
    }

    #[test]
    fn byline_and_date_on_one_line_split_at_the_bar() {
        let raw = "Markets rally as inflation cools\n\nBy Jane Doe | March 5, 2024\n\nNEW YORK (Reuters) - Stocks rallied.\n";
        let p = parse_file("a.txt", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(d.date, day("2024-03-05"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.title, "Markets rally as inflation cools");
    }

    #[test]
    fn labelled_bullets_file_under_their_label() {
        let raw = "Harbour strike ends in Gdansk\n\n  \u{2022} date 2023-08-08\n  \u{2022} Byline: Ola Nowak\n  \u{2022} URL: https://example.org/strike\n\nGDANSK - Dockers returned to work.\n";
        let p = parse_file("s.txt", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(d.date, day("2023-08-08"));
        assert_eq!(d.byline.as_deref(), Some("Ola Nowak"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/strike"));
        assert_eq!(d.body, "Dockers returned to work.");
    }

    #[test]
    fn en_dash_dateline_and_no_break_spaces() {
        let raw = "Headline here\n\n  \u{2022} 2021-02-10\n  \u{2022} BNS/TBT Staff\n\nVILNIUS \u{2013} NATO must act, he said.\u{a0} \n\n\u{201c}Quote,\u{201d} he said.\u{a0}";
        let d = &parse_file("002.txt", raw.as_bytes()).documents[0];
        assert_eq!(d.dateline.as_deref(), Some("VILNIUS"));
        assert_eq!(
            d.body,
            "NATO must act, he said.\n\n\u{201c}Quote,\u{201d} he said."
        );
    }

    #[test]
    fn trailing_contact_and_credit_lines_go_to_the_trailer() {
        let raw = " date 2024-04-03 After both Lithuania and Estonia indicated support, Rutte is backed.\n\nShe said so.\n\niulian@romania-insider.com\n\n(Photo source: Presidency.ro)";
        let d = &parse_file("001.txt", raw.as_bytes()).documents[0];
        assert_eq!(
            d.trailer,
            [
                "iulian@romania-insider.com",
                "(Photo source: Presidency.ro)"
            ]
        );
        assert_eq!(
            d.body,
            "After both Lithuania and Estonia indicated support, Rutte is backed.\n\nShe said so."
        );
        assert_eq!(d.source.as_deref(), Some("romania-insider.com"));
    }

    #[test]
    fn one_paragraph_per_line() {
        let raw = " date 2025-02-11 The prime minister and the secretary general discussed key security and defence issues today.\n\"The benchmark is now a thing of the past, as aggression has rendered it insufficient,\" he said.\nAt the end of the call, they agreed to hold a meeting.";
        let d = &parse_file("003.txt", raw.as_bytes()).documents[0];
        assert_eq!(d.blocks.len(), 3);
        assert!(d.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
        assert_eq!(
            d.block_text(&d.blocks[2]),
            "At the end of the call, they agreed to hold a meeting."
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let raw = "Date: April 2, 2024\n\nThe minister said on Tuesday that the alliance would\nstrengthen its eastern flank in the coming months, and\nthat air defence was a priority.\n\nSecond.";
        let d = &parse_file("w.txt", raw.as_bytes()).documents[0];
        assert_eq!(d.date, day("2024-04-02"));
        assert_eq!(d.body, "The minister said on Tuesday that the alliance would strengthen its eastern flank in the coming months, and that air defence was a priority.\n\nSecond.");
    }

    #[test]
    fn title_line_then_date_and_by_lines() {
        let raw = "Baltic ministers meet in Riga\n\nApril 2, 2024\nBy Jane Doe\n\nRIGA, Latvia — The ministers met.\n";
        let p = parse_file("t.txt", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(d.title, "Baltic ministers meet in Riga");
        assert!(!d.title_derived);
        assert_eq!(d.date, day("2024-04-02"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.dateline.as_deref(), Some("RIGA, Latvia"));
        assert_eq!(d.body, "The ministers met.");
        assert_eq!(d.source, None);
    }

    #[test]
    fn date_only_first_line() {
        let raw = "Tuesday, April 2, 2024\n\nBaltic ministers meet\n\nThe ministers met.";
        let p = parse_file("t.txt", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(d.date, day("2024-04-02"));
        assert_eq!(d.title, "Baltic ministers meet");
        assert_eq!(d.body, "The ministers met.");
    }

    #[test]
    fn bullets_without_a_title() {
        let raw = "  \u{2022} 2021-02-10\n  \u{2022} BNS/TBT Staff\n  \u{2022} https://example.org/a\n  \u{2022} extra\n\nVILNIUS - Text here.";
        let p = parse_file("b.txt", raw.as_bytes());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let d = &p.documents[0];
        assert_eq!(d.date, day("2021-02-10"));
        assert_eq!(d.byline.as_deref(), Some("BNS/TBT Staff"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(d.trailer, ["extra"]);
        assert_eq!(d.title, "Text here");
        assert!(d.title_derived);
    }

    #[test]
    fn colon_headers() {
        let raw = "Title: A title\nSource: LRT\nAuthor: Jane Doe\nURL: https://example.org/a\nDate: 2 April 2024\n\nBody text.";
        let d = &parse_file("h.txt", raw.as_bytes()).documents[0];
        assert_eq!(d.title, "A title");
        assert_eq!(d.source.as_deref(), Some("LRT"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(d.date, day("2024-04-02"));
        assert_eq!(d.body, "Body text.");
    }

    #[test]
    fn a_sentence_starting_with_date_is_body() {
        let raw = "Date palms grow in the south of the country, officials said.";
        let p = parse_file("d.txt", raw.as_bytes());
        assert_eq!(p.documents[0].body, raw);
        assert_eq!(
            p.diagnostics[0].to_string(),
            "d.txt: warning: no date found; kept as undated"
        );
    }

    #[test]
    fn unreadable_date_header_is_a_warning() {
        let p = parse_file("d.txt", b"Date: yesterday\n\nBody.");
        assert_eq!(p.documents[0].body, "Body.");
        assert_eq!(
            p.diagnostics[0].to_string(),
            "d.txt:1: warning: unreadable date `yesterday`; kept as undated"
        );
    }

    #[test]
    fn header_without_text_is_skipped() {
        let p = parse_file("h.txt", b" date 2024-04-02\n\n");
        assert!(p.skipped && p.documents.is_empty());
        assert_eq!(
            p.diagnostics[0].to_string(),
            "h.txt: warning: no article text after the header; skipped"
        );
    }

    #[test]
    fn one_huge_line() {
        let raw = format!(" date 2024-04-02 {}", "word ".repeat(200_000));
        let d = &parse_file("big.txt", raw.as_bytes()).documents[0];
        assert_eq!(d.blocks.len(), 1);
        assert!(d.title.ends_with('…'));
        assert!(d.title.chars().count() <= 81);
    }

    #[test]
    fn a_title_with_its_date_and_byline_right_under_it() {
        for (raw, byline) in [
            ("Floods hit Valencia\nPublished Wed 30 Oct 2024 14.02 GMT\n\nFlash floods killed dozens.\n", None),
            ("Floods hit Valencia\n\nOct. 30, 2024 | By Maria Lopez\n\nFlash floods killed dozens.\n", Some("Maria Lopez")),
            ("Floods hit Valencia\nBy Maria Lopez\nOctober 30th, 2024\n\nFlash floods killed dozens.\n", Some("Maria Lopez")),
            ("Floods hit Valencia\n30/10/2024\n\nFlash floods killed dozens.\n", None),
        ] {
            let p = parse_file("a.txt", raw.as_bytes());
            assert!(p.diagnostics.is_empty(), "{raw:?}: {:?}", p.diagnostics);
            let d = &p.documents[0];
            assert_eq!(d.title, "Floods hit Valencia", "{raw:?}");
            assert!(!d.title_derived, "{raw:?}");
            assert_eq!(d.date, day("2024-10-30"), "{raw:?}");
            assert_eq!(d.byline.as_deref(), byline, "{raw:?}");
            assert_eq!(d.body, "Flash floods killed dozens.", "{raw:?}");
        }
    }

    #[test]
    fn a_first_line_before_a_sentence_is_not_a_title() {
        // No blank line and no date or byline under it: one paragraph's lines.
        let raw = "Floods hit Valencia\nand the towns around it on Tuesday.\n";
        let p = parse_file("a.txt", raw.as_bytes());
        assert!(p.documents[0].title_derived);
    }
}
