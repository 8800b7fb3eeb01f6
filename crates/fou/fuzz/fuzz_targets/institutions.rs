//! `grammar::institutions` and the name tests: never panic; no empty names.

#![no_main]

use fou::classify::{is_acronym, is_institution_name};
use fou::grammar::institutions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = is_acronym(s);
    let _ = is_institution_name(s);
    for name in institutions(s) {
        assert!(!name.trim().is_empty(), "empty institution from {s:?}");
    }
});
