//! Turning the blocks of an article into a [`Document`]: dateline, trailer, headings, derived
//! title, inferred source, and the body with its block ranges. Shared by every format.

use crate::model::{Block, BlockKind, Document};

/// What a format parser found, before the shared finishing steps.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// Title given by the source.
    pub title: Option<String>,
    /// Byline given by the source.
    pub byline: Option<String>,
    /// Dateline given by the source (otherwise looked for at the start of the body).
    pub dateline: Option<String>,
    /// Source given by the metadata.
    pub source: Option<String>,
    /// Original address.
    pub url: Option<String>,
    /// Metadata lines kept with the trailer (e.g. extra header bullets).
    pub trailer: Vec<String>,
    /// Body blocks in order; `None` kind means "decide by the heading rule".
    pub blocks: Vec<(Option<BlockKind>, String)>,
}

/// Longest derived title, in characters, before the ellipsis.
pub const TITLE_MAX: usize = 80;

/// Finishes a draft into a document (the date is set by the caller). Returns `None` when there
/// is neither a title nor any body text.
///
/// Steps, in order:
/// 1. trailing contact and credit blocks move to `trailer` (see [`is_trailer`]);
/// 2. a dateline opening the first paragraph moves to `dateline` (see [`split_dateline`]);
/// 3. undecided blocks become headings by [`is_heading`] when a paragraph follows them;
/// 4. a missing title is derived from the first sentence (see [`derive_title`]);
/// 5. a missing source is inferred (see [`infer_source`]).
pub fn finish(mut draft: Draft, id: &str, origin: &str) -> Option<Document> {
    draft.blocks.retain(|(_, t)| !t.trim().is_empty());
    // 1. Trailer, keeping at least one block of body.
    let mut trailer = Vec::new();
    while draft.blocks.len() > 1 {
        let (kind, text) = draft.blocks.last().expect("non-empty");
        if *kind == Some(BlockKind::Heading) || !is_trailer(text) {
            break;
        }
        trailer.push(draft.blocks.pop().expect("non-empty").1);
    }
    trailer.reverse();
    draft.trailer.extend(trailer);
    // 2. Dateline.
    if draft.dateline.is_none() {
        if let Some((kind, text)) = draft
            .blocks
            .iter_mut()
            .find(|(k, _)| *k != Some(BlockKind::Heading))
        {
            if let Some((place, rest)) = split_dateline(text) {
                if kind.is_none() || *kind == Some(BlockKind::Paragraph) {
                    draft.dateline = Some(place.to_string());
                    *text = rest.to_string();
                    *kind = Some(BlockKind::Paragraph);
                }
            }
        }
    }
    // 3. Headings.
    let n = draft.blocks.len();
    let kinds: Vec<BlockKind> = (0..n)
        .map(|i| match draft.blocks[i].0 {
            Some(k) => k,
            None => {
                let next_is_text = draft.blocks[i + 1..]
                    .first()
                    .is_some_and(|(k, t)| *k != Some(BlockKind::Heading) && !is_heading(t));
                if next_is_text && is_heading(&draft.blocks[i].1) {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                }
            }
        })
        .collect();
    // 4. Title.
    let (title, title_derived) = match draft.title.filter(|t| !t.trim().is_empty()) {
        Some(t) => (t.trim().to_string(), false),
        None => {
            let first = draft
                .blocks
                .iter()
                .zip(&kinds)
                .find(|(_, k)| **k == BlockKind::Paragraph)
                .or_else(|| draft.blocks.iter().zip(&kinds).next())?;
            (derive_title(&first.0 .1), true)
        }
    };
    // 5. Source.
    let source = draft.source.filter(|s| !s.trim().is_empty()).or_else(|| {
        infer_source(
            draft.byline.as_deref(),
            draft.dateline.as_deref(),
            draft.url.as_deref(),
            &draft.trailer,
        )
    });
    // Body and blocks.
    let mut body = String::new();
    let mut blocks = Vec::with_capacity(n);
    for ((_, text), kind) in draft.blocks.iter().zip(kinds) {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len() as u32;
        body.push_str(text);
        blocks.push(Block {
            kind,
            start,
            end: body.len() as u32,
        });
    }
    Some(Document {
        id: id.to_string(),
        title,
        title_derived,
        date: None,
        byline: draft.byline,
        dateline: draft.dateline,
        source,
        url: draft.url,
        trailer: draft.trailer,
        body,
        blocks,
        origin: origin.to_string(),
    })
}

