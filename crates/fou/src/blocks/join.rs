//! Join rules: does the next line continue the open block?

use super::{Block, Hints, Repair, RepairKind, Repairs};
use crate::lexicon::{CANDIDATE_MARKER, JOIN_WORDS, OPEN_ABBREVIATIONS, OPEN_WORDS};
use crate::lines::{Joint, MappedText, RawLine};
use crate::text::{trim, trim_end};

/// A line at least this share (tenths) of the wrap width that does not end a
/// sentence was wrapped by the layout: the paragraph goes on.
pub(super) const WRAPPED_TENTHS: usize = 9;
/// A line at least this share (tenths) of the wrap width was likely
/// wrapped: one that ends in a word of [`OPEN_WORDS`] goes on (a shorter
/// one may be a heading, `Fase to`).
const OPEN_LINE_TENTHS: usize = 7;
/// In a list, a line at least this share (tenths) of the wrap width was
/// wrapped (items are often shorter than paragraphs' lines).
const LIST_WRAPPED_TENTHS: usize = 7;
/// A line starting with `(` and shorter than this continues the line
/// before (`(2019-2021)`, `(red.)`).
const SHORT_PAREN_LINE: usize = 40;
/// The tail of an institution name wrapped onto its own line is short.
const MAX_INSTITUTION_TAIL_WORDS: usize = 4;
/// A word longer than this before `. ` ends a sentence; shorter ones are
/// initials and abbreviations (`Kari M. Nordmann`, `bl.a. `).
const MAX_ABBREVIATION_CHARS: usize = 3;

/// Characters that end a sentence or a labelled line.
pub(super) const CLOSERS: [char; 5] = ['.', '!', '?', ':', ';'];

/// Does line `p` (trimmed) end in a closer ([`CLOSERS`]) that closes it:
/// not the period of an abbreviation that ends no sentence, nor that of
/// an initial at the end of a wrapped line (`St.` + `Olavs hospital`,
/// `Kari M.` + `Nordmann`), as a wrap can leave them; `width` is the
/// wrap width.
pub(super) fn closed(p: &str, width: usize) -> bool {
    p.ends_with(CLOSERS) && !abbreviation_at_end(p, width)
}

/// `p` ends in an abbreviation of [`OPEN_ABBREVIATIONS`] and its period
/// (`St.`, `bl.a.`), or, when it is a wrapped line (at least
/// [`WRAPPED_TENTHS`] of `width`), in an initial after a capitalised word
/// (`Kari M.`; not `vitamin D.`).
pub(super) fn abbreviation_at_end(p: &str, width: usize) -> bool {
    let Some(w) = p.strip_suffix('.') else {
        return false;
    };
    let start = w.rfind([' ', '(']).map_or(0, |k| k + 1);
    let word = w.get(start..).unwrap_or_default();
    if word.chars().count() == 1 {
        let before = crate::text::last_word(w.get(..start).unwrap_or_default().trim_end());
        return word.chars().all(char::is_uppercase)
            && before.chars().next().is_some_and(char::is_uppercase)
            && p.chars().count() * 10 >= width * WRAPPED_TENTHS;
    }
    word.len() <= LONGEST_OPEN_ABBREVIATION
        && OPEN_ABBREVIATIONS.contains(&crate::text::lower(word).as_ref())
}

/// The longest word of [`OPEN_ABBREVIATIONS`], in bytes: a longer word is
/// not lower-cased to be looked for.
const LONGEST_OPEN_ABBREVIATION: usize = 5;

/// Is `word` one that cannot end a sentence ([`JOIN_WORDS`], [`OPEN_WORDS`])?
pub(super) fn open_word(word: &str) -> bool {
    JOIN_WORDS.contains(&word) || OPEN_WORDS.contains(&word)
}

