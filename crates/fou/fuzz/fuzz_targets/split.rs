//! A text read section by section side by side (`Options::split_bytes` of
//! 0, on a rayon pool of two threads) gives the report a parse on one
//! thread gives, whatever the text: the regions' readers claim only their
//! own region's blocks, so the order they run in cannot matter.

#![no_main]

use std::sync::LazyLock;

use fou::Options;
use libfuzzer_sys::fuzz_target;

/// One pool for every input: starting threads per input would be most of
/// the run.
static POOL: LazyLock<Option<rayon::ThreadPool>> = LazyLock::new(|| {
    rayon::ThreadPoolBuilder::new().num_threads(2).build().ok()
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(pool) = POOL.as_ref() else {
        return;
    };
    let whole = Options::default().with_split_bytes(u64::MAX);
    let split = Options::default().with_split_bytes(0);
    let one = fou::parse_with(text, &whole).map(|r| r.to_json());
    let two = pool.install(|| fou::parse_with(text, &split).map(|r| r.to_json()));
    assert_eq!(one.ok(), two.ok());
});
