//! `grammar::reference`: never panics; an accepted reference has authors, a
//! four-digit year from the input and a title.

#![no_main]

use fou::grammar::reference;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(r) = reference(s) {
        assert!(!r.authors.is_empty(), "{r:?}");
        let year = r.year.expect("a year");
        assert!(s.contains(&format!("{year:04}")), "{r:?}");
    }
});
