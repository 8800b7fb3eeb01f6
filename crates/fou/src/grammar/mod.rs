//! Small grammars for the small languages inside report text.
//!
//! Each grammar comes at two levels: a convenience function that must consume
//! its whole input and returns `Result<T, GrammarError>`, and (where the
//! grammar is a prefix language) the raw `nom` parser, generic over the error
//! type, so other tools can embed it. [`check`] runs a raw parser over a whole
//! input; [`find_all`] finds its matches in running text.
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
mod check;
pub mod date;
pub mod edition;
mod find;
pub mod institutions;
pub mod label;
pub mod numbers;
pub mod period;
pub mod phd;
pub mod project_line;
pub mod reference;

pub use authors::{author_list, authors, authors_parser};
pub use check::{Expected, GrammarError, check};
pub use date::{NorwegianDate, date_parser, find_dates, norwegian_date};
pub use edition::{edition, edition_parser};
pub use find::find_all;
pub use institutions::institutions;
pub(crate) use institutions::split_and;
pub use label::{Label, label_field, label_parser};
pub use numbers::{count, count_parser, word_value};
pub use period::{period, period_body, period_parser, split_period};
pub use phd::{PhdLine, phd_line, phd_line_parser};
pub(crate) use project_line::strip_report_from;
pub use project_line::{ProjectLine, project_line};
pub use reference::{Reference, reference, reference_parser};

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
