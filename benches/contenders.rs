//! The contenders of `versus.rs` (timed by criterion) and of
//! `examples/counted.rs` (counted in instructions under callgrind): what one
//! iteration of each does to one text.

use fou::lines::clean_lines;

/// `\n` counted with `memchr` (the floor: touching every byte once).
pub fn memchr_newlines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// `str::lines()`, summing line lengths (a line split, no cleaning).
pub fn str_lines(text: &str) -> usize {
    text.lines().map(str::len).sum()
}

/// Every event of `pulldown_cmark::Parser` (0.13, default features off).
pub fn pulldown(text: &str) -> usize {
    pulldown_cmark::Parser::new(text).count()
}

/// fou's layer 1: every line split and cleaned of inline markup.
pub fn fou_lines_clean(text: &str) -> usize {
    clean_lines(text).map(|(_, clean)| clean.len()).sum()
}

/// `fou::parse(&str)`: the whole parse.
pub fn fou_parse(text: &str) -> usize {
    match fou::parse(text) {
        Ok(report) => report.projects.len() + report.portfolio.len() + report.diagnostics.len(),
        Err(_) => 0,
    }
}

/// A contender: what one iteration runs on one text.
pub type Contender = (&'static str, fn(&str) -> usize);

/// Every contender, by the name the benches report.
pub const CONTENDERS: [Contender; 5] = [
    ("memchr_newlines", memchr_newlines),
    ("str_lines", str_lines),
    ("pulldown_cmark", pulldown),
    ("fou_lines_clean", fou_lines_clean),
    ("fou_parse", fou_parse),
];
