//! Extractor tests on small invented news snippets.

use super::*;
use crate::model::{Block, BlockKind, Document};

/// A document whose paragraphs are separated by blank lines; lines starting `## ` are headings.
fn doc(id: &str, text: &str) -> Document {
    let mut body = String::new();
    let mut blocks = Vec::new();
    for para in text.split("\n\n") {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let (kind, t) = match para.strip_prefix("## ") {
            Some(h) => (BlockKind::Heading, h),
            None => (BlockKind::Paragraph, para),
        };
        let start = body.len() as u32;
        body.push_str(t);
        blocks.push(Block {
            kind,
            start,
            end: body.len() as u32,
        });
    }
    Document {
        id: id.into(),
        body,
        blocks,
        ..Document::default()
    }
}

fn run(texts: &[&str]) -> Vec<Entity> {
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| doc(&i.to_string(), t))
        .collect();
    extract(&docs, None).unwrap().0
}

fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
    es.iter().find(|e| e.name == name).unwrap_or_else(|| {
        panic!(
            "no entity {name:?} in {:?}",
            es.iter().map(|e| &e.name).collect::<Vec<_>>()
        )
    })
}

fn names(es: &[Entity]) -> Vec<&str> {
    es.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn role_before_name_is_kept_as_role() {
    let es = run(&[
        "On Monday, Lithuanian President Gitanas Nausėda met Prime Minister Paluckas in Vilnius.",
    ]);
    let g = find(&es, "Gitanas Nausėda");
    assert_eq!(g.kind, EntityKind::Person);
    assert_eq!(g.roles, ["President"]);
    assert_eq!(find(&es, "Paluckas").kind, EntityKind::Person);
    assert!(find(&es, "Lithuania").forms[0].adjective);
    for bad in ["President", "Prime Minister", "Monday", "On Monday"] {
        assert!(!names(&es).contains(&bad), "{bad} is not an entity");
    }
}

#[test]
fn surname_merges_into_the_one_full_name_and_folds_diacritics() {
    let es = run(&[
        "Dutch Prime Minister Mark Rutte visited. Rutte's plan was praised by Nauseda.",
        "Gitanas Nausėda said the plan works. Later Rutte left.",
    ]);
    let r = find(&es, "Mark Rutte");
    assert_eq!(r.documents, [0, 1]);
    assert!(r.forms.iter().any(|f| f.text == "Rutte" && f.count == 2));
    let n = find(&es, "Gitanas Nausėda");
    assert_eq!(n.id, "gitanas-nauseda");
    assert_eq!(n.documents, [0, 1]);
}

#[test]
fn regression_shared_surname_stays_unmerged() {
    let es = run(&["Mary Smith met John Smith in London. Smith said nothing."]);
    assert!(names(&es).contains(&"Mary Smith") && names(&es).contains(&"John Smith"));
    assert!(!find(&es, "Mary Smith")
        .forms
        .iter()
        .any(|f| f.text == "Smith"));
}

#[test]
fn acronym_and_expansion_are_one_organisation() {
    let es = run(&[
        "He met the Organisation for Economic Co-operation and Development (OECD) and the European Central Bank (ECB). The OECD agreed.",
    ]);
    let o = find(&es, "OECD");
    assert_eq!(o.kind, EntityKind::Organization);
    assert!(o
        .forms
        .iter()
        .any(|f| f.text == "Organisation for Economic Co-operation and Development"));
    assert_eq!(o.forms.iter().find(|f| f.text == "OECD").unwrap().count, 2);
    assert_eq!(find(&es, "ECB").kind, EntityKind::Organization);
}

#[test]
fn places_from_gazetteer_cues_and_datelines() {
    let mut d = doc(
        "a",
        "Ships crossed the Baltic Sea near Kaliningrad and sailed to The Hague and New York City.",
    );
    d.dateline = Some("VILNIUS".into());
    let es = extract(&[d], None).unwrap().0;
    for p in ["Baltic Sea", "Kaliningrad", "The Hague", "Vilnius"] {
        assert_eq!(find(&es, p).kind, EntityKind::Place, "{p}");
    }
    assert!(find(&es, "Vilnius")
        .forms
        .iter()
        .any(|f| f.text == "VILNIUS"));
}

#[test]
fn other_things_by_what_follows_them() {
    let es = run(&["The Patriot missile system arrived. Officials praised the Baltic Sentry operation during COVID-19."]);
    assert_eq!(find(&es, "Patriot").kind, EntityKind::Other);
    assert_eq!(find(&es, "Baltic Sentry").kind, EntityKind::Other);
    assert_eq!(find(&es, "COVID-19").kind, EntityKind::Other);
}

#[test]
fn headings_weekdays_and_capitalised_common_words_are_not_entities() {
    let es = run(&[
        "## Strengthening the Eastern Flank\n\nOn Tuesday the alliance met. Moreover, the Alliance agreed that the Summit in March matters. The summit was long.",
    ]);
    for bad in [
        "Strengthening",
        "Eastern Flank",
        "Tuesday",
        "Moreover",
        "Alliance",
        "Summit",
        "March",
    ] {
        assert!(!names(&es).contains(&bad), "{bad} in {:?}", names(&es));
    }
}

#[test]
fn general_news_people_organisations_places() {
    let es = run(&[
        "WASHINGTON - Apple Inc. said on Friday that Dr. Jane Goodall will speak in Los Angeles. \
         Chancellor Olaf Scholz told reporters that the European Union would act, according to Reuters.",
    ]);
    assert_eq!(find(&es, "Apple Inc").kind, EntityKind::Organization);
    assert_eq!(find(&es, "Jane Goodall").kind, EntityKind::Person);
    assert_eq!(find(&es, "Olaf Scholz").kind, EntityKind::Person);
    assert_eq!(find(&es, "European Union").kind, EntityKind::Organization);
    assert_eq!(find(&es, "Los Angeles").kind, EntityKind::Place);
    assert_eq!(find(&es, "Reuters").kind, EntityKind::Organization);
    assert!(!names(&es).contains(&"Friday"));
}

#[test]
fn mentions_carry_byte_offsets_and_adjective_flags() {
    let d = doc("a", "Russian forces left Ukraine’s border.");
    let (es, ms) = extract(std::slice::from_ref(&d), None).unwrap();
    let texts: Vec<(&str, bool)> = ms[0]
        .iter()
        .map(|m| (&d.body[m.start as usize..m.end as usize], m.adjective))
        .collect();
    assert_eq!(texts, [("Russian", true), ("Ukraine", false)]);
    assert_eq!(es[ms[0][0].entity as usize].name, "Russia");
}

#[test]
fn curation_merges_retypes_renames_splits_and_ignores() {
    let docs = vec![doc("a", "Politico reported that Jordan met Michael Jordan in Paris. Euro-Atlantic ties matter, said Smith.")];
    let rules = r#"
ignore = ["Paris"]
[[retype]]
entity = "Politico"
type = "organization"
[[rename]]
entity = "Michael Jordan"
name = "Michael J."
[[merge]]
into = "Michael Jordan"
from = ["Smith"]
"#;
    let es = extract(&docs, Some(rules)).unwrap().0;
    assert!(!names(&es).contains(&"Paris"));
    assert_eq!(find(&es, "Politico").kind, EntityKind::Organization);
    let m = find(&es, "Michael J.");
    assert!(m.forms.iter().any(|f| f.text == "Smith"));
}

#[test]
fn curation_unknown_name_is_an_error_naming_its_line() {
    let docs = vec![doc("a", "Mark Rutte spoke.")];
    let err = extract(
        &docs,
        Some("\n[[retype]]\nentity = \"Nobody\"\ntype = \"place\"\n"),
    )
    .unwrap_err();
    assert_eq!(
        err[0].to_string(),
        "entities.toml:3: error: no entity named `Nobody` in the corpus"
    );
}

#[test]
fn slugs_are_stable_ascii() {
    assert_eq!(slug("Gitanas Nausėda"), "gitanas-nauseda");
    assert_eq!(slug("Nltimes.nl"), "nltimes-nl");
    assert_eq!(slug("  Łódź  "), "lodz");
}
