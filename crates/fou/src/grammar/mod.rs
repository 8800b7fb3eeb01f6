//! Small grammars for the small languages inside report text.
//!
//! Each grammar comes at two levels: a convenience function that must consume
//! its whole (trimmed) input and returns `Result<T, GrammarError>`, and the
//! raw `nom` parser, generic over the error type, so that other tools can
//! embed it. [`check`] runs a raw parser over a whole input the way the
//! convenience functions do; [`find_all`] finds its matches in running text.
//!
//! | grammar | raw parser | example |
//! |---|---|---|
//! | [`period`] | [`period_parser`], [`period_body`] | `(2019-2021)`, `(2021)` |
//! | [`project_line`] | | `Title, Institution (2019-2021)` |
//! | [`institutions`] | | `NTNU, UiO og UiA` |
//! | [`authors`] | [`authors_parser`] | `Av A, B og C` |
//! | [`reference`](reference()) | [`reference_parser`] | `Authors (2020): *Title*, Venue` |
//! | [`phd_line`] | [`phd_line_parser`] | `Title. Stipendiat Name, Institution` |
//! | [`norwegian_date`] | [`date_parser`] | `30. mars 2020`, `12. mars` |
//! | [`count`] | [`count_parser`] | `Åtte`, `tretten`, `13` |
//! | [`edition`] | [`edition_parser`] | `Utgave 2 – 2020` |
//! | [`label_field`] | [`label_parser`] | `Prosjekttittel: …` |
//!
//! The raw parsers name what they expect with nom's `context` and commit with
//! `cut` once a grammar is certain (after the `(` of a period, after `Av ` in
//! an author line, after ` Stipendiat ` in a PhD line), so an error points at
//! the place that broke:
//!
//! ```
//! let err = fou::grammar::period("(2019-20x1)").unwrap_err();
//! assert_eq!(err.to_string(), r#"expected `)` after the period at byte 8 of "(2019-20x1)""#);
//! ```
//!
//! `project_line` and `institutions` are not nom grammars: where a title ends
//! and an institution begins is a judgement, made by the heuristics in
//! [`classify`](crate::classify).

mod author_lines;
mod dates;
mod editions;
mod find;
mod institution_lists;
mod labels;
mod numbers;
mod periods;
mod phd_lines;
mod project_lines;
mod references;
mod whole;

pub use author_lines::{author_list, authors, authors_parser};
pub(crate) use author_lines::{may_be_author_line, reads_as_authors};
pub use dates::{NorwegianDate, date_parser, find_dates, norwegian_date};
pub(crate) use editions::may_be_edition;
pub use editions::{edition, edition_parser};
pub use find::find_all;
pub use institution_lists::institutions;
pub(crate) use institution_lists::{SplitAnd, is_one_spaced, split_at_ascii, words_one_spaced};
pub(crate) use institution_lists::{institution_pieces, institution_pieces_of};
pub(crate) use labels::may_open_label;
pub use labels::{Label, label_field, label_parser};
pub(crate) use numbers::LONGEST_NUMBER_WORD;
pub(crate) use numbers::may_start_number_word;
pub use numbers::{count, count_parser, word_value};
pub use periods::{period, period_body, period_parser, split_period};
pub use phd_lines::{PhdLine, phd_line, phd_line_parser};
pub(crate) use phd_lines::{may_be_phd_line, read_phd_line};
pub(crate) use project_lines::strip_report_from;
pub(crate) use project_lines::{
    PartsAt, ProjectLineParts, project_line_parts, project_line_period,
};
pub use project_lines::{ProjectLine, project_line};
pub(crate) use references::may_be_reference;
pub(crate) use references::read_reference;
pub use references::{Reference, reference, reference_parser};
pub(crate) use whole::whole;
pub use whole::{Expected, GrammarError, check};

/// Trim white space and one trailing period (an ellipsis is kept).
///
/// ```
/// assert_eq!(fou::grammar::trim_period(" UiO. "), "UiO");
/// ```
pub fn trim_period(s: &str) -> &str {
    let t = crate::text::trim(s);
    if t.ends_with("..") {
        return t;
    }
    t.strip_suffix('.').map_or(t, str::trim_end)
}