/// In plain text without blank lines between paragraphs, does line `next`
/// continue the block whose last line is `prev`? (Hard-wrapped PDF text.)
pub(super) fn continues(prev: &str, next: &str, width: usize, hints: &dyn Hints) -> bool {
    let (p, n) = (trim(prev), trim(next));
    let Some(first) = n.chars().next() else {
        return false;
    };
    // (but a title's author line, `av Kari Nordmann`, starts a line of its
    // own)
    if first.is_lowercase() {
        return !super::post::author_line_after_title(p, n, hints);
    }
    if first == '(' && n.len() < SHORT_PAREN_LINE {
        return true;
    }
    if p.ends_with([',', '-', '–', '/', '&']) {
        return true;
    }
    if institution_tail(p, n, hints) {
        return true;
    }
    let last_word = crate::text::last_word(p);
    // (a word of [`OPEN_WORDS`] at the end of a short line may end a
    // heading: `Fase to`)
    let long = p.chars().count() * 10 >= width * OPEN_LINE_TENTHS;
    if JOIN_WORDS.contains(&last_word)
        || (long && OPEN_WORDS.contains(&last_word))
        || abbreviation_at_end(p, width)
    {
        return true;
    }
    // A long line that does not end a sentence (or an item's `(2019-2021)`) wraps
    // on, unless it reads as a `Title, Institution` heading, or the next
    // line is a part's heading (`…, Journal of Public Health` +
    // `Oppdragsprosjekter avsluttet i 2020`).
    p.chars().count() * 10 >= width * WRAPPED_TENTHS
        && !p.ends_with(CLOSERS)
        && !p.ends_with(')')
        && !hints.is_titled_with_institution(p)
        && !part_heading(n, width, hints)
}

/// Is line `n` (trimmed) a heading that names a part of the report
/// ([`Hints::names_part`])? Shaped as a heading first: not wrapped (below
/// [`WRAPPED_TENTHS`] of `width`), with no comma or closer, not ending in
/// a word that ends no sentence.
fn part_heading(n: &str, width: usize, hints: &dyn Hints) -> bool {
    n.chars().count() * 10 < width * WRAPPED_TENTHS
        && !n.ends_with(CLOSERS)
        && !n.contains(',')
        && !open_word(crate::text::last_word(n))
        && hints.names_part(n)
}

/// `… arbeid? Oslo` + `Economics og Frischsenteret`: the end of an
/// institution name wrapped onto the next line.
fn institution_tail(p: &str, n: &str, hints: &dyn Hints) -> bool {
    let prev_cap = crate::text::last_word(p)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    // (the test of the line's end first: it turns down most lines at once)
    prev_cap
        && !p.ends_with(CLOSERS)
        && (has_comma_or_question_mark(p) || sentence_break(p))
        && !crate::text::more_words_than(n, MAX_INSTITUTION_TAIL_WORDS)
        && hints.is_institution_list(n)
}

/// `p` holds `, ` or `? ` (found with `memchr`: `str::contains` sets a
/// searcher up for each, which costs more than a line).
fn has_comma_or_question_mark(p: &str) -> bool {
    let b = p.as_bytes();
    memchr::memchr2_iter(b',', b'?', b).any(|i| b.get(i + 1) == Some(&b' '))
}

/// A `. ` that ends a sentence, not an initial (`Kari M. Nordmann`) or an abbreviation.
fn sentence_break(p: &str) -> bool {
    p.match_indices(". ")
        .any(|(i, _)| crate::text::last_word(&p[..i]).chars().count() > MAX_ABBREVIATION_CHARS)
}

/// Does line `next` continue the list item whose last line is `prev`? Items
/// in a bullet run often start in lower case, so only a long unfinished line
/// (or an indented next line) carries on.
pub(super) fn list_continues(prev: &str, next: &str, width: usize, hints: &dyn Hints) -> bool {
    let indented = next.starts_with([' ', '\t']) && !prev.starts_with([' ', '\t']);
    let p = trim(prev);
    let unfinished = !closed(p, width) && !p.ends_with(')');
    let long_prev = p.chars().count() * 10 >= width * LIST_WRAPPED_TENTHS && unfinished;
    // `… NAV` + `Troms (2018-2022)`: the period that ends every item comes on the next line.
    let period_follows =
        unfinished && next.trim_end().ends_with(')') && hints.ends_with_period(next);
    // `Title.` + `Stipendiat Name, Inst`, `… Stipendiat Kari Nordmann` + `Berg, USN`
    let person_goes_on = hints.opens_with_person(next.trim_start())
        || hints.person_tail(p).is_some_and(|name| !name.contains(','));
    indented
        || period_follows
        || person_goes_on
        || (long_prev && continues(prev, next, width, hints))
}

