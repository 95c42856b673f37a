//! The whole app view as plain data, and its readable URL query-string form.
//!
//! A [`View`] is everything a shared link must restore: the query, the filters, the date range,
//! the sort, the open document or entity page and the timeline settings. [`encode`] writes it as
//! `q=nato+rutte&entity=mark-rutte&from=2024-01-01`; [`decode`] reads any string back, keeps what
//! it can and lists everything it dropped as [`Ignored`] so the app can say so in a notice.
//!
//! ```
//! use dossier_engine::view::{decode, encode, AcceptAll, View};
//!
//! let mut view = View::default();
//! view.q = "nato rutte".into();
//! view.entities = vec!["mark-rutte".into()];
//! assert_eq!(encode(&view), "q=nato+rutte&entity=mark-rutte");
//! assert_eq!(decode("?q=nato+rutte&entity=mark-rutte", &AcceptAll), (view, vec![]));
//! ```

use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;
use std::fmt::Write as _;

use crate::model::Corpus;
pub use crate::timeline::Granularity;

/// Longest `q` kept, in characters; longer queries are cut with a notice.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most `entity` filters kept.
pub const MAX_ENTITIES: usize = 20;
/// Most `source` filters kept.
pub const MAX_SOURCES: usize = 20;
/// Most `pin` (entity series on the timeline) kept.
pub const MAX_PINS: usize = 8;
/// Most [`Ignored`] entries reported one by one; the rest are summed up in one last entry.
pub const MAX_NOTICES: usize = 20;
/// Longest value quoted back in an [`Ignored`] entry, in characters.
const MAX_ECHO_CHARS: usize = 60;

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Best match first (the default).
    #[default]
    Relevance,
    /// Most recent first.
    Newest,
    /// Oldest first.
    Oldest,
}

impl SortOrder {
    /// All orders, default first.
    pub const ALL: [SortOrder; 3] = [SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest];

    /// The name used in URLs (`relevance`, `newest`, `oldest`).
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
        }
    }

    /// Parses the name given by [`SortOrder::as_str`].
    pub fn parse(s: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// Everything on screen that a link must reproduce. The default is the start page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The search box text, as typed (`q`).
    pub q: String,
    /// Entity filters by id, in the order chosen, without duplicates (`entity`, repeatable).
    pub entities: Vec<String>,
    /// Source filters, in the order chosen, without duplicates (`source`, repeatable).
    pub sources: Vec<String>,
    /// First day of the date filter, inclusive (`from`).
    pub from: Option<NaiveDate>,
    /// Last day of the date filter, inclusive (`to`).
    pub to: Option<NaiveDate>,
    /// Result order (`sort`); omitted from the URL when it is the default.
    pub sort: SortOrder,
    /// The document open in the reader (`doc`).
    pub doc: Option<String>,
    /// The entity whose page is open (`entity_page`).
    pub entity_page: Option<String>,
    /// Timeline bucket width chosen by the user (`granularity`); `None` means automatic.
    pub granularity: Option<Granularity>,
    /// Entities drawn as series on the timeline, by id, without duplicates (`pin`, repeatable).
    pub pins: Vec<String>,
    /// The entity network is shown (`network=1`).
    pub network: bool,
    /// Network: fewest shared documents for a link (`min_count`); `None` for the default.
    pub min_count: Option<u32>,
    /// Network: least lift for a link (`min_lift`, e.g. `1.5`); `None` for the default.
    pub min_lift: Option<Tenths>,
    /// Network: links count the paragraphs in which both entities occur rather than the
    /// documents (`within=paragraph`).
    pub paragraphs: bool,
    /// The results pane lists the quotations in the results instead of the documents
    /// (`quotes=1`).
    pub quotes: bool,
}

/// Largest `min_count` accepted.
pub const MAX_MIN_COUNT: u32 = 100_000;
/// Largest `min_lift` accepted, in tenths.
pub const MAX_MIN_LIFT_TENTHS: u32 = 1000;

/// A non-negative number with one decimal, kept exact so views compare equal: `Tenths(15)` is
/// `1.5`, written `1.5`; `Tenths(20)` is written `2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tenths(pub u32);

impl Tenths {
    /// The value as a float.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// Reads `2`, `1.5` or `0.25` (rounded to `0.3`): plain decimal digits, at most
    /// [`MAX_MIN_LIFT_TENTHS`] tenths.
    pub fn parse(s: &str) -> Option<Tenths> {
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || whole.len() > 6 {
            return None;
        }
        if s.contains('.') && frac.is_empty() {
            return None;
        }
        let whole: u32 = whole.parse().ok()?;
        let f = frac.as_bytes();
        let tenth = f.first().map_or(0, |b| u32::from(b - b'0'));
        let round_up = f.get(1).is_some_and(|b| *b >= b'5');
        let t = whole.checked_mul(10)? + tenth + u32::from(round_up);
        (t <= MAX_MIN_LIFT_TENTHS).then_some(Tenths(t))
    }
}

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.0 / 10, self.0 % 10) {
            (whole, 0) => write!(f, "{whole}"),
            (whole, tenth) => write!(f, "{whole}.{tenth}"),
        }
    }
}

