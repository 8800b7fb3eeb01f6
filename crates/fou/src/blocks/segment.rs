//! Bullet segmentation: PDF extractors often put a run of bullets alone on
//! their lines and the items' text after them; the run of text lines is cut
//! into that many items at the most likely boundaries.

use super::Hints;
use super::join::list_continues;
use crate::lines::{LineKind, Lines};

/// A line ending a sentence or a period `(…)` likely ends an item.
const ENDS_SENTENCE: i32 = 2;
/// A line naming a candidate and institution (`Stipendiat Name, Inst`) ends an item.
const NAMES_PERSON: i32 = 3;
/// A short line (below this share, in tenths, of the wrap width) likely ends an item.
const SHORT_TENTHS: usize = 6;
const SHORT_LINE: i32 = 1;
/// A next line that continues this one (lower case, wrapped) is no boundary.
const CONTINUES: i32 = -4;

/// Split the run of text lines that starts at line `from`, after `bullets`
/// bullets alone on their lines, into at most that many items. Returns the
/// line indices that start an item.
pub(super) fn segment_run(
    lines: &Lines<'_>,
    from: usize,
    bullets: usize,
    width: usize,
    hints: &dyn Hints,
) -> Vec<usize> {
    let text = |i: usize| lines.raw(i).map_or("", |l| l.text);
    let n = (from..lines.len())
        .take_while(|&i| {
            let t = text(i).trim();
            lines.kind(i) == Some(LineKind::Text) && !t.chars().all(|c| c.is_ascii_digit())
        })
        .count();
    if n <= bullets {
        return (from..from + n).collect();
    }
    // Score each gap between line i and i+1: high means "a new item starts".
    let mut gaps: Vec<(i32, usize)> = (from..from + n - 1)
        .map(|i| (gap_score(text(i), text(i + 1), width, hints), i + 1))
        .collect();
    gaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut starts: Vec<usize> = std::iter::once(from)
        .chain(gaps.iter().take(bullets - 1).map(|g| g.1))
        .collect();
    starts.sort_unstable();
    starts
}

/// How likely a new item starts between the lines `prev` and `next`.
fn gap_score(prev: &str, next: &str, width: usize, hints: &dyn Hints) -> i32 {
    let (p, x) = (prev.trim(), next.trim());
    let mut score = 0;
    if p.ends_with(['.', '!', '?', ')']) {
        score += ENDS_SENTENCE;
    }
    if hints.person_tail(p).is_some_and(|name| name.contains(',')) {
        score += NAMES_PERSON;
    }
    if p.chars().count() * 10 < width * SHORT_TENTHS {
        score += SHORT_LINE;
    }
    if list_continues(prev, next, width, hints) || x.chars().next().is_some_and(char::is_lowercase)
    {
        score += CONTINUES;
    }
    score
}

#[cfg(test)]
mod tests {
    //! Bullet segmentation as a specification.
    use super::*;
    use crate::Format;
    use crate::blocks::hints::TestHints;

    fn items(text: &str, bullets: usize) -> Vec<usize> {
        let lines = Lines::new(text, Format::Plain);
        segment_run(&lines, 0, bullets, 60, &TestHints)
    }

    #[test]
    fn as_many_lines_as_bullets_are_one_item_each() {
        assert_eq!(items("Første\nAndre\n", 2), [0, 1]);
    }

    #[test]
    fn the_run_ends_at_a_non_text_line_or_a_page_number() {
        assert_eq!(items("Første\n\nAndre\n", 2), [0]);
        assert_eq!(items("Første\n7\nAndre\n", 2), [0]);
    }

    #[test]
    fn boundaries_fall_after_finished_lines() {
        let text = "Første prosjekt om arbeid og helse i\nnord, NTNU (2020-2021)\nAndre prosjekt, UiO (2021)\n";
        assert_eq!(items(text, 2), [0, 2]);
    }

    #[test]
    fn a_named_candidate_ends_an_item() {
        let text = "Arbeid og alder.\nStipendiat Kari Nordmann, UiO\nHelse og jobb.\nStipendiat Ola Nordmann, NTNU\n";
        assert_eq!(items(text, 2), [0, 2]);
    }
}
