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

/// [`find_all`] for a parser whose every match starts at one of `starts`
/// (byte offsets, ascending): only there is the parser tried, so a text
/// with few such places costs little more than finding them (a date starts
/// at the digits of its day, right before a `.`).
pub(crate) fn find_all_at<'a, O>(
    mut parser: impl Parser<&'a str, Output = O, Error = ()>,
    text: &'a str,
    starts: impl IntoIterator<Item = usize>,
) -> Vec<(usize, usize, O)> {
    crate::work::add(text.len());
    let mut out = Vec::new();
    let mut resume = 0;
    for start in starts {
        // Not a character boundary: no match starts there.
        let (Some(before), Some(from)) = (text.get(..start), text.get(start..)) else {
            continue;
        };
        let at_boundary = !before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !from.starts_with(char::is_whitespace);
        if start < resume || !at_boundary {
            continue;
        }
        if let Ok((rest, value)) = parser.parse(from) {
            let end = text.len() - rest.len();
            if end > start && !rest.starts_with(char::is_alphanumeric) {
                out.push((start, end, value));
                resume = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::date_parser;

    #[test]
    fn the_days_before_dots_find_what_find_all_finds() {
        let texts = [
            "Fra 16. mars til 24. april 2020 mottok vi 3. Mai-søknader",
            "1.juli 2017,12. MARS og x1. mars, 2.5. mars og (7. juni)",
            "æ1. mars ø 31. desember 2021 1. januar 20211",
            "123. mars, 05. mai, 5.5. juni, .1. juli, 1.. mars, 7.",
            "",
            ".",
            "ingen tall her",
        ];
        for t in texts {
            assert_eq!(
                find_all_at(date_parser, t, crate::grammar::dates::day_starts(t)),
                find_all(date_parser, t),
                "{t:?}"
            );
        }
    }
}
