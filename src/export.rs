//! Exports of the current results (CSV, JSON) and of the entity table (CSV), each carrying the
//! view URL and a fingerprint of the embedded corpus so a citation can be checked later.

use dossier_engine::{Corpus, DocIdx};
use serde_json::json;

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

/// The results as JSON: `{"view", "corpus", "documents": [{id, date, title, source, url, entities}]}`.
pub fn results_json(corpus: &Corpus, results: &[DocIdx], view_url: &str, fp: &str) -> String {
    let documents: Vec<_> = results
        .iter()
        .map(|&i| {
            let d = &corpus.documents[i as usize];
            json!({
                "id": d.id,
                "date": d.date.map(|d| d.to_string()),
                "title": d.title,
                "source": d.source,
                "url": d.url,
                "entities": entity_names(corpus, i),
            })
        })
        .collect();
    let value = json!({ "view": view_url, "corpus": fp, "documents": documents });
    serde_json::to_string_pretty(&value).unwrap_or_default()
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

    #[test]
    fn fingerprint_changes_with_content() {
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
        assert_eq!(fingerprint(b"").len(), 16);
    }
}
