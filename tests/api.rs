//! The public API's small promises: orders, names and parsing of the enums
//! a user matches or compares on, and what `Diagnostic::render` prints.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fou::Severity;

#[test]
fn severity_orders_info_below_warning_below_error() {
    let mut all = [Severity::Error, Severity::Info, Severity::Warning];
    all.sort();
    assert_eq!(all, [Severity::Info, Severity::Warning, Severity::Error]);
    assert!(Severity::Info < Severity::Warning);
    assert!(Severity::Warning < Severity::Error);
    assert!(Severity::Info < Severity::Error);
    assert_eq!(all.iter().max(), Some(&Severity::Error));
    // "at least a warning" keeps warnings and errors
    let serious: Vec<_> = all.iter().filter(|s| **s >= Severity::Warning).collect();
    assert_eq!(serious, [&Severity::Warning, &Severity::Error]);
    // the order is not the JSON: names stay as they are
    let names: Vec<String> = all
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    assert_eq!(names, ["\"info\"", "\"warning\"", "\"error\""]);
}
