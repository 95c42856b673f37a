//! Quotations: finds quoted statements in document bodies and attributes them to their speakers.
//!
//! Works paragraph by paragraph (each [`Block`](crate::model::Block), further split at blank
//! lines). Straight `"…"`, curly `“…”`, `„…“` and `«…»` marks are paired by context, so a curly
//! opening mark closed by a straight one still pairs; British `‘…’` quotes are paired outside
//! double quotes, telling a closing `’` from an apostrophe (`allies’ plans`); a quote left open at the end of a paragraph
//! and re-opened at the start of the next is one quotation over several paragraphs
//! ([`Quote::continued`]). Unbalanced marks never panic: a stray closing mark is ignored and an
//! opening mark that is never closed is dropped, unless it opens its paragraph.
//!
//! A quoted span counts as a statement when the text attributes it to someone through a speech
//! verb next to it, when it carries its own sentence punctuation (`"…,"`, `"….”`), when it is a
//! quotation over paragraphs, or when it is at least [`MIN_UNATTRIBUTED_WORDS`] words long. Short
//! titles and scare quotes mid-sentence (`wished "all the best"`, `the “3 + 1” format`) are not
//! statements.
//!
//! Attribution follows the text, never a guess: `"…," Rutte said`, `"…," said Prime Minister
//! Paluckas`, `"…," according to the report`, `Rutte told reporters "…"`, `X said that "…"`. The
//! speaker is kept as written and linked to an entity through the person mentions inside it; `he`
//! and `she` resolve to the last person named as saying something in the paragraph or the two
//! before; a definite description (`the Lithuanian head of state`, `the minister`) resolves to the
//! last person mentioned nearby with a matching title. A quote with no attribution of its own takes
//! the speaker of an earlier quote in the same paragraph; otherwise it stays unattributed.

use crate::model::{DocIdx, Document, Entity, EntityIdx, EntityKind, Mention};
use serde::{Deserialize, Serialize};

/// Quotes without an attribution of their own and without sentence punctuation count as
/// statements only from this many words.
pub const MIN_UNATTRIBUTED_WORDS: usize = 8;

/// Quotes shorter than this many words count as statements only when a speech verb is right next
/// to them (`said "no"`, `"no," she said`).
pub const MIN_LOOSE_WORDS: usize = 4;

/// One quotation (or one paragraph of a quotation over several paragraphs) in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The document it is in.
    pub document: DocIdx,
    /// Byte offset in [`Document::body`] of the quoted text, without the quote mark.
    pub start: u32,
    /// Byte offset one past the quoted text, without the closing mark (or trailing comma).
    pub end: u32,
    /// Who said it, as written (`Rutte`, `Prime Minister Paluckas`, `his office`, `she`).
    pub speaker: Option<String>,
    /// The person (or organisation named as the speaker) it is attributed to.
    pub entity: Option<EntityIdx>,
    /// True when this continues a quotation from the previous paragraph.
    pub continued: bool,
}

impl Quote {
    /// The quoted text (empty when the body is not embedded: see [`Quote::text_in`]).
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        self.text_in(&doc.body)
    }

    /// The quoted text, given the body of its document (empty when the range does not fit).
    pub fn text_in<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

/// The name to show for a quote's speaker: the linked entity's name, else the speaker as written.
pub fn speaker_name<'a>(q: &'a Quote, entities: &'a [Entity]) -> Option<&'a str> {
    match q.entity.and_then(|e| entities.get(e as usize)) {
        Some(e) => Some(e.name.as_str()),
        None => q.speaker.as_deref(),
    }
}

/// True when the quote's speaker (its entity's name, or the speaker as written) contains
/// `needle`, a folded name part: what the query field `said:` matches.
pub fn said_by(q: &Quote, needle: &str, entities: &[Entity]) -> bool {
    let fold = crate::entities::fold;
    let by_entity = q
        .entity
        .and_then(|e| entities.get(e as usize))
        .is_some_and(|e| fold(&e.name).contains(needle));
    by_entity
        || q.speaker
            .as_deref()
            .is_some_and(|sp| fold(sp).contains(needle))
}

