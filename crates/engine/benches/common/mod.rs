//! A deterministic generated news corpus for benchmarks: sentences recombined from the shipped
//! seeds, with invented people, real places and organisations recurring with Zipf-like
//! frequencies, quotes, and dates spread over ten years.

#![allow(dead_code)]

use dossier_engine::SourceFile;

const SEEDS: [&str; 5] = [
    include_str!("../../../../seeds/000_2368337cb3b4360c.txt"),
    include_str!("../../../../seeds/001_4b90533497af7736.txt"),
    include_str!("../../../../seeds/002_41fbe8cc36b14c37.txt"),
    include_str!("../../../../seeds/003_a4041714c76e78bf.txt"),
    include_str!("../../../../seeds/004_31f9a79cbea712d5.txt"),
];
const PLACES: &str = include_str!("../../data/places.tsv");
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

/// A small xorshift generator, so runs are repeatable without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// An index in `0..n` with probability falling as 1/(i+1).
    pub fn zipf(&mut self, n: usize) -> usize {
        use std::cell::RefCell;
        use std::collections::HashMap;
        thread_local! {
            static CUMULATIVE: RefCell<HashMap<usize, Vec<f64>>> = RefCell::new(HashMap::new());
        }
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        CUMULATIVE.with(|c| {
            let mut c = c.borrow_mut();
            let cum = c.entry(n).or_insert_with(|| {
                let mut acc = 0.0;
                (1..=n)
                    .map(|i| {
                        acc += 1.0 / i as f64;
                        acc
                    })
                    .collect()
            });
            let x = u * cum[n - 1];
            cum.partition_point(|&v| v < x).min(n - 1)
        })
    }
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

/// `n` corpus files of about 400 words each.
pub fn generate(n: usize, seed: u64) -> Vec<SourceFile> {
    let mut rng = Rng::new(seed);
    let pool = sentences();
    let places: Vec<&str> = PLACES
        .lines()
        .filter(|l| !l.starts_with('#'))
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
            SourceFile { path: format!("gen-{i:06}.txt"), bytes: text.into_bytes() }
        })
        .collect()
}

/// The p-th percentile (0..=100) of sorted samples.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// What machine this is, for the figures.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    format!("{cores} cores, {cpu}")
}
