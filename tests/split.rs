//! A text read section by section in parallel (`Options::split_bytes`, on a
//! rayon pool's thread) gives the same report, the same parts and the same
//! repairs as the same text read on one thread; and a parse splits exactly
//! when the options and the thread say it does.

use std::cell::Cell;
use std::path::PathBuf;

use fou::{Options, Source};

/// Every text the tests can read: the real reports, the bundled samples and
/// every fixture (some in other encodings), in a fixed order.
fn texts() -> Vec<(PathBuf, Vec<u8>)> {
    let mut paths = fou_tests::corpus_paths();
    paths.extend(fou_tests::text_files(&["../examples/data", "fixtures"]));
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// What a parse and an explanation of `bytes` give, as comparable text: the
/// report's JSON, and each block with its part, and each repair.
fn read(bytes: &[u8], options: &Options) -> (String, String) {
    let src = Source::from_vec(bytes.to_vec()).unwrap();
    let report = fou::parse_report(&src, options).to_json();
    let explained = fou::explain(&src, options);
    let shown = format!(
        "{}\n{:?}\n{:?}",
        explained.report.to_json(),
        explained.blocks,
        explained.repairs
    );
    (report, shown)
}

thread_local! {
    /// Did the last parse on this thread read its regions in parallel?
    static SPLIT: Cell<bool> = const { Cell::new(false) };
}

fn on_stage(stage: &'static str) {
    if stage == "regions read in parallel" {
        SPLIT.with(|s| s.set(true));
    }
}

/// Parse `text` with `options` on the calling thread; say whether it split.
fn split_here(text: &str, options: &Options) -> bool {
    SPLIT.with(|s| s.set(false));
    fou::work::set_stage_hook(Some(on_stage));
    let parsed = fou::parse_with(text, options);
    fou::work::set_stage_hook(None);
    assert!(parsed.is_ok());
    SPLIT.with(Cell::get)
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

#[test]
fn every_text_read_in_parallel_reads_as_on_one_thread() {
    let texts = texts();
    assert!(texts.len() > 60, "{} texts", texts.len());
    let whole = Options::default().with_split_bytes(u64::MAX);
    let split = Options::default().with_split_bytes(0);
    for threads in [2, 3] {
        let pool = pool(threads);
        for (path, bytes) in &texts {
            let one = read(bytes, &whole);
            let side_by_side = pool.install(|| read(bytes, &split));
            assert_eq!(side_by_side.0, one.0, "{} on {threads}", path.display());
            assert_eq!(side_by_side.1, one.1, "{} on {threads}", path.display());
        }
    }
}

#[test]
fn a_large_concatenation_read_in_parallel_reads_as_on_one_thread() {
    let mut text = String::new();
    for path in fou_tests::corpus_paths() {
        text.push_str(&std::fs::read_to_string(path).unwrap());
        text.push('\n');
    }
    let text = text.repeat(4);
    let options = Options::default();
    let one = fou::parse_with(&text, &options).unwrap();
    let pool = pool(2);
    let split = Options::default().with_split_bytes(text.len() as u64);
    let (split_json, did) = pool.install(|| {
        let did = split_here(&text, &split);
        (fou::parse_with(&text, &split).unwrap().to_json(), did)
    });
    assert!(did);
    assert!(one.projects.len() > 4 && one.portfolio.len() > 4);
    assert_eq!(split_json, one.to_json());
}

#[test]
fn a_parse_splits_only_on_a_pool_of_two_threads_or_more_and_from_its_size() {
    let text = std::fs::read_to_string(&fou_tests::corpus_paths()[0]).unwrap();
    let at = |bytes: usize| Options::default().with_split_bytes(bytes as u64);
    // Not on a pool: never.
    assert!(!split_here(&text, &at(0)));
    // A pool of one thread: never.
    assert!(!pool(1).install(|| split_here(&text, &at(0))));
    // A pool of two: from the size on.
    let two = pool(2);
    assert!(two.install(|| split_here(&text, &at(text.len()))));
    assert!(!two.install(|| split_here(&text, &at(text.len() + 1))));
    assert!(!two.install(|| split_here(&text, &Options::default())));
    assert!(!two.install(|| split_here(&text, &at(usize::MAX))));
}
