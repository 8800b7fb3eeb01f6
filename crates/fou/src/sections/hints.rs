//! The report's answers to layer 2's [`Hints`]: labelled fields, institution
//! lists, `Title, Institution` lines, periods and PhD candidates, from the
//! public grammars and classifiers.

use crate::blocks::Hints;
use crate::grammar::{Label, label_field, may_open_label, project_line_parts, split_period};
use crate::lexicon::CANDIDATE_MARKER;
use memchr::memmem::FinderRev;
use std::sync::LazyLock;

/// The search for the last [`CANDIDATE_MARKER`] of a text, set up once
/// (not per line, as [`str::rsplit_once`] sets its searcher up).
static LAST_MARKER: LazyLock<FinderRev<'static>> =
    LazyLock::new(|| FinderRev::new(CANDIDATE_MARKER));

/// What follows the last [`CANDIDATE_MARKER`] in `text`, if it has one.
fn after_last_marker(text: &str) -> Option<&str> {
    let at = LAST_MARKER.rfind(text.as_bytes())?;
    text.get(at + CANDIDATE_MARKER.len()..)
}

/// The hints a NAV R&D report gives block building.
///
/// ```
/// use fou::blocks::Hints;
/// let h = fou::sections::ReportHints;
/// assert!(h.field("Prosjekttittel: Arbeid").is_some());
/// assert!(h.is_titled_with_institution("Arbeid og helse, NTNU"));
/// assert!(h.ends_with_period("Troms (2018-2022)"));
/// assert_eq!(h.person_tail("Tittel. Stipendiat Kari Nordmann"), Some("Kari Nordmann"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportHints;

impl Hints for ReportHints {
    fn field(&self, text: &str) -> Option<(Label, usize)> {
        // Most lines are turned down on their first two bytes, before the
        // search for a colon: a label starts with one of a few pairs of
        // letters.
        if !may_open_label(crate::text::trim_start(text).as_bytes()) {
            return None;
        }
        label_field(text)
    }

    fn is_institution_list(&self, text: &str) -> bool {
        crate::classify::is_institution_list(text)
    }

    fn is_titled_with_institution(&self, text: &str) -> bool {
        // (the line's parts, borrowed: no title, institutions or split copied)
        project_line_parts(text).is_some_and(|l| l.institution_raw.is_some())
    }

    fn ends_with_period(&self, text: &str) -> bool {
        split_period(text).1.is_some()
    }

    fn person_tail<'t>(&self, text: &'t str) -> Option<&'t str> {
        after_last_marker(text)
    }

    fn opens_with_person(&self, text: &str) -> bool {
        text.starts_with(CANDIDATE_MARKER)
    }
}

#[cfg(test)]
mod tests {
    use super::{CANDIDATE_MARKER, after_last_marker};

    /// [`after_last_marker`] gives what follows the marker
    /// [`str::rsplit_once`] splits at: the last one.
    /// A field is what [`label_field`] reads: the test of the first byte
    /// turns down no field.
    #[test]
    fn the_first_byte_turns_down_no_field() {
        use crate::blocks::Hints;
        use crate::grammar::label_field;
        let pieces = [
            "Tema",
            ":",
            " ",
            "\u{a0}",
            "TITTEL",
            "Periode",
            "x",
            "ø",
            "\u{130}nstitusjon",
            "a",
            "Ti",
            "P\u{212a}",
            "pr",
        ];
        let mut fields = 0;
        for s in crate::testing::concatenations(&pieces, 4) {
            let field = super::ReportHints.field(&s);
            assert_eq!(field, label_field(&s), "{s:?}");
            fields += usize::from(field.is_some());
        }
        assert!(fields > 0);
    }

    #[test]
    fn the_person_tail_follows_the_last_marker() {
        let pieces = ["Stipendiat ", "Stipendiat", " ", "Kari", ", ", "ø"];
        let mut found = 0;
        for s in crate::testing::concatenations(&pieces, 5) {
            let expected = s.rsplit_once(CANDIDATE_MARKER).map(|(_, name)| name);
            assert_eq!(after_last_marker(&s), expected, "{s:?}");
            found += usize::from(expected.is_some());
        }
        assert!(found > 0);
    }
}