/// Something [`decode`] dropped, and why, for the notice shown to the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    /// The parameter name as it appeared (`entity`, `from`, `from/to` for a range).
    pub param: String,
    /// The value that was dropped (shortened when long).
    pub value: String,
    /// A sentence for people: `no entity with this id`, `not a date (expected YYYY-MM-DD)`.
    pub reason: String,
}

impl Ignored {
    fn new(param: &str, value: &str, reason: impl Into<String>) -> Ignored {
        Ignored {
            param: echo(param),
            value: echo(value),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Ignored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.value.is_empty() {
            write!(f, "{}: {}", self.param, self.reason)
        } else {
            write!(f, "{}={}: {}", self.param, self.value, self.reason)
        }
    }
}

/// The text of the notice for what [`decode`] ignored, or `None` when nothing was:
/// `Some parts of the link were ignored: entity=putin: no entity with this id; from=2024-13-01: not a date …`.
pub fn notice(ignored: &[Ignored]) -> Option<String> {
    if ignored.is_empty() {
        return None;
    }
    let parts: Vec<String> = ignored.iter().map(Ignored::to_string).collect();
    let head = if ignored.len() == 1 {
        "Part of the link was ignored"
    } else {
        "Some parts of the link were ignored"
    };
    Some(format!("{head}: {}.", parts.join("; ")))
}

/// What ids exist, so [`decode`] can drop links to documents or entities that are not there.
pub trait Known {
    /// Is there a document with this id?
    fn doc(&self, id: &str) -> bool;
    /// Is there an entity with this id?
    fn entity(&self, id: &str) -> bool;
    /// Is there a source with this name?
    fn source(&self, name: &str) -> bool;
}

/// Accepts every id: for tests and for decoding before the corpus is loaded.
#[derive(Clone, Copy, Debug, Default)]
pub struct AcceptAll;

impl Known for AcceptAll {
    fn doc(&self, _: &str) -> bool {
        true
    }
    fn entity(&self, _: &str) -> bool {
        true
    }
    fn source(&self, _: &str) -> bool {
        true
    }
}

/// Known ids as sets.
#[derive(Clone, Debug, Default)]
pub struct KnownSets {
    /// Document ids.
    pub docs: HashSet<String>,
    /// Entity ids.
    pub entities: HashSet<String>,
    /// Source names.
    pub sources: HashSet<String>,
}

impl KnownSets {
    /// The ids of a corpus (build once; lookups are then hash lookups).
    pub fn from_corpus(corpus: &Corpus) -> KnownSets {
        KnownSets {
            docs: corpus.documents.iter().map(|d| d.id.clone()).collect(),
            entities: corpus.entities.iter().map(|e| e.id.clone()).collect(),
            sources: corpus
                .documents
                .iter()
                .filter_map(|d| d.source.clone())
                .collect(),
        }
    }
}

impl Known for KnownSets {
    fn doc(&self, id: &str) -> bool {
        self.docs.contains(id)
    }
    fn entity(&self, id: &str) -> bool {
        self.entities.contains(id)
    }
    fn source(&self, name: &str) -> bool {
        self.sources.contains(name)
    }
}

impl Known for Corpus {
    fn doc(&self, id: &str) -> bool {
        self.document_index(id).is_some()
    }
    fn entity(&self, id: &str) -> bool {
        self.entity_index(id).is_some()
    }
    fn source(&self, name: &str) -> bool {
        self.documents
            .iter()
            .any(|d| d.source.as_deref() == Some(name))
    }
}

/// The query string for a view, without the leading `?`; empty for the default view.
/// Parameters come in a fixed order (`doc`, `entity_page`, `q`, `entity`, `source`, `from`, `to`,
/// `sort`, `granularity`, `pin`, `network`, `min_count`, `min_lift`, `quotes`) and defaults are
/// left out.
pub fn encode(view: &View) -> String {
    let mut out = String::new();
    let mut put = |key: &str, value: &str| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        encode_component(value, &mut out);
    };
    // The reader and entity page come first so links read `?doc=ID…` (the app's DOM contract).
    if let Some(d) = &view.doc {
        put("doc", d);
    }
    if let Some(e) = &view.entity_page {
        put("entity_page", e);
    }
    if !view.q.is_empty() {
        put("q", &view.q);
    }
    for e in &view.entities {
        put("entity", e);
    }
    for s in &view.sources {
        put("source", s);
    }
    if let Some(d) = view.from {
        put("from", &iso(d));
    }
    if let Some(d) = view.to {
        put("to", &iso(d));
    }
    if view.sort != SortOrder::Relevance {
        put("sort", view.sort.as_str());
    }
    if let Some(g) = view.granularity {
        put("granularity", g.as_str());
    }
    for p in &view.pins {
        put("pin", p);
    }
    if view.network {
        put("network", "1");
    }
    if let Some(n) = view.min_count {
        put("min_count", &n.to_string());
    }
    if let Some(t) = view.min_lift {
        put("min_lift", &t.to_string());
    }
    if view.paragraphs {
        put("within", "paragraph");
    }
    if view.quotes {
        put("quotes", "1");
    }
    out
}

