//! `grammar::period`: never panics; a period it accepts is ordered, at most
//! 30 years long, and reads back the same when written as `(start-end)`.

#![no_main]

use fou::grammar::period;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = fou::grammar::period_parser::<()>(s);
    let _ = fou::grammar::split_period(s);
    if let Ok(p) = period(s) {
        assert!(p.start <= p.end && p.end - p.start <= 30, "{p:?}");
        assert_eq!(period(&format!("({:04}-{:04})", p.start, p.end)), Ok(p));
    }
});
