//! Dropping a collection starts no thread pool: dropped on a rayon pool's
//! thread it is freed on that pool, dropped anywhere else (as Python drops
//! it) on the thread that drops it. Rayon's global pool, which a process
//! cannot fork after using, is never started by it. Alone in its test
//! binary, so that no other test starts threads while the threads of the
//! process are counted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fou::collection::{CollectOptions, Collection};

/// The threads of this process.
#[cfg(target_os = "linux")]
fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

#[test]
#[cfg(target_os = "linux")]
fn dropping_a_collection_starts_no_pool() {
    let paths = fou_tests::corpus_paths();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let collect = || pool.install(|| Collection::from_paths(&paths, &CollectOptions::default()));
    let (off_pool, on_pool) = (collect(), collect());
    assert!(off_pool.items().count() > 50);
    let before = threads();
    drop(off_pool);
    assert_eq!(threads(), before, "dropping the collection started threads");
    pool.install(move || drop(on_pool));
    assert_eq!(threads(), before);
}
