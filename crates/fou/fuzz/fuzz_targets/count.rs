//! `grammar::count`: never panics; digits read as their value.

#![no_main]

use fou::grammar::{count, count_parser, word_value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = count_parser::<()>(s);
    let _ = word_value(s);
    if let Ok(v) = count(s) {
        let t = s.trim();
        if t.bytes().all(|b| b.is_ascii_digit()) {
            assert_eq!(t.parse::<u32>().ok(), Some(v), "{s:?}");
        } else {
            assert_eq!(word_value(t), Some(v), "{s:?}");
        }
    }
});
