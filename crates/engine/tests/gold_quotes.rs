//! Quote detection and attribution over the five seed documents, measured against the hand
//! annotation in `tests/data/seeds-quotes.json`.
//!
//! The annotation lists every quotation in the seeds that is a statement, with the person who made
//! it (entity id) or null when the speaker is not a person (`his office`, `the report`) or is not
//! named. Not listed, by decision: short scare quotes and titles (`wished "all the best"`,
//! `"Buy in Ukraine for Ukraine"`, `the “3 + 1” format`) and reported speech without quote marks
//! (`…, said Mr Paluckas.`).
//!
//! A gold quote is found when an extracted quote of the same document starts with its
//! `text_starts`; its attribution is correct when the extracted entity id equals the gold one (ids
//! compared without diacritics) or both are null. Attribution precision is correct attributions
//! over all extracted quotes, recall over all gold quotes.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::Path;

/// Lower case without diacritics, whitespace collapsed: `Nausėda` and `nauseda` compare equal.
fn fold(s: &str) -> String {
    let plain: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' | 'ā' | 'ă' => 'a',
            'č' | 'ć' | 'ç' => 'c',
            'ď' => 'd',
            'é' | 'è' | 'ê' | 'ë' | 'ė' | 'ę' | 'ē' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'į' | 'ī' | 'ı' => 'i',
            'ł' | 'ľ' | 'ĺ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' => 'o',
            'ř' => 'r',
            'š' | 'ś' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ú' | 'ù' | 'û' | 'ü' | 'ų' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            '’' | '‘' => '\'',
            c => c,
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

#[test]
fn seeds_quote_attribution() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = dossier_engine::load::load_dir(&root.join("../../seeds")).expect("seeds load");
    let corpus = loaded.output.corpus;
    let gold: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/data/seeds-quotes.json")).unwrap(),
    )
    .unwrap();

    // (document id, folded text, folded entity id) of every extracted quote.
    let extracted: Vec<(String, String, Option<String>)> = corpus
        .quotes
        .iter()
        .map(|q| {
            let doc = &corpus.documents[q.document as usize];
            (
                doc.id.clone(),
                fold(q.text(doc)),
                q.entity.map(|e| fold(&corpus.entities[e as usize].id)),
            )
        })
        .collect();
    let mut used = vec![false; extracted.len()];
    let (mut found, mut correct, mut gold_people, mut correct_people) = (0, 0, 0, 0);
    for g in &gold {
        let doc = g["document"].as_str().unwrap();
        let start = fold(g["text_starts"].as_str().unwrap());
        let want = g["entity"].as_str().map(fold);
        gold_people += usize::from(want.is_some());
        let hit = (0..extracted.len())
            .find(|&i| !used[i] && extracted[i].0 == doc && extracted[i].1.starts_with(&start));
        match hit {
            Some(i) => {
                used[i] = true;
                found += 1;
                if extracted[i].2 == want {
                    correct += 1;
                    correct_people += usize::from(want.is_some());
                } else {
                    println!(
                        "wrong speaker: {doc} {start:?}: got {:?}, want {want:?}",
                        extracted[i].2
                    );
                }
            }
            None => println!("missed: {doc} {start:?} ({want:?})"),
        }
    }
    for (i, (doc, text, entity)) in extracted.iter().enumerate() {
        if !used[i] {
            println!(
                "extra: {doc} {:?} ({entity:?})",
                text.chars().take(40).collect::<String>()
            );
        }
    }
    let linked = extracted.iter().filter(|q| q.2.is_some()).count();
    let (n_gold, n_out) = (gold.len(), extracted.len());
    let detection = (ratio(found, n_out), ratio(found, n_gold));
    let attribution = (ratio(correct, n_out), ratio(correct, n_gold));
    let people = (
        ratio(correct_people, linked),
        ratio(correct_people, gold_people),
    );
    println!("gold quotes {n_gold}, extracted {n_out}, found {found}");
    println!(
        "detection   precision {:.3} recall {:.3}",
        detection.0, detection.1
    );
    println!(
        "attribution precision {:.3} recall {:.3}",
        attribution.0, attribution.1
    );
    println!(
        "person links precision {:.3} recall {:.3}",
        people.0, people.1
    );

    assert_eq!(n_gold, 15, "annotation changed: update the floors");
    assert!(detection.1 >= 1.0 && detection.0 >= 0.9, "{detection:?}");
    assert!(
        attribution.0 >= 0.9 && attribution.1 >= 0.9,
        "{attribution:?}"
    );
}
