//! Norwegian dates: `1. januar 2018`, `30. mars 2020`, `1.juli 2017`, `12. mars`.

use chrono::NaiveDate;
use nom::IResult;
use nom::Parser;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, space0, space1};
use nom::combinator::{map_res, opt};
use nom::sequence::preceded;

use super::GrammarError;

const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

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

fn month(input: &str) -> IResult<&str, u32> {
    let word_len = input
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum::<usize>();
    let word = input[..word_len].to_lowercase();
    match MONTHS.iter().position(|m| *m == word) {
        Some(i) => Ok((&input[word_len..], i as u32 + 1)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// nom parser for a Norwegian date at the start of the input.
///
/// ```
/// let (rest, d) = fou::grammar::date::date_parser("1. januar 2018 ble").unwrap();
/// assert_eq!((d.day, d.month, d.year, rest), (1, 1, Some(2018), " ble"));
/// ```
pub fn date_parser(input: &str) -> IResult<&str, NorwegianDate> {
    let (rest, day) = map_res(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        str::parse::<u32>,
    )
    .parse(input)?;
    let (rest, _) = (char('.'), space0).parse(rest)?;
    let (rest, month) = month(rest)?;
    let (rest, year) = opt(preceded(
        space1,
        map_res(
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            str::parse::<i32>,
        ),
    ))
    .parse(rest)?;
    // a 5th digit means it was not a year
    let year = year.filter(|_| !rest.starts_with(|c: char| c.is_ascii_digit()));
    if !(1..=31).contains(&day) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, NorwegianDate { day, month, year }))
}

/// Parse a whole date.
///
/// ```
/// use fou::grammar::{norwegian_date, NorwegianDate};
/// assert_eq!(norwegian_date("30. mars 2020"), Ok(NorwegianDate { day: 30, month: 3, year: Some(2020) }));
/// assert_eq!(norwegian_date("1.juli 2017").unwrap().month, 7);
/// assert!(norwegian_date("30. marsj").is_err());
/// ```
pub fn norwegian_date(text: &str) -> Result<NorwegianDate, GrammarError> {
    let t = text.trim();
    match date_parser(t) {
        Ok((rest, d)) if rest.trim().is_empty() => Ok(d),
        Ok((rest, _)) => Err(GrammarError::new("end of date", t, rest)),
        Err(_) => Err(GrammarError::new("a date like `30. mars 2020`", t, t)),
    }
}

/// All dates in a text, with their byte ranges.
///
/// ```
/// let found = fou::grammar::find_dates("Fra 30. mars til 28. april 2020 mottok …");
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[1].2.year, Some(2020));
/// ```
pub fn find_dates(text: &str) -> Vec<(usize, usize, NorwegianDate)> {
    crate::work::add(text.len());
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0
            || !bytes[i - 1].is_ascii_alphanumeric()
                && bytes[i - 1] != b'.'
                && bytes[i - 1] != b',';
        if boundary
            && bytes[i].is_ascii_digit()
            && let Ok((rest, d)) = date_parser(&text[i..])
            && !rest.starts_with(|c: char| c.is_alphanumeric())
        {
            let end = text.len() - rest.len();
            out.push((i, end, d));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}
