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
    parser: impl Parser<&'a str, Output = O, Error = ()>,
    text: &'a str,
) -> Vec<(usize, usize, O)> {
    find_where(parser, text, |_| true)
}

/// [`find_all`], trying `parser` only where `may_start` says of the first
/// byte that a match may start there: a cheap test that spares the parser
/// (and the word-boundary test) the places where it cannot match.
pub(crate) fn find_where<'a, O>(
    mut parser: impl Parser<&'a str, Output = O, Error = ()>,
    text: &'a str,
    may_start: impl Fn(u8) -> bool,
) -> Vec<(usize, usize, O)> {
    crate::work::add(text.len());
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut resume = 0;
    let mut from = 0;
    while let Some(skip) = bytes
        .get(from..)
        .and_then(|b| b.iter().position(|&b| may_start(b)))
    {
        let here = from + skip;
        from = here + 1;
        let (Some(head), Some(tail)) = (text.get(..here), text.get(here..)) else {
            continue; // inside a character
        };
        let at_boundary = !head.chars().next_back().is_some_and(char::is_alphanumeric)
            && !tail.starts_with(char::is_whitespace);
        if here < resume || !at_boundary {
            continue;
        }
        if let Ok((rest, value)) = parser.parse(tail) {
            let end = text.len() - rest.len();
            if end > here && !rest.starts_with(char::is_alphanumeric) {
                out.push((here, end, value));
                resume = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::{count_parser, date_parser};

    /// The search character by character, as `find_all` was first written.
    fn by_chars<'a, O>(
        mut parser: impl Parser<&'a str, Output = O, Error = ()>,
        text: &'a str,
    ) -> Vec<(usize, usize, O)> {
        let mut out = Vec::new();
        let (mut resume, mut prev) = (0, None::<char>);
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

    #[test]
    fn a_prefilter_finds_what_the_full_search_finds() {
        for text in [
            "Fra 16. mars til 24. april 2020 mottok vi 12 søknader.",
            "ø1. mars, 2.5. mars, (3. mai 2021) og «4. juni»",
            "1. januar\u{a0}2. februar\t3.mars 2019x 4. juli",
            "",
            "12",
            "æ 7. mai",
            "tolv og 13 av tretti, ca.15 og 2003-2005: 7\u{2009}8",
        ] {
            let all = by_chars(date_parser, text);
            assert_eq!(all, find_all(date_parser, text), "{text}");
            let some = find_where(date_parser, text, |b| b.is_ascii_digit());
            assert_eq!(all, some, "{text}");
            let all = by_chars(count_parser, text);
            assert_eq!(all, find_all(count_parser, text), "{text}");
        }
    }
}
