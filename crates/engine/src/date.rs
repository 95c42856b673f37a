//! Reading publication dates written the ways news articles and feeds write them.
//!
//! Accepted (case-insensitive; an optional leading weekday, a trailing time with its zone
//! (`at 10:15 a.m. EST`), and a stamp's label and time before the date (`Updated 5:32 PM EST,`)
//! are ignored):
//! - ISO 8601: `2024-04-02`, `2024/04/02`, `2024-04-02T10:00:00Z`, `2024-04-02 10:00`
//!   (a timestamp keeps the calendar date as written, whatever its offset);
//! - month first: `April 2, 2024`, `Apr. 2, 2024`, `Sept 2 2024`, `April 2nd, 2024`;
//! - day first: `2 April 2024`, `2 Apr. 2024`, `2nd of April, 2024`;
//! - RFC 2822: `Tue, 02 Apr 2024 10:00:00 +0000`;
//! - numbers, day and month in either order when one of them is over 12 (`30/10/2024`,
//!   `10/30/2024`); `05/08/2024` could be either, so it is not read; with dots the day comes
//!   first (`05.08.2024`) unless the year does (`2024.10.30`).
//!
//! A string shaped like a date that names no real day (`2024-02-30`, `April 31, 2024`) is
//! [`DateParse::Impossible`], so callers can say so instead of treating it as missing.

use chrono::NaiveDate;

/// The outcome of reading a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateParse {
    /// A real calendar day.
    Valid(NaiveDate),
    /// Shaped like a date but no such day exists (e.g. `2024-02-30`).
    Impossible,
    /// Not a date at all.
    NotADate,
}

impl DateParse {
    /// The date, when valid.
    pub fn ok(self) -> Option<NaiveDate> {
        match self {
            DateParse::Valid(d) => Some(d),
            _ => None,
        }
    }
}

/// Reads a whole string as a date (surrounding whitespace and a trailing time are allowed).
///
/// ```
/// use dossier_engine::date::{parse_date, DateParse};
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2024, 4, 2).unwrap();
/// assert_eq!(parse_date("Apr. 2, 2024"), DateParse::Valid(day));
/// assert_eq!(parse_date("2024-04-02T10:00:00Z"), DateParse::Valid(day));
/// assert_eq!(parse_date("2024-02-30"), DateParse::Impossible);
/// assert_eq!(parse_date("next Tuesday"), DateParse::NotADate);
/// ```
pub fn parse_date(s: &str) -> DateParse {
    let tokens = tokenize(s);
    let mut rest: &[String] = &tokens;
    // `Updated 5:32 PM EST, Tue March 5, 2024`: a stamp's label and time before the date.
    let label = |t: &String| {
        matches!(
            t.trim_end_matches(':'),
            "updated" | "published" | "posted" | "last"
        )
    };
    if rest.first().is_some_and(label) {
        while rest
            .first()
            .is_some_and(|t| label(t) || t == "on" || time_like(t))
        {
            rest = &rest[1..];
        }
    }
    if rest.first().is_some_and(|t| weekday(t)) {
        rest = &rest[1..];
    }
    if rest.is_empty() {
        return DateParse::NotADate;
    }
    let (result, used) = match_prefix(rest);
    if used == 0 || !rest[used..].iter().all(|t| time_like(t)) {
        return DateParse::NotADate;
    }
    result
}

/// Reads a date at the start of `s`, returning it and the byte length of the text it used,
/// so a caller can take the rest of the line as something else (the seeds' ` date 2024-04-02
/// Body text…` header). Returns `None` when `s` does not start with a date.
///
/// ```
/// use dossier_engine::date::{parse_date_prefix, DateParse};
/// let (d, used) = parse_date_prefix("2024-04-02 On Tuesday, ...").unwrap();
/// assert!(matches!(d, DateParse::Valid(_)));
/// assert_eq!(used, "2024-04-02".len());
/// ```
pub fn parse_date_prefix(s: &str) -> Option<(DateParse, usize)> {
    // Try the longest run of words first: "April 2, 2024" before "April".
    let words: Vec<(usize, usize)> = word_spans(s).take(6).collect();
    for n in (1..=words.len()).rev() {
        let end = words[n - 1].1;
        let candidate = &s[..end];
        let tokens = tokenize(candidate);
        let mut rest: &[String] = &tokens;
        if rest.first().is_some_and(|t| weekday(t)) {
            rest = &rest[1..];
        }
        if rest.is_empty() {
            continue;
        }
        let (result, used) = match_prefix(rest);
        if used == rest.len() && result != DateParse::NotADate {
            // A trailing comma or period belongs to the sentence, not the date.
            let len = candidate.trim_end_matches([',', '.']).len();
            return Some((result, len));
        }
    }
    None
}

/// Byte spans of whitespace-separated words.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &s[pos..];
        let start = pos + (rest.len() - rest.trim_start().len());
        if start >= s.len() {
            return None;
        }
        let len = s[start..]
            .find(char::is_whitespace)
            .unwrap_or(s.len() - start);
        pos = start + len;
        Some((start, start + len))
    })
}

