//! Every word list the parser matches against, in one place.
//!
//! The lists describe Norwegian (bokmål, with nynorsk and English variants
//! where reports use them) as the reports write it, not one report's
//! sentences. Unless an entry says otherwise, matching is by substring on
//! lower-cased, single-spaced text, so a stem such as `avslutt` matches
//! `avsluttet`, `avsluttede` and `avslutning`. Lists matched as whole words
//! say so.
//!
//! ```
//! use fou::lexicon;
//! assert!(lexicon::FINISHED.iter().any(|w| "prosjekter avsluttet i 2021".contains(w)));
//! assert!(lexicon::BULLET_GLYPHS.contains(&'•'));
//! ```

/// Stems that say a project has finished (`avsluttet`, `ferdigstilt`,
/// `fullført`, `sluttført`): section titles of completed projects and counts
/// of them.
pub const FINISHED: &[&str] = &["avslutt", "ferdigstil", "fullført", "sluttført"];

/// Stems that say work was delivered: a count of delivered projects is a
/// count of finished ones; analyses are "levert".
pub const DELIVERED: &[&str] = &["levert"];

/// Stems that say projects are running (`pågår`, `pågående`, `pågikk`,
/// `løpende`).
pub const ONGOING: &[&str] = &["pågå", "pågikk", "løpende"];

/// Words that place counted projects in the running portfolio.
pub const PORTFOLIO: &[&str] = &["porteføljen"];

/// Stems that say funds were granted (`tildelt`, `innvilget`, `bevilget`).
pub const GRANTED: &[&str] = &["tildelt", "innvilget", "bevilget"];

/// Phrases that introduce newly started projects in a list's intro.
pub const NEW_PROJECTS: &[&str] = &["nye prosjekter"];

/// Phrases of a news page that say the projects it lists got funds
/// (`Disse prosjektene har fått midler`, `får støtte`).
pub const GOT_FUNDS: &[&str] = &["fått midler", "får midler", "fått støtte", "får støtte"];

/// Stems that say the listed items are project sketches that went on to the
/// next round of a call (`Følgende ni skisser går videre`,
/// `prosjektskisser`, `neste runde`): shortlisted, not yet granted. Read
/// after [`ONGOING`] and [`GRANTED`], so that `8 av skissene fikk tildelt
/// midler` is granted.
pub const SHORTLISTED: &[&str] = &["skisse", "går videre", "gått videre", "neste runde"];

/// The bullet glyphs that mark a sub-bullet even where a page's indentation
/// was lost (`◦` under `•`): the item is part of the description of the
/// item above it.
pub const SUB_BULLET_GLYPHS: &[char] = &['◦'];

/// Labels of a line under a listed project, or on a single-project page,
/// that name its leader (`Prosjektleder: Kari Nordmann (kari@…)`), with
/// their colon, lower-cased.
pub const LEADER_LABELS: &[&str] = &["prosjektleder:", "prosjektansvarlig:", "leder:"];

/// Labels of a single-project page's line that name who commissioned the
/// project (`Oppdragsgiver: NAV`): a commissioned project, funding oppdrag.
pub const COMMISSIONER_LABELS: &[&str] = &["oppdragsgiver:"];

/// Labels of a single-project page's line that name the institution doing
/// the work, besides the record labels of [`crate::grammar::Label`]
/// (`Utført av: …`).
pub const PERFORMER_LABELS: &[&str] = &[
    "utført av:",
    "utføres av:",
    "forskningsinstitusjon:",
    "institusjon:",
];

/// Labels of a single-project page's line that give its period.
pub const PERIOD_LABELS: &[&str] = &["periode:", "prosjektperiode:", "varighet:"];

/// Stems of a table's header cells (lower-cased, single-spaced) that head a
/// column of project leaders. A header cell is read with the first of the
/// `TABLE_*_HEADERS` lists, in the order leader, period, institution,
/// theme, title, one of whose stems it starts with: `Prosjektleder` and
/// `Prosjektperiode` head no title column though they start with
/// `prosjekt`.
pub const TABLE_LEADER_HEADERS: &[&str] = &["prosjektleder", "prosjektansvarlig", "leder"];

/// Stems of a table's header cells that head a column of project periods
/// (`Periode`, `Prosjektperiode`, `Varighet`, `År`); see
/// [`TABLE_LEADER_HEADERS`].
pub const TABLE_PERIOD_HEADERS: &[&str] =
    &["periode", "prosjektperiode", "varighet", "tidsrom", "år"];

