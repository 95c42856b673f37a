//! The query language: words (all must match), `"exact phrases"`, `-excluded`, `OR`, and fields
//! (`person:`, `org:`, `place:`, `other:`, `entity:`, `source:`, `said:`, `date:`, `before:`,
//! `after:`). Parsing never fails: what cannot be used is dropped and reported.

use crate::entities::fold;
use crate::model::EntityKind;
use chrono::NaiveDate;

/// One condition of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    /// A word; `prefix` when it is the last word and the user is still typing it.
    Word {
        /// Folded word.
        text: String,
        /// Match as a prefix too.
        prefix: bool,
    },
    /// Folded words that must occur in this order.
    Phrase(Vec<String>),
    /// An entity by name or alias, optionally of one kind.
    Entity {
        /// Folded name.
        name: String,
        /// Kind required (`person:`), or any (`entity:`).
        kind: Option<EntityKind>,
    },
    /// A source whose name contains the folded text.
    Source(String),
    /// Documents quoting a speaker whose name contains the folded text.
    Said(String),
}

/// A condition, possibly negated, possibly one of several alternatives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Alternatives (joined by `OR`); one for a plain condition.
    pub any: Vec<Term>,
    /// Excluded (`-word`).
    pub negated: bool,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Conditions that must all hold.
    pub clauses: Vec<Clause>,
    /// Earliest date allowed (inclusive).
    pub from: Option<NaiveDate>,
    /// Latest date allowed (inclusive).
    pub to: Option<NaiveDate>,
    /// What was dropped, and why, in plain words.
    pub ignored: Vec<String>,
}