/// Lower-cased tokens with commas and periods as separators (except inside ISO dates and times).
fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in s.split_whitespace() {
        let w = word.to_lowercase();
        // ISO dates and timestamps keep their punctuation; everything else splits on , and .
        let dotted_date = {
            let parts: Vec<&str> = w.trim_end_matches([',', '.']).split('.').collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
        };
        if w.starts_with(|c: char| c.is_ascii_digit())
            && (w.contains('-') || w.contains('/') || dotted_date)
        {
            out.push(w.trim_end_matches([',', '.']).to_string());
            continue;
        }
        if w.contains(':') || dotted_time(w.trim_end_matches([',', '.'])) {
            out.push(w.trim_end_matches([',', '.']).to_string());
            continue;
        }
        for part in w.split([',', '.']) {
            if !part.is_empty() {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Matches a date at the start of `tokens`: the result and how many tokens it used (0: none).
fn match_prefix(tokens: &[String]) -> (DateParse, usize) {
    let t0 = tokens[0].as_str();
    if let Some(r) = iso(t0) {
        return (r, 1);
    }
    // Month first: April 2, 2024 / April 2nd 2024.
    if let Some(m) = month(t0) {
        if let (Some(d), Some(y)) = (
            tokens.get(1).and_then(|t| day(t)),
            tokens.get(2).and_then(|t| year(t)),
        ) {
            return (ymd(y, m, d), 3);
        }
        return (DateParse::NotADate, 0);
    }
    // Day first: 2 April 2024 / 2nd of April, 2024.
    if let Some(d) = day(t0) {
        let mut i = 1;
        if tokens.get(i).map(String::as_str) == Some("of") {
            i += 1;
        }
        if let (Some(m), Some(y)) = (
            tokens.get(i).and_then(|t| month(t)),
            tokens.get(i + 1).and_then(|t| year(t)),
        ) {
            return (ymd(y, m, d), i + 2);
        }
    }
    (DateParse::NotADate, 0)
}

fn ymd(y: i32, m: u32, d: u32) -> DateParse {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => DateParse::Valid(date),
        None => DateParse::Impossible,
    }
}

/// `2024-04-02`, `2024/04/02`, optionally followed by `T…` time and offset.
fn iso(t: &str) -> Option<DateParse> {
    let b = t.as_bytes();
    if b.len() < 8 {
        return None;
    }
    let (date_part, time_part) = match t.find(['t', ' ']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let sep = ['-', '/', '.']
        .into_iter()
        .find(|&c| date_part.contains(c))
        .unwrap_or('-');
    let mut parts = date_part.split(sep);
    let (mut y, mut m, mut d) = (parts.next()?, parts.next()?, parts.next()?);
    // `30.10.2024`: with dots the day comes first, as everywhere that writes dates so.
    if sep == '.' && d.len() == 4 && y.len() <= 2 {
        (y, m, d) = (d, m, y);
    }
    // `30/10/2024`, `10/30/2024`: day and month in either order, read only when one of them
    // cannot be a month (`05/08/2024` could be May or August, so it is no date).
    if d.len() == 4 && y.len() <= 2 {
        let (a, b) = (y.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (y, m),
            (false, true) => (m, y),
            _ if a == b => (y, m),
            _ => return None,
        };
        (y, m, d) = (d, month, day);
    }
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
        || ![y, m, d]
            .iter()
            .all(|p| p.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if let Some(time) = time_part {
        if !time_like(time) {
            return None;
        }
    }
    Some(ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

/// `14.02` in `Wed 30 Oct 2024 14.02 GMT`: a clock time written with a dot, as British papers
/// write it.
fn dotted_time(t: &str) -> bool {
    t.split_once('.').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    })
}

/// A clock time, offset or zone that may trail a date: `10:00`, `10:00:00z`, `+0000`, `gmt`, `am`.
fn time_like(t: &str) -> bool {
    let t = t.trim_end_matches([',', '.']);
    if t.is_empty() {
        return true;
    }
    // `10:15 a.m. EST` (tokenised `a` `m`), `at 10:15 BST`.
    if matches!(
        t,
        "am" | "pm"
            | "a"
            | "p"
            | "m"
            | "at"
            | "utc"
            | "gmt"
            | "z"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "et"
            | "pt"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "ist"
            | "jst"
            | "kst"
            | "aest"
            | "aedt"
            | "hkt"
            | "sgt"
            | "msk"
    ) {
        return true;
    }
    if dotted_time(t) {
        return true;
    }
    let body = t.trim_start_matches(['+', '-']);
    let body = body.trim_end_matches('z');
    !body.is_empty()
        && body.contains(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-'))
        && (t.contains(':') || t.starts_with(['+', '-']))
}

fn day(t: &str) -> Option<u32> {
    let digits = t
        .strip_suffix("st")
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .or_else(|| t.strip_suffix("th"))
        .unwrap_or(t);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(t: &str) -> Option<i32> {
    (t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

fn month(t: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if t == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| t == *m || (t.len() == 3 && m.starts_with(t)))
        .map(|i| i as u32 + 1)
}

fn weekday(t: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter()
        .any(|d| t == *d || (t.len() >= 3 && t.len() <= 4 && d.starts_with(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> DateParse {
        DateParse::Valid(NaiveDate::from_ymd_opt(y, m, day).unwrap())
    }

    #[test]
    fn common_forms() {
        for s in [
            "2024-04-02",
            "2024/04/02",
            "2024-4-2",
            "2024-04-02T10:00:00Z",
            "2024-04-02T23:30:00+03:00",
            "2024-04-02 10:00",
            "April 2, 2024",
            "april 2 2024",
            "Apr. 2, 2024",
            "Apr 2, 2024",
            "April 2nd, 2024",
            "2 April 2024",
            "2 Apr. 2024",
            "02 Apr 2024",
            "2nd of April, 2024",
            "Tuesday, April 2, 2024",
            "Tue, 02 Apr 2024 10:00:00 +0000",
            "  2024-04-02  ",
        ] {
            assert_eq!(parse_date(s), d(2024, 4, 2), "{s}");
        }
        assert_eq!(parse_date("Sept. 9, 2021"), d(2021, 9, 9));
        assert_eq!(parse_date("May 1, 2020"), d(2020, 5, 1));
    }

    #[test]
    fn a_clock_time_written_with_a_dot() {
        assert_eq!(
            parse_date("Published Wed 30 Oct 2024 14.02 GMT"),
            d(2024, 10, 30)
        );
        assert_eq!(parse_date("30 October 2024 9.15"), d(2024, 10, 30));
        assert_eq!(
            parse_date("Updated: October 30, 2024 at 10:15 am"),
            d(2024, 10, 30)
        );
    }

    #[test]
    fn stamps_with_a_label_a_clock_time_and_a_zone() {
        for s in [
            "April 2, 2024 at 10:15 a.m. EST",
            "Updated 5:32 PM EST, Tue April 2, 2024",
            "Published 2 April 2024 11:02 BST",
            "2 April 2024 11:02 GMT",
        ] {
            assert_eq!(parse_date(s), d(2024, 4, 2), "{s}");
        }
        assert_eq!(parse_date("Updated"), DateParse::NotADate);
        assert_eq!(parse_date("Updated 5:32 PM EST"), DateParse::NotADate);
        assert_eq!(parse_date("at a m"), DateParse::NotADate);
    }

    #[test]
    fn impossible_dates() {
        assert_eq!(parse_date("2024-02-30"), DateParse::Impossible);
        assert_eq!(parse_date("2023-02-29"), DateParse::Impossible);
        assert_eq!(parse_date("2024-13-01"), DateParse::Impossible);
        assert_eq!(parse_date("April 31, 2024"), DateParse::Impossible);
        assert_eq!(parse_date("2024-02-29"), d(2024, 2, 29));
    }

    #[test]
    fn numeric_day_and_month_in_either_order_when_unambiguous() {
        assert_eq!(parse_date("30/10/2024"), d(2024, 10, 30));
        assert_eq!(parse_date("10/30/2024"), d(2024, 10, 30));
        assert_eq!(parse_date("07/07/2024"), d(2024, 7, 7));
        assert_eq!(parse_date("30-10-2024"), d(2024, 10, 30));
        assert_eq!(parse_date("05/08/2024"), DateParse::NotADate);
        assert_eq!(parse_date("31/02/2024"), DateParse::Impossible);
        // Dots: day first (`30.10.2024`), or the year first (`2024.10.30`).
        assert_eq!(parse_date("05.08.2024"), d(2024, 8, 5));
        assert_eq!(parse_date("2024.10.30"), d(2024, 10, 30));
    }

    #[test]
    fn not_dates() {
        for s in [
            "",
            "BNS/TBT Staff",
            "April",
            "2024",
            "12:00",
            "2 percent of 2024",
            "2024-04-02 and more",
            "Tuesday",
            "May",
            "20240402",
        ] {
            assert_eq!(parse_date(s), DateParse::NotADate, "{s}");
        }
    }

    #[test]
    fn prefix_of_a_line() {
        let s = "2024-04-02 On Tuesday, Lithuanian President";
        assert_eq!(parse_date_prefix(s), Some((d(2024, 4, 2), 10)));
        let s = "April 2, 2024 Body";
        assert_eq!(parse_date_prefix(s), Some((d(2024, 4, 2), 13)));
        let s = "2024-02-30 Body";
        assert_eq!(parse_date_prefix(s), Some((DateParse::Impossible, 10)));
        assert_eq!(parse_date_prefix("On Tuesday, April 2"), None);
        assert_eq!(parse_date_prefix(""), None);
    }
}
