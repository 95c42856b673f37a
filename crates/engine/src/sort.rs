//! Compact stable sorting for code that ships as WebAssembly.
//!
//! The standard library's sorts are fast but large, and every call site with its own closure
//! gets its own copy: in the app they were the biggest single item of the wasm binary. These
//! functions run one shared merge sort over positions ([`order`]) and only the comparison is
//! per call site. They are stable, like `slice::sort_by`, and O(n log n).
//!
//! ```
//! let mut v = vec![(2, 'b'), (1, 'z'), (2, 'a')];
//! dossier_engine::sort::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
//! assert_eq!(v, [(1, 'z'), (2, 'b'), (2, 'a')]);
//! ```

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` gives them, ties in position order.
#[inline(never)]
pub fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b: Vec<u32> = vec![0; n];
    // Runs of 8 by insertion sort, then bottom-up merges between the two buffers.
    const RUN: usize = 8;
    for chunk in a.chunks_mut(RUN) {
        for i in 1..chunk.len() {
            let mut j = i;
            while j > 0 && cmp(chunk[j - 1] as usize, chunk[j] as usize) == Ordering::Greater {
                chunk.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if cmp(a[j] as usize, a[i] as usize) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (end - j)].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Rearranges `v` so that position `k` holds the element that was at `perm[k]`.
fn permute<T>(v: &mut [T], perm: &[u32]) {
    // Follow each cycle of the permutation once, swapping along it.
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        let mut k = start;
        loop {
            done[k] = true;
            let from = perm[k] as usize;
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

/// Sorts `v` by `cmp`, stably (the compact equivalent of `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let perm = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &perm);
}

/// Sorts `v` by a key, stably (the compact equivalent of `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order (the compact equivalent of `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `(key, value)` pairs by key, stably (equal keys keep their order): a
/// least-significant-digit radix sort, 11 bits a pass, that skips the digits every key shares
/// (a result list's dates and scores differ in few of their bits). Linear in the length, for
/// the search's result lists of up to every document.
///
/// ```
/// let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd')];
/// dossier_engine::sort::by_u64_key(&mut v);
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (3, 'a'), (3, 'c')]);
/// ```
pub fn by_u64_key<T: Copy + Default>(items: &mut Vec<(u64, T)>) {
    radix(items, 64);
}

/// [`by_u64_key`] for 32-bit keys: with a 32-bit value, half the bytes to move a pass.
///
/// ```
/// let mut v = vec![(3u32, 'a'), (1, 'b'), (3, 'c'), (0, 'd')];
/// dossier_engine::sort::by_u32_key(&mut v);
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (3, 'a'), (3, 'c')]);
/// ```
pub fn by_u32_key<T: Copy + Default>(items: &mut Vec<(u32, T)>) {
    radix(items, 32);
}

/// The radix sort of [`by_u64_key`] over keys of `width` bits. The counts of every digit are
/// taken in one pass over the items, then each digit that varies moves them once.
///
/// Digits are 11 bits for long lists and 8 bits for short ones: a pass costs its table of
/// counts as well as its items, and a result list's runs of equal scores (sorted here by date,
/// thousands of them a keystroke) are mostly a few dozen items, for which zeroing and summing
/// 2,048-entry tables was most of the work.
fn radix<K: Copy + Default + Into<u64>, T: Copy + Default>(items: &mut Vec<(K, T)>, width: u32) {
    if items.len() < 2 {
        return;
    }
    let bits: u32 = if items.len() < SHORT { 8 } else { 11 };
    let mask: u64 = (1 << bits) - 1;
    let size = 1usize << bits;
    let digits = width.div_ceil(bits) as usize;
    let (all, any) = items.iter().fold((u64::MAX, 0u64), |(a, o), x| {
        let k = x.0.into();
        (a & k, o | k)
    });
    let varying = all ^ any;
    let mut counts = vec![0usize; digits * size];
    for x in items.iter() {
        let k = x.0.into();
        for (d, c) in counts.chunks_mut(size).enumerate() {
            c[((k >> (d as u32 * bits)) & mask) as usize] += 1;
        }
    }
    let mut buf: Vec<(K, T)> = Vec::new();
    for (d, c) in counts.chunks_mut(size).enumerate() {
        let shift = d as u32 * bits;
        if (varying >> shift) & mask == 0 {
            continue;
        }
        let mut at = 0;
        for c in c.iter_mut() {
            let here = *c;
            *c = at;
            at += here;
        }
        buf.clear();
        buf.resize(items.len(), Default::default());
        for &x in items.iter() {
            let slot = &mut c[((x.0.into() >> shift) & mask) as usize];
            buf[*slot] = x;
            *slot += 1;
        }
        std::mem::swap(items, &mut buf);
    }
}

/// Lists shorter than this are radix-sorted by 8-bit digits rather than 11-bit ones.
const SHORT: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_small_and_empty() {
        let mut e: Vec<u32> = vec![];
        sort(&mut e);
        assert!(e.is_empty());
        let mut v = vec![3, 1, 2];
        sort(&mut v);
        assert_eq!(v, [1, 2, 3]);
        let mut s = vec!["b".to_string(), "a".to_string()];
        sort(&mut s);
        assert_eq!(s, ["a", "b"]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = v;
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
        }

        /// The radix sort orders like the standard stable sort, keys spread over every digit
        /// or sharing most of them.
        #[test]
        fn radix_matches_the_standard_stable_sort(
            keys in proptest::collection::vec(any::<u64>(), 0..300),
            narrow in any::<bool>(),
        ) {
            let items: Vec<(u64, u32)> = keys
                .iter()
                .enumerate()
                .map(|(i, &k)| (if narrow { (k % 7) << 40 | 0xffff } else { k }, i as u32))
                .collect();
            let mut ours = items.clone();
            by_u64_key(&mut ours);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
            let mut ours: Vec<(u32, u32)> = items.iter().map(|&(k, i)| ((k >> 20) as u32, i)).collect();
            by_u32_key(&mut ours);
            let mut std_sorted: Vec<(u32, u32)> = items.iter().map(|&(k, i)| ((k >> 20) as u32, i)).collect();
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }

    /// Lists longer than `SHORT` take the 11-bit digits: the same order as the standard sort,
    /// for keys over every bit and keys that differ in a few.
    #[test]
    fn long_lists_sort_by_wide_digits() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for len in [SHORT - 1, SHORT, 3 * SHORT + 5] {
            for narrow in [false, true] {
                let items: Vec<(u64, u32)> = (0..len as u32)
                    .map(|i| {
                        let k = next();
                        (if narrow { (k % 97) << 30 } else { k }, i)
                    })
                    .collect();
                let mut ours = items.clone();
                by_u64_key(&mut ours);
                let mut std_sorted = items.clone();
                std_sorted.sort_by_key(|a| a.0);
                assert_eq!(ours, std_sorted, "u64 keys, {len} items, narrow {narrow}");
                let mut ours: Vec<(u32, u32)> =
                    items.iter().map(|&(k, i)| ((k >> 25) as u32, i)).collect();
                let mut std_sorted = ours.clone();
                by_u32_key(&mut ours);
                std_sorted.sort_by_key(|a| a.0);
                assert_eq!(ours, std_sorted, "u32 keys, {len} items, narrow {narrow}");
            }
        }
    }
}
