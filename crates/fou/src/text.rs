//! Splitting running text: sentences, clauses and words, the normalised form
//! keyword tests match against, and the years a text names.
//!
//! Shared by the part readers of [`crate::sections`] (the counts, the dates,
//! the front matter); nothing here knows what a report is.

use crate::lexicon;

/// The years a bare number may name when it is read as the year of a report
/// or of a date: 1990–2099.
pub(crate) const YEARS: std::ops::Range<i32> = 1990..2100;

/// Lower-case, single-spaced text for keyword tests.
///
/// One pass and one allocation: the words of `s` (split as
/// [`str::split_whitespace`] splits) are lower-cased straight into the
/// result, each as [`lower`] would (word by word is the same as the whole
/// text at once: white space bounds the context of a final sigma).
pub(crate) fn norm(s: &str) -> String {
    crate::work::add(s.len());
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&lower(w));
    }
    out
}

/// A cheap test, on text as it stands, that [`norm`] of it may contain one
/// of some keywords (`has_any(&norm(text), words)`): when it says no, the
/// text need not be normalised at all.
///
/// It looks for a piece of each keyword, ASCII case-insensitively, with one
/// automaton: the longest run of ASCII letters in the keyword. Lower-casing
/// maps no character outside ASCII to an ASCII letter but the two of
/// [`Self::TO_ASCII`], which the automaton looks for too, and normalising
/// only joins white space: a keyword in the normalised text has its piece,
/// or one of those two, in the text. A keyword with no piece makes the test
/// say yes to everything.
pub(crate) struct KeywordFilter(Option<aho_corasick::AhoCorasick>);

impl KeywordFilter {
    /// The characters outside ASCII that lower-case to an ASCII letter:
    /// capital I with a dot (to `i` and a combining dot) and KELVIN SIGN (to
    /// `k`). A text with one may match whatever it holds.
    const TO_ASCII: [&str; 2] = ["\u{130}", "\u{212a}"];

    /// The filter for the keywords of `lists` (lower-case, as in
    /// [`crate::lexicon`]).
    pub fn new(lists: &[&[&str]]) -> Self {
        let pieces: Option<Vec<&str>> = lists
            .iter()
            .flat_map(|list| list.iter())
            .map(|w| Self::piece(w))
            .chain(Self::TO_ASCII.map(Some))
            .collect();
        // A piece that contains another is found with it: only the shortest
        // are looked for (`bidrag` for `bidragsfinans` and `bidrag `).
        let shortest = pieces.map(|p| {
            let mut kept: Vec<&str> = Vec::new();
            for piece in p {
                if !kept.iter().any(|k| piece.contains(k)) {
                    kept.retain(|k| !k.contains(piece));
                    kept.push(piece);
                }
            }
            kept
        });
        KeywordFilter(shortest.and_then(|p| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(p)
                .ok()
        }))
    }

    /// The piece of `keyword` the filter looks for.
    fn piece(keyword: &str) -> Option<&str> {
        keyword
            .split(|c: char| !c.is_ascii_alphabetic())
            .max_by_key(|run| run.len())
            .filter(|run| !run.is_empty())
    }

    /// May [`norm`] of `text` contain one of the keywords?
    pub fn may_match(&self, text: &str) -> bool {
        self.0.as_ref().is_none_or(|ac| ac.is_match(text))
    }
}

/// `s` lower-cased, exactly as [`str::to_lowercase`] would, borrowed when
/// that would change nothing (the common case for words of running text).
pub(crate) fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = s.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    });
    if unchanged {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Byte ranges of the sentences of `text`.
///
/// A sentence ends at `.`, `!` or `?` followed by a space and a capital, a
/// digit or an opening quote; the period of an abbreviation
/// ([`lexicon::ABBREVIATIONS`]) or of a single letter (an initial) does not
/// end one.
///
/// ```
/// let s = fou::text::sentences("Det kom ca. 700 bøker. Deretter 12 til.");
/// assert_eq!(s.len(), 2);
/// ```
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    crate::work::add(text.len());
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if !matches!(b[i], b'.' | b'!' | b'?') || b.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = text[i + 2..].chars().next();
        if !next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '"') {
            continue;
        }
        if b[i] == b'.' {
            let word = lower(text[start..i].rsplit([' ', '(']).next().unwrap_or(""));
            if lexicon::ABBREVIATIONS.contains(&&*word) || word.chars().count() == 1 {
                continue;
            }
        }
        out.push((start, i + 1));
        start = i + 2;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Byte ranges of the clauses of a sentence (split at `, `, `; `, `: `).