/// Most words of a candidate's name cut off at a line end (`Brekke Ødegård`).
const MAX_NAME_TAIL_WORDS: usize = 3;

/// `… Stipendiat Hanne` + `Brekke Ødegård, UiB`: `next` is the rest of a
/// candidate's name cut at the end of `prev` (a name of capitalised words,
/// then its institution).
pub(super) fn name_goes_on(prev: &str, next: &str, hints: &dyn Hints) -> bool {
    // The cheap tests of `next` first: most pairs of blocks fail them.
    let Some((_, inst)) = capitalised_head(trim(next), MAX_NAME_TAIL_WORDS) else {
        return false;
    };
    let p = trim_end(prev);
    let cut = p.ends_with(CANDIDATE_MARKER.trim_end())
        || hints.person_tail(p).is_some_and(|name| !name.contains(','));
    cut && hints.is_institution_list(inst.trim_end_matches('.'))
}

/// `text` split at its first `, ` (as `split_once(", ")`), when one to
/// `max_words` words come before it, each starting with an upper-case
/// letter (a name); read no further than the first word that fails, so a
/// sentence is turned down at its second word.
fn capitalised_head(text: &str, max_words: usize) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        if !WORD_STOPS[usize::from(b)] {
            if !in_word {
                in_word = true;
                words += 1;
                if words > max_words || !upper_at(text, i) {
                    return None;
                }
            }
            // Most bytes: the rest of the word, stepped over by the table.
            i += 1;
            while bytes.get(i).is_some_and(|&b| !WORD_STOPS[usize::from(b)]) {
                i += 1;
            }
            continue;
        }
        if b == b',' && bytes.get(i + 1) == Some(&b' ') {
            return (words > 0).then(|| text.get(..i).zip(text.get(i + 2..)))?;
        }
        let (white, len) = white_space_at(text, i);
        if white {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > max_words || !upper_at(text, i) {
                return None;
            }
        }
        i += len;
    }
    None
}

/// The bytes [`capitalised_head`] stops at: ASCII white space and the
/// control bytes, `,`, and the lead bytes of non-ASCII white space (`C2`,
/// `E1`–`E3`). Any other byte goes on the word it is in (or starts one):
/// it is no white space, nor the start of a character that may be.
static WORD_STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b <= 0x20 || b == 0x2C || b == 0xC2 || (b >= 0xE1 && b <= 0xE3);
        b += 1;
    }
    t
};

/// Is the character at byte `i` of `text` upper-case? ASCII by the byte.
fn upper_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text
            .get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase),
    }
}

/// Is the character at byte `i` of `text` white space ([`char::is_whitespace`]),
/// and how many bytes to step? Read by the byte: only the lead bytes of
/// non-ASCII white space (`C2`, `E1`–`E3`) are decoded; any other byte
/// steps one (a continuation byte belongs to a character that is no white
/// space, as its lead byte was).
fn white_space_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes().get(i) {
        Some(b'\t'..=b'\r' | b' ') => (true, 1),
        Some(0xC2 | 0xE1..=0xE3) => text
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        _ => (false, 1),
    }
}

/// Add a line's text to a block, joined by a space (or a hard break).
pub(super) fn extend(block: &mut Block, line: &RawLine<'_>, text: &MappedText, hard_break: bool) {
    let joint = if hard_break {
        Joint::Break
    } else {
        Joint::Space
    };
    block.text.append(text, joint);
    block.end = line.end();
    block.n_lines = block.n_lines.saturating_add(1);
}

