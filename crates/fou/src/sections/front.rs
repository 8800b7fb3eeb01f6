//! Front matter: title and year, table of contents, preface and signatory.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::doc::{Claims, Doc, Section, Views};
use super::{Part, Role};
use crate::blocks::{Block, BlockKind};
use crate::model::{Preface, Signatory};
use crate::text::{KeywordFilter, norm, year_in};

/// How many blocks from the top the title is looked for in: the cover page
/// and a few lines of furniture, never the body.
const TITLE_WITHIN_BLOCKS: usize = 12;

/// A title is a line, not a sentence that mentions a report and a year.
const TITLE_MAX_CHARS: usize = 120;

/// A signature line (a name or a role) is short; a longer block after the
/// greeting is text again.
const SIGNATURE_LINE_MAX_CHARS: usize = 80;

/// A name has two to five words (given names, initials, family names).
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=5;

/// The table of contents: entry titles, normalised, with their top-level flag.
#[derive(Debug, Default)]
pub(crate) struct Toc {
    top: foldhash::HashSet<String>,
    /// The first bytes of the keys in `top`.
    firsts: KeyStarts,
    /// The top-level entries in order, as written (leaders and page
    /// numbers cut), with their block.
    entries: Vec<(usize, String)>,
}

impl Toc {
    /// The top-level entries in order, as written, with their block.
    pub fn entries(&self) -> &[(usize, String)] {
        &self.entries
    }

    /// The key `title` is listed under ([`Toc::is_top_level`]).
    pub fn key(title: &str) -> String {
        toc_key(title)
    }

    /// Is `title` listed as a top-level entry? (Readers ask
    /// [`Toc::lists_normalised`] of a block's shared normalised text.)
    #[cfg(test)]
    pub fn is_top_level(&self, title: &str) -> bool {
        let t = toc_key(title);
        self.top.contains(&t)
    }

    /// [`Toc::is_top_level`] of a title given as `t`, [`norm`] of it: its
    /// key is `t` without the leaders and page number at its end (cutting
    /// them before or after normalising gives the same: no character
    /// lower-cases to one of them, and they are no cased letters that
    /// decide how a final sigma before them lower-cases).
    pub fn lists_normalised(&self, t: &str) -> bool {
        self.top.contains(Toc::key_normalised(t))
    }

    /// List `key` ([`toc_key`]) at the top level.
    fn list(&mut self, key: String) {
        self.firsts.add(&key);
        self.top.insert(key);
    }

    /// May `title` be listed at the top level ([`Toc::lists_normalised`]
    /// of [`norm`] of it)? A cheap test on the title as it stands
    /// ([`KeyStarts::may_start`]): when it says no, the title need not be
    /// normalised to find out.
    pub fn may_list(&self, title: &str) -> bool {
        self.firsts.may_start(title)
    }

    /// [`Toc::key`] of a title given as `t`, [`norm`] of it (see
    /// [`Toc::lists_normalised`]).
    pub fn key_normalised(t: &str) -> &str {
        t.trim_end_matches(ends_a_key)
    }
}

/// The first two bytes of some keys ([`Toc::key`], or [`Toc::key_normalised`]
/// of [`norm`] of a title), to tell a title whose key is none of them
/// without normalising it.
#[derive(Debug, Default)]
pub(crate) struct KeyStarts {
    /// The first two bytes of each key, when both are ASCII.
    pairs: Vec<[u8; 2]>,
    /// A key is shorter than two bytes or starts beyond ASCII.
    other: bool,
    /// A key was added.
    any: bool,
}

impl KeyStarts {
    /// Take in `key`.
    pub fn add(&mut self, key: &str) {
        match key.as_bytes() {
            &[a, b, ..] if a.is_ascii() && b.is_ascii() => {
                if !self.pairs.contains(&[a, b]) {
                    self.pairs.push([a, b]);
                }
            }
            _ => self.other = true,
        }
        self.any = true;
    }

