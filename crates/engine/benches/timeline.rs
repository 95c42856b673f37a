//! Timeline benchmark: bucketing plus layout (and bursts) for 100k generated documents.
//!
//! Run with `cargo bench -p dossier-engine --bench timeline`; prints median and p95 per step.
//! Plain timing (`harness = false`) so it adds no dependency.

use chrono::NaiveDate;
use dossier_engine::timeline::{
    bursts, entity_series, histogram, layout, DocFacts, EntityBaseline, Granularity, LayoutOptions,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Deterministic generator (64-bit LCG), so every run measures the same corpus.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn time<T>(name: &str, runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    for _ in 0..3 {
        black_box(f());
    }
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    samples.sort();
    let p50 = samples[runs / 2];
    let p95 = samples[(runs * 95 / 100).min(runs - 1)];
    println!("{name:<48} p50 {p50:>10.3?}  p95 {p95:>10.3?}  ({runs} runs)");
    (p50, p95)
}

fn main() {
    const N: usize = 100_000;
    let mut rng = Lcg(42);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    // Ten years of dates, 5% undated, with a news spike in April 2024; 2–8 entities per
    // document drawn from 2,000, skewed towards the first ones.
    let mut dates = Vec::with_capacity(N);
    let mut ents: Vec<Vec<u32>> = Vec::with_capacity(N);
    for _ in 0..N {
        let r = rng.next() % 100;
        dates.push(match r {
            0..=4 => None,
            5..=9 => start.checked_add_days(chrono::Days::new(3378 + rng.next() % 20)),
            _ => start.checked_add_days(chrono::Days::new(rng.next() % 3652)),
        });
        let k = 2 + rng.next() % 7;
        let mut e: Vec<u32> = (0..k)
            .map(|_| ((rng.next() % 2000) * (rng.next() % 2000) / 2000) as u32)
            .collect();
        e.sort_unstable();
        e.dedup();
        ents.push(e);
    }
    let docs: Vec<DocFacts> = dates
        .iter()
        .zip(&ents)
        .map(|(date, e)| DocFacts {
            date: *date,
            entities: e,
        })
        .collect();
    let opts = LayoutOptions {
        width: 960.0,
        height: 200.0,
        ..LayoutOptions::default()
    };
    println!("timeline, {N} documents (10 years, 5% undated)");
    let (p50, p95) = time("histogram (auto granularity) + layout", 200, || {
        let h = histogram(dates.iter().copied(), None, None);
        layout(&h, &opts)
    });
    time("histogram (day requested -> week) + layout", 200, || {
        let h = histogram(dates.iter().copied(), Some(Granularity::Day), None);
        layout(&h, &opts)
    });
    let day = histogram(dates.iter().copied(), Some(Granularity::Day), None);
    println!("  -> {:?}, {} buckets", day.granularity, day.buckets.len());
    let h = histogram(dates.iter().copied(), None, None);
    println!(
        "  -> {:?}, {} buckets, {} undated",
        h.granularity,
        h.buckets.len(),
        h.undated
    );
    time("layout only", 2000, || layout(&h, &opts));
    time("entity series, 8 entities", 100, || {
        entity_series(&h, &docs, &[0, 1, 2, 3, 5, 8, 13, 21])
    });
    let baseline = EntityBaseline::new(&docs);
    time("bursts (detection + drivers)", 100, || {
        bursts(&h, &docs, &baseline)
    });
    let found = bursts(&h, &docs, &baseline);
    println!(
        "  -> {} burst(s) at buckets {:?}",
        found.len(),
        found.iter().map(|b| b.bucket).collect::<Vec<_>>()
    );
    println!("FIGURE histogram+layout 100k: p50 {p50:.3?}, p95 {p95:.3?}");
}