/// Finds the quotations of one document and attributes them. `mentions` are the document's
/// entity mentions sorted by start; `entities` the corpus entities they point into.
pub fn extract_quotes(
    doc_idx: DocIdx,
    doc: &Document,
    mentions: &[Mention],
    entities: &[Entity],
) -> Vec<Quote> {
    let text = doc.body.as_str();
    // Only mentions that lie inside the body, in order.
    let mut mentions: Vec<Mention> = mentions
        .iter()
        .filter(|m| {
            let (s, e) = (m.start as usize, m.end as usize);
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .copied()
        .collect();
    mentions.sort_by_key(|m| (m.start, m.end));
    let mentions = mentions.as_slice();
    let paras = paragraphs(doc);
    let toks: Vec<Vec<Tok>> = paras.iter().map(|&(s, e)| tokenize(text, s, e)).collect();
    let pieces = pair_marks(text, &paras);
    if pieces.is_empty() {
        return Vec::new();
    }
    let ctx = Ctx {
        text,
        paras: &paras,
        toks: &toks,
        pieces: &pieces,
        mentions,
        entities,
        people: people_of(mentions, entities),
    };

    // Group pieces continued over paragraphs, attribute and filter.
    let mut groups: Vec<Group> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if p.dropped {
            continue;
        }
        match groups.last_mut() {
            Some(g) if p.continued && g.last + 1 == i => g.last = i,
            _ => groups.push(Group {
                first: i,
                last: i,
                attr: None,
            }),
        }
    }
    for g in &mut groups {
        g.attr = ctx.attribute(g);
    }
    groups.retain(|g| ctx.is_statement(g));
    for i in 1..groups.len() {
        if groups[i].attr.is_none() {
            let para = pieces[groups[i].first].para;
            let donor = groups[..i]
                .iter()
                .rev()
                .take_while(|d| pieces[d.last].para == para)
                .find_map(|d| d.attr);
            if let Some(mut a) = donor {
                a.inherited = true;
                groups[i].attr = Some(a);
            }
        }
    }

    // Resolve speakers to entities in document order, remembering who spoke where.
    let mut events = ctx.speech_events();
    let mut resolved: Vec<Option<EntityIdx>> = Vec::with_capacity(groups.len());
    for (gi, g) in groups.iter().enumerate() {
        let entity = match g.attr {
            None => None,
            Some(a) if a.inherited => {
                let donor = (0..gi)
                    .rev()
                    .find(|&d| groups[d].attr.map(|x| (x.start, x.end)) == Some((a.start, a.end)));
                donor.and_then(|d| resolved[d])
            }
            Some(a) => ctx.resolve(&a, pieces[g.first].para, &events),
        };
        if let Some(e) = entity {
            if entities.get(e as usize).map(|x| x.kind) == Some(EntityKind::Person) {
                let pos = pieces[g.first].open;
                let at = events.partition_point(|ev| ev.pos <= pos);
                events.insert(
                    at,
                    Event {
                        pos,
                        para: pieces[g.first].para,
                        entity: e,
                    },
                );
            }
        }
        resolved.push(entity);
    }

    let mut out = Vec::new();
    for (g, entity) in groups.iter().zip(resolved) {
        let speaker = g.attr.map(|a| text[a.start..a.end].to_string());
        let mut continued = false;
        for p in pieces[g.first..=g.last].iter().filter(|p| p.start < p.end) {
            out.push(Quote {
                document: doc_idx,
                start: p.start as u32,
                end: p.end as u32,
                speaker: speaker.clone(),
                entity,
                continued,
            });
            continued = true;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and quote marks.

/// Byte ranges of the paragraphs: every block, split further at blank lines.
fn paragraphs(doc: &Document) -> Vec<(usize, usize)> {
    let text = doc.body.as_str();
    let mut blocks: Vec<(usize, usize)> = if doc.blocks.is_empty() {
        vec![(0, text.len())]
    } else {
        doc.blocks
            .iter()
            .map(|b| (b.start as usize, b.end as usize))
            .filter(|&(s, e)| s <= e && e <= text.len() && text.is_char_boundary(s))
            .filter(|&(_, e)| text.is_char_boundary(e))
            .collect()
    };
    // In order and without overlaps, whatever the parser produced.
    blocks.sort_unstable();
    let mut last_end = 0;
    blocks.retain(|&(s, e)| {
        let keep = s >= last_end;
        if keep {
            last_end = e;
        }
        keep
    });
    let mut out = Vec::new();
    for (s, e) in blocks {
        let mut para_start = s;
        let mut pos = s;
        let mut blank_run = false;
        for line in text[s..e].split_inclusive('\n') {
            let blank = line.trim().is_empty();
            if blank && !blank_run && pos > para_start {
                out.push((para_start, pos));
            }
            blank_run = blank;
            pos += line.len();
            if blank {
                para_start = pos;
            }
        }
        if para_start < e && !text[para_start..e].trim().is_empty() {
            out.push((para_start, e));
        }
    }
    out
}

/// One quoted span inside a paragraph.
#[derive(Clone, Copy, Debug)]
struct Piece {
    para: usize,
    /// Byte offset of the opening mark.
    open: usize,
    /// Quoted text, trimmed.
    start: usize,
    end: usize,
    /// Just past the closing mark (or the paragraph end when not closed).
    close_end: usize,
    /// Closed by a mark in the same paragraph.
    closed: bool,
    /// Continues the previous piece (opened in the previous paragraph and not closed there).
    continued: bool,
    /// Not a quotation (broken pairing); kept so its text counts as quoted.
    dropped: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
    Stray,
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// A double quote mark, or a single curly one (standing alone, not inside a word).
fn is_any_quote_char(c: char) -> bool {
    is_quote_char(c) || c == '‘' || c == '’'
}

fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '–' | '—' | '-' | '/' | ':')
}

fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || is_quote_char(c)
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '–' | '—' | '-' | '…'
        )
}

/// What a mark at `i` can do, judged by its neighbours.
fn classify(text: &str, i: usize, c: char, inside: bool) -> Mark {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let opening = prev.is_none_or(opens_after) && next.is_some_and(|n| !n.is_whitespace());
    let closing = prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(closes_before);
    match c {
        '“' | '„' | '«' if !(inside && c == '“' && closing && !opening) => Mark::Open,
        '”' | '»' | '“' if inside => Mark::Close,
        '”' | '»' if opening => Mark::Open,
        '”' | '»' => Mark::Stray,
        _ => match (opening, closing) {
            (true, false) => Mark::Open,
            (false, true) => Mark::Close,
            _ => Mark::Either,
        },
    }
}

/// Pairs the quote marks of every paragraph into pieces.
fn pair_marks(text: &str, paras: &[(usize, usize)]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    // The previous paragraph ended inside an open quote that this paragraph re-opens.
    let mut carried = false;
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let para = &text[ps..pe];
        let lead = ps + (para.len() - para.trim_start().len());
        let mut open: Option<usize> = None;
        let mut push = |o: usize, close: usize, close_end: usize, closed: bool, dropped: bool| {
            let (start, end) = trim_inner(text, o, close);
            out.push(Piece {
                para: pi,
                open: o,
                start,
                end,
                close_end,
                closed,
                continued: carried && o == lead && !dropped,
                dropped,
            });
        };
        let marks = para
            .bytes()
            .enumerate()
            .filter(|&(_, b)| matches!(b, b'"' | 0xC2 | 0xE2))
            .filter_map(|(off, _)| para[off..].chars().next().map(|c| (off, c)))
            .filter(|&(_, c)| is_quote_char(c));
        for (off, c) in marks {
            let i = ps + off;
            match (open, classify(text, i, c, open.is_some())) {
                (None, Mark::Open | Mark::Either) => open = Some(i),
                (None, _) => {}
                (Some(o), Mark::Close | Mark::Either | Mark::Stray) => {
                    push(o, i, i + c.len_utf8(), true, false);
                    open = None;
                }
                (Some(o), Mark::Open) => {
                    // The quote opened at `o` was never closed: not a quotation.
                    push(o, i, i, false, true);
                    open = Some(i);
                }
            }
        }
        let next_reopens = paras
            .get(pi + 1)
            .is_some_and(|&(ns, ne)| text[ns..ne].trim_start().starts_with(['"', '“', '„', '«']));
        let mut next_carried = false;
        if let Some(o) = open {
            // Left open at the paragraph end: continued in the next one, or kept when it opens
            // the paragraph (a missing closing mark), else dropped.
            next_carried = next_reopens;
            push(o, pe, pe, false, !(next_reopens || o == lead));
        }
        carried = next_carried;
        let first = out.partition_point(|p| p.para < pi);
        let singles = single_quotes(text, ps, pe, &out[first..]);
        out.extend(singles.into_iter().map(|(o, close)| {
            let (start, end) = trim_inner(text, o, close);
            Piece {
                para: pi,
                open: o,
                start,
                end,
                close_end: close + '’'.len_utf8(),
                closed: true,
                continued: false,
                dropped: false,
            }
        }));
        out[first..].sort_by_key(|p| p.open);
    }
    out
}

/// British-style `‘…’` quotations in `[ps, pe)` outside the double-quoted `pieces`: pairs of an
/// opening `‘` and the next `’` that ends a word and is not a plural possessive (`allies’ plan`).
/// Returns the byte offsets of each opening and closing mark.
fn single_quotes(text: &str, ps: usize, pe: usize, pieces: &[Piece]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let para = &text[ps..pe];
    let marks = para
        .bytes()
        .enumerate()
        .filter(|&(off, b)| b == 0xE2 && para.as_bytes().get(off + 1) == Some(&0x80))
        .filter_map(|(off, _)| para[off..].chars().next().map(|c| (ps + off, c)))
        .filter(|&(_, c)| c == '‘' || c == '’');
    for (i, c) in marks {
        if pieces.iter().any(|p| p.open <= i && i < p.close_end) {
            continue;
        }
        // A single-quoted span never encloses a double-quoted one.
        if open.is_some_and(|o| pieces.iter().any(|p| o < p.open && p.open < i)) {
            open = None;
        }
        let prev = text[..i].chars().next_back();
        let after = &text[i + c.len_utf8()..pe];
        let next = after.chars().next();
        match (c, open) {
            ('‘', _)
                if prev.is_none_or(opens_after) && next.is_some_and(|n| !n.is_whitespace()) =>
            {
                open = Some(i);
            }
            ('‘', _) => {}
            (_, Some(o)) => {
                let ends_word =
                    prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(closes_before);
                let possessive = prev.is_some_and(|p| p == 's' || p == 'S')
                    && after
                        .trim_start()
                        .starts_with(|n: char| n.is_lowercase() || n.is_numeric())
                    && next.is_some_and(char::is_whitespace);
                if ends_word && !possessive {
                    out.push((o, i));
                    open = None;
                }
            }
            _ => {}
        }
    }
    out
}

/// The quoted text between an opening mark at `open` and `close`: trimmed of spaces and of a
/// trailing comma (`"…," he said`).
fn trim_inner(text: &str, open: usize, close: usize) -> (usize, usize) {
    let mark_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let start = (open + mark_len).min(close);
    let inner = &text[start..close];
    let lead = inner.len() - inner.trim_start().len();
    let mut t = inner.trim();
    if let Some(s) = t.strip_suffix(',') {
        t = s.trim_end();
    }
    (start + lead, start + lead + t.len())
}

// ---------------------------------------------------------------------------------------------
// Tokens.

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

/// Words (letters, digits, inner apostrophes, hyphens and dots) and single punctuation marks.
fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let s = &text[from..to];
    let bytes = s.as_bytes();
    let char_at = |i: usize| -> Option<char> {
        match bytes.get(i) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => s[i..].chars().next(),
        }
    };
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                start: from + i,
                end: from + i + len,
                word: false,
            });
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while let Some(d) = char_at(i) {
            let dl = d.len_utf8();
            let joins = d.is_alphanumeric()
                || (matches!(d, '\'' | '’' | '-' | '.' | '&')
                    && char_at(i + dl).is_some_and(char::is_alphanumeric));
            if !joins {
                break;
            }
            i += dl;
        }
        out.push(Tok {
            start: from + start,
            end: from + i,
            word: true,
        });
    }
    out
}

