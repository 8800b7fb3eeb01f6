//! What layer 2 may ask of the report's language without knowing it.
//!
//! Joining wrapped lines sometimes needs domain knowledge: is this line a
//! labelled field, only a list of institutions, a `Title, Institution` line,
//! does it end in a project period, does it name a PhD candidate, is it an
//! author line? Layer 3 supplies the answers
//! ([`crate::sections::ReportHints`]); layer 2 only asks, so it never
//! imports a grammar of the report's parts.

use crate::grammar::Label;

/// Questions about a line's meaning that block building asks.
///
/// ```
/// use fou::blocks::Hints;
/// struct NoHints;
/// impl Hints for NoHints {
///     fn field(&self, _: &str) -> Option<(fou::grammar::Label, usize)> { None }
///     fn is_institution_list(&self, _: &str) -> bool { false }
///     fn is_titled_with_institution(&self, _: &str) -> bool { false }
///     fn ends_with_period(&self, _: &str) -> bool { false }
///     fn person_tail<'t>(&self, _: &'t str) -> Option<&'t str> { None }
///     fn opens_with_person(&self, _: &str) -> bool { false }
///     fn is_author_line(&self, _: &str) -> bool { false }
/// }
/// let blocks = fou::blocks::split_with("Tekst\nmer tekst.\n", fou::Format::Plain, &NoHints);
/// assert_eq!(blocks[0].text(), "Tekst mer tekst.");
/// ```
pub trait Hints {
    /// A labelled field (`Prosjekttittel: …`): the label and the byte offset
    /// where the value starts.
    fn field(&self, text: &str) -> Option<(Label, usize)>;
    /// The text is only a list of institutions (`AFI og NTNU`).
    fn is_institution_list(&self, text: &str) -> bool;
    /// The text reads as `Title, Institution` (a list item or record heading).
    fn is_titled_with_institution(&self, text: &str) -> bool;
    /// The text ends in a project period, `(2019-2021)`.
    fn ends_with_period(&self, text: &str) -> bool;
    /// What follows the last PhD-candidate marker in the text (the name
    /// and institution of `… Stipendiat Kari Nordmann, UiO`), if there is one.
    fn person_tail<'t>(&self, text: &'t str) -> Option<&'t str>;
    /// The text starts with a PhD-candidate marker.
    fn opens_with_person(&self, text: &str) -> bool;
    /// The text is an author line (`av Kari Nordmann og Ola Hansen`): after
    /// a title it starts a line of its own, though it may start in lower
    /// case.
    fn is_author_line(&self, text: &str) -> bool;
    /// The text names a part of a report, as its heading does
    /// (`Oppdragsprosjekter avsluttet i 2020`, `Publikasjoner`): in
    /// hard-wrapped text it starts a block of its own, not the rest of the
    /// line before it. None does unless the language says so.
    fn names_part(&self, text: &str) -> bool {
        let _ = text;
        false
    }
    /// The cells of a line laid out in columns (`Prosjekt`,
    /// `Forskningsmiljø`, `Periode`) head a table that lists projects.
    /// None do unless the language says so.
    fn heads_table(&self, cells: &[&str]) -> bool {
        let _ = cells;
        false
    }
}

/// Hints for layer 2's own tests: simple stand-ins for the report's grammars,
/// so the join rules are tested without layer 3.
#[cfg(test)]
pub(super) struct TestHints;

#[cfg(test)]
impl Hints for TestHints {
    fn field(&self, text: &str) -> Option<(Label, usize)> {
        text.strip_prefix("Prosjekttittel:")
            .map(|rest| (Label::Title, text.len() - rest.trim_start().len()))
    }

    fn is_institution_list(&self, text: &str) -> bool {
        text.split_whitespace()
            .all(|w| w == "og" || w.starts_with(char::is_uppercase))
    }

    fn is_titled_with_institution(&self, text: &str) -> bool {
        text.rsplit_once(", ")
            .is_some_and(|(_, inst)| self.is_institution_list(inst))
    }

    fn ends_with_period(&self, text: &str) -> bool {
        let t = text.trim_end();
        t.ends_with(')') && t.rfind("(20").is_some()
    }

    fn person_tail<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.rsplit_once("Stipendiat ").map(|(_, name)| name)
    }

    fn opens_with_person(&self, text: &str) -> bool {
        text.starts_with("Stipendiat ")
    }

    fn heads_table(&self, cells: &[&str]) -> bool {
        cells.contains(&"Tittel") && !cells.contains(&"Beløp")
    }

    fn names_part(&self, text: &str) -> bool {
        text.ends_with("avsluttet i 2020")
    }

    fn is_author_line(&self, text: &str) -> bool {
        text.strip_prefix("av ").is_some_and(|names| {
            names
                .split_whitespace()
                .all(|w| w == "og" || w.starts_with(char::is_uppercase))
        })
    }
}
