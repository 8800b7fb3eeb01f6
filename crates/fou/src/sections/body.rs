//! The report's long texts — a project's summary, an analysis's abstract —
//! copied into the report once the blocks are gone.
//!
//! Those texts are most of a report's bytes (on report text the summaries
//! alone are about 0.6 bytes per input byte). A reader that copied them
//! while the blocks still stood would hold both at once, so the readers keep
//! each paragraph as a range of the input when the block's text is the
//! input's own bytes ([`Para::Input`]), and the pipeline fills the report
//! ([`Bodies::fill`]) after the blocks are dropped: the peak of memory is the
//! larger of the two, not their sum. A paragraph whose text cleaning changed
//! (lines joined, markup removed) is copied at once ([`Para::Owned`]).

use std::ops::Range;

use crate::model::Report;

/// One paragraph of an item's body, not yet copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Para {
    /// Bytes of the input, as they stand.
    Input(Range<usize>),
    /// Text that is not a slice of the input.
    Owned(String),
}

impl Para {
    /// `text` as a paragraph of the body: a range when `text` lies inside
    /// `input` (the block's text is borrowed from it), a copy otherwise.
    pub fn of(input: &str, text: &str) -> Para {
        match range_within(input, text) {
            Some(r) => Para::Input(r),
            None => Para::Owned(text.to_owned()),
        }
    }

    /// The paragraph as an owned string, `input` being the text it was made
    /// from.
    fn into_string(self, input: &str) -> String {
        match self {
            Para::Input(r) => input.get(r).unwrap_or_default().to_owned(),
            Para::Owned(s) => s,
        }
    }
}

/// The paragraphs of one item's body.
pub(crate) type Body = Vec<Para>;

/// The bodies of the report's projects and analyses, in the order of the
/// report's vectors.
#[derive(Debug, Default)]
pub(crate) struct Bodies {
    /// One per project: its summary.
    pub projects: Vec<Body>,
    /// One per analysis: its abstract.
    pub analyses: Vec<Body>,
}

impl Bodies {
    /// Copy the bodies into `report`'s items, `input` being the text the
    /// report was read from.
    pub fn fill(self, report: &mut Report, input: &str) {
        for (p, body) in report.projects.iter_mut().zip(self.projects) {
            p.summary = strings(body, input);
        }
        for (a, body) in report.analyses.iter_mut().zip(self.analyses) {
            a.abstract_ = strings(body, input);
        }
    }
}

fn strings(body: Body, input: &str) -> Vec<String> {
    body.into_iter().map(|p| p.into_string(input)).collect()
}

/// The byte range of `part` within `whole`, when `part` is a slice of it
/// (the same memory, not equal text; what the unstable `str::substr_range`
/// does).
fn range_within(whole: &str, part: &str) -> Option<Range<usize>> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    let range = start..start.checked_add(part.len())?;
    let slice = whole.get(range.clone())?;
    (slice.as_ptr() == part.as_ptr()).then_some(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_of_the_input_is_kept_as_its_range() {
        let input = "Tittel\n\nEn setning om studien.\n";
        let part = &input[8..31];
        assert_eq!(Para::of(input, part), Para::Input(8..31));
        assert_eq!(Para::of(input, part).into_string(input), part);
    }

    #[test]
    fn equal_text_elsewhere_is_copied() {
        let input = "abc abc";
        let other = String::from("abc");
        assert_eq!(Para::of(input, &other), Para::Owned("abc".to_owned()));
    }

    #[test]
    fn bodies_fill_items_in_order() {
        let input = "Ett. To.";
        let mut report = crate::parse("FoU-rapport 2031\n").unwrap_or_else(|e| panic!("{e}"));
        let analysis = crate::model::Analysis {
            issue: None,
            year: None,
            title: String::new(),
            subtitle: None,
            authors: Vec::new(),
            abstract_: Vec::new(),
            span: crate::Span {
                start: 0,
                end: 0,
                line_start: 1,
                line_end: 1,
            },
        };
        report.analyses = vec![analysis.clone(), analysis];
        let bodies = Bodies {
            projects: Vec::new(),
            analyses: vec![
                vec![Para::of(input, &input[..4])],
                vec![Para::Owned("To.".to_owned()), Para::Input(5..8)],
            ],
        };
        bodies.fill(&mut report, input);
        assert_eq!(report.analyses[0].abstract_, ["Ett."]);
        assert_eq!(report.analyses[1].abstract_, ["To.", "To."]);
    }
}