/// A word of up to 16 bytes as a number, lower-cased, ordered like the words themselves.
const fn pack(w: &[u8]) -> u128 {
    let mut x = 0u128;
    let mut i = 0;
    while i < 16 {
        x <<= 8;
        if i < w.len() {
            x |= w[i].to_ascii_lowercase() as u128;
        }
        i += 1;
    }
    x
}

/// A sorted word list, packed by [`pack`] for a fast binary search.
macro_rules! words {
    ($($w:literal),* $(,)?) => {
        [$(pack($w.as_bytes())),*]
    };
}

/// Auxiliaries that make a following speech verb passive (`was told`).
const PASSIVE: &[u128] = &words!["are", "be", "been", "being", "is", "was", "were"];

/// Prepositions kept inside a speaker phrase before a capital (`Ambassador to NATO`).
const LINKING: &[u128] = &words!["for", "to"];

const SPEECH_VERBS: &[u128] = &words![
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "announced",
    "announces",
    "answered",
    "argued",
    "argues",
    "asked",
    "asks",
    "asserted",
    "assured",
    "blogged",
    "cautioned",
    "claimed",
    "commented",
    "complained",
    "conceded",
    "concluded",
    "confirmed",
    "continued",
    "countered",
    "declared",
    "declares",
    "emphasised",
    "emphasises",
    "emphasized",
    "emphasizes",
    "explained",
    "explains",
    "insisted",
    "insists",
    "joked",
    "maintained",
    "noted",
    "observed",
    "posted",
    "predicted",
    "promised",
    "quipped",
    "recalled",
    "recounted",
    "reiterated",
    "remarked",
    "repeated",
    "replied",
    "reported",
    "responded",
    "said",
    "says",
    "shouted",
    "stated",
    "stressed",
    "stresses",
    "suggested",
    "tells",
    "testified",
    "texted",
    "told",
    "tweeted",
    "tweets",
    "underlined",
    "underscored",
    "urged",
    "vowed",
    "warned",
    "warns",
    "whispered",
    "writes",
    "wrote"
];

/// Words that may sit between a speaker and the speech verb (`Rutte has also said`).
const AUX: &[u128] = &words![
    "again",
    "already",
    "also",
    "earlier",
    "finally",
    "first",
    "further",
    "had",
    "has",
    "have",
    "just",
    "last",
    "later",
    "never",
    "often",
    "once",
    "openly",
    "previously",
    "publicly",
    "recently",
    "repeatedly",
    "reportedly",
    "separately",
    "simply",
    "still",
    "subsequently",
    "then",
    "too",
    "will",
    "would"
];

/// Words that end a speaker phrase when scanning backwards from the verb.
const CLAUSE_STOP: &[u128] = &words![
    "about", "after", "although", "and", "are", "as", "at", "be", "because", "been", "before",
    "being", "but", "by", "can", "could", "did", "do", "does", "during", "from", "how", "if", "in",
    "into", "is", "may", "might", "must", "not", "on", "or", "said", "says", "should", "since",
    "so", "than", "that", "though", "unless", "until", "was", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "yet"
];

/// Words that end a speaker phrase when scanning forwards (`said Rutte on Tuesday`).
const FORWARD_STOP: &[u128] = &words![
    "about",
    "according",
    "adding",
    "after",
    "amid",
    "and",
    "as",
    "at",
    "because",
    "before",
    "but",
    "citing",
    "during",
    "earlier",
    "explaining",
    "friday",
    "from",
    "had",
    "has",
    "if",
    "in",
    "into",
    "is",
    "last",
    "later",
    "monday",
    "noting",
    "on",
    "or",
    "over",
    "quoted",
    "recently",
    "referring",
    "said",
    "saturday",
    "saying",
    "says",
    "since",
    "speaking",
    "sunday",
    "than",
    "that",
    "this",
    "thursday",
    "today",
    "told",
    "tonight",
    "tuesday",
    "via",
    "was",
    "wednesday",
    "when",
    "which",
    "while",
    "who",
    "whose",
    "will",
    "with",
    "would",
    "yesterday"
];

const DETERMINERS: &[u128] = &words![
    "a", "an", "another", "both", "he", "her", "his", "i", "it", "its", "many", "my", "one", "our",
    "several", "she", "some", "the", "their", "these", "they", "this", "those", "we", "your"
];

const ABBREVIATIONS: &[u128] = &words![
    "adm", "apr", "aug", "capt", "co", "col", "corp", "cpl", "dec", "dr", "feb", "gen", "gov",
    "hon", "inc", "jan", "jr", "lt", "ltd", "maj", "mar", "mr", "mrs", "ms", "no", "nov", "oct",
    "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "u.k", "u.s", "vs"
];

/// The text of a token.
fn tok_str(text: &str, t: Tok) -> &str {
    &text[t.start..t.end]
}

/// `w` is in `list` (made by `words!`), ignoring ASCII case.
fn in_list(list: &[u128], w: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(head) = buf.get_mut(..w.len()) else {
        return false;
    };
    head.copy_from_slice(w.as_bytes());
    buf.make_ascii_lowercase();
    list.binary_search(&u128::from_be_bytes(buf)).is_ok()
}

