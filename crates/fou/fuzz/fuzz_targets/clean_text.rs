//! Layer 1, `lines::CleanText`: cleaning a line never panics, and every clean
//! range maps back to a range of the line on char boundaries, in order.

#![no_main]

use fou::lines::CleanText;
use libfuzzer_sys::fuzz_target;

const BASE: usize = 7;

fuzz_target!(|s: &str| {
    let line = s.lines().next().unwrap_or("");
    let c = CleanText::clean(line, BASE);
    if c.text.is_empty() {
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
    let whole = c.source_range(0, c.text.len());
    assert!(ok(whole), "{whole:?} for {line:?} → {:?}", c.text);
    let mut prev = BASE;
    let bounds: Vec<usize> = c.text.char_indices().map(|(i, _)| i).collect();
    for (k, &i) in bounds.iter().enumerate() {
        let j = bounds.get(k + 1).copied().unwrap_or(c.text.len());
        let r = c.source_range(i, j);
        assert!(ok(r), "char {i}..{j} → {r:?} for {line:?} → {:?}", c.text);
        assert!(
            r.0 >= prev,
            "char {i}..{j} → {r:?} goes back (prev {prev}) for {line:?}"
        );
        prev = r.0;
    }
    let t = c.trimmed();
    assert_eq!(t.text, c.text.trim());
});
