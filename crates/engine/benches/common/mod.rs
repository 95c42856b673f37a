//! Helpers shared by the benches: the generated corpus (from `dossier-gen`) as engine source
//! files, percentiles and a description of the machine.

#![allow(dead_code)]

use dossier_engine::SourceFile;

/// `n` generated corpus files of about 400 words each (see [`dossier_gen::generate`]).
pub fn generate(n: usize, seed: u64) -> Vec<SourceFile> {
    dossier_gen::generate(n, seed)
        .into_iter()
        .map(|f| SourceFile {
            path: f.name,
            bytes: f.text.into_bytes(),
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