/// A dateline opening a paragraph: `VILNIUS – text`, `VILNIUS - text`, `KYIV, Ukraine — text`,
/// `WASHINGTON (Reuters) - text`. The place must start with a word in capitals of at least two
/// letters, be at most 60 bytes and six words, and hold no sentence punctuation (a period only
/// inside an abbreviation such as `D.C.`); the dash
/// (hyphen, en dash, em dash or `--`) must have a space on each side. Returns the place and the
/// rest of the paragraph.
///
/// ```
/// use dossier_engine::parse::body::split_dateline;
/// assert_eq!(split_dateline("VILNIUS – NATO must."), Some(("VILNIUS", "NATO must.")));
/// assert_eq!(split_dateline("The minister – who spoke – said."), None);
/// ```
pub fn split_dateline(text: &str) -> Option<(&str, &str)> {
    let window = &text[..floor_char_boundary(text, 64)];
    let (dash_at, dash_len) = [" – ", " — ", " -- ", " - "]
        .iter()
        .filter_map(|d| window.find(d).map(|i| (i, d.len())))
        .min()?;
    let place = text[..dash_at].trim();
    let rest = text[dash_at + dash_len..].trim_start();
    if place.is_empty() || place.len() > 60 || rest.is_empty() {
        return None;
    }
    if place.split_whitespace().count() > 6 {
        return None;
    }
    let first = place.split([' ', ',', '(']).next()?;
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| !c.is_uppercase()) {
        return None;
    }
    if place.contains(". ")
        || !place
            .chars()
            .all(|c| c.is_alphanumeric() || " ,.()/'’-".contains(c))
    {
        return None;
    }
    Some((place.trim_end_matches(',').trim_end(), rest))
}

/// A contact or credit block that belongs after the article rather than in it: a short block
/// (at most 200 bytes and eight words) holding an e-mail address; a parenthesised credit such
/// as `(Photo source: Presidency.ro)` or `(Photo: AFP)`; a line starting with a credit
/// label (`Photo:`, `Photo credit:`, `Image:`, `Credit:`, `©`, `Copyright`); or a wire
/// credit line (`Reporting by …`, `Editing by …`, `Writing by …`, bracketed or not) of at most
/// 30 words.
///
/// ```
/// use dossier_engine::parse::body::is_trailer;
/// assert!(is_trailer("iulian@romania-insider.com"));
/// assert!(is_trailer("(Photo source: Presidency.ro)"));
/// assert!(is_trailer("(Reporting by Jane Roe in London; Editing by Mark Poe)"));
/// assert!(!is_trailer("Romania's president Klaus Iohannis also announced his candidacy."));
/// ```
pub fn is_trailer(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.len() > 200 || t.contains('\n') {
        return false;
    }
    if find_email(t).is_some() && t.split_whitespace().count() <= 8 {
        return true;
    }
    const CREDITS: [&str; 12] = [
        "photo",
        "photos",
        "image",
        "images",
        "picture",
        "pictures",
        "source",
        "credit",
        "credits",
        "cover",
        "video",
        "illustration",
    ];
    // Wire-service credit lines: "Reporting by …; Editing by …", bracketed or not.
    const CREDIT_LINES: [&str; 7] = [
        "reporting by ",
        "additional reporting by ",
        "writing by ",
        "editing by ",
        "compiled by ",
        "translated by ",
        "edited by ",
    ];
    let wire = |s: &str| {
        CREDIT_LINES.iter().any(|p| s.starts_with(p)) && s.split_whitespace().count() <= 30
    };
    let lower = t.to_lowercase();
    if let Some(inner) = lower.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        let word: String = inner.chars().take_while(|c| c.is_alphabetic()).collect();
        return CREDITS.contains(&word.as_str()) || wire(inner);
    }
    if lower.starts_with('©') || lower.starts_with("copyright ") {
        return true;
    }
    if wire(&lower) {
        return true;
    }
    let word: String = lower.chars().take_while(|c| c.is_alphabetic()).collect();
    let after = &lower[word.len()..];
    CREDITS.contains(&word.as_str())
        && word != "source"
        && (after.starts_with(':') || after.starts_with(" credit") || after.starts_with(" by "))
}