/// Join two wrapped lines, mending a word split with a hyphen at the line end.
pub(super) fn join_wrapped(
    block: &mut Block,
    line: &RawLine<'_>,
    text: &MappedText,
    repairs: &mut Repairs,
) {
    append_mended(&mut block.text, text, repairs);
    block.end = line.end();
    block.n_lines = block.n_lines.saturating_add(1);
}

/// Append `next` to `text` across a line end: tight when the line ended in
/// a word split with a hyphen (`arbeids-` + `ledighet` → `arbeidsledighet`,
/// `NAV-` + `kontorene` → `NAV-kontorene`), else with a space.
pub(super) fn append_mended(text: &mut MappedText, next: &MappedText, repairs: &mut Repairs) {
    let prev = trim_end(text.as_str());
    let next_word = next.as_str().split_whitespace().next().unwrap_or("");
    if let Some(mend) = hyphen_break(prev, next_word) {
        // Where the hyphen stands: the broken word's first part ends there.
        let hyphen = prev.len() - 1;
        let kind = if mend {
            // `arbeids-` + `ledighet` → `arbeidsledighet`
            text.truncate(hyphen);
            RepairKind::HyphenMended
        } else {
            RepairKind::HyphenKept
        };
        let word_end = text.len() + next_word.len();
        text.append(next, Joint::Tight);
        // (the text before the hyphen is as it was: the word's start is
        // looked for in it only when the repair is recorded)
        repairs.push(|| {
            let word_at = word_start(text.as_str(), hyphen);
            let (from, to) = text.source_range(word_at, word_end);
            Repair::new(kind, from, to, text.as_str().get(word_at..word_end))
        });
        return;
    }
    text.append(next, Joint::Space);
}

/// How text that ends in `prev` joins the word `next_word` across a line
/// end: `Some(true)` when `prev` ends in a word broken with a hyphen, the
/// hyphen dropped (`arbeids-` + `ledighet`); `Some(false)` when the hyphen
/// is kept, tight (`NAV-` + `kontorene`); `None` when the two are joined
/// by a space (`muskel-` + `og`, a word that does not go on in lower case).
pub(crate) fn hyphen_break(prev: &str, next_word: &str) -> Option<bool> {
    let c = prev.strip_suffix('-')?.chars().next_back()?;
    let next_lower = next_word.chars().next().is_some_and(char::is_lowercase);
    (c.is_alphabetic() && next_lower && !JOIN_WORDS.contains(&next_word)).then(|| c.is_lowercase())
}

/// Dashes between a period's years (`2020-2022`, `2020–2022`).
pub(crate) const PERIOD_DASHES: [char; 3] = ['-', '–', '—'];

/// Are `prev` and `next` the parts of a period stacked in a narrow
/// column, joined with nothing between: `2020-` + `2022`, or `2020` + a
/// dash alone?
pub(crate) fn stacked_period(prev: &str, next: &str) -> bool {
    let digit_before = |t: &str| t.chars().next_back().is_some_and(|c| c.is_ascii_digit());
    let open = prev.strip_suffix(PERIOD_DASHES).is_some_and(digit_before);
    let lone_dash = next.len() <= '—'.len_utf8() && next.strip_prefix(PERIOD_DASHES) == Some("");
    (open && next.starts_with(|c: char| c.is_ascii_digit())) || (lone_dash && digit_before(prev))
}

/// The most bytes [`word_start`] looks back over: more than any word has,
/// so that a text of hyphen-wrapped lines with no space (`ord-` on every
/// line, one "word" growing with each) is not searched back to its start at
/// every line, which made joining it take time in the square of its length.
const LONGEST_WORD: usize = 256;

/// Where the word that ends at byte `end` of `text` starts: after the last
/// white space before `end`, looked for no more than [`LONGEST_WORD`] bytes
/// back (the text's start, or the first character boundary within reach,
/// when there is none).
fn word_start(text: &str, end: usize) -> usize {
    let mut from = end.saturating_sub(LONGEST_WORD);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    crate::work::add(end - from);
    text.get(from..end)
        .and_then(|head| head.rfind(char::is_whitespace))
        .map_or(from, |i| from + i + 1)
}

