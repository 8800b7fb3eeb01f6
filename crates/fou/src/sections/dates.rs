//! Norwegian dates in running text, each with its own span and the span of
//! its sentence (where a date without a year finds one).

use super::Doc;
use crate::blocks::BlockKind;
use crate::grammar::find_dates;
use crate::model::{DateMention, DiagnosticCode, Severity};
use crate::text::{sentences, year_in};

/// Find the dates of every text block.
pub(crate) fn read_dates(doc: &mut Doc<'_>) {
    let default_year = doc.report.year;
    let mut found = Vec::new();
    let mut bad = Vec::new();
    for (k, b) in doc.blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::TocEntry) {
            continue;
        }
        let text = b.text();
        for (ss, se) in sentences(text) {
            let sentence = &text[ss..se];
            // The year a date without one borrows, computed once per sentence.
            let mut sentence_year: Option<Option<i32>> = None;
            for (ds, de, d) in find_dates(sentence) {
                let year = d
                    .year
                    .or_else(|| *sentence_year.get_or_insert_with(|| year_in(sentence)))
                    .or(default_year);
                let span = doc.sub_span(k, ss + ds, ss + de);
                match year.and_then(|y| d.to_date(y)) {
                    Some(date) => found.push(DateMention {
                        date,
                        text: sentence[ds..de].to_owned(),
                        span,
                        sentence_span: doc.sub_span(k, ss, se),
                    }),
                    None => bad.push((sentence[ds..de].to_owned(), span)),
                }
            }
        }
    }
    doc.report.dates = found;
    for (t, span) in bad {
        doc.diag(
            Severity::Info,
            DiagnosticCode::InvalidDate,
            format!("{t:?} is not a calendar date (or has no year)"),
            Some(span),
        );
    }
}