fn capitalised(text: &str, t: Tok) -> bool {
    t.word
        && text[t.start..t.end]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn punct(text: &str, t: Tok) -> Option<char> {
    if t.word {
        None
    } else {
        text[t.start..t.end].chars().next()
    }
}

/// A full stop after an abbreviation (`Mr.`, `U.S.`, a single initial) or a letter.
fn abbrev_dot(text: &str, toks: &[Tok], i: usize) -> bool {
    punct(text, toks[i]) == Some('.')
        && i > 0
        && toks[i - 1].word
        && toks[i - 1].end == toks[i].start
        && {
            let w = &text[toks[i - 1].start..toks[i - 1].end];
            in_list(ABBREVIATIONS, w)
                || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
        }
}

/// Ends a sentence (or clause, for `;`), or is a quote mark: attribution never reaches past it.
fn barrier(text: &str, toks: &[Tok], i: usize) -> bool {
    match punct(text, toks[i]) {
        Some('.') => !abbrev_dot(text, toks, i),
        Some(c) => matches!(c, '!' | '?' | ';' | '…') || is_any_quote_char(c),
        None => false,
    }
}

/// The number of tokens making up a speech verb at `i` (`said` 1, `according to` 2,
/// `pointed out` 2), or 0.
fn speech_verb(text: &str, toks: &[Tok], i: usize) -> usize {
    let t = toks[i];
    if !t.word {
        return 0;
    }
    let w = tok_str(text, t);
    let next = toks
        .get(i + 1)
        .filter(|n| n.word)
        .map(|&n| tok_str(text, n));
    let next_is = |x: &str| next.is_some_and(|n| n.eq_ignore_ascii_case(x));
    if w.eq_ignore_ascii_case("according") && next_is("to") {
        return 2;
    }
    if w.eq_ignore_ascii_case("pointed") && next_is("out") {
        return 2;
    }
    match w {
        _ if in_list(SPEECH_VERBS, w) => {
            // Passive `was told` is not speech by the subject.
            let passive = i > 0 && toks[i - 1].word && in_list(PASSIVE, tok_str(text, toks[i - 1]));
            usize::from(!passive)
        }
        _ => 0,
    }
}

/// A phrase can name a speaker only if it starts with a capital, a determiner or a pronoun.
fn np_start_ok(text: &str, t: Tok) -> bool {
    capitalised(text, t) || in_list(DETERMINERS, tok_str(text, t))
}

/// The speaker phrase ending right before the verb at `v`: token range. Skips one parenthetical
/// between commas (`Smith, the US ambassador, said`, `Rutte, who met Nauseda, said`).
fn np_before(text: &str, toks: &[Tok], v: usize) -> Option<(usize, usize)> {
    let mut b = v;
    while b > 0 && toks[b - 1].word && in_list(AUX, tok_str(text, toks[b - 1])) {
        b -= 1;
    }
    if let Some(r) = np_ending_at(text, toks, b) {
        return Some(r);
    }
    if b == 0 || punct(text, toks[b - 1]) != Some(',') {
        return None;
    }
    let mut k = b - 1;
    while k > 0 && b - k < 16 {
        k -= 1;
        if barrier(text, toks, k) {
            return None;
        }
        if punct(text, toks[k]) == Some(',') {
            return np_ending_at(text, toks, k);
        }
    }
    None
}

/// The noun phrase made of the words right before token `b`.
fn np_ending_at(text: &str, toks: &[Tok], b: usize) -> Option<(usize, usize)> {
    let mut a = b;
    while a > 0 && b - a < 10 {
        let t = toks[a - 1];
        if !t.word && !abbrev_dot(text, toks, a - 1) {
            break;
        }
        if t.word && in_list(CLAUSE_STOP, tok_str(text, t)) {
            break;
        }
        a -= 1;
    }
    while a < b && !(toks[a].word && np_start_ok(text, toks[a])) {
        a += 1;
    }
    (a < b).then_some((a, b))
}

/// The speaker phrase starting at `from` (`said Prime Minister Paluckas on Tuesday`): token range.
fn np_after(text: &str, toks: &[Tok], from: usize) -> Option<(usize, usize)> {
    let mut b = from;
    while b < toks.len() && b - from < 10 {
        let t = toks[b];
        if !t.word {
            if abbrev_dot(text, toks, b) {
                b += 1;
                continue;
            }
            break;
        }
        let w = tok_str(text, t);
        if in_list(FORWARD_STOP, w) || w.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        if in_list(LINKING, w) && !toks.get(b + 1).is_some_and(|&n| capitalised(text, n)) {
            break;
        }
        b += 1;
    }
    let ok = b > from && toks[from].word && np_start_ok(text, toks[from]);
    ok.then_some((from, b))
}

/// `Reuters quoted the ministry as saying` (the ministry) and `Rutte was quoted as saying`
/// (Rutte), with `quoted` at token `k`.
fn quoted_as_saying(text: &str, toks: &[Tok], k: usize) -> Option<(usize, usize)> {
    let is = |i: usize, w: &str| {
        toks.get(i)
            .is_some_and(|&t| t.word && tok_str(text, t).eq_ignore_ascii_case(w))
    };
    if !is(k, "quoted") {
        return None;
    }
    if is(k + 1, "as") && is(k + 2, "saying") {
        let passive = k > 0 && toks[k - 1].word && in_list(PASSIVE, tok_str(text, toks[k - 1]));
        return if passive {
            np_before(text, toks, k - 1)
        } else {
            None
        };
    }
    let (a, b) = np_after(text, toks, k + 1)?;
    (is(b, "as") && is(b + 1, "saying")).then_some((a, b))
}

// ---------------------------------------------------------------------------------------------
// Attribution.

/// Who a quote is attributed to: a byte range of the speaker phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Attr {
    start: usize,
    end: usize,
    /// The speech verb is right next to the quote (`"…," she said`, `said: "…"`).
    tight: bool,
    /// Taken from an earlier quote of the same paragraph.
    inherited: bool,
}

struct Group {
    first: usize,
    last: usize,
    attr: Option<Attr>,
}

/// A person named as saying something, at byte `pos`.
#[derive(Clone, Copy, Debug)]
struct Event {
    pos: usize,
    para: usize,
    entity: EntityIdx,
}

struct Ctx<'a> {
    text: &'a str,
    paras: &'a [(usize, usize)],
    toks: &'a [Vec<Tok>],
    pieces: &'a [Piece],
    mentions: &'a [Mention],
    entities: &'a [Entity],
    /// Persons mentioned in the document and their normalised forms.
    people: Vec<(EntityIdx, Vec<String>)>,
}