/// A link to the view for an `<a href>`: `?` plus [`encode`]; `?` alone for the start page,
/// which still navigates (an empty href would not).
pub fn href(view: &View) -> String {
    format!("?{}", encode(view))
}

/// Reads a query string (with or without `?`; a `#fragment` is ignored) into a view. Never fails
/// and never panics: whatever cannot be used is left out and listed in the second value.
pub fn decode(query: &str, known: &dyn Known) -> (View, Vec<Ignored>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split('#').next().unwrap_or("");
    let mut view = View::default();
    let mut ignored = Vec::new();
    let mut seen: HashSet<&'static str> = HashSet::new();
    let mut from: Option<(String, NaiveDate)> = None;
    let mut to: Option<(String, NaiveDate)> = None;

    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = match decode_component(raw_key) {
            Ok(k) => k,
            Err(lossy) => {
                ignored.push(Ignored::new(
                    &lossy,
                    "",
                    "parameter name is not valid UTF-8 text",
                ));
                continue;
            }
        };
        let value = match decode_component(raw_value) {
            Ok(v) => v,
            Err(lossy) => {
                ignored.push(Ignored::new(&key, &lossy, "not valid UTF-8 text"));
                continue;
            }
        };
        let Some(param) = PARAMS.iter().copied().find(|p| *p == key) else {
            ignored.push(Ignored::new(&key, &value, "unknown parameter"));
            continue;
        };
        let single = !matches!(param, "entity" | "source" | "pin");
        if single && seen.contains(param) {
            ignored.push(Ignored::new(
                param,
                &value,
                format!("`{param}` given more than once; kept the first"),
            ));
            continue;
        }
        let shown = echo(&value);
        let outcome: Result<(), String> = match param {
            "q" => {
                if value.chars().count() > MAX_QUERY_CHARS {
                    ignored.push(Ignored::new(
                        param,
                        &value,
                        format!("longer than {MAX_QUERY_CHARS} characters; cut to that length"),
                    ));
                    view.q = value.chars().take(MAX_QUERY_CHARS).collect();
                } else {
                    view.q = value;
                }
                Ok(())
            }
            "entity" => push_id(&mut view.entities, param, value, MAX_ENTITIES, |v| {
                known
                    .entity(v)
                    .then_some(())
                    .ok_or("no entity with this id")
            }),
            "pin" => push_id(&mut view.pins, param, value, MAX_PINS, |v| {
                known
                    .entity(v)
                    .then_some(())
                    .ok_or("no entity with this id")
            }),
            "source" => push_id(&mut view.sources, param, value, MAX_SOURCES, |v| {
                known
                    .source(v)
                    .then_some(())
                    .ok_or("no source with this name")
            }),
            "from" | "to" => match parse_date(&value, param == "to") {
                Some(d) if param == "from" => {
                    from = Some((value, d));
                    Ok(())
                }
                Some(d) => {
                    to = Some((value, d));
                    Ok(())
                }
                None => Err("not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)".into()),
            },
            "sort" => SortOrder::parse(&value)
                .map(|s| view.sort = s)
                .ok_or_else(|| "unknown order (expected relevance, newest or oldest)".into()),
            "doc" => {
                if known.doc(&value) {
                    view.doc = Some(value);
                    Ok(())
                } else {
                    Err("no document with this id".into())
                }
            }
            "entity_page" => {
                if known.entity(&value) {
                    view.entity_page = Some(value);
                    Ok(())
                } else {
                    Err("no entity with this id".into())
                }
            }
            "granularity" => Granularity::parse(&value)
                .map(|g| view.granularity = Some(g))
                .ok_or_else(|| {
                    "unknown granularity (expected day, week, month, quarter or year)".into()
                }),
            "network" => flag(&value).map(|on| view.network = on),
            "quotes" => flag(&value).map(|on| view.quotes = on),
            "min_count" => match value.parse::<u32>() {
                Ok(n) if (1..=MAX_MIN_COUNT).contains(&n) && !value.starts_with('+') => {
                    view.min_count = Some(n);
                    Ok(())
                }
                _ => Err(format!("expected a whole number from 1 to {MAX_MIN_COUNT}")),
            },
            "min_lift" => match Tenths::parse(&value) {
                Some(t) => {
                    view.min_lift = Some(t);
                    Ok(())
                }
                None => Err(format!(
                    "expected a number from 0 to {} with at most one decimal",
                    MAX_MIN_LIFT_TENTHS / 10
                )),
            },
            "within" => match value.as_str() {
                "paragraph" => {
                    view.paragraphs = true;
                    Ok(())
                }
                "document" => {
                    view.paragraphs = false;
                    Ok(())
                }
                _ => Err("expected paragraph or document".into()),
            },
            _ => unreachable!("every name in PARAMS is handled"),
        };
        match outcome {
            Ok(()) if single => {
                seen.insert(param);
            }
            Ok(()) => {}
            Err(reason) => ignored.push(Ignored {
                param: param.to_string(),
                value: shown,
                reason,
            }),
        }
    }

    match (from, to) {
        (Some((fv, f)), Some((tv, t))) if f > t => ignored.push(Ignored::new(
            "from/to",
            &format!("{fv}..{tv}"),
            "from is after to; the date range was dropped",
        )),
        (f, t) => {
            view.from = f.map(|(_, d)| d);
            view.to = t.map(|(_, d)| d);
        }
    }

    if ignored.len() > MAX_NOTICES {
        let rest = ignored.len() - (MAX_NOTICES - 1);
        ignored.truncate(MAX_NOTICES - 1);
        ignored.push(Ignored {
            param: "…".into(),
            value: String::new(),
            reason: format!("{rest} more parts of the link were ignored"),
        });
    }
    (view, ignored)
}