    /// May the key of `title` be one of the keys taken in? A key of two
    /// bytes or more starts as the title's normalised text does: its first
    /// character that is not white space, lower-cased, then the next one
    /// lower-cased or, where white space stands before more text, a space.
    /// A title whose first two such bytes are ASCII and start no key has
    /// none of them; a title with fewer has a shorter key.
    pub fn may_start(&self, title: &str) -> bool {
        if !self.any {
            return false;
        }
        if self.other {
            return true;
        }
        let b = title.as_bytes();
        let is_space = |x: &u8| matches!(x, 0x09..=0x0d | b' ');
        let Some(first) = b.iter().position(|x| !is_space(x)) else {
            return false;
        };
        let rest = b.get(first + 1..).unwrap_or_default();
        let second = match rest.first() {
            // (white space before more text is one space; before none, the
            // text ends with its first character)
            Some(x) if is_space(x) => match rest.iter().find(|x| !is_space(x)) {
                Some(_) => b' ',
                None => return false,
            },
            Some(&x) => x.to_ascii_lowercase(),
            None => return false,
        };
        match b.get(first) {
            Some(&x) if x.is_ascii() && second.is_ascii() => {
                self.pairs.contains(&[x.to_ascii_lowercase(), second])
            }
            // (beyond ASCII: white space, or a letter that lower-cases to
            // several)
            _ => true,
        }
    }
}

/// The characters cut off the end of a title for its key ([`toc_key`]):
/// leaders, page numbers and white space.
fn ends_a_key(c: char) -> bool {
    c == '.' || c == '…' || c.is_ascii_digit() || c.is_whitespace()
}

fn toc_key(title: &str) -> String {
    norm(title.trim_end_matches(ends_a_key))
}

/// The words a title names ([`crate::lexicon::REPORT_WORDS`]), looked for
/// in a block's text as it stands ([`may_be_title`]).
static TITLE_WORDS: LazyLock<KeywordFilter> =
    LazyLock::new(|| KeywordFilter::new(&[crate::lexicon::REPORT_WORDS]));

/// May block text `text` read as the report's title? False when
/// [`is_title`] of its [`norm`] is, told without normalising it: it has no
/// year (the runs of digits of [`norm`] of a text are the text's own:
/// lower-casing makes no ASCII digit, and white space, joined or not,
/// still parts two runs), or no piece of a report word ([`KeywordFilter`]).
/// The paragraphs near the top of a web page are not normalised for it.
fn may_be_title(text: &str) -> bool {
    year_in(text).is_some() && TITLE_WORDS.may_match(text)
}

/// Does a text read as the report's title, given `t`, [`norm`] of it?
fn is_title(t: &str) -> bool {
    // (the cheapest test first: most blocks are longer than a title)
    t.chars().count() < TITLE_MAX_CHARS
        && year_in(t).is_some()
        && crate::lexicon::has_any(t, crate::lexicon::REPORT_WORDS)
}

/// What the front matter gives the rest of the report.
pub(crate) struct Front {
    /// The block of the title.
    pub title: Option<usize>,
    /// The year the title names.
    pub year: Option<i32>,
    /// The table of contents.
    pub toc: Toc,
}

/// Title, year and table of contents; claims the title block, the TOC
/// entries and the TOC's heading.
///
/// It reads before headings have roles (the roles need the table of
/// contents), so it takes the blocks rather than a [`Doc`].
pub(crate) fn read_front(blocks: &[Block], views: &Views, claims: &mut Claims) -> Front {
    let mut front = Front {
        title: None,
        year: None,
        toc: Toc::default(),
    };
    // The title: the first block near the top that names a report and a year.
    for (i, b) in blocks.iter().enumerate().take(TITLE_WITHIN_BLOCKS) {
        if matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Paragraph)
            && may_be_title(b.text())
            && is_title(&views.norm(i, b.text()))
        {
            front.title = Some(i);
            front.year = year_in(b.text());
            claims.set(i, Part::Front);
            break;
        }
    }
    // Converters mark the top entries of a table of contents with `<b>`.
    let bold = |b: &Block| b.text.had_bold_tag();
    let any_bold = blocks
        .iter()
        .any(|b| b.kind == BlockKind::TocEntry && bold(b));
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::TocEntry {
            // A table of contents run together on a line: one entry a line.
            for entry in b
                .text()
                .split('\n')
                .filter(|e| !crate::text::trim(e).is_empty())
            {
                if !any_bold || bold(b) {
                    let title = entry.trim_end_matches(|c: char| {
                        c == '.' || c == '…' || c.is_ascii_digit() || c.is_whitespace()
                    });
                    front
                        .toc
                        .entries
                        .push((i, crate::text::trim(title).to_owned()));
                    front.toc.list(toc_key(entry));
                }
            }
            claims.set(i, Part::Toc);
        } else if b.is_heading() && views.role(i, b.text()) == Role::Toc {
            claims.set(i, Part::Toc);
        }
    }
    front
}

