//! Complexity checks by counting, not timing: shared by `scaling.rs` and
//! `linear_time.rs` (included with `#[path]`).
//!
//! A parse is measured by what it does on its own thread: the allocations it
//! makes, the bytes it allocates, its peak of live heap bytes, and the steps
//! the parser's text-walking passes report through `fou::work` (the
//! `count-work` feature). All four are exact and repeatable, so a loaded
//! machine cannot move them. [`assert_linear`] parses a small and a `k` times
//! larger input and requires every count to grow at most [`SLACK`] × `k`: a
//! linear pass grows about `k` times, a quadratic one about `k²`.

#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// A linear pass on `k` times the input does at most `SLACK × k` times the
/// work. Every check here measures 0.92–1.07 × `k` on the current parser
/// (fixed costs make small inputs relatively dearer); a quadratic pass at
/// `k = 8` gives about 8 × `k` (63.5 × when `lines::link_at` lost its bound).
pub const SLACK: f64 = 2.5;

/// The system allocator, counting per thread.
pub struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
    static LIVE: Cell<i64> = const { Cell::new(0) };
    static PEAK: Cell<i64> = const { Cell::new(0) };
}

fn on_alloc(size: usize) {
    // `try_with`: the counters may be gone while a thread shuts down.
    let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
    let _ = BYTES.try_with(|c| c.set(c.get() + size as u64));
    on_live(size as i64);
}