/// Reads an on/off parameter (`network=1`, `quotes`, `quotes=0`).
fn flag(value: &str) -> Result<bool, String> {
    match value {
        "1" | "" | "true" | "on" | "yes" => Ok(true),
        "0" | "false" | "off" | "no" => Ok(false),
        _ => Err("expected 1 or 0".into()),
    }
}

/// Every parameter name a view URL can carry; anything else is ignored with a notice.
pub const PARAMS: [&str; 15] = [
    "q",
    "entity",
    "source",
    "from",
    "to",
    "sort",
    "doc",
    "entity_page",
    "granularity",
    "pin",
    "network",
    "min_count",
    "min_lift",
    "within",
    "quotes",
];

fn push_id(
    list: &mut Vec<String>,
    param: &str,
    value: String,
    cap: usize,
    known: impl Fn(&str) -> Result<(), &'static str>,
) -> Result<(), String> {
    if value.is_empty() {
        Err("empty value".into())
    } else if list.contains(&value) {
        Err("given more than once".into())
    } else if let Err(reason) = known(&value) {
        Err(reason.into())
    } else if list.len() >= cap {
        Err(format!(
            "more than {cap} `{param}` values; kept the first {cap}"
        ))
    } else {
        list.push(value);
        Ok(())
    }
}

/// `YYYY-MM-DD` (the form [`encode`] writes); also `YYYY-MM` and `YYYY`, which mean the first
/// day of that month or year, or the last when `end` is set (`to=2024-04` is 2024-04-30).
fn parse_date(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let year = i32::try_from(num(parts.first()?, 4)?).ok()?;
    match parts[1..] {
        [m, d] => NaiveDate::from_ymd_opt(year, num(m, 2)?, num(d, 2)?),
        [m] => {
            let m = num(m, 2)?;
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            Some(if end {
                Granularity::Month.end_of(first)
            } else {
                first
            })
        }
        [] => Some(if end {
            NaiveDate::from_ymd_opt(year, 12, 31)?
        } else {
            NaiveDate::from_ymd_opt(year, 1, 1)?
        }),
        _ => None,
    }
}

/// `2024-04-02`; years outside 0..=9999 get chrono's signed form, which [`decode`] rejects.
fn iso(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.to_string()
    }
}

/// Percent-encodes a query component: letters, digits and `-._~:/@,!*'()` stay readable, a space
/// becomes `+`, everything else (including `+`, `&`, `=`, `#`, `%` and non-ASCII) becomes `%XX`.
fn encode_component(s: &str, out: &mut String) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b':'
            | b'/'
            | b'@'
            | b','
            | b'!'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
}

