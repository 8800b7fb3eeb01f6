//! The report's answers to layer 2's [`Hints`]: labelled fields, institution
//! lists, `Title, Institution` lines, periods and PhD candidates, from the
//! public grammars and classifiers.

use crate::blocks::Hints;
use crate::grammar::{
    Label, PartsAt, ProjectLineParts, label_field, may_be_author_line, may_open_label,
    project_line_parts, reads_as_authors, split_period,
};
use crate::lexicon::CANDIDATE_MARKER;
use memchr::memmem::FinderRev;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
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
/// assert!(h.names_part("Oppdragsprosjekter avsluttet i 2020"));
/// assert!(!h.names_part("Arbeid og helse"));
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

    fn is_author_line(&self, text: &str) -> bool {
        may_be_author_line(text) && reads_as_authors(text)
    }

    fn heads_table(&self, cells: &[&str]) -> bool {
        super::lists::heads_table(cells)
    }

    fn names_part(&self, text: &str) -> bool {
        use super::Role;
        let role = super::role_with(text, || crate::text::norm(text).into());
        matches!(
            role,
            Role::Completed(_) | Role::Analyses | Role::FundingIntro(_)
        )
    }
}

/// The project lines that read as `Title, Institution` whose parts block
/// building found, by their text ([`RecordingHints`]): the list readers
/// read the same items again (a line that lost its bullet, a run of items
/// cut apart), and take the parts found rather than searching the line for
/// where its title ends a second time.
#[derive(Debug, Default)]
pub(crate) struct KnownLines {
    lines: HashMap<Box<str>, PartsAt, foldhash::fast::FixedState>,
}

impl KnownLines {
    /// [`project_line_parts`] of `line`: the parts found for the same text,
    /// or read now.
    pub(crate) fn parts<'t>(&self, line: &'t str) -> Option<ProjectLineParts<'t>> {
        match self.lines.get(line).and_then(|at| at.on(line)) {
            Some(parts) => Some(parts),
            None => project_line_parts(line),
        }
    }
}

/// The [`ReportHints`] a parse gives block building, which keep the parts
/// of each line they find reads as `Title, Institution`
/// ([`KnownLines`], handed on to the part readers) and answer from them when
/// asked again.
///
/// The lines kept (their texts and entries) take at most a share of the
/// input ([`KNOWN_SHARE`]): a wrapped paragraph may be asked about at each
/// line it grows by, and a text may be nothing but short project lines.
pub(crate) struct RecordingHints {
    known: RefCell<KnownLines>,
    /// The bytes of text the known lines may still take.
    room: Cell<usize>,
}

/// The texts [`RecordingHints`] keep take at most the input's length
/// divided by this, and [`KNOWN_ROOM`] more: far more than the project
/// lines of any report (a few per cent of it), and a bound on what a text
/// of nothing but project lines, asked about line by line, can make them
/// keep.
const KNOWN_SHARE: usize = 4;
/// … the room beside the share: a short web page may be little but
/// project lines.
const KNOWN_ROOM: usize = 4096;
/// The bytes a kept line takes beside its text: its entry in the map.
const KNOWN_ENTRY: usize = std::mem::size_of::<(Box<str>, PartsAt)>();

impl RecordingHints {
    /// Hints for reading `text` (the kept lines' room is a share of it).
    pub(crate) fn new(text: &str) -> Self {
        RecordingHints {
            known: RefCell::default(),
            room: Cell::new(text.len() / KNOWN_SHARE + KNOWN_ROOM),
        }
    }

    /// The lines found, for the part readers.
    pub(crate) fn into_known(self) -> KnownLines {
        self.known.into_inner()
    }
}

impl Hints for RecordingHints {
    fn field(&self, text: &str) -> Option<(Label, usize)> {
        ReportHints.field(text)
    }

    fn is_institution_list(&self, text: &str) -> bool {
        ReportHints.is_institution_list(text)
    }