fn on_live(delta: i64) {
    let _ = LIVE.try_with(|l| {
        let now = l.get() + delta;
        l.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

// SAFETY: every method forwards to `System` with the same arguments; the
// counters are thread-local `Cell`s with const initialisers (no allocation).
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        on_alloc(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        on_alloc(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        on_live(-(layout.size() as i64));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        on_alloc(new_size);
        on_live(-(layout.size() as i64));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What one run did on the calling thread.
#[derive(Debug, Clone, Copy)]
pub struct Work {
    /// Calls to the allocator (alloc, realloc).
    pub allocations: u64,
    /// Bytes requested from the allocator, in all.
    pub bytes_allocated: u64,
    /// Most heap bytes live at once, beyond what was live before the run.
    pub peak_bytes: u64,
    /// Steps reported by the parser's passes (`fou::work`).
    pub steps: u64,
}

impl Work {
    fn metrics(&self) -> [(&'static str, u64); 4] {
        [
            ("allocations", self.allocations),
            ("bytes allocated", self.bytes_allocated),
            ("peak heap bytes", self.peak_bytes),
            ("parser steps", self.steps),
        ]
    }
}

/// Count what `f` does on this thread.
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Work) {
    let live0 = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(live0));
    let (a0, b0, s0) = (
        ALLOCS.with(Cell::get),
        BYTES.with(Cell::get),
        fou::work::steps(),
    );
    let out = f();
    let work = Work {
        allocations: ALLOCS.with(Cell::get) - a0,
        bytes_allocated: BYTES.with(Cell::get) - b0,
        peak_bytes: (PEAK.with(Cell::get) - live0).max(0) as u64,
        steps: fou::work::steps() - s0,
    };
    (out, work)
}

/// Heap bytes live on this thread now (allocated minus freed since it
/// started): what a value built on this thread still holds.
pub fn live_bytes() -> i64 {
    LIVE.with(Cell::get)
}

/// Count one parse of `text` (the report is dropped inside the run).
pub fn parse_work(text: &str) -> Work {
    parse_work_by_stage(text).0
}

/// What one stage of a parse did (`fou::work::stage`): the allocations and
/// steps between the end of the stage before and its own end. The stage
/// after the last one the parser names is `rest` (the report's finishing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageWork {
    /// The stage's name.
    pub name: &'static str,
    /// Calls to the allocator during it.
    pub allocations: u64,
    /// Steps the parser's passes reported during it.
    pub steps: u64,
}

thread_local! {
    /// `(stage, allocations, steps)` on this thread as each stage ended.
    static MARKS: std::cell::RefCell<Vec<(&'static str, u64, u64)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn on_mark(name: &'static str) {
    let allocations = ALLOCS.with(Cell::get);
    // The vector has its room already: pushing does not allocate.
    MARKS.with(|m| m.borrow_mut().push((name, allocations, fou::work::steps())));
}

/// Room for more stage ends than a parse has, so that recording one does
/// not allocate inside the run.
const MARKS_ROOM: usize = 64;

/// [`parse_work`], and the same counts stage by stage.
pub fn parse_work_by_stage(text: &str) -> (Work, Vec<StageWork>) {
    measure_by_stage(|| {
        let report = fou::parse(std::hint::black_box(text));
        assert!(report.is_ok(), "parse failed: {report:?}");
    })
}

/// [`measure`] of `f`, and the same counts between the ends of the stages
/// `f` names with `fou::work::stage`.
pub fn measure_by_stage(f: impl FnOnce()) -> (Work, Vec<StageWork>) {
    MARKS.with(|m| *m.borrow_mut() = Vec::with_capacity(MARKS_ROOM));
    let start = (ALLOCS.with(Cell::get), fou::work::steps());
    fou::work::set_stage_hook(Some(on_mark));
    let work = measure(f).1;
    fou::work::set_stage_hook(None);
    let mut marks = MARKS.with(|m| std::mem::take(&mut *m.borrow_mut()));
    let end = (start.0 + work.allocations, start.1 + work.steps);
    marks.push(("rest", end.0, end.1));
    let mut before = start;
    let stages = marks
        .into_iter()
        .map(|(name, a, s)| {
            let stage = StageWork {
                name,
                allocations: a - before.0,
                steps: s - before.1,
            };
            before = (a, s);
            stage
        })
        .collect();
    (work, stages)
}

/// The stages of `large` whose allocations or steps grew more than `SLACK ×
/// factor` over the same stage of `small` (stages paired in order; a stage
/// the small parse did not reach is compared with none). A pass that is a
/// small share of a parse is checked on its own here: on the whole parse's
/// totals a quadratic one hides under the bound until it dominates.
pub fn superlinear_stages(small: &[StageWork], large: &[StageWork], factor: f64) -> Vec<String> {
    let bound = SLACK * factor;
    let none = |name| StageWork {
        name,
        allocations: 0,
        steps: 0,
    };
    large
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            let s = small.get(i).copied().filter(|s| s.name == l.name);
            let s = s.unwrap_or_else(|| none(l.name));
            [
                ("allocations", s.allocations, l.allocations),
                ("steps", s.steps, l.steps),
            ]
            .into_iter()
            .filter_map(move |(what, s, g)| {
                let ratio = g as f64 / (s as f64 + 64.0 / factor);
                (ratio > bound).then(|| {
                    format!(
                        "stage {}: {what} {s} → {g} (×{ratio:.1}, bound ×{bound:.0})",
                        l.name
                    )
                })
            })
        })
        .collect()
}

/// The metrics of `large` that grew more than `SLACK × factor` over `small`.
pub fn superlinear(small: Work, large: Work, factor: f64) -> Vec<String> {
    let bound = SLACK * factor;
    small
        .metrics()
        .iter()
        .zip(large.metrics())
        .filter_map(|(&(name, s), (_, l))| {
            // A metric that is (nearly) zero on the small input cannot give a ratio;
            // 64 units of slack keep fixed costs from counting as growth.
            let ratio = l as f64 / (s.max(1) as f64 + 64.0 / factor);
            (ratio > bound).then(|| format!("{name}: {s} → {l} (×{ratio:.1}, bound ×{bound:.0})"))
        })
        .collect()
}

/// Parse `small` and `large`; every count must grow at most `SLACK ×` the
/// size ratio.
pub fn assert_linear(name: &str, small: &str, large: &str) {
    let factor = large.len() as f64 / small.len().max(1) as f64;
    let ((s, s_stages), (l, l_stages)) = (parse_work_by_stage(small), parse_work_by_stage(large));
    println!(
        "{name}: {} B → {} B (×{factor:.1}): allocations {} → {}, bytes {} → {}, \
         peak {} → {}, steps {} → {}",
        small.len(),
        large.len(),
        s.allocations,
        l.allocations,
        s.bytes_allocated,
        l.bytes_allocated,
        s.peak_bytes,
        l.peak_bytes,
        s.steps,
        l.steps
    );
    let mut bad = superlinear(s, l, factor);
    bad.extend(superlinear_stages(&s_stages, &l_stages, factor));
    assert!(
        bad.is_empty(),
        "{name}: ×{factor:.1} the input did more than ×{:.0} the work: {}",
        SLACK * factor,
        bad.join("; ")
    );
}

/// Check `make(n)` against `make(8 n)`.
pub fn assert_linear_in(name: &str, n: usize, make: impl Fn(usize) -> String) {
    assert_linear(name, &make(n), &make(8 * n));
}

thread_local! {
    static STAGES: std::cell::RefCell<Vec<Stage>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The heap at the end of one stage of a parse (`fou::work::stage`).
#[derive(Debug, Clone, Copy)]
pub struct Stage {
    /// The stage's name.
    pub name: &'static str,
    /// Heap bytes live when it ended, beyond those live before the parse.
    pub live: i64,
    /// Most heap bytes live during it, beyond those live before the parse.
    pub peak: i64,
}

fn on_stage(name: &'static str) {
    let live = LIVE.with(Cell::get);
    let peak = PEAK.with(Cell::get);
    // The vector has its room already: pushing does not allocate.
    STAGES.with(|s| s.borrow_mut().push(Stage { name, live, peak }));
    PEAK.with(|p| p.set(live));
}

/// Parse `text` and say what was live at the end of each stage and at most
/// during it; the last entry, `report`, is the report alone after the parse.
pub fn parse_stages(text: &str) -> Vec<Stage> {
    STAGES.with(|s| *s.borrow_mut() = Vec::with_capacity(64));
    fou::work::set_stage_hook(Some(on_stage));
    let live0 = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(live0));
    let report = fou::parse(std::hint::black_box(text));
    on_stage("report");
    fou::work::set_stage_hook(None);
    drop(report);
    let mut stages = STAGES.with(|s| std::mem::take(&mut *s.borrow_mut()));
    for s in &mut stages {
        s.live -= live0;
        s.peak -= live0;
    }
    stages
}

/// Heap bytes live after `f` less those live before (negative when `f`
/// frees).
pub fn live_change(f: &mut dyn FnMut()) -> i64 {
    let before = LIVE.with(Cell::get);
    f();
    LIVE.with(Cell::get) - before
}
