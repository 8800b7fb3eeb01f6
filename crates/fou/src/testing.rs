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

/// A small deterministic generator of test data (xorshift): the inputs of
/// tests that draw many texts from pieces, the same on every run.
pub(crate) struct Gen(pub u64);

impl Gen {
    /// A number below `n` (which is not 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// One of `of` (which is not empty).
    pub fn pick<'a>(&mut self, of: &[&'a str]) -> &'a str {
        of[self.below(of.len())]
    }
}
