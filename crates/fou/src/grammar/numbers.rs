//! Norwegian counts: number words (`åtte`, `tretten`) and digits.

use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::character::complete::{digit1, satisfy};
use nom::combinator::{map_opt, recognize};
use nom::multi::many1;

use super::GrammarError;

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
/// assert_eq!(fou::grammar::numbers::word_value("Åtte"), Some(8));
/// assert_eq!(fou::grammar::numbers::word_value("hus"), None);
/// ```
pub fn word_value(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

/// nom parser: a count written in digits or as one Norwegian word.
///
/// ```
/// use fou::grammar::numbers::count_parser;
/// assert_eq!(count_parser("tretten skisser"), Ok((" skisser", 13)));
/// assert_eq!(count_parser("19 pågående"), Ok((" pågående", 19)));
/// ```
pub fn count_parser(input: &str) -> IResult<&str, u32> {
    alt((
        map_opt(digit1, |d: &str| d.parse::<u32>().ok()),
        map_opt(recognize(many1(satisfy(char::is_alphabetic))), word_value),
    ))
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
    let t = input.trim();
    match count_parser(t) {
        Ok(("", v)) => Ok(v),
        Ok((rest, _)) => Err(GrammarError::new("end of count", t, rest)),
        Err(_) => Err(GrammarError::new("a number or number word", t, t)),
    }
}
