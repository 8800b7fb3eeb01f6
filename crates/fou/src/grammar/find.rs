//! Finding a grammar's matches inside running text: [`find_all`].

use nom::Parser;

/// Every place in `text` where `parser` matches a whole word or run of words,
/// as `(start, end, value)` with byte offsets, left to right.
///
/// A match must start at a word boundary (at the start of `text` or after a
/// character that is not alphanumeric) and not at white space, must not end
/// inside a word (the next character is not alphanumeric) and must not be
/// empty. The search resumes
/// after a match, so matches do not overlap.
///
/// ```
/// use fou::grammar::{count_parser, date_parser, find_all};
/// let text = "Vi mottok 20 skisser og valgte ut tretten 1. mars.";
/// let counts: Vec<_> = find_all(count_parser, text).into_iter().map(|(s, e, v)| (&text[s..e], v)).collect();
/// assert_eq!(counts, [("20", 20), ("tretten", 13), ("1", 1)]);
/// let dates = find_all(date_parser, text);
/// assert_eq!((dates[0].0, dates[0].2.month), (42, 3));
/// ```
pub fn find_all<'a, O>(
    mut parser: impl Parser<&'a str, Output = O, Error = ()>,
    text: &'a str,
) -> Vec<(usize, usize, O)> {
    crate::work::add(text.len());
    let mut out = Vec::new();
    let mut resume = 0;
    let mut prev: Option<char> = None;
    for (start, c) in text.char_indices() {
        let at_boundary = !prev.is_some_and(char::is_alphanumeric) && !c.is_whitespace();
        prev = Some(c);
        if start < resume || !at_boundary {
            continue;
        }
        if let Ok((rest, value)) = parser.parse(&text[start..]) {
            let end = text.len() - rest.len();
            if end > start && !rest.starts_with(char::is_alphanumeric) {
                out.push((start, end, value));
                resume = end;
            }
        }
    }
    out
}