impl Ctx<'_> {
    fn span(&self, toks: &[Tok], (a, b): (usize, usize), tight: bool) -> Attr {
        let mut b = b;
        while b > a + 1 && !toks[b - 1].word && !abbrev_dot(self.text, toks, b - 1) {
            b -= 1;
        }
        Attr {
            start: toks[a].start,
            end: toks[b - 1].end,
            tight,
            inherited: false,
        }
    }

    fn attribute(&self, g: &Group) -> Option<Attr> {
        let last = self.pieces[g.last];
        let first = self.pieces[g.first];
        let after = if last.closed { self.after(&last) } else { None };
        after.or_else(|| self.before(&first))
    }

    /// `"…," Rutte said`, `"…," said Rutte`, `"…", according to the report`.
    fn after(&self, p: &Piece) -> Option<Attr> {
        let toks = &self.toks[p.para];
        let text = self.text;
        let mut i = toks.partition_point(|t| t.start < p.close_end);
        while i < toks.len() && matches!(punct(text, toks[i]), Some(',' | '–' | '—' | '-')) {
            i += 1;
        }
        if i >= toks.len() || !toks[i].word {
            return None;
        }
        let n = speech_verb(text, toks, i);
        if n > 0 {
            return np_after(text, toks, i + n).map(|r| self.span(toks, r, true));
        }
        let limit = (i + 24).min(toks.len());
        let mut v = i;
        while v < limit && !barrier(text, toks, v) && speech_verb(text, toks, v) == 0 {
            if let Some(r) = quoted_as_saying(text, toks, v) {
                return Some(self.span(toks, r, true));
            }
            v += 1;
        }
        if v >= limit || barrier(text, toks, v) {
            return None;
        }
        if tok_str(text, toks[v]).eq_ignore_ascii_case("according") {
            return None;
        }
        let mut b = v;
        while b > i && toks[b - 1].word && in_list(AUX, tok_str(text, toks[b - 1])) {
            b -= 1;
        }
        if b == i || !np_start_ok(text, toks[i]) {
            return None;
        }
        let clean = |to: usize| {
            toks[i..to].iter().enumerate().all(|(k, &t)| {
                if t.word {
                    let w = tok_str(text, t);
                    w.eq_ignore_ascii_case("and") || !in_list(CLAUSE_STOP, w)
                } else {
                    punct(text, t) == Some(',') || abbrev_dot(text, toks, i + k)
                }
            })
        };
        if clean(b) {
            return Some(self.span(toks, (i, b), true));
        }
        // `"…," Rutte, who met Nauseda on Tuesday, said.`
        let comma = (i..b).find(|&k| punct(text, toks[k]) == Some(','))?;
        (comma > i && clean(comma)).then(|| self.span(toks, (i, comma), true))
    }

    /// `Rutte told reporters "…"`, `X said that "…"`, `according to X, "…"`.
    fn before(&self, p: &Piece) -> Option<Attr> {
        let toks = &self.toks[p.para];
        let text = self.text;
        let j = toks.partition_point(|t| t.start < p.open);
        let mut gap = 0;
        let mut k = j;
        while k > 0 && j - k < 30 {
            k -= 1;
            if barrier(text, toks, k) {
                return None;
            }
            if toks[k].word {
                if k + 1 < toks.len() && speech_verb(text, toks, k) == 2 {
                    if tok_str(text, toks[k]).eq_ignore_ascii_case("according") {
                        let r = np_after(text, toks, k + 2)?;
                        let tight = toks[r.1..j].iter().all(|t| !t.word);
                        return Some(self.span(toks, r, tight));
                    }
                    let r = np_before(text, toks, k)?;
                    return Some(self.span(toks, r, gap <= 2));
                }
                if speech_verb(text, toks, k) == 1 {
                    let r = np_before(text, toks, k)?;
                    return Some(self.span(toks, r, gap <= 2));
                }
                if let Some(r) = quoted_as_saying(text, toks, k) {
                    return Some(self.span(toks, r, gap <= 2));
                }
                if !tok_str(text, toks[k]).eq_ignore_ascii_case("that") {
                    gap += 1;
                }
            }
        }
        None
    }

    fn is_statement(&self, g: &Group) -> bool {
        if g.last > g.first {
            return true;
        }
        let p = self.pieces[g.first];
        let words = self.text[p.start..p.end].split_whitespace().count();
        if words == 0 {
            return false;
        }
        // Sentence punctuation inside the marks (before the trailing comma was trimmed).
        let inner = self.text[..p.close_end]
            .trim_end_matches(is_any_quote_char)
            .trim_end();
        let sentence_end = p.closed && inner.ends_with(['.', '!', '?', '…']);
        let punctuated = sentence_end || (p.closed && inner.ends_with(','));
        let tight = g.attr.is_some_and(|a| a.tight);
        if words < MIN_LOOSE_WORDS {
            // `"No comment."` as a sentence of its own, or `said "no"`; never a scare quote.
            let starts_sentence = self.text[self.paras[p.para].0..p.open]
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':'));
            return tight || (sentence_end && starts_sentence);
        }
        g.attr.is_some() || punctuated || words >= MIN_UNATTRIBUTED_WORDS || !p.closed
    }

    fn inside_quote(&self, pos: usize) -> bool {
        let i = self.pieces.partition_point(|p| p.open <= pos);
        i > 0 && pos < self.pieces[i - 1].close_end
    }

    fn is_person(&self, m: &Mention) -> bool {
        !m.adjective
            && self
                .entities
                .get(m.entity as usize)
                .is_some_and(|e| e.kind == EntityKind::Person)
    }

    /// Mentions overlapping `[s, e)`.
    fn overlapping(&self, s: usize, e: usize) -> impl Iterator<Item = &Mention> {
        let from = self.mentions.partition_point(|m| (m.end as usize) <= s);
        self.mentions[from..]
            .iter()
            .take_while(move |m| (m.start as usize) < e)
            .filter(move |m| (m.end as usize) > s)
    }

    /// Persons named as subject of a speech verb outside quotes (`Kallas said she …`).
    fn speech_events(&self) -> Vec<Event> {
        let text = self.text;
        let mut out = Vec::new();
        for (pi, toks) in self.toks.iter().enumerate() {
            for v in 0..toks.len() {
                let n = speech_verb(text, toks, v);
                if n == 0 || self.inside_quote(toks[v].start) {
                    continue;
                }
                let range = if n == 2 && tok_str(text, toks[v]).eq_ignore_ascii_case("according") {
                    np_after(text, toks, v + 2)
                } else {
                    np_before(text, toks, v).or_else(|| np_after(text, toks, v + n))
                };
                let Some((a, b)) = range else { continue };
                let (s, e) = (toks[a].start, toks[b - 1].end);
                let person = self
                    .overlapping(s, e)
                    .find(|m| self.is_person(m))
                    .map(|m| m.entity)
                    .or_else(|| self.by_form(&text[s..e]));
                if let Some(entity) = person {
                    out.push(Event {
                        pos: toks[v].start,
                        para: pi,
                        entity,
                    });
                }
            }
        }
        out
    }

    fn resolve(&self, a: &Attr, para: usize, events: &[Event]) -> Option<EntityIdx> {
        let text = self.text;
        let speaker = &text[a.start..a.end];
        // A person named in the speaker phrase, unless as owner (`Rutte's office`).
        let owner = |m: &Mention| {
            let rest = text.get(m.end as usize..a.end).unwrap_or("");
            (rest.starts_with("'s") || rest.starts_with("’s")) && rest.len() > "’s".len()
        };
        if let Some(m) = self
            .overlapping(a.start, a.end)
            .find(|m| self.is_person(m) && !owner(m))
        {
            return Some(m.entity);
        }
        let lowered = speaker.to_lowercase();
        let bare_start = if speaker
            .get(..4)
            .is_some_and(|t| t.eq_ignore_ascii_case("the "))
        {
            a.start + 4
        } else {
            a.start
        };
        if let Some(m) = self.overlapping(a.start, a.end).find(|m| {
            m.start as usize == bare_start
                && m.end as usize == a.end
                && self
                    .entities
                    .get(m.entity as usize)
                    .is_some_and(|e| e.kind == EntityKind::Organization)
        }) {
            return Some(m.entity);
        }
        if matches!(lowered.as_str(), "he" | "she") {
            let pos = a.start;
            if let Some(ev) = events
                .iter()
                .rev()
                .filter(|ev| ev.pos < pos)
                .take_while(|ev| ev.para + 2 >= para)
                .next()
            {
                return Some(ev.entity);
            }
            // Simple case: exactly one person named before, in this paragraph or the previous.
            let para_start = self.paras[para.saturating_sub(1)].0;
            let mut seen: Option<EntityIdx> = None;
            for m in self.overlapping(para_start, pos) {
                if !self.is_person(m) || self.inside_quote(m.start as usize) {
                    continue;
                }
                match seen {
                    Some(e) if e != m.entity => return None,
                    _ => seen = Some(m.entity),
                }
            }
            return seen;
        }
        if let Some(e) = self.by_title(a, &lowered, para) {
            return Some(e);
        }
        self.by_form(speaker)
    }

    /// `the Lithuanian head of state` -> the last person mentioned nearby with a matching title.
    fn by_title(&self, a: &Attr, speaker: &str, para: usize) -> Option<EntityIdx> {
        let first_word_title = ROLES.iter().any(|r| {
            speaker.starts_with(r) && self.text[a.start..].starts_with(char::is_uppercase)
        });
        if !(speaker.starts_with("the ") || first_word_title) {
            return None;
        }
        let role = find_role(speaker)?;
        let wanted = role_synonyms(role);
        let from = self.paras[para.saturating_sub(3)].0;
        let before: Vec<&Mention> = self
            .overlapping(from, a.start)
            .filter(|m| (m.end as usize) <= a.start)
            .collect();
        before
            .iter()
            .rev()
            .filter(|m| self.is_person(m) && !self.inside_quote(m.start as usize))
            .find(|m| {
                let titles = self.titles(m.entity);
                wanted.iter().any(|w| has_phrase(&titles, w))
            })
            .map(|m| m.entity)
    }

    /// Titles seen for an entity: its recorded roles plus the words right before its mentions in
    /// this document and an apposition right after (`Jens Stoltenberg, the secretary general`).
    fn titles(&self, entity: EntityIdx) -> String {
        let text = self.text;
        let mut out = String::from(" ");
        if let Some(e) = self.entities.get(entity as usize) {
            for r in &e.roles {
                out.push_str(&normalise(r));
                out.push(' ');
            }
        }
        for m in self.mentions.iter().filter(|m| m.entity == entity) {
            let (s, e) = (m.start as usize, m.end as usize);
            let mut lo = s.saturating_sub(60);
            while !text.is_char_boundary(lo) {
                lo += 1;
            }
            let before = &text[lo..s];
            let before = before
                .char_indices()
                .rev()
                .find(|&(_, c)| ".,;:!?\"“”()\n".contains(c))
                .map_or(before, |(k, c)| &before[k + c.len_utf8()..]);
            let words: Vec<&str> = before.split_whitespace().collect();
            let keep = words
                .iter()
                .rev()
                .take(4)
                .take_while(|w| !in_list(CLAUSE_STOP, w) && !in_list(SPEECH_VERBS, w))
                .count();
            out.push_str(&normalise(&words[words.len() - keep..].join(" ")));
            out.push(' ');
            if let Some(rest) = text[e..].strip_prefix(", ") {
                let mut hi = rest.len().min(60);
                while !rest.is_char_boundary(hi) {
                    hi -= 1;
                }
                let app = &rest[..hi];
                let app = app
                    .find(|c: char| ".,;:!?\"“”()\n".contains(c))
                    .map_or(app, |k| &app[..k]);
                out.push_str(&normalise(app));
                out.push(' ');
            }
        }
        out
    }

    /// A speaker that spells a form of a person mentioned in this document (longest form wins),
    /// else whose last word is the surname of exactly one such person.
    fn by_form(&self, speaker: &str) -> Option<EntityIdx> {
        if speaker.contains("'s ") || speaker.contains("’s ") {
            return None; // `Rutte's office` speaks for Rutte but is not Rutte
        }
        if !speaker.contains(char::is_uppercase) {
            return None;
        }
        let padded = format!(" {} ", normalise(speaker));
        let last = padded.split_whitespace().next_back().unwrap_or("");
        let mut best: Option<(usize, EntityIdx)> = None;
        let mut by_surname: Option<Option<EntityIdx>> = None;
        for (i, forms) in &self.people {
            for form in forms {
                if has_phrase(&padded, form) && best.is_none_or(|(l, _)| form.len() > l) {
                    best = Some((form.len(), *i));
                }
                if form.split(' ').next_back() == Some(last) && form.contains(' ') {
                    by_surname = match by_surname {
                        Some(Some(e)) if e != *i => Some(None),
                        _ => Some(Some(*i)),
                    };
                }
            }
        }
        best.map(|(_, e)| e).or(by_surname.flatten())
    }
}