/// Stems of a table's header cells that head a column of institutions
/// (`Forskningsmiljø`, `Institusjon(er)`, `Utført av`); see
/// [`TABLE_LEADER_HEADERS`].
pub const TABLE_INSTITUTION_HEADERS: &[&str] = &[
    "institusjon",
    "forskningsinstitusjon",
    "forskningsmiljø",
    "fagmiljø",
    "miljø",
    "utførende",
    "utført av",
    "prosjekteier",
];

/// Stems of a table's header cells that head a column of themes (`Tema`,
/// `Satsingsområde`); see [`TABLE_LEADER_HEADERS`].
pub const TABLE_THEME_HEADERS: &[&str] = &["tema", "satsingsområde", "fagområde"];

/// Stems of a table's header cells that head a column of project titles
/// (`Prosjekt`, `Tittel`, `Prosjektnavn`); see [`TABLE_LEADER_HEADERS`].
pub const TABLE_TITLE_HEADERS: &[&str] = &["prosjekt", "tittel", "navn"];

/// Labels of a single-project page's line that give its status
/// (`Status: Pågående`), read with [`ONGOING`], [`GRANTED`],
/// [`SHORTLISTED`].
pub const STATUS_LABELS: &[&str] = &["status:"];

/// Stems that say a text is about projects: research projects
/// (`prosjekt…`) or commissioned work (`oppdrag…`). A heading with one is a
/// section of projects; a list intro with one introduces projects.
pub const PROJECTS: &[&str] = &["prosjekt", "oppdrag"];

/// Stems that name grant funding (`bidragsfinansierte`,
/// `bidragsprosjekter`, `bidrag til`); a text that names this and
/// [`OPPDRAG`] names no one funding.
pub const BIDRAG: &[&str] = &["bidragsfinans", "bidragsprosjekt", "bidrag "];

/// Stems that name commissioned funding (`oppdragsprosjekter`, `FoU-oppdrag`).
pub const OPPDRAG: &[&str] = &["oppdrag"];

/// Whole first words of a preface heading (`Forord`, `Forord fra direktøren`).
pub const PREFACE_TITLES: &[&str] = &["forord"];

/// Stems a table of contents' heading starts with (`Innhold`,
/// `Innholdsfortegnelse`).
pub const TOC_TITLES: &[&str] = &["innhold"];

/// What a reference writes before its link (`Hentet fra https://…`),
/// lower-cased: no part of its venue.
pub const LINK_LEADS: &[&str] = &[
    "hentet fra",
    "tilgjengelig fra",
    "retrieved from",
    "available from",
];

/// Words that stand before a page number in a running header or footer
/// (`Side 3`, `s. 3`, `Page 3`), lower-cased ASCII (matched in any case).
pub const PAGE_WORDS: &[&str] = &["side", "s.", "page", "sida"];

/// Whole first words of an appendix heading (`Vedlegg`, `Vedlegg 1`): a
/// section with no special meaning, like a numbered one.
pub const APPENDIX_TITLES: &[&str] = &["vedlegg"];

/// Stems that name analyses (`analyse`, `analyser`, `NAV-analyser`).
pub const ANALYSES: &[&str] = &["analyse"];

/// Stems that make a heading about analyses the section of the year's
/// analyses (`Analyser levert i 2020`, `Interne analyser`, `Publiserte
/// analyser`).
pub const ANALYSES_SECTION: &[&str] = &["levert", "intern", "publisert"];

/// Words of a report's title (`FoU-rapport 2020`, `Rapport om FoU …`): a
/// block near the top with one of these and a year is the title.
pub const REPORT_WORDS: &[&str] = &["rapport", "fou"];

/// Stems in a list's intro that say it lists the vendors of framework
/// agreements (`leverandører`, `tilbydere`).
pub const VENDORS: &[&str] = &["leverandør", "tilbydere"];

/// Stems of a heading that announces a list of PhD candidates
/// (`Doktorgradsprosjekter`, `Stipendiater`, `Offentlig sektor-ph.d.`).
pub const PHD_LIST_TITLES: &[&str] = &["doktorgrad", "stipendiat", "ph.d", "phd"];

/// Stems of a heading that announces a list of framework-agreement vendors
/// (`Leverandører på rammeavtalen`).
pub const VENDOR_LIST_TITLES: &[&str] = &["leverandør", "rammeavtal"];

/// Stems of a heading that announces a list of publications.
pub const PUBLICATION_LIST_TITLES: &[&str] = &["publikasjon"];

/// Stems in a completed project's own summary that say it was funded by a
/// grant (`bidragsfinansiert`, `bidragsfinansierte`).
pub const SUMMARY_BIDRAG: &[&str] = &["bidragsfinansier"];

