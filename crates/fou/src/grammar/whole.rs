//! What a grammar expected and where: the nom error type [`Expected`], the
//! public [`GrammarError`], and [`check`], which runs a grammar over a whole input.

use nom::Parser;
use nom::error::{ContextError, ErrorKind, FromExternalError, ParseError};

/// What [`GrammarError::expected`] says when input is left over.
const LEFTOVER: &str = "the end of the input";

/// How many characters of the input a [`GrammarError`] keeps.
const INPUT_CHARS: usize = 80;

/// What [`GrammarError::expected`] says when no `context` named the failure.
const UNNAMED: &str = "text this grammar accepts";

/// A small grammar did not match its input.
///
/// ```
/// let err = fou::grammar::period("(2019-20x1)").unwrap_err();
/// assert_eq!((err.expected, err.offset), ("`)` after the period", 8));
/// assert_eq!(err.to_string(), r#"expected `)` after the period at byte 8 of "(2019-20x1)""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected} at byte {offset} of {input:?}")]
pub struct GrammarError {
    /// What the grammar expected.
    pub expected: &'static str,
    /// Byte offset in the input where matching failed.
    pub offset: usize,
    /// The input (shortened to 80 characters).
    pub input: String,
}

impl GrammarError {
    /// The error for `input` when matching failed where `rest` begins
    /// (`rest` is a suffix of `input`).
    pub(crate) fn new(expected: &'static str, input: &str, rest: &str) -> Self {
        GrammarError {
            expected,
            offset: input.len().saturating_sub(rest.len()),
            // (the first 80 characters, copied at once)
            input: match input.char_indices().nth(INPUT_CHARS) {
                Some((end, _)) => input[..end].to_owned(),
                None => input.to_owned(),
            },
        }
    }
}

/// The nom error type of the grammars: the deepest point where matching failed,
/// and the innermost [`context`](nom::error::context) around it.
///
/// Every raw parser in [`grammar`](crate::grammar) is generic over its error
/// type; use `Expected` to learn what went wrong, or `()` when only success
/// matters.
///
/// ```
/// use fou::grammar::{Expected, period_parser};
/// let Err(nom::Err::Failure(e)) = period_parser::<Expected>("(2019-x)") else { panic!() };
/// assert_eq!((e.context, e.at), (Some("a year after the dash"), "x)"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected<'a> {
    /// The input left where matching failed.
    pub at: &'a str,
    /// The innermost context around that point, such as `"a four-digit year"`.
    pub context: Option<&'static str>,
    /// The nom parser that failed there.
    pub kind: ErrorKind,
}

impl<'a> ParseError<&'a str> for Expected<'a> {
    fn from_error_kind(input: &'a str, kind: ErrorKind) -> Self {
        Expected {
            at: input,
            context: None,
            kind,
        }
    }

    /// Keep the deepest failure: an enclosing parser adds nothing to say.
    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    /// Of two failed alternatives, the one that got further explains more;
    /// on a tie, the first, unless only the second says what it expected.
    fn or(self, other: Self) -> Self {
        let other_deeper = other.at.len() < self.at.len();
        let tie = other.at.len() == self.at.len();
        if other_deeper || (tie && self.context.is_none() && other.context.is_some()) {
            other
        } else {
            self
        }
    }
}

impl<'a> ContextError<&'a str> for Expected<'a> {
    /// The innermost context wins: an outer one only names a failure that none did.
    fn add_context(_input: &'a str, ctx: &'static str, mut other: Self) -> Self {
        other.context.get_or_insert(ctx);
        other
    }
}

impl<'a, X> FromExternalError<&'a str, X> for Expected<'a> {
    fn from_external_error(input: &'a str, kind: ErrorKind, _e: X) -> Self {
        Self::from_error_kind(input, kind)
    }
}

/// Run `parser` over the whole of `input`.
///
/// Input left over is an error (expecting "the end of the input"); a mismatch
/// reports the innermost context at the deepest point reached.
///
/// ```
/// use fou::grammar::{check, count_parser, period_parser};
/// assert_eq!(check(count_parser, "tretten"), Ok(13));
/// let err = check(count_parser, "tretten skisser").unwrap_err();
/// assert_eq!((err.expected, err.offset), ("the end of the input", 7));
/// let err = check(period_parser, "(2019-2021").unwrap_err();
/// assert_eq!((err.expected, err.offset), ("`)` after the period", 10));
/// ```
pub fn check<'a, T>(
    mut parser: impl Parser<&'a str, Output = T, Error = Expected<'a>>,
    input: &'a str,
) -> Result<T, GrammarError> {
    match parser.parse(input) {
        Ok(("", value)) => Ok(value),
        Ok((rest, _)) => Err(GrammarError::new(LEFTOVER, input, rest)),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            Err(GrammarError::new(e.context.unwrap_or(UNNAMED), input, e.at))
        }
        // Complete parsers never ask for more input.
        Err(nom::Err::Incomplete(_)) => Err(GrammarError::new(UNNAMED, input, "")),
    }
}

/// What [`check`] gives when it succeeds, `None` when it fails: `parser`
/// run with no error type, so that a reader that drops the error makes none
/// (no copy of the input, no context).
pub(crate) fn whole<'a, T>(
    mut parser: impl Parser<&'a str, Output = T, Error = ()>,
    input: &'a str,
) -> Option<T> {
    match parser.parse(input) {
        Ok(("", value)) => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::GrammarError;

    #[test]
    fn an_error_keeps_the_first_80_characters() {
        for s in [
            "",
            "kort",
            &"æ".repeat(79),
            &"æ".repeat(80),
            &"æ".repeat(81),
            &"a".repeat(200),
        ] {
            let kept: String = s.chars().take(80).collect();
            assert_eq!(GrammarError::new("x", s, "").input, kept, "{s:?}");
        }
    }
}