/// The persons mentioned in a document, with their non-adjective forms normalised.
fn people_of(mentions: &[Mention], entities: &[Entity]) -> Vec<(EntityIdx, Vec<String>)> {
    let mut seen: Vec<EntityIdx> = mentions.iter().map(|m| m.entity).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.into_iter()
        .filter_map(|i| {
            let e = entities.get(i as usize)?;
            (e.kind == EntityKind::Person).then(|| {
                let forms = e
                    .forms
                    .iter()
                    .filter(|f| !f.adjective && f.text.chars().count() > 2)
                    .map(|f| normalise(&f.text))
                    .collect();
                (i, forms)
            })
        })
        .collect()
}

/// Titles that name a speaker by office (general English, not tied to any corpus), lower case
/// with hyphens as spaces.
const ROLES: &[&str] = &[
    "head of state",
    "head of government",
    "prime minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "finance minister",
    "interior minister",
    "secretary general",
    "president",
    "premier",
    "minister",
    "chancellor",
    "ambassador",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chief",
    "governor",
    "mayor",
    "senator",
    "commander",
    "general",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "king",
    "queen",
    "pope",
    "envoy",
    "monarch",
    "emir",
    "sheikh",
    "congressman",
    "congresswoman",
];

fn find_role(speaker: &str) -> Option<&'static str> {
    let padded = format!(" {} ", normalise(speaker));
    ROLES
        .iter()
        .copied()
        .filter(|r| has_phrase(&padded, r))
        .max_by_key(|r| r.len())
}

fn role_synonyms(role: &'static str) -> Vec<String> {
    let extra: &[&str] = match role {
        "head of state" => &["president", "king", "queen", "monarch", "emir"],
        "head of government" | "premier" => &["prime minister", "premier", "chancellor"],
        "leader" => &["president", "prime minister", "chancellor", "chief"],
        "chief" => &["head", "secretary general", "director"],
        "minister" => &["secretary"],
        _ => &[],
    };
    std::iter::once(role)
        .chain(extra.iter().copied())
        .map(normalise)
        .collect()
}

