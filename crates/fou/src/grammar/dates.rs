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
    /// The calendar date, taking the year from `default_year` when none is
    /// written; `None` for a day the month does not have, and for a year
    /// before year 1 (`0000`: no calendar date, and none in Python).
    ///
    /// ```
    /// let d = fou::grammar::norwegian_date("12. mars").unwrap();
    /// assert_eq!(d.to_date(2020).unwrap().to_string(), "2020-03-12");
    /// assert_eq!(fou::grammar::norwegian_date("12. mars 0000").unwrap().to_date(2020), None);
    /// assert_eq!(fou::grammar::norwegian_date("31. april 2020").unwrap().to_date(2020), None);
    /// ```
    pub fn to_date(&self, default_year: i32) -> Option<NaiveDate> {
        let year = self.year.unwrap_or(default_year);
        (year >= 1)
            .then(|| NaiveDate::from_ymd_opt(year, self.month, self.day))
            .flatten()
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
///
/// An ASCII word (most words after a day's dot) lower-cases byte by byte
/// to as many ASCII bytes, and every month name is ASCII with no capital
/// (a test checks): it is compared with each name in either case, which
/// tells a word of another length at once. Any other word is lowered char
/// by char ([`month_number_lowered`]): a character outside ASCII may
/// lower-case to an ASCII letter (`K` KELVIN SIGN to `k`).
fn month_number(word: &str) -> Option<u32> {
    if word.is_ascii() {
        return (MONTHS.iter().zip(1..))
            .find(|(m, _)| m.eq_ignore_ascii_case(word))
            .map(|(_, n)| n);
    }
    month_number_lowered(word)
}

/// [`month_number`] of any word, lower-cased char by char.
fn month_number_lowered(word: &str) -> Option<u32> {
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
    check(date_parser, crate::text::trim(text))
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
    // Most texts have no digit before a dot: no day starts in them.
    if !has_day_dot(text.as_bytes()) {
        return Vec::new();
    }
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

/// Does `b` have an ASCII digit right before a `.` (where [`day_starts`]
/// finds the days, and so where a date may start)? On x86 with SSE2, the
/// dots of 32 bytes at a time from two movemasks, and only the byte before
/// each looked at ([`has_day_dot_sse2`]).
fn has_day_dot(b: &[u8]) -> bool {
    #[cfg(sse2)]
    return has_day_dot_sse2(b);
    #[cfg(not(sse2))]
    has_day_dot_memchr(b)
}

/// [`has_day_dot`] from memchr's search for the dots (its SIMD search where
/// the target has one: NEON on aarch64), each then looked behind; fewer
/// instructions than eight bytes at a time in a `u64` (3.17 -> 3.08 M a
/// parse of the 2022 report, counted on x86 with `FOU_PORTABLE_SCANS=1`).
#[cfg_attr(sse2, allow(dead_code))]
fn has_day_dot_memchr(b: &[u8]) -> bool {
    memchr::memchr_iter(b'.', b).any(|i| i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit))
}

/// [`has_day_dot`] byte by byte: the SSE2 code's for a text shorter than a
/// lane, and the tests'.
#[cfg_attr(not(sse2), allow(dead_code))]
fn has_day_dot_portable(b: &[u8]) -> bool {
    b.windows(2).any(|w| w[0].is_ascii_digit() && w[1] == b'.')
}

/// [`has_day_dot`] with SSE2: whether a window of 64 bytes has a dot from
/// one movemask of its four lanes, and in a window with one the dots a bit
/// each and the byte before each looked at; the last bytes in lanes of 16,
/// the last of them ending with the text (it may read some bytes again: a
/// dot found twice is looked at twice). A text shorter than a lane is read
/// byte by byte.
#[cfg(sse2)]
fn has_day_dot_sse2(b: &[u8]) -> bool {
    use safe_arch::{bitor_m128i, cmp_eq_mask_i8_m128i, m128i, move_mask_i8_m128i};
    /// The bytes of a lane.
    const LANE: usize = 16;
    /// The bytes read at once: four lanes.
    const WINDOW: usize = 4 * LANE;
    if b.len() < LANE {
        return has_day_dot_portable(b);
    }
    let dot = safe_arch::set_splat_i8_m128i(b'.'.cast_signed());
    let dots_of = |bytes: &[u8]| {
        let mut lane = [0; LANE];
        if let Some(bytes) = bytes.get(..LANE) {
            lane.copy_from_slice(bytes);
        }
        cmp_eq_mask_i8_m128i(m128i::from(lane), dot)
    };
    let dots = |at: usize| dots_of(b.get(at..).unwrap_or_default());
    let bits = |dots: m128i| u64::from(move_mask_i8_m128i(dots).cast_unsigned() & 0xFFFF);
    let day_before = |at: usize, mut dots: u64| {
        while dots != 0 {
            let i = at + dots.trailing_zeros() as usize;
            if i.checked_sub(1)
                .and_then(|k| b.get(k))
                .is_some_and(u8::is_ascii_digit)
            {
                return true;
            }
            dots &= dots - 1;
        }
        false
    };
    let mut at = 0;
    while let Some(window) = b
        .get(at..at + WINDOW)
        .and_then(|w| <&[u8; WINDOW]>::try_from(w).ok())
    {
        let [d0, d1, d2, d3] = [0, 1, 2, 3].map(|n| dots_of(&window[n * LANE..(n + 1) * LANE]));
        let any = bitor_m128i(bitor_m128i(d0, d1), bitor_m128i(d2, d3));
        if move_mask_i8_m128i(any) != 0 {
            let all = bits(d0) | bits(d1) << 16 | bits(d2) << 32 | bits(d3) << 48;
            if day_before(at, all) {
                return true;
            }
        }
        at += WINDOW;
    }
    while at < b.len() {
        // The last lane ends with the text.
        let from = at.min(b.len() - LANE);
        if day_before(from, bits(dots(from))) {
            return true;
        }
        at += LANE;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of digits, dots, letters and other bytes, of every length
    /// round the 16-byte lanes and the 64-byte windows: the scan for a digit before a dot says
    /// what a look at each pair of bytes says, and a text where it says no
    /// has no date at all (no day starts before a dot).
    #[test]
    fn a_digit_before_a_dot_is_found_as_byte_by_byte() {
        let pieces = [
            "1", "23", ".", ". ", "mars", " ", "a", "x.", "ø", "–", "\n", "5 ", "7.mai",
        ];
        let mut g = crate::testing::Gen(0x9e37_79b9);
        let mut below = |n: usize| g.below(n);
        let mut seen = [0; 2];
        for _ in 0..20_000 {
            let mut text = String::new();
            let len = below(160);
            while text.len() < len {
                // Digits and dots one piece in four, so that many texts have neither.
                let piece = if below(4) == 0 {
                    pieces[below(pieces.len())]
                } else {
                    pieces[4 + below(4)]
                };
                text.push_str(piece);
            }
            let b = text.as_bytes();
            let want = has_day_dot_portable(b);
            assert_eq!(has_day_dot(b), want, "{text:?}");
            assert_eq!(has_day_dot_memchr(b), want, "{text:?}");
            if !want {
                assert_eq!(day_starts(&text).count(), 0, "{text:?}");
            }
            seen[usize::from(want)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 1000), "{seen:?}");
    }

    /// Month names and their starts in any case, with letters outside
    /// ASCII that lower-case to ASCII ones or to none: [`month_number`]
    /// says what the char-by-char reading of every word says, and every
    /// month name is ASCII with no capital, as its fast reading asks.
    #[test]
    fn a_month_is_read_as_by_its_lower_cased_word() {
        for m in MONTHS {
            assert!(m.is_ascii() && *m == m.to_ascii_lowercase(), "{m}");
        }
        let mut pieces: Vec<String> = MONTHS
            .iter()
            .flat_map(|m| [m.to_string(), m.to_uppercase(), m[..2].to_string()])
            .collect();
        pieces.extend(
            [
                "j",
                "Ma",
                "rs",
                "\u{212a}",
                "o\u{212a}tober",
                "\u{130}",
                "ø",
                "Å",
                "mai",
                "s",
                "ber",
                "\u{a0}",
            ]
            .map(String::from),
        );
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut found = 0;
        for w in crate::testing::concatenations(&pieces, 2) {
            let want = month_number_lowered(&w);
            assert_eq!(month_number(&w), want, "{w:?}");
            found += usize::from(want.is_some());
        }
        assert!(found >= 2 * MONTHS.len(), "{found}");
    }
}
