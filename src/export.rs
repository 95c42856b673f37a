//! Exports of the current results (CSV, JSON) and of the entity table (CSV), each carrying the
//! view URL and a fingerprint of the embedded corpus so a citation can be checked later.

use std::fmt::Write as _;

use dossier_engine::{Corpus, DocIdx};

/// FNV-1a 64-bit hash of the embedded snapshot, as 16 hex digits.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// One CSV field, quoted when it needs to be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn entity_names(corpus: &Corpus, doc: DocIdx) -> Vec<&str> {
    let mut ids: Vec<u32> = corpus.mentions.of(doc).map(|m| m.entity).collect();
    dossier_engine::sort::sort(&mut ids);
    ids.dedup();
    ids.into_iter()
        .filter_map(|i| corpus.entities.get(i as usize))
        .map(|e| e.name.as_str())
        .collect()
}

/// The results as CSV: a `#` line naming the view and corpus, then a header and one row each.
pub fn results_csv(corpus: &Corpus, results: &[DocIdx], view_url: &str, fp: &str) -> String {
    let mut out = format!("# view: {view_url} corpus: {fp}\nid,date,title,source,url,entities\n");
    for &i in results {
        let d = &corpus.documents[i as usize];
        let row = [
            field(&d.id),
            d.date.map(|d| d.to_string()).unwrap_or_default(),
            field(&d.title),
            field(d.source.as_deref().unwrap_or("")),
            field(d.url.as_deref().unwrap_or("")),
            field(&entity_names(corpus, i).join("; ")),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// The results as JSON: `{"view", "corpus", "documents": [{id, date, title, source, url, entities}]}`,
/// indented by two spaces (as `serde_json::to_string_pretty` writes it, keys in this order).
pub fn results_json(corpus: &Corpus, results: &[DocIdx], view_url: &str, fp: &str) -> String {
    let mut out = String::from("{\n  \"view\": ");
    json_string(&mut out, view_url);
    out.push_str(",\n  \"corpus\": ");
    json_string(&mut out, fp);
    out.push_str(",\n  \"documents\": [");
    for (k, &i) in results.iter().enumerate() {
        let d = &corpus.documents[i as usize];
        out.push_str(if k == 0 { "\n    {" } else { ",\n    {" });
        let date = d.date.map(|d| d.to_string());
        let fields: [(&str, Option<&str>); 5] = [
            ("id", Some(&d.id)),
            ("date", date.as_deref()),
            ("title", Some(&d.title)),
            ("source", d.source.as_deref()),
            ("url", d.url.as_deref()),
        ];
        for (name, value) in fields {
            let _ = write!(out, "\n      \"{name}\": ");
            match value {
                Some(v) => json_string(&mut out, v),
                None => out.push_str("null"),
            }
            out.push(',');
        }
        out.push_str("\n      \"entities\": [");
        let names = entity_names(corpus, i);
        for (n, name) in names.iter().enumerate() {
            out.push_str(if n == 0 { "\n        " } else { ",\n        " });
            json_string(&mut out, name);
        }
        out.push_str(if names.is_empty() { "]" } else { "\n      ]" });
        out.push_str("\n    }");
    }
    out.push_str(if results.is_empty() {
        "]\n}"
    } else {
        "\n  ]\n}"
    });
    out
}

/// `s` as a JSON string literal: quotes, backslashes and control characters escaped (RFC 8259),
/// everything else as it is, so the file stays readable UTF-8.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The entity table as CSV: id, name, type, documents, mentions, forms.
pub fn entities_csv(corpus: &Corpus, view_url: &str, fp: &str) -> String {
    let mut out =
        format!("# view: {view_url} corpus: {fp}\nid,name,type,documents,mentions,forms\n");
    for e in &corpus.entities {
        let mentions: u32 = e.forms.iter().map(|f| f.count).sum();
        let forms: Vec<&str> = e.forms.iter().map(|f| f.text.as_str()).collect();
        let row = [
            field(&e.id),
            field(&e.name),
            e.kind.as_str().to_string(),
            e.documents.len().to_string(),
            mentions.to_string(),
            field(&forms.join("; ")),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_engine::Document;

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let corpus = Corpus {
            documents: vec![Document {
                id: "a".into(),
                title: "Rutte, \"NATO\"\nchief".into(),
                ..Document::default()
            }],
            mentions: dossier_engine::packed::Mentions::pack(&[vec![]]),
            ..Corpus::default()
        };
        let csv = results_csv(&corpus, &[0], "?q=x", "00");
        assert_eq!(
            csv,
            "# view: ?q=x corpus: 00\nid,date,title,source,url,entities\na,,\"Rutte, \"\"NATO\"\"\nchief\",,,\n"
        );
    }

    fn corpus_of(documents: Vec<Document>, mentions: &[Vec<dossier_engine::Mention>]) -> Corpus {
        let entities = ["Ona \"Šimonytė\"", "Back\\slash"]
            .iter()
            .enumerate()
            .map(|(i, name)| dossier_engine::Entity {
                id: format!("e{i}"),
                name: name.to_string(),
                kind: dossier_engine::EntityKind::Person,
                forms: vec![],
                roles: vec![],
                documents: vec![],
            })
            .collect();
        Corpus {
            documents,
            entities,
            mentions: dossier_engine::packed::Mentions::pack(mentions),
            ..Corpus::default()
        }
    }

    #[test]
    fn results_json_is_indented_like_serde_json_in_field_order() {
        let corpus = corpus_of(
            vec![
                Document {
                    id: "a".into(),
                    title: "T".into(),
                    date: chrono::NaiveDate::from_ymd_opt(2024, 7, 9),
                    ..Document::default()
                },
                Document {
                    id: "b".into(),
                    title: "U".into(),
                    source: Some("LRT".into()),
                    ..Document::default()
                },
            ],
            &[
                vec![],
                vec![dossier_engine::Mention {
                    entity: 0,
                    start: 0,
                    end: 1,
                    adjective: false,
                }],
            ],
        );
        let want = r#"{
  "view": "?q=x",
  "corpus": "00",
  "documents": [
    {
      "id": "a",
      "date": "2024-07-09",
      "title": "T",
      "source": null,
      "url": null,
      "entities": []
    },
    {
      "id": "b",
      "date": null,
      "title": "U",
      "source": "LRT",
      "url": null,
      "entities": [
        "Ona \"Šimonytė\""
      ]
    }
  ]
}"#;
        assert_eq!(results_json(&corpus, &[0, 1], "?q=x", "00"), want);
        assert_eq!(
            results_json(&corpus, &[], "?", "00"),
            "{\n  \"view\": \"?\",\n  \"corpus\": \"00\",\n  \"documents\": []\n}"
        );
    }

    #[test]
    fn results_json_reads_back_as_the_same_strings() {
        // Every character a title can hold, including the ones JSON must escape.
        let nasty = "quote \" backslash \\ nl \n cr \r tab \t nul \u{0} esc \u{1b} del \u{7f} \
                     ls \u{2028} ps \u{2029} bom \u{feff} astral 𝄞 </script> &amp;";
        let corpus = corpus_of(
            vec![Document {
                id: "d\"1".into(),
                title: nasty.into(),
                url: Some("https://example.com/?a=1&b=\"2\"".into()),
                ..Document::default()
            }],
            &[vec![
                dossier_engine::Mention {
                    entity: 1,
                    start: 0,
                    end: 1,
                    adjective: false,
                },
                dossier_engine::Mention {
                    entity: 0,
                    start: 2,
                    end: 3,
                    adjective: false,
                },
            ]],
        );
        let text = results_json(&corpus, &[0], "?q=\"x\"\n", "ff");
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(
            value,
            serde_json::json!({
                "view": "?q=\"x\"\n",
                "corpus": "ff",
                "documents": [{
                    "id": "d\"1",
                    "date": null,
                    "title": nasty,
                    "source": null,
                    "url": "https://example.com/?a=1&b=\"2\"",
                    "entities": ["Ona \"Šimonytė\"", "Back\\slash"],
                }],
            })
        );
    }

    #[test]
    fn fingerprint_changes_with_content() {
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
        assert_eq!(fingerprint(b"").len(), 16);
    }
}