/// Phrases in a completed project's own summary that say NAV commissioned
/// it (`på oppdrag fra NAV`, `oppdraget`, `oppdragsforskning`).
pub const SUMMARY_OPPDRAG: &[&str] = &[
    "på oppdrag fra",
    "på oppdrag for",
    "oppdraget",
    "oppdragsprosjekt",
    "i oppdrag",
    "oppdragsforskning",
];

/// Stems that say a PhD was completed.
pub const PHD_COMPLETED: &[&str] = &["fullført", "disputert", "avla", "avsluttet"];

/// Stems that say a PhD is still in progress.
pub const PHD_ONGOING: &[&str] = &["fortsatt", "pågå", "jobbet", "arbeider", "i gang"];

/// Words that make a count of projects a count of themes or areas
/// ("fire tematiske satsingsområder"), not of projects.
pub const THEMATIC: &[&str] = &["tematisk", "satsingsområd", "temaområd", "innenfor"];

/// Stems that say something was published (a count of publications needs
/// one of these or [`WROTE`]; one in a summary needs one of these).
pub const PUBLISHED: &[&str] = &["publiser", "utgitt"];

/// Words that say something was written.
pub const WROTE: &[&str] = &["skrev"];

/// Whole words right after a count's noun that make the count a statement
/// about those items ("tre prosjekter ferdigstilt").
pub const STATUS_AFTER_NOUN: &[&str] = &[
    "ferdigstilt",
    "avsluttet",
    "fullført",
    "levert",
    "pågikk",
    "pågår",
];

/// Whole words after "N nye" that make the count refer back to a noun
/// named earlier ("fire nye fikk tildelt midler").
pub const ANAPHORIC_VERBS: &[&str] = &["fikk", "ble", "har", "er", "kom", "startet"];

/// Whole words after "N" that make the count refer back to a noun named
/// earlier when an [`ANAPHORIC_VERBS`] word follows ("fire nye fikk").
pub const ANAPHORIC_ADJECTIVES: &[&str] = &["nye"];

/// Whole words right before a number that make it a count of things named
/// earlier ("hvorav tre").
pub const ANAPHORIC_BEFORE: &[&str] = &["hvorav"];

/// The word of a partitive count ("tre av disse"): the noun may stand
/// further on, or the count refers back.
pub const PARTITIVE: &str = "av";

/// Whole words after [`PARTITIVE`] that point back ("av disse", "av de",
/// "av dem").
pub const PARTITIVE_PRONOUNS: &[&str] = &["disse", "de", "dem"];

/// Whole words right before a number that make it no count: a determiner
/// ("de tre"), a label ("kl. 12", "nr. 3", "kapittel 4", "utgave 2") or a
/// part of a whole ("3 av 5" read at its `5`).
pub const BEFORE_NON_COUNTS: &[&str] = &[
    "de", "disse", "dei", "kl.", "nr.", "av", "kapittel", "utgave",
];

/// Number words for one or none ("en", "ett", "null" and nynorsk "ein",
/// "eitt", "ei"): "en" and "ett" are also the indefinite article, so a
/// count of one is not read from words.
pub const ONE_OR_NONE: &[&str] = &["en", "ett", "et", "én", "ein", "eitt", "ei", "null"];

/// The Norwegian number words, lower case, with their values (bokmål and
/// nynorsk, `null` to `femti`): what [`crate::grammar::word_value`] reads.
///
/// ```
/// for &(w, v) in fou::lexicon::NUMBER_WORD_VALUES {
///     assert_eq!(fou::grammar::word_value(w), Some(v), "{w}");
/// }
/// ```
pub const NUMBER_WORD_VALUES: &[(&str, u32)] = &[
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

/// The words of [`NUMBER_WORD_VALUES`]: a reader that tells them by a
/// table of its own builds it from this list.
///
/// ```
/// assert_eq!(fou::lexicon::NUMBER_WORDS[0], "null");
/// assert_eq!(fou::lexicon::NUMBER_WORDS.len(), fou::lexicon::NUMBER_WORD_VALUES.len());
/// ```
pub const NUMBER_WORDS: [&str; NUMBER_WORD_VALUES.len()] = {
    let mut words = [""; NUMBER_WORD_VALUES.len()];
    let mut i = 0;
    while i < words.len() {
        words[i] = NUMBER_WORD_VALUES[i].0;
        i += 1;
    }
    words
};

/// Conjunctions cut from the start of a stated count's text (with their space).
pub const LEADING_CONJUNCTIONS: &[&str] = &["og ", "men ", "samt ", "mens "];

/// Where a stated count's clause ends: a relative clause about the counted
/// things (`fire områder hvor …`) or a second verb phrase (`… og fikk …`).
pub const CLAUSE_ENDS: &[&str] = &[
    " hvor ",
    " som ",
    " der ",
    " og fikk ",
    " og ble ",
    " og har ",
    " og hadde ",
    " og var ",
    " og er ",
    " og kunne ",
    " og skal ",
    " og vil ",
];

/// Abbreviations whose period does not end a sentence (whole words, without
/// the final period).
pub const ABBREVIATIONS: &[&str] = &[
    "ca", "nr", "bl.a", "f.eks", "jf", "kap", "s", "st", "innst", "mill", "mrd", "pr", "vol",
    "utg", "dvs", "evt", "m.fl", "osv", "mv", "avd", "ref", "tlf", "meld", "prop",
];

/// What a counted noun is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounKind {
    /// A research or commissioned project.
    Project,
    /// An internal analysis.
    Analysis,
    /// An article or other publication.
    Publication,
    /// A PhD candidate or project.
    Phd,
    /// Anything else that is counted (sketches, agreements, areas …).
    Other,
}