/// A section heading inside the body: one line of at most 100 characters and 12 words that
/// starts with a capital letter or digit, holds a letter, is not an address, and does not end
/// with closing punctuation (`. , ; : ! ? …` or a closing quote or bracket).
///
/// ```
/// use dossier_engine::parse::body::is_heading;
/// assert!(is_heading("Strengthening NATO's Eastern Flank"));
/// assert!(!is_heading("Romania's president also announced his candidacy."));
/// ```
pub fn is_heading(text: &str) -> bool {
    let t = text.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    let last = t.chars().next_back().unwrap_or(first);
    t.chars().count() <= 100
        && !t.contains('\n')
        && (1..=12).contains(&t.split_whitespace().count())
        && (first.is_uppercase() || first.is_ascii_digit())
        && t.chars().any(char::is_alphabetic)
        && !".,;:!?…\"”’'»)]".contains(last)
        && find_email(t).is_none()
        && !t.contains("://")
}

/// A title from the first sentence of `text`: the sentence without its final period, and when
/// longer than [`TITLE_MAX`] characters, cut at the last word boundary before that with `…`
/// appended. A sentence ends at `.`, `!` or `?` (optionally followed by a closing quote) before
/// a space, unless the word before the period is a single letter or a common abbreviation
/// (`Mr.`, `Dr.`, `Gen.`, `Jan.` and the like).
///
/// ```
/// use dossier_engine::parse::body::derive_title;
/// assert_eq!(derive_title("Mr. Smith went to Vilnius. He met..."), "Mr. Smith went to Vilnius");
/// ```
pub fn derive_title(text: &str) -> String {
    let sentence = first_sentence(text.trim());
    let sentence = sentence.strip_suffix('.').unwrap_or(sentence).trim_end();
    match shorten(sentence, TITLE_MAX) {
        // A first sentence that is only a period (`.`, `. Then…`) leaves nothing: a document
        // must still have a title, so use the text as written.
        t if t.is_empty() => shorten(text.trim(), TITLE_MAX),
        t => t,
    }
}

/// Cuts `s` to at most `max` characters at a word boundary, adding `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    // The character after the cut is a space: the whole head is words.
    let at_boundary = s[cut..].starts_with(' ');
    let head = if at_boundary {
        head
    } else {
        match head.rfind(' ') {
            Some(i) if i > 0 => &head[..i],
            _ => head,
        }
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:–—-(".contains(c));
    format!("{head}…")
}

fn first_sentence(text: &str) -> &str {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
        "maj", "rep", "sen", "gov", "pres", "rev", "hon", "vs", "etc", "inc", "ltd", "co", "corp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "approx",
    ];
    let line_end = text.find('\n').unwrap_or(text.len());
    let text = &text[..line_end];
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + 1;
        while let Some(q) = text[end..].chars().next().filter(|q| "\"”’')".contains(*q)) {
            end += q.len_utf8();
        }
        if end < bytes.len() && bytes[end] != b' ' {
            continue;
        }
        if c == '.' {
            // The word before the period (the separator may be several bytes, like U+2000).
            let word = text[..i]
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"')
                .next()
                .unwrap_or("")
                .to_lowercase();
            if word.chars().count() == 1
                || ABBREVIATIONS.contains(&word.as_str())
                || word.contains('.')
            {
                continue;
            }
        }
        return &text[..end];
    }
    text
}

