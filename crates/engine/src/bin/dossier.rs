//! The inspector: shows what a corpus folder will embed (`dossier inspect DIR [--json]`).
//!
//! Exit status: 0 when the corpus builds, 1 when it has errors (the build would stop), 2 for a
//! usage mistake or a folder that cannot be read. It reads folders from disk, so it is built
//! for native targets only; on `wasm32` it just says so.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    eprintln!("dossier: the inspector reads folders from disk and runs on native targets only");
    std::process::exit(2);
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use dossier_engine::load::{load_dir, Loaded};
    use dossier_engine::{Corpus, Severity};
    use serde_json::{json, Value};
    use std::path::Path;
    use std::process::ExitCode;

    const USAGE: &str = "\
    dossier: shows what a corpus folder will embed

    Usage:
      dossier inspect DIR          a table of documents and entities, the build summary and every problem
      dossier inspect DIR --json   the same as JSON on stdout: {\"documents\":[...],\"entities\":[...],\"quotes\":[...]}
      dossier --help               this message

    DIR holds .txt, .md/.markdown (YAML front matter) and .jsonl files, and optionally entities.toml.
    Problems go to stderr; the exit status is 1 when the corpus has errors, 2 for a usage mistake.";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if args
            .iter()
            .any(|a| a == "-h" || a == "--help" || a == "help")
        {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        let (dir, json) = match parse_args(&args) {
            Ok(x) => x,
            Err(msg) => {
                eprintln!("error: {msg}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        let loaded = match load_dir(Path::new(&dir)) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: cannot read corpus folder {dir}: {e}");
                return ExitCode::from(2);
            }
        };
        let out = &loaded.output;
        if json {
            println!("{:#}", to_json(&out.corpus));
        } else {
            print!("{}", table(&loaded));
        }
        for d in &out.diagnostics {
            eprintln!("{d}");
        }
        eprintln!(
            "{}",
            dossier_engine::bodies::describe_auto(dossier_engine::bodies::body_bytes(&out.corpus))
        );
        eprintln!("{}", out.summary(&dir));
        if out.has_errors() {
            let n = out
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            eprintln!(
                "error: {n} error{} in {dir}; a build would stop",
                if n == 1 { "" } else { "s" }
            );
            return ExitCode::from(1);
        }
        ExitCode::SUCCESS
    }

    /// `inspect DIR [--json]` in any order of the flag.
    fn parse_args(args: &[String]) -> Result<(String, bool), String> {
        let mut rest = args.iter();
        match rest.next().map(String::as_str) {
            Some("inspect") => {}
            Some(other) => return Err(format!("unknown command `{other}`")),
            None => return Err("no command given".into()),
        }
        let mut dir = None;
        let mut json = false;
        for a in rest {
            match a.as_str() {
                "--json" => json = true,
                flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
                d if dir.is_none() => dir = Some(d.to_string()),
                extra => return Err(format!("unexpected argument `{extra}`")),
            }
        }
        let dir = dir.ok_or("no corpus folder given")?;
        Ok((dir, json))
    }

    /// The JSON view: documents with their metadata and word counts, entities with their forms
    /// and the ids of the documents that mention them.
    fn to_json(corpus: &Corpus) -> Value {
        let documents: Vec<Value> = corpus
            .documents
            .iter()
            .map(|d| {
                json!({
                    "id": d.id,
                    "date": d.date.map(|x| x.to_string()),
                    "title": d.title,
                    "byline": d.byline,
                    "dateline": d.dateline,
                    "source": d.source,
                    "words": d.word_count(),
                })
            })
            .collect();
        let entities: Vec<Value> = corpus
            .entities
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "name": e.name,
                    "type": e.kind.as_str(),
                    "forms": e.forms.iter().map(|f| json!({"text": f.text, "count": f.count})).collect::<Vec<_>>(),
                    "documents": e.documents.iter().filter_map(|&i| corpus.documents.get(i as usize)).map(|d| d.id.as_str()).collect::<Vec<_>>(),
                })
            })
            .collect();
        let quotes: Vec<Value> = corpus
            .quotes
            .iter()
            .filter_map(|q| {
                let d = corpus.documents.get(q.document as usize)?;
                Some(json!({
                    "speaker": q.speaker,
                    "entity": q.entity.and_then(|e| corpus.entities.get(e as usize)).map(|e| e.id.as_str()),
                    "document": d.id,
                    "text": q.text(d),
                }))
            })
            .collect();
        json!({ "documents": documents, "entities": entities, "quotes": quotes })
    }

    /// The readable view: aligned tables of documents and entities.
    fn table(loaded: &Loaded) -> String {
        let corpus = &loaded.output.corpus;
        let mut rows = vec![[
            "ID".to_string(),
            "DATE".into(),
            "WORDS".into(),
            "SOURCE".into(),
            "BYLINE".into(),
            "DATELINE".into(),
            "TITLE".into(),
        ]];
        for d in &corpus.documents {
            rows.push([
                clip(&d.id, 40),
                d.date.map_or("undated".into(), |x| x.to_string()),
                d.word_count().to_string(),
                clip(d.source.as_deref().unwrap_or("-"), 30),
                clip(d.byline.as_deref().unwrap_or("-"), 30),
                clip(d.dateline.as_deref().unwrap_or("-"), 30),
                format!(
                    "{}{}",
                    clip(&d.title, 70),
                    if d.title_derived { " (derived)" } else { "" }
                ),
            ]);
        }
        let mut s = aligned(&rows, &[2]);
        if !corpus.entities.is_empty() {
            let mut rows = vec![[
                "ENTITY".to_string(),
                "TYPE".into(),
                "DOCS".into(),
                "MENTIONS".into(),
                "FORMS".into(),
            ]];
            for e in &corpus.entities {
                let mentions: u32 = e.forms.iter().map(|f| f.count).sum();
                let forms: Vec<String> = e
                    .forms
                    .iter()
                    .map(|f| format!("{} ×{}", f.text, f.count))
                    .collect();
                rows.push([
                    clip(&e.name, 40),
                    e.kind.as_str().into(),
                    e.documents.len().to_string(),
                    mentions.to_string(),
                    clip(&forms.join(", "), 60),
                ]);
            }
            s.push('\n');
            s.push_str(&aligned(&rows, &[2, 3]));
        }
        s
    }

    /// Rows padded into columns two spaces apart; `right` lists right-aligned columns.
    fn aligned<const N: usize>(rows: &[[String; N]], right: &[usize]) -> String {
        let mut widths = [0; N];
        for row in rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut s = String::new();
        for row in rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let pad = widths[i] - cell.chars().count();
                if i > 0 {
                    line.push_str("  ");
                }
                if right.contains(&i) {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if i + 1 < N {
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            s.push_str(line.trim_end());
            s.push('\n');
        }
        s
    }

    /// At most `max` characters, with `…` when cut; control characters shown as spaces and
    /// invisible formatting characters (bidirectional overrides, zero-width) as `\u{…}`, so a
    /// hostile title cannot scramble the terminal.
    fn clip(s: &str, max: usize) -> String {
        let clean: String = s
            .chars()
            .map(|c| match c {
                c if c.is_control() => " ".to_string(),
                '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}' => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect();
        if clean.chars().count() <= max {
            return clean;
        }
        let mut out: String = clean.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}
