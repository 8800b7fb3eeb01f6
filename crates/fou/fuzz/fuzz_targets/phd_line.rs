//! `grammar::phd_line`: never panics; title and candidate are non-empty
//! pieces of the line.

#![no_main]

use fou::grammar::phd_line;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(p) = phd_line(s) {
        assert!(!p.title.is_empty() && s.contains(p.title.as_str()), "{p:?}");
        assert!(
            !p.candidate.is_empty() && s.contains(p.candidate.as_str()),
            "{p:?}"
        );
    }
});
