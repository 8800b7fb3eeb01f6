//! Norwegian counts: number words (`åtte`, `tretten`) and digits.

use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::digit1;
use nom::combinator::map_opt;
use nom::error::{ContextError, ParseError, context};
use nom::{IResult, Parser};

use super::{GrammarError, check};

/// The Norwegian number word `w` (lower case) stands for
/// ([`lexicon::NUMBER_WORD_VALUES`](crate::lexicon::NUMBER_WORD_VALUES)).
fn number_word(w: &str) -> Option<u32> {
    crate::lexicon::NUMBER_WORD_VALUES
        .iter()
        .find(|&&(word, _)| word == w)
        .map(|&(_, v)| v)
}

/// The value of a single Norwegian number word, any case.
///
/// ```
/// assert_eq!(fou::grammar::word_value("Åtte"), Some(8));
/// assert_eq!(fou::grammar::word_value("hus"), None);
/// ```
pub fn word_value(word: &str) -> Option<u32> {
    // Lower-cased into a buffer on the stack, given up as soon as it is
    // longer than any number word: most words are, and none allocates.
    let mut buf = [0u8; LONGEST_WORD];
    let b = word.as_bytes();
    // A word that starts with an ASCII letter lower-cases to one that starts
    // with that letter in lower case: most words are told from the number
    // words by it.
    if !may_start_number_word(*b.first()?) {
        return None;
    }
    let len = if b.is_ascii() {
        // An ASCII word lower-cases byte for byte.
        if b.len() > LONGEST_WORD {
            return None;
        }
        for (to, from) in buf.iter_mut().zip(b) {
            *to = from.to_ascii_lowercase();
        }
        b.len()
    } else {
        lower_into(word, &mut buf)?
    };
    number_word(std::str::from_utf8(buf.get(..len)?).ok()?)
}

/// Can a word whose first byte is `first` be a number word? Not when it is
/// an ASCII letter none of them starts with (most words of running text);
/// any other byte may be. A `const fn`, for tables built at compile time.
pub(crate) const fn may_start_number_word(first: u8) -> bool {
    if !first.is_ascii() {
        return true;
    }
    let low = first.to_ascii_lowercase();
    let mut i = 0;
    while i < INITIALS.len() {
        if INITIALS[i] == low {
            return true;
        }
        i += 1;
    }
    false
}

/// `word` lower-cased into `buf`, with its length; `None` when it does not
/// fit. Char by char is [`str::to_lowercase`] but for a final sigma, which
/// no number word has.
fn lower_into(word: &str, buf: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    for c in word.chars() {
        if c.is_ascii() {
            *buf.get_mut(len)? = (c as u8).to_ascii_lowercase();
            len += 1;
            continue;
        }
        for l in c.to_lowercase() {
            let end = len + l.len_utf8();
            l.encode_utf8(buf.get_mut(len..end)?);
            len = end;
        }
    }
    Some(len)
}

/// The first letters of the number words of [`number_word`] that start
/// with an ASCII letter (the others start with `é` or `å`).
const INITIALS: &[u8] = b"aefnst";

/// [`LONGEST_WORD`], for readers that tell a word is no number word by its
/// length: [`word_value`] of an ASCII word longer than this is `None`.
pub(crate) const LONGEST_NUMBER_WORD: usize = LONGEST_WORD;

/// The length in bytes of the longest number word of [`number_word`]
/// (`fjorten`): a word longer than this, lower-cased, is none.
const LONGEST_WORD: usize = 7;

/// nom parser: a count written in digits or as one Norwegian word.
///
/// With [`find_all`](super::find_all) it finds the counts in a sentence.
///
/// ```
/// use fou::grammar::{Expected, count_parser};
/// assert_eq!(count_parser::<Expected>("tretten skisser"), Ok((" skisser", 13)));
/// assert_eq!(count_parser::<Expected>("19 pågående"), Ok((" pågående", 19)));
/// assert!(count_parser::<Expected>("mange").is_err());
/// ```
pub fn count_parser<'a, E>(input: &'a str) -> IResult<&'a str, u32, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    context(
        "a number or a number word like `tretten`",
        alt((
            map_opt(digit1, |d: &str| d.parse::<u32>().ok()),
            map_opt(take_while1(char::is_alphabetic), word_value),
        )),
    )
    .parse(input)
}

/// A count: digits or a Norwegian number word, nothing else.
///
/// ```
/// assert_eq!(fou::grammar::count("Åtte"), Ok(8));
/// assert_eq!(fou::grammar::count("tretten"), Ok(13));
/// assert_eq!(fou::grammar::count("13"), Ok(13));
/// assert!(fou::grammar::count("mange").is_err());
/// ```
pub fn count(input: &str) -> Result<u32, GrammarError> {
    check(count_parser, crate::text::trim(input))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every number word with its value, written out here apart from
    /// [`crate::lexicon::NUMBER_WORD_VALUES`], which `number_word` reads: a
    /// word lost from or misvalued in that list is caught.
    const WORDS: &[(&str, u32)] = &[
        ("null", 0),
        ("én", 1),
        ("ein", 1),
        ("eitt", 1),
        ("ett", 1),
        ("en", 1),
        ("to", 2),
        ("tre", 3),
        ("fire", 4),
        ("fem", 5),
        ("seks", 6),
        ("sju", 7),
        ("syv", 7),
        ("åtte", 8),
        ("ni", 9),
        ("ti", 10),
        ("elleve", 11),
        ("tolv", 12),
        ("tretten", 13),
        ("fjorten", 14),
        ("femten", 15),
        ("seksten", 16),
        ("sytten", 17),
        ("atten", 18),
        ("nitten", 19),
        ("tjue", 20),
        ("tyve", 20),
        ("tretti", 30),
        ("førti", 40),
        ("femti", 50),
    ];

    #[test]
    fn number_word_reads_every_number_word_of_the_table() {
        for (w, v) in WORDS {
            assert_eq!(number_word(w), Some(*v), "{w}");
        }
        let longest = WORDS.iter().map(|(w, _)| w.len()).max();
        assert_eq!(longest, Some(LONGEST_WORD));
    }

    /// The value of a word as it was read before: the whole word
    /// lower-cased into a new string and looked up.
    fn allocating(word: &str) -> Option<u32> {
        let w = word.to_lowercase();
        WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
    }

    #[test]
    fn the_initials_are_those_of_the_ascii_number_words() {
        for (w, _) in WORDS {
            let first = w.as_bytes()[0];
            assert!(!first.is_ascii() || INITIALS.contains(&first), "{w}");
        }
        for &i in INITIALS {
            assert!(WORDS.iter().any(|(w, _)| w.as_bytes()[0] == i), "{i}");
        }
    }

    #[test]
    fn word_value_reads_like_the_lower_cased_lookup() {
        let mut samples = vec![
            "",
            "Σ",
            "ΣΣ",
            "tO",
            "ÅTTE",
            "\u{212b}tte",
            "FØRTI",
            "ÉN",
            "İ",
            "\u{212a}",
            "fjortenx",
            "prosjekter",
            "tre.",
            "x",
        ];
        let cased: Vec<String> = WORDS
            .iter()
            .flat_map(|(w, _)| [w.to_string(), w.to_uppercase(), format!("{w}s")])
            .collect();
        samples.extend(cased.iter().map(String::as_str));
        for w in samples {
            assert_eq!(word_value(w), allocating(w), "{w:?}");
        }
    }
}
