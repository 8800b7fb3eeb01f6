//! `grammar::norwegian_date` and `grammar::find_dates`: never panic; dates
//! have a valid day and month; found dates are ordered, disjoint ranges on
//! char boundaries that parse on their own to the same date.

#![no_main]

use fou::grammar::{find_dates, norwegian_date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(d) = norwegian_date(s) {
        assert!(
            (1..=31).contains(&d.day) && (1..=12).contains(&d.month),
            "{d:?}"
        );
        let _ = d.to_date(2020);
    }
    let mut prev = 0;
    for (start, end, d) in find_dates(s) {
        assert!(
            prev <= start && start < end && end <= s.len(),
            "{start}..{end}"
        );
        assert!(
            s.is_char_boundary(start) && s.is_char_boundary(end),
            "{start}..{end}"
        );
        assert_eq!(
            norwegian_date(&s[start..end]),
            Ok(d),
            "{:?}",
            &s[start..end]
        );
        prev = end;
    }
});
