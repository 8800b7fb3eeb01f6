//! Norwegian counts: number words (`åtte`, `tretten`) and digits.

use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::digit1;
use nom::combinator::map_opt;
use nom::error::{ContextError, ParseError, context};
use nom::{IResult, Parser};

use super::{GrammarError, check};

const WORDS: &[(&str, u32)] = &[
    ("null", 0),
    ("én", 1),
    ("ein", 1),
    ("eitt", 1),
    ("ett", 1),
    ("en", 1),
    ("to", 2),
    ("tre", 3),
    ("fire", 4),
    ("fem", 5),
    ("seks", 6),
    ("sju", 7),
    ("syv", 7),
    ("åtte", 8),
    ("ni", 9),
    ("ti", 10),
    ("elleve", 11),
    ("tolv", 12),
    ("tretten", 13),
    ("fjorten", 14),
    ("femten", 15),
    ("seksten", 16),
    ("sytten", 17),
    ("atten", 18),
    ("nitten", 19),
    ("tjue", 20),
    ("tyve", 20),
    ("tretti", 30),
    ("førti", 40),
    ("femti", 50),
];

/// The value of a single Norwegian number word, any case.
///
/// ```
/// assert_eq!(fou::grammar::word_value("Åtte"), Some(8));
/// assert_eq!(fou::grammar::word_value("hus"), None);
/// ```
pub fn word_value(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

/// nom parser: a count written in digits or as one Norwegian word.
///
/// With [`find_all`](super::find_all) it finds the counts in a sentence.
///
/// ```
/// use fou::grammar::{Expected, count_parser};
/// assert_eq!(count_parser::<Expected>("tretten skisser"), Ok((" skisser", 13)));
/// assert_eq!(count_parser::<Expected>("19 pågående"), Ok((" pågående", 19)));
/// assert!(count_parser::<Expected>("mange").is_err());
/// ```
pub fn count_parser<'a, E>(input: &'a str) -> IResult<&'a str, u32, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    context(
        "a number or a number word like `tretten`",
        alt((
            map_opt(digit1, |d: &str| d.parse::<u32>().ok()),
            map_opt(take_while1(char::is_alphabetic), word_value),
        )),
    )
    .parse(input)
}

/// A count: digits or a Norwegian number word, nothing else.
///
/// ```
/// assert_eq!(fou::grammar::count("Åtte"), Ok(8));
/// assert_eq!(fou::grammar::count("tretten"), Ok(13));
/// assert_eq!(fou::grammar::count("13"), Ok(13));
/// assert!(fou::grammar::count("mange").is_err());
/// ```
pub fn count(input: &str) -> Result<u32, GrammarError> {
    check(count_parser, input.trim())
}
