//! Helpers shared by the crate's unit tests.

/// Every string made of at most `depth` of `pieces` in a row (the empty one
/// first): each round appends every piece to every string so far, so the
/// shorter strings come again among the longer ones. The inputs of tests
/// that check a cheap test or a fast path against the exact code it stands in for.
pub(crate) fn concatenations(pieces: &[&str], depth: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for _ in 0..depth {
        let next: Vec<String> = out
            .iter()
            .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
            .collect();
        out.extend(next);
    }
    out
}