#[cfg(test)]
mod tests {
    //! The join rules as a specification, with the report's hints.
    use super::*;
    use crate::blocks::hints::TestHints;

    #[test]
    fn the_parts_of_a_stacked_period_join_tight() {
        assert!(stacked_period("2020-", "2022"));
        assert!(stacked_period("2020–", "2022"));
        assert!(stacked_period("2020", "-"));
        assert!(stacked_period("2020", "–"));
        assert!(!stacked_period("helse-", "forskning"));
        assert!(!stacked_period("barnefamilier –", "variasjon"));
        assert!(!stacked_period("2020", "- neste"));
        assert!(!stacked_period("Arbeid", "-"));
    }

    /// [`has_comma_or_question_mark`] is `contains(", ") ||
    /// contains("? ")`, on texts of commas, question marks, spaces and
    /// other bytes.
    #[test]
    fn a_comma_or_question_mark_before_a_space_is_found_as_contains_finds_it() {
        let pieces = [",", "?", " ", "a", "ø", ", ", "\u{a0}"];
        let mut checked = 0;
        for p in crate::testing::concatenations(&pieces, 5) {
            let want = p.contains(", ") || p.contains("? ");
            assert_eq!(has_comma_or_question_mark(&p), want, "{p:?}");
            checked += 1;
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// Within [`LONGEST_WORD`] bytes a word starts where the last white
    /// space before it ends (or at the text's start), as a search of the
    /// whole text finds; past it, no further back than that.
    #[test]
    fn a_word_starts_after_the_white_space_before_it() {
        let whole = |t: &str, end: usize| t[..end].rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let pieces = ["ord", " ", "æ", "\u{a0}", "-", "\n", "x"];
        for t in crate::testing::concatenations(&pieces, 5) {
            for end in (0..=t.len()).filter(|&e| t.is_char_boundary(e)) {
                assert_eq!(word_start(&t, end), whole(&t, end), "{t:?} {end}");
            }
        }
        let long = format!("a {}", "ø".repeat(LONGEST_WORD));
        let at = word_start(&long, long.len());
        assert!(at >= long.len() - LONGEST_WORD && at <= long.len() - LONGEST_WORD + 1);
        assert!(long.is_char_boundary(at));
        assert_eq!(whole(&long, long.len()), 2);
    }

    /// The name's head as it was read first, char by char: `text` split at
    /// its first `, ` when at most `max_words` words come before it.
    fn short_head_by_char(text: &str, max_words: usize) -> Option<(&str, &str)> {
        let mut words = 0;
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            if c == ',' && text.as_bytes().get(i + 1) == Some(&b' ') {
                return Some((&text[..i], &text[i + 2..]));
            }
            if c.is_whitespace() {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
                if words > max_words {
                    return None;
                }
            }
        }
        None
    }

    /// What [`name_goes_on`] asked of `next` before [`capitalised_head`]:
    /// [`short_head_by_char`], then one word or more, each capitalised.
    fn capitalised_head_by_char(text: &str, max_words: usize) -> Option<(&str, &str)> {
        short_head_by_char(text, max_words).filter(|(name, _)| {
            name.split_whitespace().count() > 0
                && name
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
    }

    #[test]
    fn the_capitalised_head_by_byte_agrees_char_by_char() {
        let pieces = [
            ",", " ", "a", "A", "æ", "Ø", "\u{a0}", "\u{3000}", "\u{2009}", "\u{b}", "–",
        ];
        for t in crate::testing::concatenations(&pieces, 5) {
            for max in 0..4 {
                assert_eq!(
                    capitalised_head(&t, max),
                    capitalised_head_by_char(&t, max),
                    "{t:?} {max}"
                );
            }
        }
    }

    /// A wrap width as a PDF extractor's lines give it.
    const WIDTH: usize = 60;

    #[test]
    fn a_short_head_is_split_once_within_its_words() {
        for text in [
            "Kari Li, UiB",
            "a b c , d",
            "a b c d, e",
            "a b c,d e, f",
            ", Alfa",
            "Ola, Kari, Per",
            "uten komma",
            "a b c,",
        ] {
            let want = text
                .split_once(", ")
                .filter(|(name, _)| name.split_whitespace().count() <= 3);
            assert_eq!(short_head_by_char(text, 3), want, "{text}");
        }
    }

    fn cont(prev: &str, next: &str) -> bool {
        continues(prev, next, WIDTH, &TestHints)
    }

    fn list_cont(prev: &str, next: &str) -> bool {
        list_continues(prev, next, WIDTH, &TestHints)
    }

    #[test]
    fn a_lower_case_line_continues_the_paragraph() {
        assert!(cont("Vi har startet arbeidet med", "en ny strategi."));
        assert!(!cont("Vi har startet arbeidet.", "Neste år kommer mer."));
    }

    #[test]
    fn a_short_parenthesis_line_continues() {
        assert!(cont("Tiltak for unge, NTNU", "(2020-2022)"));
    }

    #[test]
    fn an_open_ending_continues() {
        for end in [",", "-", "–", "/", "&"] {
            assert!(cont(&format!("Arbeid og helse{end}"), "Oslo"), "{end}");
        }
    }

    #[test]
    fn a_join_word_at_the_end_continues() {
        assert!(cont("Dialog mellom NAV og", "Helsedirektoratet"));
        assert!(!cont("Dialog mellom NAV", "Helsedirektoratet"));
    }

    #[test]
    fn an_article_or_preposition_at_the_end_of_a_wrapped_line_continues() {
        let head = "Dette er en lang linje som layouten brøt like ved ordet";
        for end in ["et", "en", "mot", "fra", "mellom", "å", "of", "the"] {
            let p = format!("{head} {end}");
            assert!(p.chars().count() * 10 >= WIDTH * OPEN_LINE_TENTHS);
            assert!(cont(&p, "NAV-kontoret"), "{end}");
        }
        // A short line may be a heading that ends in one (`Fase to` is
        // none: `to` is two), and `om` ends a heading's question.
        assert!(!cont("Samarbeid mellom", "Prosjektet har"));
        assert!(!cont("Fase to", "Prosjektet har"));
        assert!(!cont("Hva handler rapporten om", "Prosjektet har"));
        // (a word broken with a hyphen goes on in one: `rapport-` + `en`)
        assert_eq!(hyphen_break("rapport-", "en"), Some(true));
        assert_eq!(hyphen_break("muskel-", "og"), None);
    }

    #[test]
    fn an_abbreviation_that_ends_no_sentence_does_not_close_the_line() {
        for p in [
            "Haukeland og St.",
            "Tiltak, bl.a.",
            "Utredning, jf.",
            "Se kap.",
        ] {
            assert!(abbreviation_at_end(p, WIDTH) && !closed(p, WIDTH), "{p}");
            assert!(cont(p, "Olavs hospital"), "{p}");
        }
        // An initial after a name, at the end of a wrapped line.
        let initial = "Dette er en lang linje som layouten brøt ved navnet Kari M.";
        assert!(initial.chars().count() * 10 >= WIDTH * WRAPPED_TENTHS);
        assert!(!closed(initial, WIDTH) && cont(initial, "Nordmann"));
        for p in [
            "Et arbeid.",
            "2020.",
            "Helse:",
            "Hva nå?",
            "Rapport nr. 3.",
            "Bolig, transport osv.",
            "Tiltaket kalles Plan B.",
            "Mangel på vitamin D.",
            "Berg (2020): Tittel. Oslo, 88 s.",
            "Kari M.",
        ] {
            assert!(closed(p, WIDTH), "{p}");
        }
        assert!(list_cont(
            "Samsnakk, Haukeland og St.",
            "Olavs hospital (2018-2020)"
        ));
        assert!(
            OPEN_ABBREVIATIONS
                .iter()
                .all(|a| a.len() <= LONGEST_OPEN_ABBREVIATION)
        );
    }

    #[test]
    fn a_line_that_names_a_part_of_the_report_starts_a_block() {
        let long = "Dette er en lang linje som layouten brøt midt i en lengre setning";
        assert!(!cont(long, "Oppdragsprosjekter avsluttet i 2020"));
        assert!(cont(long, "Oppdragsprosjekter i 2020"));
        // (a line shaped as text is none: long, or with a comma)
        assert!(cont(
            long,
            "Prosjektet ble avsluttet i 2020, og forskerne fant at tett"
        ));
        // (unless the line before cannot end there)
        assert!(cont(
            "Dialog mellom NAV og",
            "Oppdragsprosjekter avsluttet i 2020"
        ));
    }

    #[test]
    fn the_tail_of_an_institution_name_continues() {
        assert!(cont("Hva virker? Oslo", "Economics og Frischsenteret"));
        assert!(!cont("Hva virker. Oslo.", "Economics og Frischsenteret"));
    }

    #[test]
    fn a_long_unfinished_line_wraps_on_unless_it_is_a_title_line() {
        let long = "Dette er en lang linje som layouten brøt midt i en lengre setning";
        assert!(long.chars().count() * 10 >= WIDTH * WRAPPED_TENTHS);
        assert!(cont(long, "Setning"));
        assert!(!cont("Dette er en lang linje som ender her.", "Setning"));
        let titled = "Arbeidsinkludering for unge med nedsatt helse, NTNU";
        assert!(!cont(titled, "Tidlig innsats"));
    }

    #[test]
    fn a_list_item_goes_on_when_indented_or_its_period_follows() {
        assert!(list_cont("Jobb og helse i", "  nord"));
        assert!(list_cont(
            "Jobb og helse i nord, NORCE",
            "Troms (2018-2022)"
        ));
        assert!(!list_cont(
            "Jobb og helse i nord, NORCE (2018-2022)",
            "Tidlig innsats"
        ));
        // Short items in lower case do not run together.
        assert!(!list_cont("kort punkt", "neste punkt"));
    }

    #[test]
    fn a_phd_entry_goes_on_until_its_institution() {
        assert!(list_cont(
            "Arbeid og alder.",
            "Stipendiat Kari Nordmann, UiO"
        ));
        assert!(list_cont(
            "Arbeid og alder. Stipendiat Kari",
            "Nordmann, UiO"
        ));
        assert!(!list_cont(
            "Arbeid og alder. Stipendiat Kari Nordmann, UiO",
            "Neste tittel."
        ));
    }

    fn block(text: &str) -> Block<'_> {
        Block {
            kind: super::super::BlockKind::Paragraph,
            text: MappedText::verbatim(text, 0),
            start: 0,
            end: text.len(),
            n_lines: 1,
            bold: false,
        }
    }

    fn mended(first: &str, second: &str) -> String {
        let mut b = block(first);
        let line = RawLine {
            text: second,
            start: first.len() + 1,
            number: 2,
        };
        join_wrapped(
            &mut b,
            &line,
            &MappedText::verbatim(second, line.start),
            &mut Repairs::default(),
        );
        assert_eq!((b.end, b.n_lines), (line.end(), 2));
        b.text().to_owned()
    }

    #[test]
    fn hyphenated_words_are_mended_across_lines() {
        assert_eq!(mended("arbeids-", "ledighet"), "arbeidsledighet");
        // After a capital (an acronym) the hyphen is part of the word.
        assert_eq!(mended("NAV-", "kontorene"), "NAV-kontorene");
        // Not before a join word or a capital: a dash between words.
        assert_eq!(mended("helse-", "og omsorg"), "helse- og omsorg");
        assert_eq!(mended("helse-", "Omsorg"), "helse- Omsorg");
    }
}