fn looks_like_role(text: &str) -> bool {
    let t = norm(text);
    t.chars().count() <= SIGNATURE_LINE_MAX_CHARS
        && crate::lexicon::ROLE_WORDS.iter().any(|w| t.contains(w))
}

fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    NAME_WORDS.contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && !text.contains(['?', ':', '!'])
}

/// The most words a greeting ([`crate::lexicon::GREETINGS`]) has.
const GREETING_WORDS: usize = 3;

/// The first `n` words of `line` (as [`str::split_whitespace`] splits),
/// with what stands between them.
fn first_words(line: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in line.char_indices() {
        let space = c.is_whitespace();
        if space && in_word {
            words += 1;
            if words == n {
                return &line[..i];
            }
        }
        in_word = !space;
    }
    line
}

/// The greeting ([`crate::lexicon::GREETINGS`]) a line starts with, as a
/// whole phrase.
fn greeting(first_line: &str) -> Option<&'static str> {
    // Only the first words are normalised (a paragraph may be one long
    // line): one more than a greeting has, so that what follows the
    // greeting is read as in the whole line.
    let lower = norm(first_words(first_line, GREETING_WORDS + 1));
    crate::lexicon::GREETINGS.iter().copied().find(|g| {
        lower.starts_with(*g) && {
            let rest = &lower[g.len()..];
            rest.is_empty() || rest.starts_with([' ', ',', '.'])
        }
    })
}

/// The preface: paragraphs up to the greeting; the signature after it.
pub(crate) fn read_preface<'a>(doc: &Doc<'a>, sec: &Section, claims: &mut Claims) -> Preface<'a> {
    let mut paragraphs = Vec::new();
    let mut signatory = None;
    for i in sec.body.clone() {
        let b = &doc.blocks[i];
        let first_line = b.text().lines().next().unwrap_or("").trim();
        if let Some(g) = greeting(first_line) {
            signatory = read_signature(doc, i, sec.body.end, g, claims);
            break;
        }
        if b.is_heading() && doc.role(i).is_some_and(Role::is_major) {
            break;
        }
        if matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading { level: None }
        ) {
            paragraphs.push(crate::text::trim(b.text()));
            claims.set(i, Part::Preface);
        }
    }
    Preface {
        text: doc.joined(&paragraphs, "\n\n"),
        signatory,
    }
}

