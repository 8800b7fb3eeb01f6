//! Norwegian dates in running text, each with its own span and the span of
//! its sentence (where a date without a year finds one).

use std::ops::Range;

use super::doc::{Doc, diagnostic};
use crate::blocks::BlockKind;
use crate::grammar::find_dates;
use crate::model::{DateMention, Diagnostic, DiagnosticCode, Severity};
use crate::text::{each_sentence, year_in};

/// The dates of a report, and the mentions that are no calendar date.
#[derive(Default)]
pub(crate) struct Dates<'a> {
    pub found: Vec<DateMention<'a>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Dates<'a> {
    /// Find the dates of the blocks `blocks` but the table of contents, after
    /// those found so far (read region by region, in document order). A
    /// date without a year takes its sentence's, or else the report's.
    pub fn read(&mut self, doc: &Doc<'a>, blocks: Range<usize>) {
        for k in blocks {
            let b = &doc.blocks[k];
            if matches!(b.kind, BlockKind::TocEntry) {
                continue;
            }
            let text = b.text();
            // Most blocks have no date: they are not split into sentences. A
            // date of a sentence is a date of its block (a sentence starts after
            // a space and ends at a mark no date reads on into), so a block
            // with none has no sentence with one.
            let starts: Vec<usize> = find_dates(text).into_iter().map(|(ds, _, _)| ds).collect();
            let Some(&last) = starts.last() else {
                continue;
            };
            // Nor has a sentence none of the block's dates starts in, and
            // none after the last is looked for.
            let sentences = each_sentence(text).take_while(|&(ss, _)| ss <= last);
            for (ss, se) in sentences.filter(|&(ss, se)| {
                let first = starts.partition_point(|&ds| ds < ss);
                starts.get(first).is_some_and(|&ds| ds < se)
            }) {
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
                        Some(date) => self.found.push(DateMention {
                            date,
                            text: doc.text_at(k, &sentence[ds..de]),
                            span,
                            sentence_span: doc.sub_span(k, ss, se),
                        }),
                        None => self.diagnostics.push(diagnostic(
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
    }
}

#[cfg(test)]
mod tests {
    use crate::grammar::find_dates;
    use crate::text::sentences;

    /// `Dates::read` reads only the sentences a date of the block starts
    /// in: each date of a sentence starts where a date of its block starts
    /// (and a block with none has no sentence with one).
    #[test]
    fn a_date_of_a_sentence_starts_where_one_of_its_block_does() {
        let texts = [
            "Vi startet 12. Mars 2020. Neste 3. april. Ferdig 1.juli!",
            "Det kom ca. 3. Mars. 4. april? 5. mai",
            "Frist 1. Mai. 2. Juni 2021 ble det levert.",
            "Rapport nr. 3. Se s. 4. Mars og april.",
            "Ingen datoer her. Bare 12 prosjekter.",
        ];
        for t in texts {
            let in_block: Vec<usize> = find_dates(t).into_iter().map(|(s, _, _)| s).collect();
            for (s, e) in sentences(t) {
                for (ds, _, _) in find_dates(&t[s..e]) {
                    assert!(in_block.contains(&(s + ds)), "{t:?} at {}", s + ds);
                }
            }
        }
    }
}
