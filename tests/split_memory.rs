//! The peak heap of a text read section by section side by side
//! (`Options::split_bytes`) on a pool of two threads, counted over every
//! thread, stays within the bound of one byte beyond the input per
//! input byte, as a parse on one thread does. The blocks' texts are let go
//! of a window of regions at a time rather than region by region; when they
//! were let go of only once every region was read, the peak was 1.12 bytes
//! per input byte (0.83 on one thread) and this test failed.
//!
//! One test in its own binary: the counter is the whole process's, so no
//! other test may allocate while it runs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicI64, Ordering};

/// The system allocator, counting the live bytes of the whole process and
/// their peak.
struct Global;

static LIVE: AtomicI64 = AtomicI64::new(0);
static PEAK: AtomicI64 = AtomicI64::new(0);

fn on_live(delta: i64) {
    let now = LIVE.fetch_add(delta, Ordering::Relaxed) + delta;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every method forwards to `System` with the same arguments; the
// counters are atomics (no allocation).
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Global {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        on_live(layout.size() as i64);
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        on_live(layout.size() as i64);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        on_live(-(layout.size() as i64));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        on_live(new_size as i64 - layout.size() as i64);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Global = Global;

/// The bound: peak heap beyond the input, per input byte.
const BYTES_PER_BYTE: f64 = 1.0;

/// Peak live heap above what was live before, while `f` runs.
fn peak_of<T>(f: impl FnOnce() -> T) -> (i64, T) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed) - before, out)
}

#[test]
fn a_text_read_side_by_side_peaks_under_a_byte_per_input_byte() {
    let mut one = String::new();
    for p in fou_tests::corpus_paths() {
        one.push_str(&std::fs::read_to_string(p).unwrap());
        one.push_str("\n\n");
    }
    let text = one.repeat((2 << 20) / one.len() + 1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let whole = fou::Options::default().with_split_bytes(u64::MAX);
    let split = fou::Options::default().with_split_bytes(1 << 20);
    let parse = |o: &fou::Options| {
        pool.install(|| fou::parse_with(&text, o).map(|r| r.projects.len()))
            .unwrap()
    };
    // What a process builds once (the registry, the pool's threads).
    parse(&whole);
    parse(&split);
    let (in_turn, a) = peak_of(|| parse(&whole));
    let (side_by_side, b) = peak_of(|| parse(&split));
    assert_eq!(a, b);
    let per_byte = |peak: i64| peak as f64 / text.len() as f64;
    eprintln!(
        "{} bytes: peak {:.3} bytes per input byte in turn, {:.3} side by side",
        text.len(),
        per_byte(in_turn),
        per_byte(side_by_side)
    );
    assert!(per_byte(in_turn) <= BYTES_PER_BYTE);
    assert!(
        per_byte(side_by_side) <= BYTES_PER_BYTE,
        "{:.3} bytes per byte > {BYTES_PER_BYTE}",
        per_byte(side_by_side)
    );
}