/// Noun stems a count can refer to, most specific first (the first stem a
/// word starts with wins).
pub const COUNT_NOUNS: &[(&str, NounKind)] = &[
    ("forskningsprosjekt", NounKind::Project),
    ("oppdragsprosjekt", NounKind::Project),
    ("bidragsprosjekt", NounKind::Project),
    ("fou-prosjekt", NounKind::Project),
    ("prosjekt", NounKind::Project),
    ("fou-oppdrag", NounKind::Project),
    ("forskningsoppdrag", NounKind::Project),
    ("oppdrag", NounKind::Project),
    ("doktorgradsprosjekt", NounKind::Phd),
    ("analyse", NounKind::Analysis),
    ("artikl", NounKind::Publication),
    ("artikkel", NounKind::Publication),
    ("kronikk", NounKind::Publication),
    ("publikasjon", NounKind::Publication),
    ("kandidat", NounKind::Phd),
    ("stipendiat", NounKind::Phd),
    ("nav-ansatte", NounKind::Phd),
    ("skisse", NounKind::Other),
    ("søknad", NounKind::Other),
    ("rammeavtal", NounKind::Other),
    ("samarbeidsavtal", NounKind::Other),
    ("avtale", NounKind::Other),
    ("universitet", NounKind::Other),
    ("høyskole", NounKind::Other),
    ("høgskule", NounKind::Other),
    ("satsingsområd", NounKind::Other),
    ("temaområd", NounKind::Other),
    ("område", NounKind::Other),
    ("typer", NounKind::Other),
    ("utlysning", NounKind::Other),
];

/// Whole words after a number that make it a measure, not a count of items.
pub const MEASURES: &[&str] = &[
    "tusen",
    "millioner",
    "million",
    "milliarder",
    "milliard",
    "prosent",
    "%",
    "år",
    "års",
    "måneder",
    "måned",
    "uker",
    "uke",
    "dager",
    "dag",
    "ganger",
    "kroner",
    "kr",
    "timer",
    "prosentpoeng",
    "promille",
];

/// Closing greetings before a signatory's name.
pub const GREETINGS: &[&str] = &[
    "vennlig hilsen",
    "med vennlig hilsen",
    "hilsen",
    "beste hilsen",
    "mvh",
];

/// Words of a signatory's role line ("avdelingsdirektør", "seksjonssjef").
pub const ROLE_WORDS: &[&str] = &[
    "direktør",
    "leder",
    "rådgiver",
    "sjef",
    "seksjon",
    "avdeling",
    "konsulent",
    "forsker",
    "koordinator",
    "redaktør",
    "fagdirektør",
    "head",
    "director",
];

/// Whole words that cannot end a sentence: a hard-wrapped line that ends in
/// one continues on the next line.
pub const JOIN_WORDS: &[&str] = &[
    "og", "eller", "samt", "til", "enn", "i", "av", "for", "med", "på",
];

/// More whole words that cannot end a sentence or a title (articles,
/// prepositions, conjunctions, the infinitive mark, and their English
/// kin): a hard-wrapped line that ends in one continues too. Kept apart
/// from [`JOIN_WORDS`] because a word broken with a hyphen can go on in
/// one of them (`rapport-` + `en`), where a word of [`JOIN_WORDS`] after a
/// hyphen is a word of its own (`muskel-` + `og`).
/// (Not `om`, which ends a heading's question, `Hva handler det om`, nor
/// English words that are Norwegian ones too: `to`, two; `by`, a city.)
pub const OPEN_WORDS: &[&str] = &[
    "en", "et", "ei", "å", "fra", "mot", "ved", "hos", "mellom", "gjennom", "blant", "uten",
    "innen", "som", "at", "men", "mens", "dersom", "the", "a", "an", "and", "or", "of", "in", "on",
    "with", "from",
];

