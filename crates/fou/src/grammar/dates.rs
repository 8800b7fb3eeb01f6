//! Norwegian dates: `1. januar 2018`, `30. mars 2020`, `1.juli 2017`, `12. mars`.

use std::str::FromStr;

use chrono::NaiveDate;
use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::character::complete::{char, satisfy, space0, space1};
use nom::combinator::{map, map_opt, opt, peek, verify};
use nom::error::{ContextError, ParseError, context};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::find::find_all_at;
use super::{GrammarError, check};
use crate::lexicon::MONTHS;

/// A date as written: the year may be missing (`12. mars`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NorwegianDate {
    /// Day of month.
    pub day: u32,
    /// Month, 1–12.
    pub month: u32,
    /// Year, when written.
    pub year: Option<i32>,
}

impl NorwegianDate {
    /// The calendar date, taking the year from `default_year` when none is written.
    ///
    /// ```
    /// let d = fou::grammar::norwegian_date("12. mars").unwrap();
    /// assert_eq!(d.to_date(2020).unwrap().to_string(), "2020-03-12");
    /// ```
    pub fn to_date(&self, default_year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.unwrap_or(default_year), self.month, self.day)
    }
}

fn number<'a, T: FromStr, E: ParseError<&'a str>>(
    min: usize,
    max: usize,
) -> impl Parser<&'a str, Output = T, Error = E> {
    map_opt(
        take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse().ok(),
    )
}

/// The month's number, from its name in any case.
fn month_number(word: &str) -> Option<u32> {
    // Char by char, without a lower-cased copy: the same as
    // `str::to_lowercase` but for a final sigma, which no month name has.
    MONTHS
        .iter()
        .zip(1..)
        .find(|(m, _)| word.chars().flat_map(char::to_lowercase).eq(m.chars()))
        .map(|(_, n)| n)
}

/// A month's name, the whole word: `mars`, `Mars`, not `marsj`.
fn month<'a, E>(input: &'a str) -> IResult<&'a str, u32, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    context(
        "a month name like `mars`",
        map_opt(take_while1(char::is_alphabetic), month_number),
    )
    .parse(input)
}

/// ` 2020` after the month. Four digits and a fifth are no year (the digits
/// are still consumed, so that a caller sees they follow).
fn year<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, Option<i32>, E> {
    let digit = satisfy(|c: char| c.is_ascii_digit());
    map(
        preceded(space1, (number(4, 4), opt(peek(digit)))),
        |(year, fifth)| fifth.is_none().then_some(year),
    )
    .parse(input)
}

/// nom parser for a Norwegian date at the start of the input.
///
/// ```
/// use fou::grammar::{Expected, date_parser};
/// let (rest, d) = date_parser::<Expected>("1. januar 2018 ble").unwrap();
/// assert_eq!((d.day, d.month, d.year, rest), (1, 1, Some(2018), " ble"));
/// ```
pub fn date_parser<'a, E>(input: &'a str) -> IResult<&'a str, NorwegianDate, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    let day = context(
        "a day of the month, 1–31",
        verify(number(1, 2), |d| (1..=31).contains(d)),
    );
    let dot = context("`.` after the day", char('.'));
    map(
        (day, dot, space0, month, opt(year)),
        |(day, _, _, month, year)| NorwegianDate {
            day,
            month,
            year: year.flatten(),
        },
    )
    .parse(input)
}

/// Parse a whole date.
///
/// ```
/// use fou::grammar::{norwegian_date, NorwegianDate};
/// assert_eq!(norwegian_date("30. mars 2020"), Ok(NorwegianDate { day: 30, month: 3, year: Some(2020) }));
/// assert_eq!(norwegian_date("1.juli 2017").unwrap().month, 7);
/// let err = norwegian_date("30. marsj").unwrap_err();
/// assert_eq!((err.expected, err.offset), ("a month name like `mars`", 4));
/// ```
pub fn norwegian_date(text: &str) -> Result<NorwegianDate, GrammarError> {
    check(date_parser, text.trim())
}

/// All dates in a text, with their byte ranges: [`find_all`](super::find_all) with
/// [`date_parser`], except that a date does not start right after `.` or `,`
/// (`2.5. mars`, `1,5. mars` are no dates).
///
/// ```
/// let found = fou::grammar::find_dates("Fra 16. mars til 24. april 2020 mottok …");
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[1].2.year, Some(2020));
/// ```
pub fn find_dates(text: &str) -> Vec<(usize, usize, NorwegianDate)> {
    // A date starts with its day's digits: the parser is tried only there.
    let mut found = find_all_at(date_parser, text, day_starts(text));
    found.retain(|&(start, _, _)| !text[..start].ends_with(['.', ',']));
    found
}

/// Where a date may start, left to right: the one or two digits right
/// before each `.` (its day, which [`date_parser`] reads as one or two
/// digits and a dot). Two digits before the dot start there; a third
/// before them leaves no word boundary, and [`find_all_at`] skips it.
pub(crate) fn day_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let digit = move |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(u8::is_ascii_digit);
    memchr::memchr_iter(b'.', b).filter_map(move |dot| {
        let (one, two) = (dot.checked_sub(1), dot.checked_sub(2));
        if digit(one) && digit(two) {
            two
        } else if digit(one) {
            one
        } else {
            None
        }
    })
}