impl Query {
    /// True when the query has no text condition (only filters, or nothing).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The folded speakers of the query's `said:` conditions (not negated, not inside `OR`):
    /// what a list of quotations is narrowed to.
    pub fn said(&self) -> Vec<&str> {
        self.clauses
            .iter()
            .filter(|c| !c.negated && c.any.len() == 1)
            .filter_map(|c| match &c.any[0] {
                Term::Said(s) => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// Splits a query into raw items: (negated, field, value, quoted).
fn items(q: &str, ignored: &mut Vec<String>) -> Vec<(bool, Option<String>, String, bool)> {
    let mut out = Vec::new();
    let chars: Vec<char> = q.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut negated = false;
        if chars[i] == '-' {
            negated = true;
            i += 1;
        }
        // field:
        let mut field = None;
        let start = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        if i < chars.len() && chars[i] == ':' && i > start {
            field = Some(chars[start..i].iter().collect::<String>().to_lowercase());
            i += 1;
        } else {
            i = start;
        }
        if i < chars.len() && matches!(chars[i], '"' | '“' | '”') {
            let close = (i + 1..chars.len()).find(|&k| matches!(chars[k], '"' | '“' | '”'));
            let end = close.unwrap_or(chars.len());
            if close.is_none() {
                ignored.push("a closing quote was missing; the phrase runs to the end".into());
            }
            out.push((negated, field, chars[i + 1..end].iter().collect(), true));
            i = end + 1;
        } else {
            let s = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            let value: String = chars[s..i].iter().collect();
            if value.is_empty() && field.is_none() {
                if negated {
                    ignored.push("a lone `-` excludes nothing".into());
                }
                continue;
            }
            out.push((negated, field, value, false));
        }
    }
    out
}

/// Parses a date bound: `2024`, `2024-04`, `2024-04-02`. Returns the first and last day it covers.
pub fn date_span(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    match parts[..] {
        [y] => {
            let y = num(y, 4)? as i32;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        [y, m] => {
            let (y, m) = (num(y, 4)? as i32, num(m, 2)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

fn tighten(q: &mut Query, from: Option<NaiveDate>, to: Option<NaiveDate>) {
    if let Some(f) = from {
        q.from = Some(q.from.map_or(f, |x| x.max(f)));
    }
    if let Some(t) = to {
        q.to = Some(q.to.map_or(t, |x| x.min(t)));
    }
}

/// Parses a query. `typing` marks the last word as a prefix (the user has not finished it).
pub fn parse(input: &str, typing: bool) -> Query {
    let mut q = Query::default();
    let raw = items(input, &mut q.ignored);
    let mut pending_or = false;
    let last_plain = raw
        .iter()
        .rposition(|(n, f, _, quoted)| !n && f.is_none() && !quoted);
    for (k, (negated, field, value, quoted)) in raw.iter().enumerate() {
        if field.is_none() && !quoted && value == "OR" {
            if q.clauses.is_empty() || pending_or {
                q.ignored.push("`OR` needs a condition on each side".into());
            } else {
                pending_or = true;
            }
            continue;
        }
        let term = match field.as_deref() {
            None => {
                let words: Vec<String> = crate::text::words(value)
                    .into_iter()
                    .map(|w| w.folded)
                    .collect();
                match (words.len(), quoted) {
                    (0, _) => continue,
                    (1, false) => Term::Word {
                        text: words[0].clone(),
                        prefix: typing
                            && Some(k) == last_plain
                            && !input.ends_with(char::is_whitespace),
                    },
                    _ => Term::Phrase(words),
                }
            }
            Some(
                f @ ("person" | "people" | "org" | "organization" | "organisation" | "place"
                | "other" | "entity" | "source" | "said"),
            ) => {
                // A name of nothing but marks (a lone U+20D0) folds to nothing.
                let name = fold(value.trim());
                if name.is_empty() {
                    q.ignored.push(format!("`{f}:` needs a name"));
                    continue;
                }
                match f {
                    "source" => Term::Source(name),
                    "said" => Term::Said(name),
                    "entity" => Term::Entity { name, kind: None },
                    _ => Term::Entity {
                        name,
                        kind: EntityKind::parse(f),
                    },
                }
            }
            Some(f @ ("date" | "before" | "after")) => {
                let (a, b) = value
                    .split_once("..")
                    .unwrap_or((value.as_str(), value.as_str()));
                let span_a = if a.is_empty() { None } else { date_span(a) };
                let span_b = if b.is_empty() { None } else { date_span(b) };
                let ok = (a.is_empty() || span_a.is_some())
                    && (b.is_empty() || span_b.is_some())
                    && !(a.is_empty() && b.is_empty());
                if !ok || *negated {
                    q.ignored.push(format!("`{f}:{value}` is not a date (use 2024, 2024-04, 2024-04-02 or a range 2024-01..2024-03)"));
                    continue;
                }
                match f {
                    "date" => {
                        let (from, to) = (span_a.map(|s| s.0), span_b.map(|s| s.1));
                        if let (Some(x), Some(y)) = (from, to) {
                            if x > y {
                                q.ignored
                                    .push(format!("`date:{value}` ends before it starts"));
                                continue;
                            }
                        }
                        tighten(&mut q, from, to);
                    }
                    "before" => tighten(&mut q, None, span_a.and_then(|s| s.0.pred_opt())),
                    _ => tighten(&mut q, span_a.and_then(|s| s.1.succ_opt()), None),
                }
                continue;
            }
            Some(f) => {
                q.ignored.push(format!(
                    "unknown field `{f}:` (searched for the words instead)"
                ));
                let words: Vec<String> = crate::text::words(value)
                    .into_iter()
                    .map(|w| w.folded)
                    .collect();
                match words.len() {
                    0 => continue,
                    1 => Term::Word {
                        text: words[0].clone(),
                        prefix: false,
                    },
                    _ => Term::Phrase(words),
                }
            }
        };
        if pending_or {
            pending_or = false;
            if let Some(last) = q.clauses.last_mut() {
                if !last.negated && !negated {
                    last.any.push(term);
                    continue;
                }
            }
            q.ignored
                .push("`OR` cannot join an excluded condition".into());
        }
        q.clauses.push(Clause {
            any: vec![term],
            negated: *negated,
        });
    }
    if pending_or {
        q.ignored.push("`OR` needs a condition on each side".into());
    }
    if q.clauses.iter().all(|c| c.negated) && !q.clauses.is_empty() {
        // Only exclusions: they still narrow "everything".
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str) -> Term {
        Term::Word {
            text: t.into(),
            prefix: false,
        }
    }

    #[test]
    fn words_phrases_exclusions_and_or() {
        let q = parse(
            r#"Nausėda "eastern flank" -russia patriot OR missile"#,
            false,
        );
        assert_eq!(q.clauses.len(), 4);
        assert_eq!(q.clauses[0].any, [word("nauseda")]);
        assert_eq!(
            q.clauses[1].any,
            [Term::Phrase(vec!["eastern".into(), "flank".into()])]
        );
        assert!(q.clauses[2].negated);
        assert_eq!(q.clauses[3].any, [word("patriot"), word("missile")]);
        assert!(q.ignored.is_empty());
    }

    #[test]
    fn last_word_is_a_prefix_while_typing() {
        let q = parse("nato stolt", true);
        assert_eq!(
            q.clauses[1].any,
            [Term::Word {
                text: "stolt".into(),
                prefix: true
            }]
        );
        let q = parse("nato stolt ", true);
        assert_eq!(q.clauses[1].any, [word("stolt")]);
    }

    #[test]
    fn fields() {
        let q = parse(
            r#"person:"mark rutte" org:NATO source:bns said:rutte"#,
            false,
        );
        assert_eq!(
            q.clauses[0].any,
            [Term::Entity {
                name: "mark rutte".into(),
                kind: Some(EntityKind::Person)
            }]
        );
        assert_eq!(
            q.clauses[1].any,
            [Term::Entity {
                name: "nato".into(),
                kind: Some(EntityKind::Organization)
            }]
        );
        assert_eq!(q.clauses[2].any, [Term::Source("bns".into())]);
        assert_eq!(q.clauses[3].any, [Term::Said("rutte".into())]);
    }

    #[test]
    fn said_lists_the_required_speakers_only() {
        let q = parse(
            "said:Rutte nato -said:putin said:a OR said:b said:Nausėda",
            false,
        );
        assert_eq!(q.said(), ["rutte", "nauseda"]);
        assert!(parse("nato", false).said().is_empty());
    }

    #[test]
    fn dates() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let q = parse("date:2024-04", false);
        assert_eq!(
            (q.from, q.to),
            (Some(d("2024-04-01")), Some(d("2024-04-30")))
        );
        let q = parse("date:2021-01..2021-03", false);
        assert_eq!(
            (q.from, q.to),
            (Some(d("2021-01-01")), Some(d("2021-03-31")))
        );
        let q = parse("after:2021 before:2025-02-11", false);
        assert_eq!(
            (q.from, q.to),
            (Some(d("2022-01-01")), Some(d("2025-02-10")))
        );
        let q = parse("date:2024", false);
        assert_eq!(
            (q.from, q.to),
            (Some(d("2024-01-01")), Some(d("2024-12-31")))
        );
    }

    #[test]
    fn malformed_queries_degrade_and_say_why() {
        let q = parse(r#"date:2024-13 foo:bar OR - nato "unclosed"#, false);
        assert_eq!(q.ignored.len(), 4, "{:?}", q.ignored);
        assert!(q.ignored.iter().any(|i| i.contains("closing quote")));
        assert!(q
            .ignored
            .iter()
            .any(|i| i.contains("`date:2024-13` is not a date")));
        assert!(q.ignored.iter().any(|i| i.contains("unknown field `foo:`")));
        assert!(q.ignored.iter().any(|i| i.contains("lone `-`")));
        assert!(q
            .clauses
            .iter()
            .any(|c| c.any == [word("bar"), word("nato")]));
        let q = parse("date:2025..2021", false);
        assert!(q.ignored[0].contains("ends before it starts"));
        assert_eq!(parse("OR OR", false).ignored.len(), 2);
    }

    #[test]
    fn regression_a_name_of_only_marks_is_no_name() {
        // CI's proptest found `person:"\u{20d0}"`: the mark folds away, and an empty
        // entity term matched nothing while the notice said nothing was wrong.
        for field in ["person", "entity", "source", "said"] {
            let q = parse(&format!("nato {field}:\"\u{20d0}\""), false);
            assert_eq!(q.clauses.len(), 1, "{field}: {:?}", q.clauses);
            assert_eq!(q.ignored, [format!("`{field}:` needs a name")]);
        }
    }
}