/// Lower case, hyphens as spaces, single spaces.
fn normalise(s: &str) -> String {
    s.to_lowercase()
        .replace(['-', '’', '\''], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `haystack` (space padded) contains `phrase` as whole words.
fn has_phrase(haystack: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && haystack.match_indices(phrase).any(|(i, _)| {
            haystack[..i].ends_with(' ') && haystack[i + phrase.len()..].starts_with(' ')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, Form};

    #[test]
    fn said_by_matches_the_entity_name_or_the_speaker_as_written() {
        let entities = ents(&[("Mark Rutte", EntityKind::Person, &["Rutte"])]);
        let linked = Quote {
            document: 0,
            start: 0,
            end: 1,
            speaker: Some("the NATO chief".into()),
            entity: Some(0),
            continued: false,
        };
        assert!(said_by(&linked, "rutte", &entities));
        assert!(said_by(&linked, "nato chief", &entities));
        assert!(!said_by(&linked, "putin", &entities));
        let unattributed = Quote {
            speaker: None,
            entity: None,
            ..linked
        };
        assert!(!said_by(&unattributed, "rutte", &entities));
    }

    /// A document whose paragraphs are the `\n\n`-separated parts of `body`.
    fn doc(body: &str) -> Document {
        let mut blocks = Vec::new();
        let mut pos = 0;
        for part in body.split("\n\n") {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                start: pos as u32,
                end: (pos + part.len()) as u32,
            });
            pos += part.len() + 2;
        }
        Document {
            id: "d".into(),
            body: body.into(),
            blocks,
            ..Document::default()
        }
    }

    /// Entities from `(name, kind, forms)`.
    fn ents(spec: &[(&str, EntityKind, &[&str])]) -> Vec<Entity> {
        spec.iter()
            .map(|&(name, kind, forms)| Entity {
                id: normalise(name).replace(' ', "-"),
                name: name.into(),
                kind,
                forms: forms
                    .iter()
                    .map(|f| Form {
                        text: (*f).into(),
                        count: 1,
                        adjective: false,
                    })
                    .collect(),
                roles: vec![],
                documents: vec![0],
            })
            .collect()
    }

    /// Every whole-word occurrence of every form, longest first, without overlaps.
    fn find_mentions(body: &str, entities: &[Entity]) -> Vec<Mention> {
        let mut forms: Vec<(&str, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.forms.iter().map(move |f| (f.text.as_str(), i)))
            .collect();
        forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        let mut out: Vec<Mention> = Vec::new();
        for (f, i) in forms {
            for (s, _) in body.match_indices(f) {
                let e = s + f.len();
                let boundary = !body[..s].ends_with(char::is_alphanumeric)
                    && !body[e..].starts_with(char::is_alphanumeric);
                let free = out
                    .iter()
                    .all(|m| e <= m.start as usize || s >= m.end as usize);
                if boundary && free {
                    out.push(Mention {
                        entity: i as EntityIdx,
                        start: s as u32,
                        end: e as u32,
                        adjective: false,
                    });
                }
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    const PERSON: EntityKind = EntityKind::Person;
    const ORG: EntityKind = EntityKind::Organization;
    const PLACE: EntityKind = EntityKind::Place;

    fn people() -> Vec<Entity> {
        ents(&[
            ("Mark Rutte", PERSON, &["Mark Rutte", "Rutte"]),
            ("Gitanas Nauseda", PERSON, &["Gitanas Nauseda", "Nauseda"]),
            (
                "Jens Stoltenberg",
                PERSON,
                &["Jens Stoltenberg", "Stoltenberg"],
            ),
            ("Kaja Kallas", PERSON, &["Kaja Kallas", "Kallas"]),
            ("Paluckas", PERSON, &["Paluckas"]),
            ("Julianne Smith", PERSON, &["Julianne Smith"]),
            ("Klaus Iohannis", PERSON, &["Klaus Iohannis", "Iohannis"]),
            ("NATO", ORG, &["NATO"]),
            ("Lithuania", PLACE, &["Lithuania", "Lithuanian"]),
        ])
    }

    /// `(text, speaker, entity name, continued)` of every quote in `body`.
    fn run(body: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
        let d = doc(body);
        let entities = people();
        let mentions = find_mentions(body, &entities);
        extract_quotes(0, &d, &mentions, &entities)
            .into_iter()
            .map(|q| {
                (
                    q.text(&d).to_string(),
                    q.speaker.clone(),
                    q.entity.map(|e| entities[e as usize].name.clone()),
                    q.continued,
                )
            })
            .collect()
    }

    fn one(body: &str) -> (String, Option<String>, Option<String>) {
        let mut all = run(body);
        assert_eq!(all.len(), 1, "{all:?}");
        let (t, s, e, _) = all.remove(0);
        (t, s, e)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn name_then_verb_after_quote() {
        let (t, s, e) = one(
            r#""Lithuania's borders are EU and NATO borders and we will defend them," Rutte said."#,
        );
        assert_eq!(
            t,
            "Lithuania's borders are EU and NATO borders and we will defend them"
        );
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
    }

    #[test]
    fn verb_then_title_and_name_after_quote() {
        let (_, s, e) = one(
            "The ministers spoke on Tuesday.\n\"As an Alliance, we must remind ourselves that \
             defence spending is an investment,\" said Prime Minister Paluckas.",
        );
        assert_eq!((s, e), (some("Prime Minister Paluckas"), some("Paluckas")));
    }

    #[test]
    fn speaker_is_only_the_phrase_before_the_verb() {
        let (_, s, e) = one(
            r#""Dutch armed forces are making preparations for an exercise," Rutte told reporters in Vilnius alongside Lithuanian president Gitanas Nauseda."#,
        );
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
    }

    #[test]
    fn apposition_with_commas_before_the_verb() {
        let (_, s, e) = one(
            r#""We fully back him as the next Secretary-General," the US Permanent Representative to NATO, Ambassador Julianne Smith, said."#,
        );
        assert_eq!(
            s,
            some("the US Permanent Representative to NATO, Ambassador Julianne Smith")
        );
        assert_eq!(e, some("Julianne Smith"));
    }

    #[test]
    fn verb_before_quote_with_words_between() {
        let (t, s, e) = one(
            r#"Stoltenberg tweeted after the call with Nauseda that "Lithuania is a valued Ally, making important contributions"."#,
        );
        assert!(t.starts_with("Lithuania is a valued Ally"));
        assert_eq!((s, e), (some("Stoltenberg"), some("Jens Stoltenberg")));
        let (_, s, e) =
            one(r#"Rutte said that "the Netherlands will deploy Patriot missile systems"."#);
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
        let (_, s, e) = one(r#"Rutte said: "We will stay with you as long as it takes.""#);
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
    }

    #[test]
    fn according_to_keeps_speaker_without_entity() {
        let (t, s, e) = one(
            r#""Lithuania has consistently complied with the requirement," according to the press release."#,
        );
        assert_eq!(
            t,
            "Lithuania has consistently complied with the requirement"
        );
        assert_eq!((s, e), (some("the press release"), None));
        let (_, s, e) = one(r#"According to Rutte, "the Alliance stands together on this point"."#);
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
    }

    #[test]
    fn organisation_speaker_is_kept_without_entity() {
        let (_, s, e) = one(
            r#""The president underlined that it was particularly important to continue NATO's adaptation", his office said."#,
        );
        assert_eq!((s, e), (some("his office"), None));
        let (_, s, e) = one(r#""The summit will be held in July as planned," NATO said."#);
        assert_eq!((s, e), (some("NATO"), some("NATO")));
    }

    #[test]
    fn parenthetical_between_speaker_and_verb() {
        let (_, s, e) = one(
            r#""We will defend every inch of allied territory," Rutte, who met Nauseda on Tuesday, said."#,
        );
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
        let (_, s, e) = one(r#"Julianne Smith, the US ambassador, said "we fully back him"."#);
        assert_eq!((s, e), (some("Julianne Smith"), some("Julianne Smith")));
    }

    #[test]
    fn owner_of_the_speaker_is_not_the_speaker() {
        let (_, s, e) =
            one(r#""The visit was postponed for security reasons," Rutte's office said."#);
        assert_eq!((s, e), (some("Rutte's office"), None));
    }

    #[test]
    fn pronoun_resolves_to_last_named_speaker_not_last_name() {
        // Stoltenberg is named last, but Nauseda is the one who said something.
        let (t, s, e) = one(
            "VILNIUS – NATO must keep its posture, Lithuanian President Gitanas Nauseda said after \
             a phone call with Jens Stoltenberg, the Alliance's secretary general.\n\n\u{201c}As \
             we seek to find the most appropriate response, we need to maintain deterrence,\" he \
             said in a press release.",
        );
        assert!(t.starts_with("As we seek"), "{t}");
        assert_eq!((s, e), (some("he"), some("Gitanas Nauseda")));
    }

    #[test]
    fn pronoun_skips_names_inside_the_quote() {
        let (_, s, e) = one(
            r#"Kallas said she believes a strong NATO should focus on Russia. "I have discussed this in depth with Mark Rutte, and he is committed to these priorities," she said, quoted by Politico."#,
        );
        assert_eq!((s, e), (some("she"), some("Kaja Kallas")));
    }

    #[test]
    fn pronoun_without_a_clear_antecedent_stays_unlinked() {
        let (_, s, e) = one(
            r#"Rutte met Nauseda in Vilnius. "We agreed on everything that matters today," he said."#,
        );
        assert_eq!((s, e), (some("he"), None));
        let (_, s, e) = one(
            r#"Rutte arrived in Vilnius. "We agreed on everything that matters today," he said."#,
        );
        assert_eq!((s, e), (some("he"), some("Mark Rutte")));
    }

    #[test]
    fn definite_description_resolves_by_title() {
        let r = run(
            "Lithuania said it would support him during Rutte's visit with president Gitanas \
             Nauseda.\n\nThe Lithuanian head of state said Rutte is \"one of those politicians who \
             recognized the Russian threat quite early\" and adjusted his position.",
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, some("The Lithuanian head of state"));
        assert_eq!(r[0].2, some("Gitanas Nauseda"));
    }

    #[test]
    fn scare_quotes_and_titles_are_not_statements() {
        assert!(run(r#"The ambassador stressed her support for Rutte and wished "all the best" to president Iohannis."#).is_empty());
        assert!(
            run("Landsbergis will attend a meeting in the \u{201c}3 + 1\u{201d} format.")
                .is_empty()
        );
        assert!(run(r#"The Secretary General commended the initiative – "Buy in Ukraine for Ukraine" – a move that strengthens industry."#).is_empty());
        // A short quote right after a speech verb, or a short sentence of its own, is a statement.
        assert_eq!(
            one(r#"Asked about the plan, Rutte said "never"."#).2,
            some("Mark Rutte")
        );
        assert_eq!(one(r#"The talks ended. "No comment.""#).0, "No comment.");
    }

    #[test]
    fn british_single_quotes() {
        let (t, s, e) =
            one("\u{2018}We will not leave our allies\u{2019} side,\u{2019} Rutte said.");
        assert_eq!(t, "We will not leave our allies\u{2019} side");
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
        // Apostrophes alone are not quotes; single quotes nested in double ones are not separate.
        assert!(run(
            "Russia\u{2019}s allies\u{2019} plans were discussed at length by the ministers."
        )
        .is_empty());
        let r = run("\"He called it \u{2018}a trap\u{2019} and left the room,\" Rutte said.");
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn quote_continued_over_paragraphs() {
        let r = run(
            "Rutte spoke after the meeting. \"We will defend every inch of allied territory.\n\n\
             \"And we will do it together with all our partners,\" Rutte said.\n\n\
             \"This is a separate quote that nobody is credited with in the text.\"",
        );
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(r[0].0.starts_with("We will defend") && !r[0].3);
        assert!(r[1].0.starts_with("And we will") && r[1].3);
        assert_eq!(r[0].2, some("Mark Rutte"));
        assert_eq!(r[1].2, some("Mark Rutte"));
        assert_eq!((r[2].1.clone(), r[2].3), (None, false));
    }

    #[test]
    fn quote_over_three_paragraphs() {
        let r = run(
            "Rutte said: \"We will defend every inch.\n\n\"We will do it together.\n\n\"And we \
             will not wait.\"\n\nThe talks ended.",
        );
        let flags: Vec<bool> = r.iter().map(|q| q.3).collect();
        assert_eq!(flags, [false, true, true]);
        assert!(r.iter().all(|q| q.2 == some("Mark Rutte")));
    }

    #[test]
    fn empty_opening_piece_leaves_no_orphan_continuation() {
        let r = run("Then \"\n\n\"We will defend every inch of allied territory together.\"");
        assert_eq!(r.len(), 1);
        assert!(!r[0].3);
    }

    #[test]
    fn later_quote_in_paragraph_takes_earlier_speaker() {
        let r = run(
            r#""We are ready," Rutte said. "The Patriot unit will arrive in Lithuania this summer.""#,
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].2, some("Mark Rutte"));
        assert_eq!(r[1].1, some("Rutte"));
    }

    #[test]
    fn unattributed_quote_stays_unattributed() {
        let r = run(
            "\"The launch of the process will upbuild vitally important transatlantic ties.\"\n\n\
             Nauseda met Stoltenberg.",
        );
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].1.clone(), r[0].2.clone()), (None, None));
    }

    #[test]
    fn reported_speech_without_marks_is_not_a_quote() {
        assert!(run(
            "In this context, the operation is an example of solidarity, said Mr Paluckas."
        )
        .is_empty());
    }

    #[test]
    fn unbalanced_marks_never_panic() {
        let parts = [
            "\"",
            "\u{201c}",
            "\u{201d}",
            "\u{201e}",
            "\u{ab}",
            "\u{bb}",
            "\u{2018}",
            "\u{2019}",
            "\n\n",
            ",",
            ".",
            "said ",
            "Rutte",
            " we go é ",
        ];
        // Every string of four of these parts.
        let mut cases = vec![String::new()];
        for _ in 0..4 {
            cases = cases
                .iter()
                .flat_map(|c| parts.iter().map(move |m| format!("{c}{m}")))
                .collect();
        }
        for c in cases {
            let d = doc(&c);
            let entities = people();
            let mentions = find_mentions(&c, &entities);
            for q in extract_quotes(0, &d, &mentions, &entities) {
                assert!(q.start <= q.end && (q.end as usize) <= c.len());
                assert!(c.is_char_boundary(q.start as usize) && c.is_char_boundary(q.end as usize));
            }
        }
        // A quote opened mid-paragraph and never closed is dropped.
        assert!(
            run("He called it \"a trap that will never close and so on and so forth\n\nNext.")
                .is_empty()
        );
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            SPEECH_VERBS,
            AUX,
            CLAUSE_STOP,
            FORWARD_STOP,
            DETERMINERS,
            ABBREVIATIONS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(in_list(SPEECH_VERBS, "Said") && !in_list(SPEECH_VERBS, "sai"));
    }

    #[test]
    fn bad_mentions_never_panic() {
        let body = "\"We will defend them,\" Rutte said. \"Yes, of course,\" he added, in Vilnius.";
        let d = doc(body);
        let entities = people();
        let mentions: Vec<Mention> = [(40, 200), (30, 20), (3, 4), (1, 2), (34, 39), (20, 36)]
            .iter()
            .map(|&(start, end)| Mention {
                entity: 99,
                start,
                end,
                adjective: false,
            })
            .chain([Mention {
                entity: 0,
                start: 20,
                end: 60,
                adjective: false,
            }])
            .collect();
        assert_eq!(extract_quotes(0, &d, &mentions, &entities).len(), 2);
    }

    #[test]
    fn speaker_without_mention_links_by_form_or_surname() {
        // No mentions at all: the speaker's words are matched against the document's persons.
        let body = r#"Mark Rutte visited Vilnius. "We will defend every inch of it," Rutte said."#;
        let d = doc(body);
        let entities = ents(&[("Mark Rutte", PERSON, &["Mark Rutte"])]);
        let mentions = vec![Mention {
            entity: 0,
            start: 0,
            end: 10,
            adjective: false,
        }];
        let q = extract_quotes(0, &d, &mentions, &entities);
        assert_eq!(q[0].entity, Some(0));
        // Two persons share the surname: no guess.
        let entities = ents(&[
            ("Mark Rutte", PERSON, &["Mark Rutte"]),
            ("Anna Rutte", PERSON, &["Anna Rutte"]),
        ]);
        let body =
            r#"Mark Rutte and Anna Rutte visited. "We will defend every inch of it," Rutte said."#;
        let mentions = find_mentions(body, &entities);
        assert_eq!(
            extract_quotes(0, &doc(body), &mentions, &entities)[0].entity,
            None
        );
    }

    #[test]
    fn overlapping_blocks_never_panic() {
        let body = r#""We will defend every inch of allied territory," Rutte said."#;
        let mut d = doc(body);
        d.blocks.push(Block {
            kind: BlockKind::Paragraph,
            start: 5,
            end: 30,
        });
        d.blocks.reverse();
        let entities = people();
        let q = extract_quotes(0, &d, &find_mentions(body, &entities), &entities);
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn wire_service_styles() {
        let (_, s, _) =
            one(r#""We are not going to back down," said Zelenskiy, speaking in Kyiv on Tuesday."#);
        assert_eq!(s, some("Zelenskiy"));
        let (_, s, _) =
            one(r#"Zelenskiy said on Telegram: "Russia must be stopped before it is too late.""#);
        assert_eq!(s, some("Zelenskiy"));
        let (_, s, _) = one(
            r#""It's a dangerous moment," a senior U.S. official told reporters, speaking on condition of anonymity."#,
        );
        assert_eq!(s, some("a senior U.S. official"));
        let r = run(
            r#""We will respond," Rutte said, adding: "The response will be swift and it will be united.""#,
        );
        assert_eq!(r.len(), 2);
        assert_eq!(
            (r[1].1.clone(), r[1].2.clone()),
            (some("Rutte"), some("Mark Rutte"))
        );
        let (_, s, e) =
            one(r#""This is the moment to act and to act together," Rutte has repeatedly said."#);
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
        let (_, s, _) = one(
            r#""We were not informed in advance of any of this," Reuters quoted the ministry as saying."#,
        );
        assert_eq!(s, some("the ministry"));
        let (_, s, e) = one(r#"Rutte was quoted as saying "we were not informed in advance"."#);
        assert_eq!((s, e), (some("Rutte"), some("Mark Rutte")));
    }

    #[test]
    fn speaker_name_prefers_entity() {
        let entities = people();
        let q = Quote {
            document: 0,
            start: 0,
            end: 0,
            speaker: Some("he".into()),
            entity: Some(0),
            continued: false,
        };
        assert_eq!(speaker_name(&q, &entities), Some("Mark Rutte"));
        let q = Quote { entity: None, ..q };
        assert_eq!(speaker_name(&q, &entities), Some("he"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        const PARTS: &[&str] = &[
            "\"",
            "\u{201c}",
            "\u{201d}",
            "\u{201e}",
            "\u{ab}",
            "\u{bb}",
            "\u{2018}",
            "\u{2019}",
            "\n\n",
            "\n",
            ", ",
            ". ",
            " said ",
            " according to ",
            "Rutte",
            "Nauseda",
            " he ",
            " she ",
            " the president ",
            "\u{e9}t\u{e9} ",
            " we will go ",
            "'s ",
            " \u{2013} ",
        ];

        proptest! {
            #[test]
            fn quotes_are_valid_ranges_of_the_body(
                parts in proptest::collection::vec(proptest::sample::select(PARTS), 0..40),
                spans in proptest::collection::vec((0u32..300, 0u32..300, 0u32..12), 0..8),
            ) {
                let body: String = parts.concat();
                let d = doc(&body);
                let entities = people();
                let mut mentions = find_mentions(&body, &entities);
                mentions.extend(spans.iter().map(|&(start, end, entity)| Mention {
                    entity,
                    start,
                    end,
                    adjective: false,
                }));
                let quotes = extract_quotes(0, &d, &mentions, &entities);
                for (k, q) in quotes.iter().enumerate() {
                    let (s, e) = (q.start as usize, q.end as usize);
                    prop_assert!(s <= e && e <= body.len());
                    prop_assert!(body.is_char_boundary(s) && body.is_char_boundary(e));
                    prop_assert!(!q.continued || k > 0);
                    prop_assert!(q.entity.is_none_or(|x| (x as usize) < entities.len()));
                    prop_assert!(k == 0 || quotes[k - 1].end <= q.start);
                }
            }
        }
    }
}