/// Abbreviations that never end a sentence (`St. Olavs`, `bl.a. for`): a
/// hard-wrapped line that ends in one goes on. Not those of
/// [`ABBREVIATIONS`] that end many (`osv.`, `m.fl.`, `s.` after a page
/// count).
pub const OPEN_ABBREVIATIONS: &[&str] = &[
    "st", "bl.a", "f.eks", "jf", "ca", "nr", "kap", "pr", "ref", "tlf", "vol", "avd", "meld",
    "prop", "innst",
];

/// Conjunctions after a hyphen kept with a space (`helse- og omsorg`,
/// `inn- eller utland`): the hyphen stands for a shared word part and stays.
pub const HYPHEN_CONJUNCTIONS: &[&str] = &["og", "eller", "samt", "and", "or"];

/// Acronyms that start a hyphenated compound (`NAV-kontor`): a PDF
/// extractor that rejoined `NAV-` + `kontoret` as `NAVkontoret` lost a hyphen.
pub const KNOWN_ACRONYMS: &[&str] = &["NAV", "SSB", "IKT", "IPS", "EU", "EØS", "OECD"];

/// The word before a PhD candidate's name in a PhD list
/// (`Title. Stipendiat Name, Institution`), with the space after it.
pub const CANDIDATE_MARKER: &str = "Stipendiat ";

/// Words that join two names in a list of institutions (`AFI og Proba`,
/// `NTNU and UiO`, `Proba & AFI`): the names after them are partners.
pub const LIST_CONJUNCTIONS: &[&str] = &["og", "and", "&"];

/// Glyphs that mark a list item (Markdown's `-`, `*`, `+` and the bullets
/// PDF and word-processor text uses).
pub const BULLET_GLYPHS: &[char] = &['-', '*', '+', '•', '–', '·', '▪', '●', '◦'];

/// Bullet glyphs that, between spaces in mid-line, separate list items a
/// converter ran together on one line (`• A, NTNU (2019-2021) • B, UiO
/// (2020-2022)`). Not `-`, `–` or `*`, which prose and titles use between
/// spaces, nor `·`, a running header's separator; a ` - ` between items is
/// read only when every piece reads as an item.
pub const MIDLINE_BULLET_GLYPHS: &[char] = &['•', '▪', '◦', '●'];

/// Glyphs that stand alone on a line where a PDF extractor split a bullet
/// from its text (not `*` or `+`, which are Markdown syntax alone).
pub const LONE_BULLET_GLYPHS: &[char] = &['-', '•', '–', '·', '▪', '●', '◦'];

/// Characters that end a line besides `\n`, `\r\n` and a lone `\r`: NEXT
/// LINE (NEL, U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
/// (U+2029), which PDF and web converters emit. Each ends one line, even
/// next to `\r` or `\n`.
///
/// ```
/// assert!(fou::lexicon::LINE_SEPARATORS.contains(&'\u{2028}'));
/// let lines: Vec<_> = fou::lines::split_lines("a\u{2028}b\u{85}c").map(|l| l.text).collect();
/// assert_eq!(lines, ["a", "b", "c"]);
/// ```
pub const LINE_SEPARATORS: &[char] = &['\u{85}', '\u{2028}', '\u{2029}'];

/// Characters that are not there for matching: layer 1 drops them from the
/// text the parser reads (they stay in the input, and spans index the
/// input). Zero-width characters (ZERO WIDTH SPACE U+200B, ZERO WIDTH
/// NON-JOINER U+200C, ZERO WIDTH JOINER U+200D, WORD JOINER U+2060, ZERO
/// WIDTH NO-BREAK SPACE or byte-order mark U+FEFF), the SOFT HYPHEN U+00AD,
/// and directional marks, embeddings, overrides and isolates (ARABIC LETTER
/// MARK U+061C, LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK U+200E and U+200F,
/// U+202A–U+202E, U+2066–U+2069).
///
/// ```
/// let n = fou::lines::Normalized::new("Pro\u{ad}sjekt\u{200b}tittel\u{200f}:");
/// assert_eq!(n.text(), "Prosjekttittel:");
/// assert!(fou::lexicon::INVISIBLE_CHARS.contains(&'\u{feff}'));
/// ```
pub const INVISIBLE_CHARS: &[char] = &[
    '\u{ad}', '\u{61c}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}',
    '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{feff}',
];

