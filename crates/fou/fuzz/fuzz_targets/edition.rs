//! `grammar::edition` (and the heading roles built on it): never panic.

#![no_main]

use fou::grammar::edition;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok((_, Some(year))) = edition(s) {
        assert!((0..=9999).contains(&year), "{year}");
    }
    let _ = fou::sections::role_of(s, false);
    let _ = fou::grammar::label_field(s);
});
