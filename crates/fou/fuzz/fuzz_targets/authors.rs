//! `grammar::authors` and `grammar::author_list`: never panic; names are
//! non-empty pieces of the input.

#![no_main]

use fou::grammar::{author_list, authors};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    for name in author_list(s) {
        assert!(
            !name.is_empty() && s.contains(name.as_str()),
            "{name:?} from {s:?}"
        );
    }
    if let Ok(names) = authors(s) {
        assert!(!names.is_empty());
        for name in names {
            assert!(
                !name.is_empty() && s.contains(name.as_str()),
                "{name:?} from {s:?}"
            );
        }
    }
});