/// Unicode spaces that layer 1 reads as a plain space (U+0020): NO-BREAK
/// SPACE U+00A0, OGHAM SPACE MARK U+1680, EN QUAD … HAIR SPACE
/// U+2000–U+200A, NARROW NO-BREAK SPACE U+202F, MEDIUM MATHEMATICAL SPACE
/// U+205F and IDEOGRAPHIC SPACE U+3000: every space separator (`Zs`) of
/// Unicode.
///
/// ```
/// let n = fou::lines::Normalized::new("-\u{a0}Tiltak\u{202f}for\u{3000}unge");
/// assert_eq!(n.text(), "- Tiltak for unge");
/// assert_eq!(fou::lexicon::SPACE_CHARS.len(), 16);
/// ```
pub const SPACE_CHARS: &[char] = &[
    '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}',
    '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{202f}', '\u{205f}', '\u{3000}',
];

/// Does `text` contain any of `words` (substring match)?
///
/// ```
/// assert!(fou::lexicon::has_any("ble ferdigstilt", fou::lexicon::FINISHED));
/// assert!(!fou::lexicon::has_any("pågår", fou::lexicon::FINISHED));
/// ```
pub fn has_any(text: &str, words: &[&str]) -> bool {
    Searchable::new(text).has_any(words)
}

/// A text made ready for many [`has_any`] tests of it: the set of its bytes
/// is filled once, not once a test.
pub(crate) struct Searchable<'t> {
    text: &'t str,
    /// Every byte of a word the text contains is a byte of the text: a word
    /// with a byte the text lacks (most, in a short text) is told without a
    /// search, which costs more to set up than this set to fill.
    present: [bool; 256],
}

impl<'t> Searchable<'t> {
    /// `text` with the set of its bytes.
    pub(crate) fn new(text: &'t str) -> Self {
        let mut present = [false; 256];
        for &b in text.as_bytes() {
            present[usize::from(b)] = true;
        }
        Searchable { text, present }
    }

    /// [`has_any`] of the text.
    pub(crate) fn has_any(&self, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| w.bytes().all(|b| self.present[usize::from(b)]) && self.text.contains(w))
    }
}

/// Words that say nothing about which project a title names, left out when
/// [`link`](crate::link) compares titles (matched as whole lower-cased
/// words): function words of bokmål, nynorsk and English, question words,
/// `nav` (in half of all titles), and the generic nouns of a study's kind
/// (`evaluering`, `analyse`, `kartlegging` …), which two different projects
/// share as often as one renamed project keeps them.
pub const LINK_STOPWORDS: &[&str] = &[
    "og",
    "i",
    "av",
    "for",
    "på",
    "til",
    "med",
    "om",
    "fra",
    "som",
    "en",
    "et",
    "ei",
    "ett",
    "den",
    "det",
    "de",
    "der",
    "å",
    "ved",
    "mot",
    "mellom",
    "under",
    "etter",
    "over",
    "hos",
    "eller",
    "samt",
    "sin",
    "sine",
    "seg",
    "vi",
    "er",
    "kan",
    "bør",
    "har",
    "blir",
    "ut",
    "inn",
    "når",
    "hva",
    "hvem",
    "hvorfor",
    "hvordan",
    "hvilke",
    "hvilken",
    "kva",
    "korleis",
    "kven",
    "the",
    "of",
    "and",
    "in",
    "on",
    "to",
    "a",
    "an",
    "with",
    "by",
    "at",
    "from",
    "how",
    "what",
    "why",
    "who",
    "nav",
    "navs",
    "evaluering",
    "evalueringen",
    "evaluation",
    "analyse",
    "analysis",
    "kartlegging",
    "studie",
    "study",
    "undersøkelse",
    "prosjekt",
    "prosjektet",
    "project",
    "følgeforskning",
    "delrapport",
    "sluttrapport",
    "rapport",
];

/// Words of institution names that many institutions share, so a name the
/// registry does not know is not tied to another by them when
/// [`link`](crate::link) compares institutions as written (matched as whole
/// lower-cased words).
pub const INSTITUTION_GENERIC: &[&str] = &[
    "universitet",
    "universitetet",
    "university",
    "høgskolen",
    "høgskulen",
    "høgskole",
    "college",
    "institutt",
    "instituttet",
    "institute",
    "senter",
    "senteret",
    "centre",
    "center",
    "forskning",
    "research",
    "norsk",
    "norges",
    "norwegian",
    "avdeling",
    "fakultet",
    "fakultetet",
    "sykehus",
    "sykehuset",
    "hospital",
    "kommune",
    "fylkeskommune",
    "samfunnsanalyse",
    "samfunnsforskning",
    "economics",
    "analyse",
    "digital",
];

