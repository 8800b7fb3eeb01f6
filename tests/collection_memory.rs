//! A collection's memory is bounded by the largest text in flight, not by
//! the sum of the texts: collecting N copies of a text costs, beyond
//! collecting one, only the compact record each copy keeps (a copy is a
//! duplicate: its path, hash and diagnostics, not its items), never the
//! texts. Counted with the counting allocator (`counting.rs`) on a rayon
//! pool of one thread that is the calling thread, so every allocation of
//! the parse is seen.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "counting.rs"]
mod counting;

use std::path::PathBuf;

use fou::collection::{CollectOptions, Collection};

/// Copies collected in the large run.
const N: usize = 8;

/// Texts a thread reads before they are added (`TEXTS_PER_THREAD` in
/// `collection/mod.rs`): one more compact text is held while the next is
/// parsed.
const IN_FLIGHT: u64 = 2;

/// Beyond that, the peak may exceed the bound by this share of the
/// one-text peak: vectors of N records double as they grow, and the
/// duplicate check and diagnostics work on N records.
const SLACK: f64 = 0.15;

/// What a duplicate may keep, as a share of its text: its record, not its
/// items (measured: under 2 %).
const DUPLICATE_SHARE: f64 = 0.1;

/// N copies of the 2020 report under different names.
fn copies(dir: &std::path::Path, n: usize) -> Vec<PathBuf> {
    let one = std::fs::read(&fou_tests::corpus_paths()[0]).unwrap();
    (0..n)
        .map(|i| {
            let path = dir.join(format!("kopi-{i}.txt"));
            std::fs::write(&path, &one).unwrap();
            path
        })
        .collect()
}

/// Peak and still-live heap bytes of collecting `paths` on this thread.
fn collect(pool: &rayon::ThreadPool, paths: &[PathBuf]) -> (u64, u64, Collection) {
    let before = counting::live_bytes();
    let (c, work) = counting::measure(|| {
        pool.install(|| Collection::from_paths(paths, &CollectOptions::default()))
    });
    let live = (counting::live_bytes() - before).max(0) as u64;
    (work.peak_bytes, live, c)
}

#[test]
fn n_copies_cost_their_records_not_their_texts() {
    // Removed when the test ends, also when an assertion fails.
    let dir = tempfile::Builder::new()
        .prefix("fou-collection-memory-")
        .tempdir()
        .unwrap();
    let paths = copies(dir.path(), N);
    let size = std::fs::metadata(&paths[0]).unwrap().len() as f64;
    // One pool for every run: the calling thread can join only one.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .unwrap();
    // A first run loads what is loaded once (the registry), so that the
    // runs measured compare like with like.
    drop(collect(&pool, &paths[..1]));
    let (peak1, live1, one) = collect(&pool, &paths[..1]);
    let (peak_n, live_n, many) = collect(&pool, &paths);
    assert_eq!(one.kept().count(), 1);
    assert_eq!(many.kept().count(), 1, "the copies are duplicates");
    assert_eq!(many.texts().len(), N);
    let per_copy = (live_n - live1) as f64 / (N - 1) as f64;
    eprintln!(
        "text {size} B; 1 text: peak {peak1} B, kept {live1} B; {N} copies: peak {peak_n} B, \
         kept {live_n} B ({per_copy:.0} B more per copy)"
    );
    assert!(
        per_copy < DUPLICATE_SHARE * size,
        "a copy keeps {per_copy:.0} B of a {size} B text"
    );
    // One text's parse, what all N keep, and the texts held in flight (one
    // text's compact data each, `live1`).
    let bound = (peak1 + live_n + (IN_FLIGHT - 1) * live1) as f64 + SLACK * peak1 as f64;
    assert!(
        peak_n as f64 <= bound,
        "peak {peak_n} B for {N} copies > {bound:.0} B"
    );
    // The bound can fail: a collection that held the texts while parsing
    // would need (N − 1) texts more than this run, past the bound (and one
    // that kept the copies' items until all were read would need (N − 1)
    // compact texts more: 1.03 MB here before duplicates were dropped as
    // they came).
    assert!(peak_n as f64 + (N - 1) as f64 * size > bound);
    assert!((peak_n + (N as u64 - 1) * live1) as f64 > bound);
    dir.close().unwrap();
}
