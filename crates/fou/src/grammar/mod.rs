//! Small grammars for the small languages inside report text.
//!
//! Each grammar comes at two levels: a convenience function that must consume
//! its whole input and returns `Result<T, GrammarError>`, and (where the
//! grammar is a prefix language) the raw `nom` parser, so other tools can
//! embed it.
//!
//! | grammar | example |
//! |---|---|
//! | [`period`] | `(2019-2021)`, `(2021)` |
//! | [`project_line`] | `Title, Institution (2019-2021)` |
//! | [`institutions`] | `NTNU, UiO og UiA` |
//! | [`authors`] | `Av A, B og C` |
//! | [`reference`] | `Authors (2020): *Title*, Venue` |
//! | [`phd_line`] | `Title. Stipendiat Name, Institution` |
//! | [`norwegian_date`] | `30. mars 2020`, `12. mars` |
//! | [`count`] | `Åtte`, `tretten`, `13` |
//! | [`edition`] | `Utgave 2 – 2020` |

pub mod authors;
pub mod date;
pub mod edition;
pub mod institutions;
pub mod label;
pub mod numbers;
pub mod period;
pub mod phd;
pub mod project_line;
pub mod reference;

pub use authors::{author_list, authors};
pub use date::{NorwegianDate, find_dates, norwegian_date};
pub use edition::edition;
pub use institutions::institutions;
pub(crate) use institutions::split_and;
pub use numbers::count;
pub use period::{period, split_period};
pub use phd::{PhdLine, phd_line};
pub(crate) use project_line::strip_report_from;
pub use project_line::{ProjectLine, project_line};
pub use reference::{Reference, reference};

/// A small grammar did not match its input.
///
/// ```
/// let err = fou::grammar::period("(20x9)").unwrap_err();
/// assert!(err.to_string().contains("period"));
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
    pub(crate) fn new(expected: &'static str, input: &str, rest: &str) -> Self {
        GrammarError {
            expected,
            offset: input.len().saturating_sub(rest.len()),
            input: input.chars().take(80).collect(),
        }
    }
}

/// Trim white space and one trailing period (an ellipsis is kept).
///
/// ```
/// assert_eq!(fou::grammar::trim_period(" UiO. "), "UiO");
/// ```
pub fn trim_period(s: &str) -> &str {
    let t = s.trim();
    if t.ends_with("..") {
        return t;
    }
    t.strip_suffix('.').map_or(t, str::trim_end)
}
