//! Norwegian dates in running text, each with its own span and the span of
//! its sentence (where a date without a year finds one).

use std::ops::Range;

use super::doc::{Doc, diagnostic};
use crate::blocks::BlockKind;
use crate::grammar::{NorwegianDate, find_dates};
use crate::model::{DateMention, Diagnostic, DiagnosticCode, Severity};
use crate::text::{sentence_around, year_in};

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
            each_sentence_dates(text, |(ss, se), dates| {
                let sentence = &text[ss..se];
                // The year a date without one borrows, computed once per sentence.
                let mut sentence_year: Option<Option<i32>> = None;
                for &(ds, de, d) in dates {
                    let year = d
                        .year
                        .or_else(|| *sentence_year.get_or_insert_with(|| year_in(sentence)))
                        .or(doc.year);
                    let span = doc.sub_span(k, ds, de);
                    match year.and_then(|y| d.to_date(y)) {
                        Some(date) => self.found.push(DateMention {
                            date,
                            text: doc.text_at(k, &text[ds..de]),
                            span,
                            sentence_span: doc.sub_span(k, ss, se),
                        }),
                        None => self.diagnostics.push(diagnostic(
                            Severity::Info,
                            DiagnosticCode::InvalidDate,
                            format!(
                                "{:?} is not a calendar date (or has no year)",
                                &text[ds..de]
                            ),
                            Some(span),
                        )),
                    }
                }
            });
        }
    }
}

/// Calls `f` with each sentence of `text` ([`crate::text::sentences`]) that has a
/// date and its dates (where each starts and ends in `text`), in order:
/// what [`find_dates`] finds in the sentence, read from what it finds in
/// the whole text, which is parsed once.
///
/// Most texts have no date: they are not split into sentences. A date of
/// the text that starts in a sentence and ends in it is a date of the
/// sentence: the sentence starts after a space (or with the text), as the
/// date's boundary asks, and ends with a mark (`.`, `!`, `?`) that none of
/// the date's parts (digits, spaces, letters) reads into, so the date is
/// read the same way within it. One that ends after it ends after the dot
/// of its day, which ends the sentence: within the sentence no month
/// follows, and the sentence has no date there, nor after (a day's digits
/// come right before its dot). No other place of the sentence starts a
/// date: a date of the text hides none of the sentence (a date starts only
/// at the digits before a dot, and none of its own starts inside it, but
/// at its year's last digits, which follow a digit and start no date).
fn each_sentence_dates(
    text: &str,
    mut f: impl FnMut((usize, usize), &[(usize, usize, NorwegianDate)]),
) {
    let found = find_dates(text);
    let mut rest = found.as_slice();
    // Only the sentences a date starts in are found, each around its first
    // date ([`sentence_around`]; a date starts with a digit, no space).
    while let Some(&(first, _, _)) = rest.first() {
        let (ss, se) = sentence_around(text, first);
        let starting = rest.partition_point(|&(ds, _, _)| ds < se);
        let (mine, after) = rest.split_at(starting);
        // A date that ends after the sentence is the last to start in it.
        let within = mine.partition_point(|&(_, de, _)| de <= se);
        if let Some(dates) = mine.get(..within).filter(|d| !d.is_empty()) {
            f((ss, se), dates);
        }
        rest = after;
    }
}

#[cfg(test)]
mod tests {
    use crate::grammar::find_dates;
    use crate::text::sentences;

    /// Texts of days, dots, months in either case, years, marks, capitals
    /// and other words: the dates of each sentence read from those of the
    /// whole text are those found in the sentence, and the sentences with
    /// a date are those that have one.
    #[test]
    fn the_dates_of_a_sentence_are_those_of_its_text_within_it() {
        let pieces = [
            "12",
            "3",
            "31",
            "1",
            ".",
            ". ",
            " ",
            " ",
            "mars",
            "Mars",
            "april",
            "2020",
            "20201",
            "ca",
            "Neste",
            "!",
            "? ",
            "«",
            "x",
            "nr",
            "juli",
            ",",
            "å",
            "\u{a0}",
            "Å",
            "7.mai",
            "12. Mars",
            "3. April 2021",
            "5. juli",
        ];
        let mut g = crate::testing::Gen(0x2468_ace0_1357_9bdf);
        // Dates read, and those of the text that are no date of a sentence.
        let mut seen = [0; 2];
        for _ in 0..20_000 {
            let text: String = (0..g.below(24)).map(|_| g.pick(&pieces)).collect();
            let mut fast = Vec::new();
            super::each_sentence_dates(&text, |sentence, dates| {
                fast.push((sentence, dates.to_vec()))
            });
            let slow: Vec<_> = sentences(&text)
                .into_iter()
                .map(|(ss, se)| {
                    let dates = find_dates(&text[ss..se]);
                    (
                        (ss, se),
                        dates
                            .into_iter()
                            .map(|(ds, de, d)| (ss + ds, ss + de, d))
                            .collect(),
                    )
                })
                .filter(|(_, dates): &(_, Vec<_>)| !dates.is_empty())
                .collect();
            assert_eq!(fast, slow, "{text:?}");
            let read: usize = fast.iter().map(|(_, d)| d.len()).sum();
            seen[0] += read;
            seen[1] += find_dates(&text).len() - read;
        }
        assert!(seen.iter().all(|&n| n > 500), "{seen:?}");
    }

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
