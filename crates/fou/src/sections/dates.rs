//! Norwegian dates in running text, each with its own span and the span of
//! its sentence (where a date without a year finds one).

use super::doc::{Doc, Sentences, diagnostic};
use crate::blocks::BlockKind;
use crate::grammar::find_dates;
use crate::model::{DateMention, Diagnostic, DiagnosticCode, Severity};
use crate::text::year_in;

/// The dates of a report, and the mentions that are no calendar date.
pub(crate) struct Dates {
    pub found: Vec<DateMention>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Find the dates of every block but the table of contents. A date without
/// a year takes its sentence's, or else the report's.
pub(crate) fn read_dates(doc: &Doc<'_>, sentences: &Sentences) -> Dates {
    let mut found = Vec::new();
    let mut bad = Vec::new();
    for (k, b) in doc.blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::TocEntry) {
            continue;
        }
        let text = b.text();
        for &(ss, se) in sentences.of_block(k) {
            let sentence = &text[ss..se];
            // The year a date without one borrows, computed once per sentence.
            let mut sentence_year: Option<Option<i32>> = None;
            for (ds, de, d) in find_dates(sentence) {
                let year = d
                    .year
                    .or_else(|| *sentence_year.get_or_insert_with(|| year_in(sentence)))
                    .or(doc.year);
                let span = doc.sub_span(k, ss + ds, ss + de);
                match year.and_then(|y| d.to_date(y)) {
                    Some(date) => found.push(DateMention {
                        date,
                        text: sentence[ds..de].to_owned(),
                        span,
                        sentence_span: doc.sub_span(k, ss, se),
                    }),
                    None => bad.push(diagnostic(
                        Severity::Info,
                        DiagnosticCode::InvalidDate,
                        format!(
                            "{:?} is not a calendar date (or has no year)",
                            &sentence[ds..de]
                        ),
                        Some(span),
                    )),
                }
            }
        }
    }
    Dates {
        found,
        diagnostics: bad,
    }
}
