//! A count of the parser's work, for tests that check complexity without a clock.
//!
//! The passes that walk text add the number of bytes (or items) they examine
//! to a per-thread counter. Tests compare the count for an input with the
//! count for an input `k` times larger: a linear parser does about `k` times
//! the work, a quadratic pass about `k²` times, whatever else the machine is
//! doing. Timing belongs in the criterion benches.
//!
//! The counter exists only with the `count-work` feature (the test crate turns
//! it on); without it [`add`] is an empty inline function and costs nothing.
//!
//! ```
//! # #[cfg(feature = "count-work")] {
//! let before = fou::work::steps();
//! fou::parse("FoU-rapport 2031\n\nForord\n\nKort tekst.\n")?;
//! assert!(fou::work::steps() > before);
//! # }
//! # Ok::<(), fou::Error>(())
//! ```

#[cfg(feature = "count-work")]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Count `n` steps of work on this thread (a no-op without `count-work`).
///
/// ```
/// fou::work::add(3);
/// ```
#[inline(always)]
pub fn add(n: usize) {
    #[cfg(feature = "count-work")]
    STEPS.with(|s| s.set(s.get().saturating_add(n as u64)));
    #[cfg(not(feature = "count-work"))]
    let _ = n;
}

/// Steps counted on this thread since it started (only with `count-work`).
///
/// ```
/// let before = fou::work::steps();
/// fou::work::add(5);
/// assert_eq!(fou::work::steps() - before, 5);
/// ```
#[cfg(feature = "count-work")]
pub fn steps() -> u64 {
    STEPS.with(std::cell::Cell::get)
}

#[cfg(feature = "count-work")]
thread_local! {
    static STAGE_HOOK: std::cell::Cell<Option<fn(&'static str)>> = const { std::cell::Cell::new(None) };
}

/// Call `hook` with the name of each stage of a parse as it ends, on this
/// thread (only with `count-work`): the memory test reads the live heap
/// there to say which layer holds what.
///
/// ```
/// fn hook(stage: &'static str) { assert!(!stage.is_empty()); }
/// fou::work::set_stage_hook(Some(hook));
/// fou::parse("FoU-rapport 2031\n")?;
/// fou::work::set_stage_hook(None);
/// # Ok::<(), fou::Error>(())
/// ```
#[cfg(feature = "count-work")]
pub fn set_stage_hook(hook: Option<fn(&'static str)>) {
    STAGE_HOOK.with(|h| h.set(hook));
}

/// A stage of the parse has ended (a no-op without `count-work`).
///
/// ```
/// fou::work::stage("lines");
/// ```
#[inline(always)]
pub fn stage(name: &'static str) {
    #[cfg(feature = "count-work")]
    if let Some(hook) = STAGE_HOOK.with(std::cell::Cell::get) {
        hook(name);
    }
    #[cfg(not(feature = "count-work"))]
    let _ = name;
}