/// Infers the publisher when the metadata does not name one, trying in order:
/// 1. a staff byline: `BNS/TBT Staff` -> `BNS/TBT` (also `… Staff Writer(s)`, `… Reporters`,
///    `… Newsroom`, `… Desk`, `… Wire`, `… Correspondent(s)`);
/// 2. an agency in parentheses at the end of the dateline: `KYIV, March 5 (Reuters)` -> `Reuters`;
/// 3. the host of the article's `url`, without `www.`;
/// 4. the domain of the first e-mail address in the trailer (`iulian@romania-insider.com` ->
///    `romania-insider.com`), unless it is a personal mail provider (Gmail, Outlook, Yahoo…).
///
/// Otherwise `None`.
///
/// ```
/// use dossier_engine::parse::body::infer_source;
/// assert_eq!(infer_source(Some("BNS/TBT Staff"), None, None, &[]).as_deref(), Some("BNS/TBT"));
/// assert_eq!(infer_source(None, Some("KYIV (Reuters)"), None, &[]).as_deref(), Some("Reuters"));
/// assert_eq!(infer_source(None, None, None, &["a@romania-insider.com".into()]).as_deref(), Some("romania-insider.com"));
/// assert_eq!(infer_source(Some("Jane Doe"), Some("VILNIUS"), None, &[]), None);
/// ```
pub fn infer_source(
    byline: Option<&str>,
    dateline: Option<&str>,
    url: Option<&str>,
    trailer: &[String],
) -> Option<String> {
    if let Some(b) = byline {
        let b = b.trim();
        let lower = b.to_lowercase();
        for suffix in [
            " staff writers",
            " staff writer",
            " staff",
            " reporters",
            " newsroom",
            " news desk",
            " desk",
            " wire",
            " correspondents",
            " correspondent",
        ] {
            if lower.ends_with(suffix) {
                let rest = b[..b.len() - suffix.len()].trim();
                let rest = rest.strip_prefix("By ").unwrap_or(rest).trim();
                if !rest.is_empty() {
                    return Some(rest.to_string());
                }
            }
        }
    }
    if let Some(agency) = dateline
        .and_then(|d| d.trim().strip_suffix(')'))
        .and_then(|d| d.rsplit_once('(').map(|(_, a)| a.trim()))
        .filter(|a| !a.is_empty() && a.chars().any(char::is_alphabetic))
    {
        return Some(agency.to_string());
    }
    if let Some(url) = url {
        let rest = url
            .split_once("://")
            .map_or(url, |(_, r)| r)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        let host = rest.rsplit('@').next().unwrap_or(rest);
        let host = host.split(':').next().unwrap_or(host).to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        if host.contains('.') {
            return Some(host.to_string());
        }
    }
    const PERSONAL: [&str; 16] = [
        "gmail.",
        "googlemail.",
        "yahoo.",
        "ymail.",
        "hotmail.",
        "outlook.",
        "live.",
        "msn.",
        "icloud.",
        "me.",
        "mac.",
        "aol.",
        "proton.",
        "protonmail.",
        "gmx.",
        "yandex.",
    ];
    for line in trailer {
        if let Some(email) = find_email(line) {
            let domain = email.rsplit('@').next().unwrap_or("").to_lowercase();
            if !domain.is_empty() && !PERSONAL.iter().any(|p| domain.starts_with(p)) {
                return Some(domain);
            }
        }
    }
    None
}

/// The first e-mail address in `s`, if any.
pub fn find_email(s: &str) -> Option<&str> {
    for word in s.split(|c: char| c.is_whitespace() || "()<>[],;\"".contains(c)) {
        let word = word.trim_matches(|c: char| ".:".contains(c));
        if let Some((local, domain)) = word.split_once('@') {
            let ok_local = !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._%+-".contains(c));
            let ok_domain = domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && domain
                    .chars()
                    .all(|c| c.is_alphanumeric() || ".-".contains(c));
            if ok_local && ok_domain {
                return Some(word);
            }
        }
    }
    None
}