    fn is_titled_with_institution(&self, text: &str) -> bool {
        if let Some(at) = self.known.borrow().lines.get(text) {
            return at.names_institutions();
        }
        let Some(parts) = project_line_parts(text).filter(|l| l.institution_raw.is_some()) else {
            return false;
        };
        // (a line is charged its text and its entry)
        let (room, cost) = (self.room.get(), text.len() + KNOWN_ENTRY);
        if let Some(at) = PartsAt::of(text, &parts).filter(|_| cost <= room) {
            self.room.set(room - cost);
            self.known.borrow_mut().lines.insert(text.into(), at);
        }
        true
    }

    fn ends_with_period(&self, text: &str) -> bool {
        ReportHints.ends_with_period(text)
    }

    fn person_tail<'t>(&self, text: &'t str) -> Option<&'t str> {
        ReportHints.person_tail(text)
    }

    fn opens_with_person(&self, text: &str) -> bool {
        ReportHints.opens_with_person(text)
    }

    fn is_author_line(&self, text: &str) -> bool {
        ReportHints.is_author_line(text)
    }

    fn heads_table(&self, cells: &[&str]) -> bool {
        ReportHints.heads_table(cells)
    }

    fn names_part(&self, text: &str) -> bool {
        ReportHints.names_part(text)
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

    /// [`super::RecordingHints`] answer as [`super::ReportHints`] do, the
    /// first time and when asked again, and the parts of the lines they keep
    /// are those read from the same text; a line not kept is read.
    #[test]
    fn recorded_hints_answer_as_the_report_hints_and_keep_the_parts() {
        use super::{RecordingHints, ReportHints};
        use crate::blocks::Hints;
        use crate::grammar::project_line_parts;
        let pieces = ["Tittel", ", ", "UiO og NTNU", "Fafo", " (2020-2022)", "? "];
        let texts = crate::testing::concatenations(&pieces, 4);
        let hints = RecordingHints::new("");
        let mut titled = 0;
        for round in 0..2 {
            for t in &texts {
                let answer = hints.is_titled_with_institution(t);
                assert_eq!(answer, ReportHints.is_titled_with_institution(t), "{t:?}");
                assert_eq!(hints.ends_with_period(t), ReportHints.ends_with_period(t));
                titled += usize::from(answer && round == 0);
            }
        }
        let known = hints.into_known();
        assert!(titled > 10 && !known.lines.is_empty(), "{titled}");
        for t in &texts {
            // (a copy: the same text, not the same memory)
            let copy = t.clone();
            assert_eq!(known.parts(&copy), project_line_parts(&copy), "{t:?}");
        }
        assert_eq!(
            known.parts("Tittel, Ukjent sted"),
            project_line_parts("Tittel, Ukjent sted")
        );
    }

    /// The lines kept (texts and entries) take no more room than the share
    /// of the input and the room beside it: a text of nothing but project
    /// lines keeps some of them, not all.
    #[test]
    fn the_lines_kept_take_no_more_than_their_room() {
        use super::{KNOWN_ENTRY, KNOWN_ROOM, KNOWN_SHARE, RecordingHints};
        use crate::blocks::Hints;
        let line = "En tittel om arbeid, UiO og NTNU (2020-2022)";
        let text = format!("{line}\n").repeat(3 * KNOWN_ROOM / line.len());
        let hints = RecordingHints::new(&text);
        let mut asked = 0;
        for n in 0..text.len() / line.len() {
            let t = format!("{n}. {line}");
            asked += usize::from(hints.is_titled_with_institution(&t));
        }
        let known = hints.into_known();
        let kept: usize = known.lines.keys().map(|k| k.len() + KNOWN_ENTRY).sum();
        assert!(
            asked > known.lines.len() && !known.lines.is_empty(),
            "{asked}"
        );
        assert!(kept <= text.len() / KNOWN_SHARE + KNOWN_ROOM, "{kept}");
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
