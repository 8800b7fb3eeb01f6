//! Layer 1, `lines::MappedText`: cleaning a line never panics, and every clean
//! range maps back to a range of the line on char boundaries, in order.

#![no_main]

use fou::lines::MappedText;
use libfuzzer_sys::fuzz_target;

const BASE: usize = 7;

fuzz_target!(|s: &str| {
    let line = s.lines().next().unwrap_or("");
    let c = MappedText::clean(line, BASE);
    if c.is_empty() {
        // Nothing was copied, so there is no offset to map (`source_range` gives (0, 0)).
        return;
    }
    let ok = |(a, b): (usize, usize)| {
        BASE <= a
            && a <= b
            && b <= BASE + line.len()
            && line.is_char_boundary(a - BASE)
            && line.is_char_boundary(b - BASE)
    };
    let whole = c.source_range(0, c.len());
    assert!(ok(whole), "{whole:?} for {line:?} → {:?}", c.as_str());
    let mut prev = BASE;
    let bounds: Vec<usize> = c.as_str().char_indices().map(|(i, _)| i).collect();
    for (k, &i) in bounds.iter().enumerate() {
        let j = bounds.get(k + 1).copied().unwrap_or(c.len());
        let r = c.source_range(i, j);
        assert!(ok(r), "char {i}..{j} → {r:?} for {line:?} → {:?}", c.as_str());
        assert!(
            r.0 >= prev,
            "char {i}..{j} → {r:?} goes back (prev {prev}) for {line:?}"
        );
        prev = r.0;
    }
    let t = c.trimmed();
    assert_eq!(t.as_str(), c.as_str().trim());
});