pub(crate) fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = sentence.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b',' | b';' | b':') && b.get(i + 1) == Some(&b' ') {
            out.push((start, i));
            start = i + 2;
        }
    }
    out.push((start, sentence.len()));
    out
}

/// The words of `s` (runs of non-white-space) with their byte offsets.
pub(crate) fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// The first year ([`YEARS`]) standing as a four-digit number in the text.
pub(crate) fn year_in(text: &str) -> Option<i32> {
    crate::work::add(text.len());
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| YEARS.contains(y))
}

/// `s` cut after `max` characters, with `…` where it was cut (for quoting
/// text in a message).
pub(crate) fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_at_punctuation_and_a_space() {
        let s = "Tre prosjekter, to analyser; én rapport: ferdig,ikke delt";
        let parts: Vec<&str> = clauses(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            parts,
            [
                "Tre prosjekter",
                "to analyser",
                "én rapport",
                "ferdig,ikke delt"
            ]
        );
    }

    #[test]
    fn norm_and_lower_agree_with_the_standard_library() {
        let samples = [
            "",
            "  Tre  nye\tprosjekter\n ble ferdigstilt ",
            "ÆRE og ØKONOMI på Å",
            "allerede liten",
            "ΟΔΟΣ ΟΔΟΣΣ Σ aΣb",
            "İstanbul \u{212A}elvin \u{1C5}ungla",
            "nbsp\u{a0}og\u{2003}em",
        ];
        for s in samples {
            let old = s
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            assert_eq!(norm(s), old, "{s:?}");
            assert_eq!(lower(s), s.to_lowercase(), "{s:?}");
        }
        assert!(matches!(lower("liten"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(lower("Liten"), std::borrow::Cow::Owned(_)));
    }

    #[test]
    fn a_keyword_filter_never_misses_a_keyword_of_the_normalised_text() {
        // The only characters outside ASCII that lower-case to an ASCII letter.
        let to_ascii: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii_alphabetic()))
            .collect();
        let listed: Vec<char> = KeywordFilter::TO_ASCII
            .iter()
            .flat_map(|c| c.chars())
            .collect();
        assert_eq!(to_ascii, listed);
        let lists: &[&[&str]] = &[
            lexicon::BIDRAG,
            lexicon::OPPDRAG,
            lexicon::PROJECTS,
            lexicon::SHORTLISTED,
            lexicon::SUMMARY_BIDRAG,
            lexicon::SUMMARY_OPPDRAG,
            &["pågå", "ski", "fikk"],
        ];
        let filter = KeywordFilter::new(lists);
        let samples = [
            "BIDRAGSFINANSIERTE prosjekter",
            "et bidrag\ttil",
            "Oppdrag",
            "PROSJE\u{212a}TER",
            "Tre skisser GÅR  videre",
            "neste\u{a0}runde",
            "på Oppdrag fra NAV",
            "P\u{212b}G\u{c5}R",
            "\u{130}",
            "\u{212a}\u{130}",
            "S\u{212a}\u{130}",
            "F\u{130}\u{212a}\u{212a}",
            "ingen nøkkelord her",
        ];
        for s in samples {
            let n = norm(s);
            for list in lists {
                if crate::lexicon::has_any(&n, list) {
                    assert!(filter.may_match(s), "{s:?} {list:?}");
                }
            }
        }
        let funding = KeywordFilter::new(&[lexicon::BIDRAG, lexicon::OPPDRAG]);
        assert!(!funding.may_match("Tre nye prosjekter ble ferdigstilt"));
        assert!(funding.may_match("tre OPPDRAGSPROSJEKTER"));
        let sketches = KeywordFilter::new(&[lexicon::SHORTLISTED]);
        assert!(!sketches.may_match("disse ble valgt"));
        assert!(sketches.may_match("ni SKISSER"));
        // A keyword with no piece lets everything through.
        assert!(KeywordFilter::new(&[&["på"], &["å"]]).may_match("x"));
    }

    #[test]
    fn words_keep_their_offsets() {
        assert_eq!(words("  to  ord "), [(2, "to"), (6, "ord")]);
    }

    #[test]
    fn a_year_is_four_digits_in_range() {
        assert_eq!(year_in("Rapport 12345 fra 1989 og 2021"), Some(2021));
        assert_eq!(year_in("ingen år"), None);
    }

    #[test]
    fn shorten_cuts_by_characters() {
        assert_eq!(shorten("æøå", 2), "æø…");
        assert_eq!(shorten("æøå", 3), "æøå");
    }
}