/// Decodes `+` and `%XX`; a `%` not followed by two hex digits is kept as it is. `Err` carries a
/// lossy rendering when the bytes are not UTF-8.
fn decode_component(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let b = *b?;
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Shortens a value for quoting in a notice.
fn echo(s: &str) -> String {
    if s.chars().count() > MAX_ECHO_CHARS {
        let mut t: String = s.chars().take(MAX_ECHO_CHARS - 1).collect();
        t.push('…');
        t
    } else {
        s.to_string()
    }
}

/// The view with `doc` open in the reader (or the reader closed with `None`); filters are kept so
/// back returns to the same results.
pub fn with_doc(view: &View, doc: Option<&str>) -> View {
    View {
        doc: doc.map(str::to_string),
        ..view.clone()
    }
}

/// The view with an entity's page open (or closed with `None`).
pub fn with_entity_page(view: &View, entity: Option<&str>) -> View {
    View {
        entity_page: entity.map(str::to_string),
        ..view.clone()
    }
}

/// The view with `entity` added to the filters, or removed if it was there. The open document
/// is closed, since the results change.
pub fn toggle_entity(view: &View, entity: &str) -> View {
    View {
        entities: toggled(&view.entities, entity),
        doc: None,
        ..view.clone()
    }
}

/// The view with `source` added to the filters, or removed if it was there.
pub fn toggle_source(view: &View, source: &str) -> View {
    View {
        sources: toggled(&view.sources, source),
        doc: None,
        ..view.clone()
    }
}

/// The view with `entity` pinned as a timeline series, or unpinned if it was.
pub fn toggle_pin(view: &View, entity: &str) -> View {
    View {
        pins: toggled(&view.pins, entity),
        ..view.clone()
    }
}

/// The view with the search text replaced.
pub fn with_query(view: &View, q: &str) -> View {
    View {
        q: q.to_string(),
        ..view.clone()
    }
}

/// The view narrowed to `from..=to` (either end open with `None`); the ends are swapped if given
/// the wrong way round.
pub fn with_range(view: &View, from: Option<NaiveDate>, to: Option<NaiveDate>) -> View {
    let (from, to) = match (from, to) {
        (Some(f), Some(t)) if f > t => (Some(t), Some(f)),
        other => other,
    };
    View {
        from,
        to,
        ..view.clone()
    }
}

/// The view with its sort order replaced.
pub fn with_sort(view: &View, sort: SortOrder) -> View {
    View {
        sort,
        ..view.clone()
    }
}

/// The view with the timeline granularity replaced (`None`: automatic).
pub fn with_granularity(view: &View, granularity: Option<Granularity>) -> View {
    View {
        granularity,
        ..view.clone()
    }
}

/// The view with the network's links counted within paragraphs (`true`) or documents.
pub fn with_paragraphs(view: &View, paragraphs: bool) -> View {
    View {
        paragraphs,
        ..view.clone()
    }
}

/// The view with the results pane listing quotations (`true`) or documents.
pub fn with_quotes(view: &View, quotes: bool) -> View {
    View {
        quotes,
        doc: None,
        ..view.clone()
    }
}

/// The view with the entity network shown or hidden and its thresholds replaced (`None`: the
/// defaults).
pub fn with_network(
    view: &View,
    network: bool,
    min_count: Option<u32>,
    min_lift: Option<Tenths>,
) -> View {
    View {
        network,
        min_count,
        min_lift,
        ..view.clone()
    }
}

fn toggled(list: &[String], item: &str) -> Vec<String> {
    if list.iter().any(|x| x == item) {
        list.iter().filter(|x| *x != item).cloned().collect()
    } else {
        let mut l = list.to_vec();
        l.push(item.to_string());
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    struct Fixture;
    impl Known for Fixture {
        fn doc(&self, id: &str) -> bool {
            id == "001_x" || id == "002_y"
        }
        fn entity(&self, id: &str) -> bool {
            ["mark-rutte", "nato", "vilnius"].contains(&id)
        }
        fn source(&self, name: &str) -> bool {
            name == "The Baltic Times"
        }
    }

    fn reasons(ignored: &[Ignored]) -> Vec<String> {
        ignored.iter().map(|i| i.to_string()).collect()
    }

    #[test]
    fn encodes_the_readable_example() {
        let view = View {
            q: "nato rutte".into(),
            entities: vec!["mark-rutte".into(), "nato".into()],
            from: Some(d("2024-01-01")),
            to: Some(d("2024-12-31")),
            doc: Some("001_x".into()),
            ..View::default()
        };
        let s = encode(&view);
        assert_eq!(
            s,
            "doc=001_x&q=nato+rutte&entity=mark-rutte&entity=nato&from=2024-01-01&to=2024-12-31"
        );
        assert_eq!(decode(&format!("?{s}"), &Fixture), (view, vec![]));
    }

    #[test]
    fn default_view_is_empty_and_href_still_navigates() {
        assert_eq!(encode(&View::default()), "");
        assert_eq!(href(&View::default()), "?");
        assert_eq!(decode("", &Fixture), (View::default(), vec![]));
        assert_eq!(decode("?", &Fixture), (View::default(), vec![]));
        assert_eq!(decode("?&&", &Fixture), (View::default(), vec![]));
    }

    #[test]
    fn escapes_separators_and_non_ascii() {
        let view = View {
            q: "a+b & c=d #e 100% \"Nausėda\" person:rutte".into(),
            sources: vec!["The Baltic Times".into()],
            sort: SortOrder::Newest,
            granularity: Some(Granularity::Week),
            ..View::default()
        };
        let s = encode(&view);
        assert_eq!(
            s,
            "q=a%2Bb+%26+c%3Dd+%23e+100%25+%22Naus%C4%97da%22+person:rutte\
             &source=The+Baltic+Times&sort=newest&granularity=week"
        );
        assert_eq!(decode(&s, &Fixture).0, view);
    }

    #[test]
    fn drops_unknown_ids_and_says_why() {
        let (view, ignored) = decode(
            "entity=nato&entity=putin&doc=999&entity_page=nobody&source=Pravda",
            &Fixture,
        );
        assert_eq!(view.entities, vec!["nato"]);
        assert_eq!(view.doc, None);
        assert_eq!(view.entity_page, None);
        assert!(view.sources.is_empty());
        assert_eq!(
            reasons(&ignored),
            vec![
                "entity=putin: no entity with this id",
                "doc=999: no document with this id",
                "entity_page=nobody: no entity with this id",
                "source=Pravda: no source with this name",
            ]
        );
    }

    #[test]
    fn malformed_dates_are_dropped_and_partial_dates_widen() {
        let (view, ignored) = decode("from=2024-13-01&to=yesterday", &Fixture);
        assert_eq!((view.from, view.to), (None, None));
        assert_eq!(ignored.len(), 2);
        assert!(ignored[0].reason.starts_with("not a date"));
        let (view, ignored) = decode("from=2024-02&to=2024-02", &Fixture);
        assert_eq!(view.from, Some(d("2024-02-01")));
        assert_eq!(view.to, Some(d("2024-02-29")));
        assert!(ignored.is_empty());
        let (view, _) = decode("from=2021&to=2021", &Fixture);
        assert_eq!(
            (view.from, view.to),
            (Some(d("2021-01-01")), Some(d("2021-12-31")))
        );
        for bad in [
            "2024-1-05",
            "+2024-01-01",
            "2024-01-01-01",
            "２０２４-01-01",
            "-",
        ] {
            assert_eq!(
                decode(&format!("from={bad}"), &Fixture).0.from,
                None,
                "{bad}"
            );
        }
    }

    #[test]
    fn inverted_range_is_dropped_with_a_notice() {
        let (view, ignored) = decode("from=2024-05-01&to=2024-01-01&q=x", &Fixture);
        assert_eq!((view.from, view.to), (None, None));
        assert_eq!(view.q, "x");
        assert_eq!(
            reasons(&ignored),
            vec!["from/to=2024-05-01..2024-01-01: from is after to; the date range was dropped"]
        );
        // One bad end does not take the good one with it.
        let (view, _) = decode("from=2024-05-01&to=nope", &Fixture);
        assert_eq!(view.from, Some(d("2024-05-01")));
    }

    #[test]
    fn repeated_single_params_keep_the_first() {
        let (view, ignored) = decode(
            "q=a&q=b&doc=001_x&doc=002_y&entity=nato&entity=nato",
            &Fixture,
        );
        assert_eq!(view.q, "a");
        assert_eq!(view.doc.as_deref(), Some("001_x"));
        assert_eq!(view.entities, vec!["nato"]);
        assert_eq!(
            reasons(&ignored),
            vec![
                "q=b: `q` given more than once; kept the first",
                "doc=002_y: `doc` given more than once; kept the first",
                "entity=nato: given more than once",
            ]
        );
    }

    #[test]
    fn a_bad_first_value_does_not_block_a_good_second_one() {
        let (view, ignored) = decode(
            "doc=999&doc=001_x&doc=002_y&from=soon&from=2024-01-01",
            &Fixture,
        );
        assert_eq!(view.doc.as_deref(), Some("001_x"));
        assert_eq!(view.from, Some(d("2024-01-01")));
        assert_eq!(
            reasons(&ignored),
            vec![
                "doc=999: no document with this id",
                "doc=002_y: `doc` given more than once; kept the first",
                "from=soon: not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)",
            ]
        );
    }

    #[test]
    fn notice_text() {
        assert_eq!(notice(&[]), None);
        let (_, ignored) = decode("entity=putin&from=2024-13-01", &Fixture);
        assert_eq!(
            notice(&ignored).unwrap(),
            "Some parts of the link were ignored: entity=putin: no entity with this id; \
             from=2024-13-01: not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)."
        );
        let (_, ignored) = decode("x=1", &Fixture);
        assert_eq!(
            notice(&ignored).unwrap(),
            "Part of the link was ignored: x=1: unknown parameter."
        );
    }

    #[test]
    fn network_settings() {
        let v = with_network(&View::default(), true, Some(3), Some(Tenths(15)));
        assert_eq!(encode(&v), "network=1&min_count=3&min_lift=1.5");
        assert_eq!(
            decode("?network&min_count=3&min_lift=1.50", &Fixture),
            (v, vec![])
        );
        let v = with_network(&View::default(), false, None, Some(Tenths(20)));
        assert_eq!(encode(&v), "min_lift=2");
        let (view, ignored) = decode(
            "network=maybe&min_count=0&min_count=+4&min_lift=-1&min_lift=1e3&min_lift=.5&min_lift=101",
            &Fixture,
        );
        assert_eq!(view, View::default());
        assert_eq!(ignored.len(), 7);
        assert_eq!(ignored[0].reason, "expected 1 or 0");
        assert_eq!(
            ignored[1].reason,
            "expected a whole number from 1 to 100000"
        );
        assert_eq!(
            ignored[3].reason,
            "expected a number from 0 to 100 with at most one decimal"
        );
        assert!(!decode("network=0", &Fixture).0.network);
    }

    #[test]
    fn network_links_within_paragraphs() {
        let v = with_paragraphs(&with_network(&View::default(), true, None, None), true);
        assert_eq!(encode(&v), "network=1&within=paragraph");
        assert!(decode("?within=paragraph", &Fixture).0.paragraphs);
        assert!(!decode("?within=document", &Fixture).0.paragraphs);
        let (v, ignored) = decode("?within=sentence", &Fixture);
        assert!(!v.paragraphs);
        assert_eq!(ignored[0].param, "within");
    }

    #[test]
    fn quotes_flag() {
        let v = with_quotes(&View::default(), true);
        assert_eq!(encode(&v), "quotes=1");
        assert!(decode("?quotes", &Fixture).0.quotes);
        assert!(!decode("?quotes=0", &Fixture).0.quotes);
        let (v, ignored) = decode("?quotes=perhaps", &Fixture);
        assert!(!v.quotes);
        assert_eq!(ignored[0].param, "quotes");
        assert_eq!(Tenths::parse("0.25"), Some(Tenths(3)));
        assert_eq!(Tenths::parse("0.99"), Some(Tenths(10)));
        assert_eq!(Tenths::parse("100"), Some(Tenths(1000)));
        assert_eq!(Tenths::parse("2."), None);
        assert_eq!(Tenths::parse("99999999999"), None);
        assert_eq!(Tenths(15).value(), 1.5);
        assert_eq!(Tenths(7).to_string(), "0.7");
    }

    #[test]
    fn oversized_params_are_capped() {
        let long = "é".repeat(MAX_QUERY_CHARS + 5);
        let (view, ignored) = decode(&format!("q={long}"), &Fixture);
        assert_eq!(view.q.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(ignored.len(), 1);
        assert!(ignored[0].value.chars().count() <= MAX_ECHO_CHARS);
        let many: Vec<String> = (0..30).map(|i| format!("entity=e{i}")).collect();
        let (view, ignored) = decode(&many.join("&"), &AcceptAll);
        assert_eq!(view.entities.len(), MAX_ENTITIES);
        assert_eq!(ignored.len(), 10);
        assert_eq!(
            ignored[0].reason,
            "more than 20 `entity` values; kept the first 20"
        );
    }

    #[test]
    fn notices_are_capped_with_a_summary() {
        let junk: Vec<String> = (0..100).map(|i| format!("x{i}=1")).collect();
        let (_, ignored) = decode(&junk.join("&"), &Fixture);
        assert_eq!(ignored.len(), MAX_NOTICES);
        assert_eq!(
            ignored.last().unwrap().reason,
            "81 more parts of the link were ignored"
        );
    }

    #[test]
    fn unknown_params_bad_values_and_bad_utf8() {
        let (view, ignored) = decode(
            "utm_source=x&sort=random&granularity=decade&q=%FF%FE&%C3=1&q=ok#frag&q=no",
            &Fixture,
        );
        assert_eq!(view.q, "ok");
        assert_eq!(view.sort, SortOrder::Relevance);
        assert_eq!(
            reasons(&ignored),
            vec![
                "utm_source=x: unknown parameter",
                "sort=random: unknown order (expected relevance, newest or oldest)",
                "granularity=decade: unknown granularity (expected day, week, month, quarter or year)",
                "q=\u{FFFD}\u{FFFD}: not valid UTF-8 text",
                "\u{FFFD}: parameter name is not valid UTF-8 text",
            ]
        );
    }

    #[test]
    fn stray_percent_signs_are_kept_literally() {
        assert_eq!(decode("q=100%", &Fixture).0.q, "100%");
        assert_eq!(decode("q=%4", &Fixture).0.q, "%4");
        assert_eq!(decode("q=%zz%41", &Fixture).0.q, "%zzA");
        assert_eq!(decode("q=a=b", &Fixture).0.q, "a=b");
        assert_eq!(decode("q", &Fixture).0.q, "");
    }

    #[test]
    fn links_follow_the_dom_contract() {
        let results = with_query(&toggle_entity(&View::default(), "nato"), "rutte");
        assert_eq!(
            href(&with_doc(&results, Some("001_x"))),
            "?doc=001_x&q=rutte&entity=nato"
        );
        assert_eq!(
            href(&with_entity_page(&View::default(), Some("mark-rutte"))),
            "?entity_page=mark-rutte"
        );
        assert_eq!(
            href(&with_doc(&View::default(), Some("001_x"))),
            "?doc=001_x"
        );
    }

    #[test]
    fn helpers_derive_views() {
        let v = View::default();
        let v = toggle_entity(&with_doc(&v, Some("001_x")), "nato");
        assert_eq!(v.entities, vec!["nato"]);
        assert_eq!(v.doc, None, "changing filters closes the reader");
        let v = toggle_entity(&toggle_entity(&v, "vilnius"), "nato");
        assert_eq!(v.entities, vec!["vilnius"]);
        let v = with_range(&v, Some(d("2024-02-01")), Some(d("2024-01-01")));
        assert_eq!(
            (v.from, v.to),
            (Some(d("2024-01-01")), Some(d("2024-02-01")))
        );
        let v = with_sort(&with_query(&v, "rutte"), SortOrder::Oldest);
        assert_eq!(
            href(&toggle_pin(&toggle_source(&v, "The Baltic Times"), "nato")),
            "?q=rutte&entity=vilnius&source=The+Baltic+Times&from=2024-01-01&to=2024-02-01&sort=oldest&pin=nato"
        );
        assert_eq!(
            with_granularity(&v, Some(Granularity::Year)).granularity,
            Some(Granularity::Year)
        );
        assert_eq!(
            with_entity_page(&v, Some("nato")).entity_page.as_deref(),
            Some("nato")
        );
    }

    fn id() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z0-9][a-z0-9_-]{0,20}",
            "\\PC{1,12}",
            any::<String>().prop_filter("non-empty", |s| !s.is_empty()),
        ]
    }

    fn ids(max: usize) -> impl Strategy<Value = Vec<String>> {
        proptest::collection::vec(id(), 0..=max).prop_map(|v| {
            let mut seen = HashSet::new();
            v.into_iter().filter(|x| seen.insert(x.clone())).collect()
        })
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (0i32..=9999, 1u32..=366).prop_map(|(y, o)| {
            NaiveDate::from_yo_opt(y, o).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 1).unwrap())
        })
    }

    fn view() -> impl Strategy<Value = View> {
        (
            (
                prop_oneof![Just(String::new()), "\\PC{0,40}", any::<String>()],
                ids(MAX_ENTITIES),
                ids(MAX_SOURCES),
                proptest::option::of(date()),
                proptest::option::of(date()),
            ),
            (
                proptest::sample::select(SortOrder::ALL.to_vec()),
                proptest::option::of(id()),
                proptest::option::of(id()),
                proptest::option::of(proptest::sample::select(Granularity::ALL.to_vec())),
                ids(MAX_PINS),
            ),
            (
                any::<bool>(),
                proptest::option::of(1..=MAX_MIN_COUNT),
                proptest::option::of((0..=MAX_MIN_LIFT_TENTHS).prop_map(Tenths)),
                any::<bool>(),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(
                    (q, entities, sources, from, to),
                    (sort, doc, entity_page, granularity, pins),
                    (network, min_count, min_lift, paragraphs, quotes),
                )| {
                    let (from, to) = match (from, to) {
                        (Some(f), Some(t)) if f > t => (Some(t), Some(f)),
                        other => other,
                    };
                    View {
                        q: q.chars().take(MAX_QUERY_CHARS).collect(),
                        entities,
                        sources,
                        from,
                        to,
                        sort,
                        doc,
                        entity_page,
                        granularity,
                        pins,
                        network,
                        min_count,
                        min_lift,
                        paragraphs,
                        quotes,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn decode_inverts_encode(v in view()) {
            let s = encode(&v);
            prop_assert_eq!(decode(&s, &AcceptAll), (v.clone(), vec![]));
            prop_assert_eq!(decode(&href(&v), &AcceptAll), (v, vec![]));
        }

        #[test]
        fn decoding_arbitrary_text_never_panics(s in any::<String>()) {
            let (v, ignored) = decode(&s, &Fixture);
            prop_assert!(ignored.len() <= MAX_NOTICES);
            // Whatever survives decoding is a valid view: it round-trips.
            prop_assert_eq!(decode(&encode(&v), &Fixture), (v, vec![]));
        }

        #[test]
        fn decoding_query_shaped_text_never_panics(
            s in "[?&=%+a-z0-9_#.-]{0,80}|(q|entity|from|to|doc|sort|pin)=[%0-9A-Fa-f+-]{0,20}(&(q|entity|from|to)=[%0-9A-F-]{0,12}){0,6}"
        ) {
            let (v, _) = decode(&s, &AcceptAll);
            prop_assert_eq!(decode(&encode(&v), &AcceptAll), (v, vec![]));
        }
    }
}
