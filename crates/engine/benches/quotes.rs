//! Quote extraction throughput: extracts the quotes of a generated corpus of news-like documents
//! and writes the figures to `BENCH-quotes.md`. Run with `cargo bench -p dossier-engine --bench quotes`.

use dossier_engine::quotes::extract_quotes;
use dossier_engine::{Block, BlockKind, Document, Entity, EntityKind, Form, Mention};
use std::time::Instant;

/// Deterministic pseudo-random numbers (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

const FIRST: &[&str] = &[
    "Anna", "Jonas", "Maria", "Peter", "Ieva", "Tomas", "Sofia", "Lukas",
];
const LAST: &[&str] = &[
    "Kowalski",
    "Petrauskas",
    "Berg",
    "Novak",
    "Jansen",
    "Ozola",
    "Tamm",
    "Weber",
];
const ORGS: &[&str] = &[
    "NATO",
    "the European Commission",
    "the Defence Ministry",
    "Reuters",
];

/// One paragraph in one of the shapes news text takes, naming `who`.
fn paragraph(rng: &mut Rng, who: &str, org: &str) -> String {
    let claim = [
        "We will continue to strengthen our defence and stand with our allies in the region",
        "The decision was taken after long consultations with every member of the coalition",
        "Nobody expected the talks to move this fast, but the results speak for themselves",
        "There is no alternative to a credible deterrence posture on the eastern flank",
    ][rng.next(4)];
    match rng.next(10) {
        0 => format!("\"{claim},\" {who} said."),
        1 => format!("\"{claim},\" said Foreign Minister {who}."),
        2 => format!("{who} told reporters in the capital that \"{claim}\"."),
        3 => format!("\u{201c}{claim},\" {org} said in a statement on Tuesday."),
        4 => format!("\"{claim}. It matters,\" according to {org}."),
        5 => format!("{who} met officials from {org} on Monday. \"{claim},\" she said."),
        6 => format!(
            "The plan, described as a \"fresh start\" by supporters, was approved by {org}."
        ),
        7 => format!("\"{claim}.\n\n\"And this is only the beginning,\" {who} added."),
        8 => format!("\u{2018}{claim},\u{2019} {who} told the allies\u{2019} envoys."),
        _ => format!(
            "The ministers discussed security, energy and the budget for the coming year, and \
             {who} noted that the talks with {org} had been constructive and detailed."
        ),
    }
}

fn main() {
    let mut rng = Rng(42);
    let names: Vec<String> = FIRST
        .iter()
        .flat_map(|f| LAST.iter().map(move |l| format!("{f} {l}")))
        .collect();
    let entities: Vec<Entity> = names
        .iter()
        .map(|n| Entity {
            id: n.to_lowercase().replace(' ', "-"),
            name: n.clone(),
            kind: EntityKind::Person,
            forms: vec![Form {
                text: n.clone(),
                count: 1,
                adjective: false,
            }],
            roles: vec![],
            documents: vec![],
        })
        .collect();
    let mut docs: Vec<(Document, Vec<Mention>)> = Vec::new();
    let mut bytes = 0usize;
    while bytes < 20 << 20 {
        let mut body = String::new();
        let mut blocks = Vec::new();
        let mut mentions = Vec::new();
        for _ in 0..12 {
            let who = rng.next(names.len());
            let org = ORGS[rng.next(ORGS.len())];
            let p = paragraph(&mut rng, &names[who], org);
            for part in p.split("\n\n") {
                let start = body.len();
                body.push_str(part);
                for (s, _) in part.match_indices(names[who].as_str()) {
                    mentions.push(Mention {
                        entity: who as u32,
                        start: (start + s) as u32,
                        end: (start + s + names[who].len()) as u32,
                        adjective: false,
                    });
                }
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    start: start as u32,
                    end: body.len() as u32,
                });
                body.push_str("\n\n");
            }
        }
        bytes += body.len();
        docs.push((
            Document {
                id: format!("d{}", docs.len()),
                body,
                blocks,
                ..Document::default()
            },
            mentions,
        ));
    }

    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let t = Instant::now();
        found = 0;
        for (i, (doc, mentions)) in docs.iter().enumerate() {
            found += extract_quotes(i as u32, doc, mentions, &entities).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let report = format!(
        "# Quote extraction throughput\n\n\
         Command: `cargo bench -p dossier-engine --bench quotes` (bench profile = the release \
         settings: opt-level z, LTO; one thread; best of 5 runs on the shared 2-core machine).\n\n\
         Input: {} generated news-like documents, {mb:.1} MiB of body text, {found} quotes found.\n\n\
         | measure | value |\n|---|---|\n\
         | best of 5 runs | {:.3} s |\n\
         | throughput | {:.1} MiB/s |\n\
         | per document | {:.1} µs |\n",
        docs.len(),
        best,
        mb / best,
        best * 1e6 / docs.len() as f64,
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/BENCH-quotes.md");
    std::fs::write(path, &report).expect("write BENCH-quotes.md");
    print!("{report}");
}
