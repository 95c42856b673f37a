//! A deterministic generated news corpus for benchmarks and `cargo xtask gen-corpus`:
//! sentences recombined from the shipped seeds, with invented people, real places and
//! organisations recurring with Zipf-like frequencies, quotes, and dates spread over ten years.
//!
//! Plain files out (name and text), so it depends on nothing; the same `(n, seed)` always
//! gives the same files.

#![deny(missing_docs)]

pub mod rng;

pub use rng::Rng;

/// What the benchmarks type into a generated corpus, one key at a time: words, two words,
/// names, a typo (the browser benchmark `e2e/src/bin/bench.rs` and the engine's keystroke
/// bench).
pub const TYPED_QUERIES: &[&str] = &[
    "nato",
    "defence spending",
    "lithuania",
    "vilnius summit",
    "minister",
    "security",
    "baltic states",
    "presdent",
];

const SEEDS: [&str; 5] = [
    include_str!("../../../seeds/000_2368337cb3b4360c.txt"),
    include_str!("../../../seeds/001_4b90533497af7736.txt"),
    include_str!("../../../seeds/002_41fbe8cc36b14c37.txt"),
    include_str!("../../../seeds/003_a4041714c76e78bf.txt"),
    include_str!("../../../seeds/004_31f9a79cbea712d5.txt"),
];
const PLACES: &str = include_str!("../../engine/data/places.tsv");
const GIVEN: &[&str] = &[
    "Anna", "Peter", "Maria", "John", "Elena", "Tomas", "Laura", "Michael", "Sofia", "David",
    "Ingrid", "Pavel",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "vis", "ter", "man", "sen", "ric", "dor", "bel", "nas", "tu", "gra",
];
const ORG_CUES: &[&str] = &[
    "Ministry",
    "Council",
    "Agency",
    "Institute",
    "Bank",
    "Committee",
];

/// One generated corpus file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// File name, `gen-NNNNNN.txt`.
    pub name: String,
    /// The text, in one of the seeds' plain-text layouts.
    pub text: String,
}

fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    for s in SEEDS {
        for para in s.split("\n\n") {
            for sent in para.split_inclusive(". ") {
                let t = sent.trim();
                if t.split_whitespace().count() > 6 && !t.starts_with(" date") {
                    out.push(t.to_string());
                }
            }
        }
    }
    out
}

fn word(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut w: String = (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect();
    w[..1].make_ascii_uppercase();
    w
}

/// `n` corpus files of about 400 words each, the same for the same `seed`.
pub fn generate(n: usize, seed: u64) -> Vec<File> {
    let mut rng = Rng::new(seed);
    let pool = sentences();
    // Countries, capitals, cities and continents only: the kinds the gazetteer had when the
    // benchmarks were first run, so a generated corpus stays the same as the gazetteer grows.
    let places: Vec<&str> = PLACES
        .lines()
        .filter(|l| {
            !l.starts_with('#')
                && !l.ends_with("\tregion")
                && !l.ends_with("\tworld-region")
                && !l.ends_with("\tformer-country")
        })
        .filter_map(|l| l.split('\t').next())
        .collect();
    let people: Vec<String> = (0..2000)
        .map(|_| format!("{} {}", GIVEN[rng.below(GIVEN.len())], word(&mut rng)))
        .collect();
    let orgs: Vec<String> = (0..300)
        .map(|_| format!("{} {}", word(&mut rng), ORG_CUES[rng.below(ORG_CUES.len())]))
        .collect();
    (0..n)
        .map(|i| {
            let year = 2015 + rng.below(11);
            let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
            let mut body = String::new();
            let mut words = 0;
            while words < 400 {
                let s = match rng.below(4) {
                    0 => {
                        let p = &people[rng.zipf(people.len())];
                        let surname = p.rsplit(' ').next().unwrap_or(p);
                        format!("\"We will work with {} on this,\" {} said in {}.", orgs[rng.zipf(orgs.len())], surname, places[rng.zipf(places.len())])
                    }
                    1 => format!("{} met officials of the {} in {} on Tuesday.", people[rng.zipf(people.len())], orgs[rng.zipf(orgs.len())], places[rng.zipf(places.len())]),
                    _ => pool[rng.below(pool.len())].clone(),
                };
                words += s.split_whitespace().count();
                body.push_str(&s);
                body.push(if rng.below(4) == 0 { '\n' } else { ' ' });
                if body.ends_with('\n') {
                    body.push('\n');
                }
            }
            let text = if i % 2 == 0 {
                format!(" date {year}-{month:02}-{day:02} {body}")
            } else {
                let city = places[rng.zipf(places.len())].to_uppercase();
                format!("{} report {i}\n\n  \u{2022} {year}-{month:02}-{day:02}\n  \u{2022} Staff\n\n{city} \u{2013} {body}", orgs[rng.zipf(orgs.len())])
            };
            File { name: format!("gen-{i:06}.txt"), text }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::generate;

    #[test]
    fn same_seed_same_files() {
        assert_eq!(generate(5, 7), generate(5, 7));
        assert_ne!(generate(5, 7), generate(5, 8));
    }

    #[test]
    fn files_are_named_in_order_and_about_400_words() {
        let files = generate(3, 1);
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["gen-000000.txt", "gen-000001.txt", "gen-000002.txt"]
        );
        for f in &files {
            let words = f.text.split_whitespace().count();
            assert!((400..600).contains(&words), "{} has {words} words", f.name);
        }
    }
}