/// Words that never begin an organisation's name (they begin sentences and
/// titles: `Hvordan …`, `Om …`, `Disse …`), matched as whole lower-cased
/// words against a text's first word.
pub const NOT_ORG_START: &[&str] = &[
    "hvordan", "hva", "hvilke", "hvilken", "hvem", "hvorfor", "når", "kan", "er", "en", "et", "ei",
    "om", "fra", "til", "med", "for", "i", "på", "av", "og", "som", "slik", "kva", "korleis", "vi",
    "du", "jeg", "the", "a", "an", "how", "what", "why", "mange", "flere", "noen", "alle", "dette",
    "denne", "disse",
];

/// Stems that mark an organisation or a unit of one (`Universitetet i …`,
/// `… samfunnsanalyse`, `Institute for …`), matched by substring in each
/// lower-cased word of a name.
pub const ORG_STEMS: &[&str] = &[
    "universitet",
    "høgskule",
    "høgskole",
    "høyskole",
    "høgskulen",
    "institutt",
    "senter",
    "sentral",
    "fakultet",
    "sykehus",
    "hospital",
    "forskning",
    "forsking",
    "forsk",
    "analyse",
    "economics",
    "research",
    "consulting",
    "centre",
    "center",
    "stiftelse",
    "akademi",
    "direktorat",
    "avdeling",
    "seksjon",
    "kommune",
    "fylkeskommune",
    "klinikk",
    "helseforetak",
    "laboratori",
    "lab",
    "institute",
    "university",
    "college",
    "school",
    "department",
    "office",
    "group",
    "gruppen",
    "rådgivning",
    "management",
    "partners",
];

/// Legal-form suffixes that mark a word group as an organisation's name
/// (`AS`, `ASA`, `HF`, `SA`, `BA`, `Ltd`), matched as whole lower-cased words.
pub const ORG_LEGAL_FORMS: &[&str] = &[
    "as", "asa", "hf", "sa", "ba", "ltd", "inc", "ab", "ans", "da", "iks",
];

/// Legal forms the registry drops from the end of a name before it compares
/// names (`Eksempel analyse AS` folds as `eksempel analyse`), lower case,
/// matched as whole words; a name of one word keeps it.
pub const FOLDED_LEGAL_FORMS: &[&str] = &["as", "asa", "hf", "sa"];

/// Capitalised words that start a unit's name after its parent's acronym
/// (`NTNU Institutt for …`), matched as whole lower-cased words.
pub const UNIT_WORDS: &[&str] = &[
    "institutt",
    "senter",
    "senteret",
    "fakultet",
    "avdeling",
    "avd.",
    "seksjon",
    "department",
    "institute",
    "centre",
    "center",
    "school",
];

/// The months' names in order (January first), lower case, matched as whole
/// words in any case (`1. Mars 2020`).
pub const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// Bullet glyphs a PDF draws, which a converter may keep after its own
/// Markdown bullet (`- • Punkt`); not `-`, `*`, `+` or `–`, which may start
/// the item's text.
pub const PDF_BULLET_GLYPHS: &[char] = &['•', '·', '▪', '●', '◦'];

#[cfg(test)]
mod tests {
    use super::*;

    /// [`has_any`] (which skips the words with a byte the text lacks), and
    /// [`Searchable::has_any`] of one text asked of many lists, say what a
    /// search for each word says: words at the start, the middle and
    /// the end, longer than the text, empty, and with multi-byte characters
    /// that share bytes.
    #[test]
    fn has_any_says_what_searching_each_word_says() {
        let pieces = ["a", "ab", "b", " ", "å", "æ", "ø", "\u{e5}\u{301}", "–"];
        let texts = crate::testing::concatenations(&pieces, 4);
        let words = crate::testing::concatenations(&pieces, 2);
        let mut found = [0, 0];
        for t in &texts {
            // One text made ready once for the tests of every list.
            let searchable = Searchable::new(t);
            for pair in words.chunks(2) {
                let list: Vec<&str> = pair.iter().map(String::as_str).collect();
                let expected = list.iter().any(|w| t.contains(w));
                assert_eq!(has_any(t, &list), expected, "{t:?} {list:?}");
                assert_eq!(searchable.has_any(&list), expected, "{t:?} {list:?}");
                found[usize::from(expected)] += 1;
            }
        }
        assert!(found[0] > 1000 && found[1] > 1000, "{found:?}");
    }

