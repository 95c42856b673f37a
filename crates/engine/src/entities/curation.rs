//! The optional `entities.toml` in a corpus folder: the user's merges, splits, renames, retypes and
//! ignores, applied at build time. Every bad entry is a build error naming its line.
//!
//! ```toml
//! # Never treat these as entities (names, forms or ids).
//! ignore = ["Euro-Atlantic", "Photo"]
//!
//! # Merge several entities into one; `into` names the one that stays.
//! [[merge]]
//! into = "Gitanas Nausėda"
//! from = ["President Nauseda", "nauseda-gitanas"]
//!
//! # Give an entity a different type: person, organization, place or other.
//! [[retype]]
//! entity = "Politico"
//! type = "organization"
//!
//! # Rename an entity (its id follows the new name).
//! [[rename]]
//! entity = "OECD"
//! name = "Organisation for Economic Co-operation and Development"
//!
//! # Take every mention written as `form` out of whatever it merged into, as its own entity.
//! [[split]]
//! form = "Jordan"
//! name = "Michael Jordan"
//! type = "person"
//! ```
//!
//! An entity is named by its id (`mark-rutte`), its name or any form it was written as, compared
//! without case or diacritics.

use super::Kind;
use crate::diag::Diagnostic;
use serde::Deserialize;
use toml::Spanned;

/// A name with the line it was written on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At {
    /// The text.
    pub text: String,
    /// 1-based line in `entities.toml`.
    pub line: u32,
}

/// `[[merge]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeRule {
    /// The entity that stays.
    pub into: At,
    /// The entities merged into it.
    pub from: Vec<At>,
}

/// `[[split]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitRule {
    /// The surface form taken out.
    pub form: At,
    /// Name of the new entity (the form itself when absent).
    pub name: Option<String>,
    /// Type of the new entity (decided by the rules when absent).
    pub kind: Option<Kind>,
}

/// All rules of one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// Entities to drop.
    pub ignore: Vec<At>,
    /// Merges.
    pub merges: Vec<MergeRule>,
    /// New types.
    pub retypes: Vec<(At, Kind)>,
    /// New names.
    pub renames: Vec<(At, String)>,
    /// Splits.
    pub splits: Vec<SplitRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileT {
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    merge: Vec<Spanned<MergeT>>,
    #[serde(default)]
    retype: Vec<Spanned<RetypeT>>,
    #[serde(default)]
    rename: Vec<Spanned<RenameT>>,
    #[serde(default)]
    split: Vec<Spanned<SplitT>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MergeT {
    into: Spanned<String>,
    from: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RetypeT {
    entity: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RenameT {
    entity: Spanned<String>,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SplitT {
    form: Spanned<String>,
    name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<Spanned<String>>,
}

/// The file name diagnostics name.
pub const FILE: &str = "entities.toml";

fn line_of(text: &str, offset: usize) -> u32 {
    text[..offset.min(text.len())].matches('\n').count() as u32 + 1
}

/// Parses `entities.toml`; a syntax error, an unknown key or a bad type is an error naming its line.
pub fn parse(text: &str) -> Result<Rules, Vec<Diagnostic>> {
    let file: FileT = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        let msg = e.message().trim().to_string();
        vec![Diagnostic::error(
            FILE,
            line,
            format!("invalid entry: {msg}"),
        )]
    })?;
    let at = |s: &Spanned<String>| At {
        text: s.get_ref().trim().to_string(),
        line: line_of(text, s.span().start),
    };
    let mut errors = Vec::new();
    let mut kind = |s: &Spanned<String>| {
        let k = Kind::parse(s.get_ref().trim());
        if k.is_none() {
            errors.push(Diagnostic::error(
                FILE,
                Some(line_of(text, s.span().start)),
                format!(
                    "unknown entity type `{}` (expected person, organization, place or other)",
                    s.get_ref()
                ),
            ));
        }
        k
    };
    let mut rules = Rules {
        ignore: file.ignore.iter().map(at).collect(),
        merges: file
            .merge
            .iter()
            .map(|m| MergeRule {
                into: at(&m.get_ref().into),
                from: m.get_ref().from.iter().map(at).collect(),
            })
            .collect(),
        renames: file
            .rename
            .iter()
            .map(|r| (at(&r.get_ref().entity), r.get_ref().name.trim().to_string()))
            .collect(),
        ..Rules::default()
    };
    for r in &file.retype {
        if let Some(k) = kind(&r.get_ref().kind) {
            rules.retypes.push((at(&r.get_ref().entity), k));
        }
    }
    for s in &file.split {
        let k = s.get_ref().kind.as_ref().and_then(&mut kind);
        rules.splits.push(SplitRule {
            form: at(&s.get_ref().form),
            name: s.get_ref().name.clone(),
            kind: k,
        });
    }
    let empty: Vec<&At> = rules
        .ignore
        .iter()
        .chain(
            rules
                .merges
                .iter()
                .flat_map(|m| std::iter::once(&m.into).chain(&m.from)),
        )
        .chain(rules.retypes.iter().map(|r| &r.0))
        .chain(rules.renames.iter().map(|r| &r.0))
        .chain(rules.splits.iter().map(|s| &s.form))
        .filter(|a| a.text.is_empty())
        .collect();
    for a in empty {
        errors.push(Diagnostic::error(FILE, Some(a.line), "empty entity name"));
    }
    for (a, name) in &rules.renames {
        if name.is_empty() {
            errors.push(Diagnostic::error(
                FILE,
                Some(a.line),
                "rename to an empty name",
            ));
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_rule() {
        let r = parse(
            r#"ignore = ["Photo"]
[[merge]]
into = "Gitanas Nausėda"
from = ["Nauseda G."]
[[retype]]
entity = "Politico"
type = "org"
[[rename]]
entity = "OECD"
name = "Organisation for Economic Co-operation and Development"
[[split]]
form = "Jordan"
name = "Michael Jordan"
type = "person"
"#,
        )
        .unwrap();
        assert_eq!(
            r.ignore[0],
            At {
                text: "Photo".into(),
                line: 1
            }
        );
        assert_eq!(r.merges[0].into.line, 3);
        assert_eq!(r.retypes[0].1, Kind::Organization);
        assert_eq!(r.splits[0].kind, Some(Kind::Person));
        assert_eq!(r.renames[0].0.line, 9);
    }

    #[test]
    fn bad_type_names_its_line() {
        let e = parse("[[retype]]\nentity = \"X\"\ntype = \"planet\"\n").unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "entities.toml:3: error: unknown entity type `planet` (expected person, organization, place or other)"
        );
    }

    #[test]
    fn unknown_key_names_its_line() {
        let e = parse("ignore = [\"a\"]\n\n[[merge]]\ninto = \"a\"\nfrm = [\"b\"]\n").unwrap_err();
        assert_eq!(e[0].line, Some(5));
        assert!(e[0].message.contains("frm"), "{}", e[0].message);
    }

    #[test]
    fn syntax_error_names_its_line() {
        let e = parse("ignore = [\"a\"\n[[merge]]\n").unwrap_err();
        assert!(e[0].line.is_some());
        assert!(e[0].message.starts_with("invalid entry"));
    }
}