/// The signature after the greeting `g` that opens block `i`: in the same
/// block (hard breaks), on the greeting's own line (`Vennlig hilsen Kari
/// Nordmann Seniorrådgiver`), or the next short blocks before `end`.
fn read_signature(
    doc: &Doc<'_>,
    i: usize,
    end: usize,
    g: &str,
    claims: &mut Claims,
) -> Option<Signatory<'static>> {
    let b = &doc.blocks[i];
    let first_line = b.text().lines().next().unwrap_or("").trim();
    let mut lines: Vec<(usize, String)> = Vec::new();
    let same_line = first_line
        .get(g.len()..)
        .map(|r| r.trim_start_matches([',', '.', ' ']).trim())
        .unwrap_or("");
    if !same_line.is_empty() {
        let words: Vec<&str> = same_line.split_whitespace().collect();
        let cut = (1..words.len())
            .find(|&k| looks_like_role(words[k]))
            .unwrap_or(words.len());
        lines.push((i, words[..cut].join(" ")));
        if cut < words.len() {
            lines.push((i, words[cut..].join(" ")));
        }
    }
    lines.extend(
        b.text()
            .lines()
            .skip(1)
            .map(|l| (i, crate::text::trim(l).to_owned()))
            .filter(|(_, l)| !l.is_empty()),
    );
    claims.set(i, Part::Preface);
    signature_blocks(doc, i + 1..end, &mut lines);
    for &(k, _) in &lines {
        claims.set(k, Part::Preface);
    }
    let mut it = lines.into_iter().map(|(_, l)| l);
    it.next().map(|name| Signatory {
        name: Cow::Owned(name),
        role: it.next().map(Cow::Owned),
    })
}