    /// Matching is on lower-cased text, so an entry with a capital never matches.
    #[test]
    fn lists_are_lower_case_and_without_duplicates() {
        let lists: &[(&str, &[&str])] = &[
            ("FINISHED", FINISHED),
            ("DELIVERED", DELIVERED),
            ("ONGOING", ONGOING),
            ("PORTFOLIO", PORTFOLIO),
            ("GRANTED", GRANTED),
            ("NEW_PROJECTS", NEW_PROJECTS),
            ("PROJECTS", PROJECTS),
            ("BIDRAG", BIDRAG),
            ("OPPDRAG", OPPDRAG),
            ("PREFACE_TITLES", PREFACE_TITLES),
            ("TOC_TITLES", TOC_TITLES),
            ("APPENDIX_TITLES", APPENDIX_TITLES),
            ("ANALYSES", ANALYSES),
            ("ANALYSES_SECTION", ANALYSES_SECTION),
            ("ANAPHORIC_ADJECTIVES", ANAPHORIC_ADJECTIVES),
            ("ANAPHORIC_BEFORE", ANAPHORIC_BEFORE),
            ("PARTITIVE_PRONOUNS", PARTITIVE_PRONOUNS),
            ("BEFORE_NON_COUNTS", BEFORE_NON_COUNTS),
            ("ONE_OR_NONE", ONE_OR_NONE),
            ("REPORT_WORDS", REPORT_WORDS),
            ("VENDORS", VENDORS),
            ("PHD_LIST_TITLES", PHD_LIST_TITLES),
            ("VENDOR_LIST_TITLES", VENDOR_LIST_TITLES),
            ("PUBLICATION_LIST_TITLES", PUBLICATION_LIST_TITLES),
            ("SUMMARY_BIDRAG", SUMMARY_BIDRAG),
            ("SUMMARY_OPPDRAG", SUMMARY_OPPDRAG),
            ("PHD_COMPLETED", PHD_COMPLETED),
            ("PHD_ONGOING", PHD_ONGOING),
            ("THEMATIC", THEMATIC),
            ("PUBLISHED", PUBLISHED),
            ("WROTE", WROTE),
            ("STATUS_AFTER_NOUN", STATUS_AFTER_NOUN),
            ("ANAPHORIC_VERBS", ANAPHORIC_VERBS),
            ("LEADING_CONJUNCTIONS", LEADING_CONJUNCTIONS),
            ("CLAUSE_ENDS", CLAUSE_ENDS),
            ("ABBREVIATIONS", ABBREVIATIONS),
            ("MEASURES", MEASURES),
            ("GREETINGS", GREETINGS),
            ("ROLE_WORDS", ROLE_WORDS),
            ("JOIN_WORDS", JOIN_WORDS),
            ("OPEN_WORDS", OPEN_WORDS),
            ("OPEN_ABBREVIATIONS", OPEN_ABBREVIATIONS),
            ("LIST_CONJUNCTIONS", LIST_CONJUNCTIONS),
        ];
        for (name, list) in lists {
            assert!(!list.is_empty(), "{name} is empty");
            for (i, w) in list.iter().enumerate() {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} has capitals");
                assert!(!list[..i].contains(w), "{name}: {w:?} twice");
            }
        }
    }

    /// The character lists are disjoint, `SPACE_CHARS` are exactly the
    /// space separators among white space, and nothing dropped is white space.
    #[test]
    fn character_lists_are_disjoint_and_classified() {
        for (name, list) in [
            ("LINE_SEPARATORS", LINE_SEPARATORS),
            ("INVISIBLE_CHARS", INVISIBLE_CHARS),
            ("SPACE_CHARS", SPACE_CHARS),
        ] {
            for (i, c) in list.iter().enumerate() {
                assert!(!list[..i].contains(c), "{name}: {c:?} twice");
                assert!(!c.is_ascii(), "{name}: {c:?} is ASCII");
            }
        }
        for c in SPACE_CHARS {
            assert!(c.is_whitespace(), "{c:?}");
            assert!(!LINE_SEPARATORS.contains(c) && !INVISIBLE_CHARS.contains(c));
        }
        for c in INVISIBLE_CHARS {
            assert!(!c.is_whitespace() && !LINE_SEPARATORS.contains(c), "{c:?}");
        }
        // Every white-space character outside ASCII is a space or a line end.
        for c in ('\u{80}'..='\u{ffff}').filter(|c| c.is_whitespace()) {
            assert!(
                SPACE_CHARS.contains(&c) || LINE_SEPARATORS.contains(&c),
                "{c:?} is white space in no list"
            );
        }
    }

    /// A stem earlier in the list must not hide a longer one after it.
    #[test]
    fn count_nouns_put_the_specific_stem_first() {
        for (i, (stem, _)) in COUNT_NOUNS.iter().enumerate() {
            for (later, _) in &COUNT_NOUNS[i + 1..] {
                assert!(
                    !later.starts_with(stem),
                    "{stem:?} comes before {later:?} and would always win"
                );
            }
        }
    }
}
