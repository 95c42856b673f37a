//! Network benchmark: co-occurrence counting over 100k documents and the layout of 500 nodes.
//!
//! Run with `cargo bench -p dossier-engine --bench network`; prints median and p95 per step.

use dossier_engine::network::{layout_network, network, NetworkOptions};
use std::hint::black_box;
use std::time::{Duration, Instant};

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
    black_box(f());
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    samples.sort();
    let (p50, p95) = (samples[runs / 2], samples[(runs * 95 / 100).min(runs - 1)]);
    println!("{name:<52} p50 {p50:>10.3?}  p95 {p95:>10.3?}  ({runs} runs)");
    (p50, p95)
}

fn main() {
    const N: usize = 100_000;
    let mut rng = Lcg(7);
    // Documents mention 2–8 of 2,000 entities, in topical clusters of 20 with some noise.
    let docs: Vec<Vec<u32>> = (0..N)
        .map(|_| {
            let cluster = (rng.next() % 100) as u32 * 20;
            let k = 2 + rng.next() % 7;
            (0..k)
                .map(|_| {
                    if rng.next() & 3 == 0 {
                        (rng.next() % 2000) as u32
                    } else {
                        cluster + (rng.next() % 20) as u32
                    }
                })
                .collect()
        })
        .collect();
    let refs: Vec<&[u32]> = docs.iter().map(Vec::as_slice).collect();
    let opts = NetworkOptions {
        max_nodes: 500,
        max_edges: 1500,
        ..NetworkOptions::default()
    };
    println!("network, {N} documents, 2,000 entities");
    time(
        "co-occurrence + thresholds, 100k docs, 500 nodes",
        20,
        || network(&refs, &opts),
    );
    let net = network(&refs, &opts);
    println!(
        "  -> {} nodes, {} edges ({} below threshold, {} over the cap)",
        net.nodes.len(),
        net.edges.len(),
        net.below_threshold_edges,
        net.left_out_edges
    );
    time("layout, 500 nodes", 20, || {
        let mut n = net.clone();
        layout_network(&mut n, 960.0, 720.0, 24.0);
        n
    });
    let small = network(
        &refs[..2_000],
        &NetworkOptions {
            max_nodes: 60,
            ..NetworkOptions::default()
        },
    );
    time("layout, 60 nodes (default cap)", 200, || {
        let mut n = small.clone();
        layout_network(&mut n, 960.0, 720.0, 24.0);
        n
    });
}
