//! `grammar::project_line`: never panics; the title and the institution text
//! it returns are non-empty pieces of the line.

#![no_main]

use fou::grammar::project_line;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(p) = project_line(s) {
        assert!(!p.title.is_empty() && s.contains(p.title.as_str()), "{p:?}");
        if let Some(raw) = &p.institution_raw {
            assert!(s.contains(raw.as_str()), "{p:?}");
        }
        if let Some(per) = p.period {
            assert!(per.start <= per.end, "{p:?}");
        }
    }
});
