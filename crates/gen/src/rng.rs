//! A small xorshift generator, so generated corpora repeat without a dependency.

/// Xorshift64 state.
pub struct Rng(u64);

impl Rng {
    /// A generator whose whole sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// An index in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// An index in `0..n` with probability falling as 1/(i+1).
    pub fn zipf(&mut self, n: usize) -> usize {
        use std::cell::RefCell;
        use std::collections::HashMap;
        thread_local! {
            static CUMULATIVE: RefCell<HashMap<usize, Vec<f64>>> = RefCell::new(HashMap::new());
        }
        let u = (self.next_u64() % 1_000_000) as f64 / 1_000_000.0;
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

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn same_seed_same_sequence() {
        let (mut a, mut b) = (Rng::new(3), Rng::new(3));
        assert!((0..100).all(|_| a.next_u64() == b.next_u64()));
    }

    #[test]
    fn zipf_stays_in_range_and_favours_the_first() {
        let mut r = Rng::new(1);
        let draws: Vec<usize> = (0..1000).map(|_| r.zipf(50)).collect();
        assert!(draws.iter().all(|&i| i < 50));
        let first = draws.iter().filter(|&&i| i == 0).count();
        let last = draws.iter().filter(|&&i| i == 49).count();
        assert!(first > last);
    }
}