/// Largest char boundary of `s` at or below `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(
            split_dateline("VILNIUS - Text."),
            Some(("VILNIUS", "Text."))
        );
        assert_eq!(
            split_dateline("KYIV, Ukraine — Text."),
            Some(("KYIV, Ukraine", "Text."))
        );
        assert_eq!(
            split_dateline("WASHINGTON (Reuters) -- Text."),
            Some(("WASHINGTON (Reuters)", "Text."))
        );
        assert_eq!(
            split_dateline("ŠIAULIAI – Text."),
            Some(("ŠIAULIAI", "Text."))
        );
        assert_eq!(split_dateline("Vilnius – Text."), None);
        assert_eq!(
            split_dateline("NATO – the alliance."),
            Some(("NATO", "the alliance."))
        );
        assert_eq!(split_dateline("A – b"), None);
        assert_eq!(split_dateline("VILNIUS –"), None);
        assert_eq!(split_dateline("NATO said. Then – more"), None);
    }

    #[test]
    fn trailers() {
        assert!(is_trailer("Contact: news@example.org"));
        assert!(is_trailer("(Photo: AFP)"));
        assert!(is_trailer("Photo credit: Reuters"));
        assert!(is_trailer("© 2024 Example Media"));
        assert!(is_trailer("Reporting by Jane Smith; Editing by Bob Lee"));
        assert!(!is_trailer("(Reuters)"));
        assert!(!is_trailer("Source: the ministry said it would act."));
        assert!(!is_trailer(
            "Write to the ministry at info@example.org if you want to complain about the long and winding policy."
        ));
    }

    #[test]
    fn headings() {
        assert!(is_heading("Lithuania's Air Defense Initiatives"));
        assert!(is_heading("2024 in Review"));
        assert!(!is_heading("lowercase start"));
        assert!(!is_heading("He said “yes”"));
        assert!(!is_heading("Ends with a colon:"));
        assert!(!is_heading(
            "One two three four five six seven eight nine ten eleven twelve thirteen"
        ));
    }

    #[test]
    fn derived_titles() {
        let t = derive_title("On Tuesday, Lithuanian President Gitanas Nausėda met with Dutch Prime Minister Mark Rutte in Vilnius, endorsing Rutte. Next.");
        assert_eq!(
            t,
            "On Tuesday, Lithuanian President Gitanas Nausėda met with Dutch Prime Minister…"
        );
        assert!(t.chars().count() <= TITLE_MAX + 1);
        assert_eq!(derive_title("Short one! More."), "Short one!");
        assert_eq!(
            derive_title("The U.S. Army arrived. Then."),
            "The U.S. Army arrived"
        );
        assert_eq!(
            derive_title("He said \"no.\" Then left."),
            "He said \"no.\""
        );
        assert_eq!(derive_title("No end at all"), "No end at all");
        let long = "x".repeat(1000);
        assert_eq!(derive_title(&long), format!("{}…", "x".repeat(80)));
    }

    #[test]
    fn shorten_at_word_boundary() {
        assert_eq!(shorten("aaa bbb ccc", 7), "aaa bbb…");
        assert_eq!(shorten("aaa bbb ccc", 6), "aaa…");
        assert_eq!(shorten("aaa, bbb", 5), "aaa…");
        assert_eq!(shorten("aaa bbb", 7), "aaa bbb");
    }

    #[test]
    fn sources() {
        assert_eq!(
            infer_source(None, None, Some("https://www.lrt.lt/en/news/1"), &[]).as_deref(),
            Some("lrt.lt")
        );
        assert_eq!(
            infer_source(None, None, None, &["me@gmail.com".into()]),
            None
        );
        assert_eq!(
            infer_source(Some("By Reuters Staff"), None, None, &[]).as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            infer_source(None, Some("KYIV, March 5 (Reuters)"), None, &[]).as_deref(),
            Some("Reuters")
        );
        assert_eq!(infer_source(Some("Staff"), None, None, &[]), None);
    }

    #[test]
    fn finish_builds_body_and_ranges() {
        let draft = Draft {
            blocks: vec![
                (None, "VILNIUS – First paragraph here.".into()),
                (None, "A Heading".into()),
                (None, "Second paragraph.".into()),
                (None, "Last Line".into()),
                (None, "x@example.org".into()),
            ],
            ..Draft::default()
        };
        let d = finish(draft, "id", "id.txt").unwrap();
        assert_eq!(d.dateline.as_deref(), Some("VILNIUS"));
        assert_eq!(d.trailer, ["x@example.org"]);
        assert_eq!(d.source.as_deref(), Some("example.org"));
        assert_eq!(
            d.body,
            "First paragraph here.\n\nA Heading\n\nSecond paragraph.\n\nLast Line"
        );
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        for b in &d.blocks {
            assert!(!d.block_text(b).is_empty());
        }
        assert_eq!(d.title, "First paragraph here");
        assert!(d.title_derived);
    }
}