/// Add the name and role lines that follow the greeting's block, until two
/// lines are known or a block reads as neither.
fn signature_blocks(
    doc: &Doc<'_>,
    after: std::ops::Range<usize>,
    lines: &mut Vec<(usize, String)>,
) {
    for j in after {
        if lines.len() >= 2 || doc.blocks[j].text().chars().count() > SIGNATURE_LINE_MAX_CHARS {
            break;
        }
        let t = doc.blocks[j].text().trim();
        if lines.is_empty() && !looks_like_role(t) {
            // `Kari M. Nordmann Seniorrådgiver` on one line: a name, then a role.
            let words: Vec<&str> = t.split_whitespace().collect();
            if let Some(k) = (2..words.len()).find(|&k| looks_like_role(words[k]))
                && looks_like_name(&words[..k].join(" "))
            {
                lines.push((j, words[..k].join(" ")));
                lines.push((j, words[k..].join(" ")));
                break;
            }
        }
        let fits = if lines.is_empty() {
            looks_like_name(t)
        } else {
            looks_like_role(t)
        };
        if !fits {
            break;
        }
        lines.push((j, t.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where [`may_be_title`] says no, [`is_title`] of the normalised text
    /// says no too (and the year read from the text is the one read from
    /// its normalised form): texts of up to four pieces, with years, report
    /// words in both cases, white space of several kinds, digits beyond
    /// ASCII and characters that lower-case to more than one.
    #[test]
    fn a_block_that_may_not_be_a_title_is_none() {
        let pieces = [
            "Fou", "RAPPORT", "rapport ", "2021", "1", "20", "\u{a0}", "  ", "\n", "İ", "\u{212a}",
            "\u{663}", "år",
        ];
        let mut titles = 0;
        for t in crate::testing::concatenations(&pieces, 4) {
            let n = norm(&t);
            assert_eq!(year_in(&t), year_in(&n), "{t:?}");
            if !may_be_title(&t) {
                assert!(!is_title(&n), "{t:?}");
            }
            titles += usize::from(is_title(&n));
        }
        assert!(titles > 0);
    }

    #[test]
    fn a_greeting_is_read_in_the_first_words_as_in_the_whole_line() {
        assert!(
            crate::lexicon::GREETINGS
                .iter()
                .all(|g| g.split(' ').count() <= GREETING_WORDS)
        );
        let whole = |line: &str| {
            let lower = norm(line);
            crate::lexicon::GREETINGS.iter().copied().find(|g| {
                lower.starts_with(*g) && {
                    let rest = &lower[g.len()..];
                    rest.is_empty() || rest.starts_with([' ', ',', '.'])
                }
            })
        };
        let lines = [
            "",
            "Med vennlig hilsen",
            "Med  vennlig\u{a0}HILSEN Kari Nordmann, seniorrådgiver",
            "Vennlig hilsen, Kari",
            "Hilsen.",
            "Hilsener fra oss alle",
            "Med vennlig hilsenx y z",
            "Mvh Ola",
            "Beste hilsen fra NAV sin FoU-seksjon i år",
            "Vi takker alle som har bidratt. Med vennlig hilsen",
        ];
        for line in lines {
            assert_eq!(greeting(line), whole(line), "{line:?}");
        }
        assert_eq!(first_words(" a  b c", 2), " a  b");
        assert_eq!(first_words("a b", 2), "a b");
    }

    /// A title [`Toc::may_list`] turns away is not listed, whatever its
    /// case and white space; the titles that are listed pass it.
    #[test]
    fn a_title_may_list_turns_away_is_not_listed() {
        let entries: [&[&str]; 3] = [
            &["3.1 Nye prosjekter ..... 7", "FORORD 2", "Vedlegg …"],
            &["Forord", "12"],
            &["Økonomi 4", "analyser"],
        ];
        let titles = [
            "",
            " ",
            "Forord",
            "  FORORD\t",
            "\u{a0}Forord",
            "forord 9",
            "Nye prosjekter",
            "3.1 NYE  PROSJEKTER",
            "3.1",
            "12",
            " 7 ",
            "vedlegg…",
            "Vedlegg",
            "ØKONOMI",
            "økonomi",
            "Analyser",
            "ANALYSER 3",
            "Arbeid",
            "Innhold",
            "\u{130}nnhold",
            "Æ",
        ];
        let mut passed = 0;
        for list in entries {
            let mut toc = Toc::default();
            assert!(!toc.may_list("Forord"), "an empty table lists nothing");
            for entry in list {
                toc.list(toc_key(entry));
            }
            for t in titles {
                let listed = toc.lists_normalised(&norm(t));
                assert!(toc.may_list(t) || !listed, "{list:?} {t:?}");
                passed += usize::from(listed);
            }
        }
        assert!(passed >= 10, "{passed}");
        // Every first two characters, spaced every way, against keys of two
        // bytes and more that share their first.
        let pieces = ["F", "o", "R", " ", "\t", "3", ".", "ø", "Ø", "\u{a0}", "1"];
        let mut toc = Toc::default();
        for entry in ["Fo 2", "F r", "3.1 Or", "O r", "oR"] {
            toc.list(toc_key(entry));
        }
        let (mut listed, mut turned) = (0, 0);
        for t in crate::testing::concatenations(&pieces, 4) {
            let is_listed = toc.lists_normalised(&norm(&t));
            assert!(toc.may_list(&t) || !is_listed, "{t:?}");
            listed += usize::from(is_listed);
            turned += usize::from(!toc.may_list(&t));
        }
        assert!(listed > 10 && turned > 1000, "{listed} {turned}");
    }

    #[test]
    fn a_key_cut_after_normalising_is_the_key_cut_before() {
        // No character lower-cases to one that ends a key, unless it ends
        // one itself.
        for c in ('\0'..=char::MAX).filter(|&c| !ends_a_key(c)) {
            assert!(!c.to_lowercase().any(ends_a_key), "{c:?}");
        }
        let mut toc = Toc::default();
        for entry in [
            "3.1 Nye prosjekter ..... 7",
            "FORORD 2",
            "Vedlegg …",
            "ΟΔΟΣ",
        ] {
            toc.list(toc_key(entry));
        }
        let titles = [
            "",
            "3.1 Nye  prosjekter",
            "3.1 NYE PROSJEKTER 7",
            "Forord",
            "forord.",
            "Vedlegg\u{a0}… 12 ",
            "ΟΔΟΣ. 3",
            "ΟΔΟΣ3",
            "Nye prosjekter",
            "3.1 ",
            "3.1",
            " 4 Vedlegg 2",
        ];
        for t in titles {
            assert_eq!(toc.lists_normalised(&norm(t)), toc.is_top_level(t), "{t:?}");
            assert_eq!(Toc::key_normalised(&norm(t)), Toc::key(t), "{t:?}");
            // As the self-checks cut a heading's key: without its number.
            let bare = crate::sections::strip_number(t);
            assert_eq!(
                Toc::key_normalised(crate::sections::norm_bare(t, &norm(t))),
                Toc::key(bare),
                "{t:?}"
            );
        }
    }
}
