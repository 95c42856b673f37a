//! Scores the entity extractor on the seeds against the hand annotation in `data/seeds-gold.json`
//! and against a hand judgement of everything it extracts (`data/seeds-judged.json`).
#![cfg(not(target_arch = "wasm32"))]

use dossier_engine::{fold_name, load::load_dir, Corpus, EntityKind};
use serde_json::Value;
use std::path::Path;

fn corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    load_dir(&dir).unwrap().output.corpus
}

fn data(name: &str) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn kind(s: &str) -> EntityKind {
    EntityKind::parse(s).unwrap()
}

#[test]
fn every_required_entity_is_found_typed_merged_and_linked() {
    let c = corpus();
    let gold = data("seeds-gold.json");
    let mut failures = Vec::new();
    let required = gold["required"].as_array().unwrap();
    for r in required {
        let name = r["name"].as_str().unwrap();
        let mut ids = Vec::new();
        for form in r["forms"].as_array().unwrap() {
            let form = form.as_str().unwrap();
            let hit = c.entities.iter().position(|e| {
                e.name == form || e.forms.iter().any(|f| f.text == form && !f.adjective)
            });
            match hit {
                Some(i) => ids.push(i),
                None => failures.push(format!("{name}: form {form:?} not found")),
            }
        }
        ids.sort_unstable();
        ids.dedup();
        if ids.len() > 1 {
            failures.push(format!("{name}: forms split over {} entities", ids.len()));
        }
        let Some(&i) = ids.first() else { continue };
        let e = &c.entities[i];
        if e.kind != kind(r["type"].as_str().unwrap()) {
            failures.push(format!("{name}: typed {:?}", e.kind));
        }
        let mut want: Vec<String> = r["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().to_string())
            .collect();
        want.sort();
        // Documents that name it: adjective mentions (`Dutch`) link too, but are not names.
        let got: Vec<String> = e
            .documents
            .iter()
            .filter(|&&d| {
                let named = c
                    .mentions
                    .of(d)
                    .any(|m| m.entity as usize == i && !m.adjective);
                let dateline = c.documents[d as usize]
                    .dateline
                    .as_deref()
                    .is_some_and(|l| e.forms.iter().any(|f| f.text == l));
                named || dateline
            })
            .map(|&d| c.documents[d as usize].id[..3].to_string())
            .collect();
        if got != want {
            failures.push(format!("{name}: documents {got:?}, expected {want:?}"));
        }
    }
    println!(
        "required entities right: {}/{}",
        required.len() - failures.len().min(required.len()),
        required.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn no_listed_non_entity_is_produced() {
    let c = corpus();
    let gold = data("seeds-gold.json");
    for bad in gold["not_entities"].as_array().unwrap() {
        let bad = fold_name(bad.as_str().unwrap());
        assert!(
            !c.entities.iter().any(|e| fold_name(&e.name) == bad),
            "{bad} was extracted as an entity"
        );
    }
}

#[test]
fn precision_over_everything_extracted_is_at_least_0_9() {
    let c = corpus();
    let judged = data("seeds-judged.json");
    let list = |k: &str| -> Vec<String> {
        judged[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let (correct, wrong) = (list("correct"), list("wrong"));
    let mut right = 0;
    for e in &c.entities {
        let label = format!("{} ({})", e.name, e.kind.as_str());
        if correct.contains(&label) {
            right += 1;
        } else {
            assert!(
                wrong.contains(&label),
                "unjudged entity {label}: judge it in seeds-judged.json"
            );
        }
    }
    let precision = right as f64 / c.entities.len() as f64;
    println!("precision {precision:.3} ({right}/{})", c.entities.len());
    assert!(precision >= 0.9, "precision {precision:.3}");
}
