//! Seeded generator of synthetic FoU reports, the input of the `fou` benchmarks.
//!
//! The reports are made up from invented Norwegian-looking vocabulary (no text
//! from real reports) and follow the two structures `fou` reads:
//!
//! - [`Style::Plain`]: text as extracted from PDF/DOCX — an upper-case title,
//!   a tab-separated table of contents, `Forord`, portfolio lists
//!   (`- Title, Institution (2019-2021)`) under theme headings, completed
//!   projects as `Prosjekttittel:` / `Forskningsinstitusjon:` / `Sammendrag:`
//!   records, and internal analyses grouped by `Utgave N – YEAR` with
//!   `Av A og B` author lines;
//! - [`Style::Markdown`]: a converter's Markdown — `#` headings, a `<b>` table
//!   of contents, numbered sections with ongoing and newly granted lists,
//!   vendors, PhD lines (`Title. Stipendiat Name, Inst`), analyses, and an
//!   appendix of `##### **Title, Institution**` records.
//!
//! Everything is a pure function of its seed (a xorshift64* generator, no
//! dependencies), so a benchmark sees the same bytes on every run and
//! machine. Each generated report knows how many items it holds
//! ([`Generated::counts`]); the unit tests check that `fou` finds exactly
//! those, so the generator cannot drift into text the parser does not read.
//!
//! ```
//! use fou_bench::{Style, Tier, generate};
//! let g = generate(Style::Markdown, Tier::Small.target_bytes(), 7);
//! let report = fou::parse(&g.text)?;
//! assert_eq!(report.projects.len(), g.counts.projects);
//! assert_eq!(report.portfolio.len(), g.counts.portfolio);
//! # Ok::<(), fou::Error>(())
//! ```

use std::fmt::Write as _;

/// A small, fast, seedable pseudo-random generator (xorshift64*).
///
/// Not for cryptography: it only has to make the same report from the same
/// seed everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`; any seed, including 0, is fine (it is mixed
    /// through splitmix64 first).
    pub fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(z | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // The upper bits are the good ones; the modulo bias is irrelevant here.
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// `true` with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or_default()
    }
}

/// The two input styles `fou` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// Plain text as extracted from PDF or DOCX.
    Plain,
    /// Markdown from a document converter.
    Markdown,
}

impl Style {
    /// Both styles.
    pub const ALL: [Style; 2] = [Style::Plain, Style::Markdown];

    /// Short name for benchmark ids (`plain`, `markdown`).
    pub fn name(self) -> &'static str {
        match self {
            Style::Plain => "plain",
            Style::Markdown => "markdown",
        }
    }

    /// The file extension a report of this style would have.
    pub fn extension(self) -> &'static str {
        match self {
            Style::Plain => "txt",
            Style::Markdown => "md",
        }
    }

    /// The `fou` format the parser should detect for this style.
    pub fn format(self) -> fou::Format {
        match self {
            Style::Plain => fou::Format::Plain,
            Style::Markdown => fou::Format::Markdown,
        }
    }
}

/// Size tiers of a generated report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    /// About 10 KB: a short real report.
    Small,
    /// About 100 KB: a long real report.
    Medium,
    /// About 1 MB: ten times anything real, to show how the parser scales.
    Large,
}

impl Tier {
    /// All tiers, smallest first.
    pub const ALL: [Tier; 3] = [Tier::Small, Tier::Medium, Tier::Large];

    /// Short name for benchmark ids (`small`, `medium`, `large`).
    pub fn name(self) -> &'static str {
        match self {
            Tier::Small => "small",
            Tier::Medium => "medium",
            Tier::Large => "large",
        }
    }

    /// The size the generator aims at, in bytes (it overshoots by at most
    /// one record).
    pub fn target_bytes(self) -> usize {
        match self {
            Tier::Small => 10_000,
            Tier::Medium => 100_000,
            Tier::Large => 1_000_000,
        }
    }
}

/// How many items of each kind a generated report holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Completed-project records (`report.projects`).
    pub projects: usize,
    /// Portfolio list items, ongoing and newly granted (`report.portfolio`).
    pub portfolio: usize,
    /// Internal analyses (`report.analyses`).
    pub analyses: usize,
    /// Publication references under project records (`report.publications`).
    pub publications: usize,
    /// PhD candidates (`report.phd`; Markdown style only).
    pub phd: usize,
    /// Framework vendors (`report.vendors`; Markdown style only).
    pub vendors: usize,
}

/// A generated report and what was put into it.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The report text.
    pub text: String,
    /// Its style.
    pub style: Style,
    /// Its year (in the title).
    pub year: i32,
    /// The number of items of each kind.
    pub counts: Counts,
}

/// A report of `style` in size `tier` from `seed`.
///
/// ```
/// let a = fou_bench::report(fou_bench::Style::Plain, fou_bench::Tier::Small, 1);
/// assert_eq!(a, fou_bench::report(fou_bench::Style::Plain, fou_bench::Tier::Small, 1));
/// assert!(a.len() >= 10_000 && a.len() < 14_000);
/// ```
pub fn report(style: Style, tier: Tier, seed: u64) -> String {
    generate(style, tier.target_bytes(), seed).text
}

/// `n` reports of varied style, year and size: `(file name, text)`.
///
/// Sizes are log-uniform between [`COLLECTION_MIN_BYTES`] and
/// [`COLLECTION_MAX_BYTES`] (median about 20 KB), a third of the reports are
/// Markdown, and file names are `gen-NNNN-YEAR.txt` / `.md`.
///
/// ```
/// let c = fou_bench::collection(20, 3);
/// assert_eq!(c.len(), 20);
/// assert!(c.iter().any(|(name, _)| name.ends_with(".md")));
/// ```
pub fn collection(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed ^ 0xC011_EC71_0000_0000);
    (0..n)
        .map(|i| {
            let style = if rng.below(3) == 0 {
                Style::Markdown
            } else {
                Style::Plain
            };
            // Log-uniform size: exp(uniform(ln min, ln max)).
            let (lo, hi) = (
                (COLLECTION_MIN_BYTES as f64).ln(),
                (COLLECTION_MAX_BYTES as f64).ln(),
            );
            let u = rng.below(1_000_001) as f64 / 1_000_000.0;
            let size = (lo + u * (hi - lo)).exp() as usize;
            let g = generate(style, size, rng.next_u64());
            (
                format!("gen-{i:04}-{}.{}", g.year, style.extension()),
                g.text,
            )
        })
        .collect()
}

/// Smallest report [`collection`] makes, in bytes.
pub const COLLECTION_MIN_BYTES: usize = 4_000;
/// Largest report [`collection`] makes, in bytes.
pub const COLLECTION_MAX_BYTES: usize = 100_000;

/// A report of `style` of about `target_bytes` (at least the fixed front
/// matter, about 2 KB) from `seed`.
pub fn generate(style: Style, target_bytes: usize, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let year = 2014 + rng.below(11) as i32;
    let mut w = Writer {
        rng,
        year,
        counts: Counts::default(),
    };
    let text = match style {
        Style::Plain => w.plain(target_bytes),
        Style::Markdown => w.markdown(target_bytes),
    };
    Generated {
        text,
        style,
        year,
        counts: w.counts,
    }
}

// ---------------------------------------------------------------------------
// Vocabulary: invented places, institutions and people; generic words.

const THEMES: &[&str] = &[
    "Arbeid og mestring",
    "Helse og deltakelse",
    "Unge i overgang",
    "Tjenester og tillit",
    "Digital samhandling",
    "Inntekt og levekår",
    "Kvalifisering og kompetanse",
    "Familie og omsorg",
];

const NOUNS: &[&str] = &[
    "arbeidsevne",
    "tilrettelegging",
    "overgang",
    "oppfølging",
    "veiledning",
    "mestring",
    "deltakelse",
    "tillit",
    "samhandling",
    "kompetanse",
    "inntektssikring",
    "sysselsetting",
    "omstilling",
    "frafall",
    "arbeidstrening",
    "språkopplæring",
    "kvalifisering",
    "jobbmatching",
    "ettervern",
    "kartlegging",
];

const ACTIONS: &[&str] = &[
    "oppfølging",
    "innsats",
    "veiledning",
    "kartlegging",
    "tilrettelegging",
    "dialog",
    "arbeidstrening",
    "koordinering",
];

const ADJECTIVES: &[&str] = &[
    "digital",
    "tidlig",
    "tverrfaglig",
    "lokal",
    "tett",
    "fleksibel",
    "gradert",
    "varig",
    "helhetlig",
    "målrettet",
];

const GROUPS: &[&str] = &[
    "unge voksne",
    "eldre arbeidstakere",
    "nyankomne innvandrere",
    "enslige forsørgere",
    "personer med nedsatt arbeidsevne",
    "langtidsledige",
    "deltidsansatte",
    "selvstendig næringsdrivende",
    "unge uføre",
    "familier med barn",
    "sykmeldte i helsesektoren",
    "lærlinger",
];

const PLACES: &[&str] = &[
    "Nordre Eikvåg",
    "Storlia",
    "Vestre Tindvik",
    "Sørmo",
    "Dalsbygda",
    "kystkommunene",
    "innlandet",
    "distriktene",
    "bydelene i Hammarvik",
    "Fjellstrand",
];

const INSTITUTIONS: &[&str] = &[
    "Eikvåg forskningssenter",
    "Høgskulen på Tindvik",
    "Universitetet i Sørmo",
    "Storlia analyse AS",
    "Norrøn samfunnsforskning",
    "Fjellstrand forskning",
    "Velferdslaben Nord",
    "Kystforsk AS",
    "Arbeidslivsinstituttet Vest",
    "Hammarvik helseforskning",
    "Dalsbygda utredning AS",
];

const DEPARTMENTS: &[&str] = &[
    "Institutt for sosialfag",
    "Institutt for helse og samfunn",
    "Senter for velferdsstudier",
    "Det samfunnsfaglige fakultet",
];

const FIRST_NAMES: &[&str] = &[
    "Åse", "Torvald", "Sigrun", "Eirik", "Liv", "Halvor", "Marit", "Arne", "Solveig", "Bjørnar",
    "Hege", "Vetle", "Ragna", "Ivar", "Tuva", "Oddny", "Jostein", "Gunnhild",
];

const SURNAMES: &[&str] = &[
    "Brekkestø",
    "Lindvik",
    "Hovdenak",
    "Sæterlid",
    "Myrhaug",
    "Kvernmo",
    "Engeset",
    "Tollefsrud",
    "Aasgard",
    "Nylund",
    "Rustøen",
    "Skogvang",
    "Vågsether",
];

const JOURNALS: &[&str] = &[
    "Tidsskrift for velferdsforskning",
    "Nordisk arbeidslivsjournal",
    "Søkelys på samfunn",
    "Scandinavian Review of Welfare Studies",
];

const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// Upper-case the first character.
fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

struct Writer {
    rng: Rng,
    year: i32,
    counts: Counts,
}

/// One portfolio item: title, institution and period.
struct Item {
    title: String,
    institution: String,
    period: (i32, i32),
}

impl Writer {
    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        self.rng.pick(items)
    }

    /// Two different elements of `items` (which has at least two).
    fn pick2(&mut self, items: &[&'static str]) -> (&'static str, &'static str) {
        let i = self.rng.below(items.len());
        let j = (i + 1 + self.rng.below(items.len().saturating_sub(1))) % items.len().max(1);
        (items[i], items[j])
    }

    fn person(&mut self) -> String {
        let first = self.pick(FIRST_NAMES);
        let last = self.pick(SURNAMES);
        if self.rng.chance(20) {
            let middle = self.pick(SURNAMES);
            format!("{first} {middle} {last}")
        } else {
            format!("{first} {last}")
        }
    }

    /// A project title: no comma, no full stop (a comma would be taken for the
    /// title/institution boundary).
    fn title(&mut self) -> String {
        let (n1, n2) = self.pick2(NOUNS);
        let (a, act) = (self.pick(ADJECTIVES), self.pick(ACTIONS));
        let (g, p) = (self.pick(GROUPS), self.pick(PLACES));
        match self.rng.below(7) {
            0 => format!("{} og {n2} blant {g}", cap(n1)),
            1 => format!("{} {act} i {p}", cap(a)),
            2 => format!("Fra {n1} til {n2}: {a} {act} for {g}"),
            3 => format!("Hva skjer med {g} etter {n1}?"),
            4 => format!("{} for {g} i {p}", cap(n1)),
            5 => format!("{} {act} og {n1} – erfaringer fra {p}", cap(a)),
            _ => format!("Når {n1} møter {n2}: {g} og {a} {act}"),
        }
    }

    fn institution(&mut self) -> String {
        let a = self.pick(INSTITUTIONS);
        match self.rng.below(10) {
            0 | 1 => {
                let b = self.pick(INSTITUTIONS);
                if a == b {
                    a.to_owned()
                } else {
                    format!("{a} og {b}")
                }
            }
            2 if a.starts_with("Universitetet") || a.starts_with("Høgskulen") => {
                let d = self.pick(DEPARTMENTS);
                format!("{a}, {d}")
            }
            _ => a.to_owned(),
        }
    }

    fn item(&mut self) -> Item {
        let start = self.year - self.rng.range(0, 3) as i32;
        let end = (start + self.rng.range(0, 4) as i32).max(self.year);
        Item {
            title: self.title(),
            institution: self.institution(),
            period: (start, end),
        }
    }

    fn period(&self, (start, end): (i32, i32)) -> String {
        if start == end {
            format!("({start})")
        } else {
            format!("({start}-{end})")
        }
    }

    /// One sentence of a project summary, ending with a full stop.
    fn sentence(&mut self) -> String {
        let (n1, n2) = self.pick2(NOUNS);
        let (a, act) = (self.pick(ADJECTIVES), self.pick(ACTIONS));
        let (g, p) = (self.pick(GROUPS), self.pick(PLACES));
        let k = self.rng.range(12, 400);
        let y = self.year - self.rng.range(2, 6) as i32;
        match self.rng.below(12) {
            0 => format!("Forskerne har fulgt {k} {g} gjennom flere år."),
            1 => format!(
                "Datagrunnlaget er registerdata for perioden {y}-{} og en spørreundersøkelse blant {k} deltakere.",
                self.year - 1
            ),
            2 => format!("Hovedfunnet er at {n1} betyr mer for utfallet enn {n2}."),
            3 => format!("Rapporten anbefaler {a} {act} og bedre informasjon til arbeidsgivere."),
            4 => format!("Resultatene tyder på at {g} i {p} oftere får {a} {act} enn andre."),
            5 => format!(
                "Forskerne finner store forskjeller mellom kontorene i hvordan {n1} følges opp."
            ),
            6 => format!(
                "Studien er gjennomført i samarbeid med flere kommuner i {p}, og bygger på intervjuer med veiledere og brukere."
            ),
            7 => {
                let d = self.rng.range(1, 28);
                let m = self.pick(MONTHS);
                format!(
                    "Resultatene ble lagt fram på et seminar {d}. {m} {}.",
                    self.year
                )
            }
            8 => format!(
                "Mange av deltakerne beskriver {n1} som viktigere enn {n2}, særlig i den første tiden."
            ),
            9 => format!("Om lag {k} veiledere svarte på spørsmål om {n1} og {act}."),
            10 => format!(
                "Ifølge forskerne bør {a} {act} prøves ut i større skala før den innføres i hele landet."
            ),
            _ => format!("Effekten var størst for {g} som fikk {act} tidlig i forløpet."),
        }
    }

    /// A preface paragraph.
    fn preface(&mut self) -> String {
        let (n1, n2) = self.pick2(NOUNS);
        let (g, p) = (self.pick(GROUPS), self.pick(PLACES));
        let y = self.year;
        match self.rng.below(4) {
            0 => format!(
                "Denne rapporten gir en oversikt over forsknings- og utviklingsarbeidet i {y}. Den omfatter pågående og avsluttede prosjekter og interne analyser."
            ),
            1 => format!(
                "Året ga oss ny kunnskap om {n1} og {n2}, særlig for {g}. Flere av resultatene er allerede tatt i bruk i {p}."
            ),
            2 => format!(
                "Vi har i år lagt vekt på at resultatene skal nå ut til veilederne. Mange av dem har bidratt med tid og erfaringer om {n1}."
            ),
            _ => "Takk til alle forskere, veiledere og brukere som har delt tid og erfaringer med oss."
                .to_owned(),
        }
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        let mut p = String::new();
        for i in 0..sentences {
            if i > 0 {
                p.push(' ');
            }
            p.push_str(&self.sentence());
        }
        p
    }

    /// One analysis title (a heading: no final full stop).
    fn analysis_title(&mut self) -> String {
        let (n1, g, p) = (self.pick(NOUNS), self.pick(GROUPS), self.pick(PLACES));
        match self.rng.below(5) {
            0 => format!("Ledighet blant {g}"),
            1 => format!("Hvordan går det med {g} etter {n1}?"),
            2 => format!("{} i {p}", cap(n1)),
            3 => format!("Flere {g} i arbeid"),
            _ => format!("Hva forklarer forskjeller i {n1} mellom kommunene?"),
        }
    }

    fn authors(&mut self) -> String {
        match self.rng.below(4) {
            0 => self.person(),
            1 | 2 => format!("{} og {}", self.person(), self.person()),
            _ => format!("{}, {} og {}", self.person(), self.person(), self.person()),
        }
    }

    fn analysis_abstract(&mut self) -> String {
        let (n1, g) = (self.pick(NOUNS), self.pick(GROUPS));
        let k = self.rng.range(2, 40);
        let y = self.year - self.rng.range(3, 8) as i32;
        match self.rng.below(4) {
            0 => format!(
                "Vi undersøker om {n1} henger sammen med lengre ledighetsperioder for {g}. Analysen bygger på registerdata fra {y} og fram til i dag."
            ),
            1 => format!(
                "Andelen {g} med {n1} har økt med {k} prosent siden {y}. Økningen er størst i de minste kommunene."
            ),
            2 => format!("Vi finner at {n1} betyr lite for de yngste, men mye for {g} over 50 år."),
            _ => format!(
                "Utviklingen har vært jevn siden {y}, og vi venter at den fortsetter det kommende året."
            ),
        }
    }

    /// `- Authors (year): *Title*, Journal`.
    fn reference(&mut self) -> String {
        let a = self.pick(SURNAMES);
        let b = self.pick(SURNAMES);
        let j = self.pick(JOURNALS);
        let n = self.pick(NOUNS);
        let g = self.pick(GROUPS);
        format!("- {a} og {b} ({}): *{} blant {g}*, {j}", self.year, cap(n))
    }

    /// Summary paragraphs of a completed project (and maybe references).
    fn record_body(&mut self, out: &mut String) {
        for _ in 0..self.rng.range(1, 4) {
            let n = self.rng.range(2, 4);
            let p = self.paragraph(n);
            let _ = write!(out, "{p}\n\n");
        }
        if self.rng.chance(15) {
            let n = self.rng.range(1, 3);
            let word = ["", "én artikkel", "to artikler", "tre artikler"][n];
            let _ = write!(out, "Det er publisert {word} fra prosjektet:\n\n");
            for _ in 0..n {
                let r = self.reference();
                let _ = writeln!(out, "{r}");
            }
            out.push('\n');
            self.counts.publications += n;
        }
    }

    /// Portfolio items until `budget` bytes are used (at least `min`).
    fn items(&mut self, budget: usize, min: usize) -> Vec<Item> {
        let mut out = Vec::new();
        let mut used = 0;
        while out.len() < min || used < budget {
            let it = self.item();
            used += it.title.len() + it.institution.len() + 16;
            out.push(it);
        }
        self.counts.portfolio += out.len();
        out
    }

    /// Split `items` into theme groups of 2–6 (`(theme, items)`).
    fn by_theme(&mut self, items: Vec<Item>) -> Vec<(&'static str, Vec<Item>)> {
        let mut groups: Vec<(&'static str, Vec<Item>)> = Vec::new();
        let mut t = self.rng.below(THEMES.len());
        let mut it = items.into_iter().peekable();
        while it.peek().is_some() {
            let n = self.rng.range(2, 6);
            groups.push((THEMES[t % THEMES.len()], it.by_ref().take(n).collect()));
            t += 1;
        }
        groups
    }

    fn sign_off(&mut self) -> (String, &'static str) {
        let role = self.pick(&[
            "Seksjonssjef FoU-enheten",
            "Fagdirektør",
            "Avdelingsdirektør",
        ]);
        (self.person(), role)
    }

    // -- Plain text ---------------------------------------------------------

    fn plain(&mut self, target: usize) -> String {
        let y = self.year;
        let mut out = String::with_capacity(target + target / 8);
        let _ = write!(
            out,
            "\n\nFOU-RAPPORT {y}\n\nInnhold\n\nFORORD\t2\nPROSJEKTPORTEFØLJEN I {y}\t3\n\
             BIDRAGSFINANSIERTE PROSJEKTER AVSLUTTET I {y}\t5\nOPPDRAGSPROSJEKTER AVSLUTTET I {y}\t9\n\
             ANALYSER LEVERT I {y}.....\t12\n\n"
        );
        // Preface.
        out.push_str("Forord\n\n");
        for _ in 0..3 {
            let p = self.preface();
            let _ = write!(out, "{p}\n\n");
        }
        let (name, role) = self.sign_off();
        let _ = write!(
            out,
            "God lesning!\n\nVennlig hilsen\n\n{name}\n\n{role}\n\n"
        );

        let front = out.len();
        let rest = target.saturating_sub(front);
        // Budgets: lists 15 %, project records 65 %, analyses 20 %.
        let bidrag = self.items(rest * 10 / 100, 2);
        let oppdrag = self.items(rest * 5 / 100, 1);

        let _ = write!(
            out,
            "Prosjektporteføljen i {y}\n\nRapporten gir en oversikt over prosjekter som ble avsluttet i {y}, og over prosjekter som fortsatt pågår.\n\n"
        );
        let _ = write!(
            out,
            "Bidragsfinansierte prosjekter\n\nBidragsfinansierte prosjekter kommer fra åpne utlysninger innenfor de tematiske satsingsområdene.\n\n\
             Ved utgangen av {y} har NAV {} pågående bidragsfinansierte prosjekter. Under følger tittel, forskningsmiljø og prosjektperiode for hvert av dem.\n\n",
            bidrag.len()
        );
        for (theme, items) in self.by_theme(bidrag) {
            let _ = write!(out, "{theme}\n\n");
            for it in items {
                let _ = writeln!(
                    out,
                    "- {}, {} {}",
                    it.title,
                    it.institution,
                    self.period(it.period)
                );
            }
            out.push('\n');
        }
        let _ = write!(
            out,
            "Oppdragsprosjekter\n\nNAV setter ut oppdrag når vi trenger svar på konkrete spørsmål.\n\n\
             Ved årsskiftet {y}/{} pågikk {} oppdragsprosjekter:\n\n",
            y + 1,
            oppdrag.len()
        );
        for it in oppdrag {
            let _ = writeln!(
                out,
                "- {}, {} {}",
                it.title,
                it.institution,
                self.period(it.period)
            );
        }
        out.push('\n');

        // Completed projects: bidrag, then oppdrag.
        let budget = rest * 65 / 100;
        for (kind, share) in [
            ("Bidragsfinansierte prosjekter", 70),
            ("Oppdragsprosjekter", 30),
        ] {
            let _ = write!(
                out,
                "{kind} avsluttet i {y}\n\nUnder følger sammendrag fra prosjektene, sortert etter tema.\n\n"
            );
            let stop = out.len() + budget * share / 100;
            let mut first = true;
            while first || out.len() < stop {
                first = false;
                let theme = self.pick(THEMES);
                let _ = write!(out, "{theme}\n\n");
                for _ in 0..self.rng.range(1, 4) {
                    self.plain_record(&mut out);
                }
            }
        }

        // Analyses by edition.
        let _ = write!(out, "Analyser levert i {y}\n\n");
        let stop = out.len() + rest * 20 / 100;
        let mut edition = 0;
        while edition == 0 || out.len() < stop {
            edition += 1;
            let _ = write!(out, "Utgave {edition} – {y}\n\n");
            for _ in 0..self.rng.range(2, 4) {
                let t = self.analysis_title();
                let _ = write!(out, "{t}\n\n");
                if self.rng.chance(25) {
                    let g = self.pick(GROUPS);
                    let _ = write!(out, "Tall for {g} i {}\n\n", self.pick(PLACES));
                }
                let a = self.authors();
                let _ = write!(out, "Av {a}\n\n");
                for _ in 0..self.rng.range(1, 3) {
                    let p = self.analysis_abstract();
                    let _ = write!(out, "{p}\n\n");
                }
                self.counts.analyses += 1;
            }
        }
        out
    }

    fn plain_record(&mut self, out: &mut String) {
        let title = self.title();
        let inst = self.institution();
        let lead = self.sentence();
        let _ = write!(
            out,
            "Prosjekttittel: {title}\n\nForskningsinstitusjon: {inst}\n\nSammendrag: {lead}\n\n"
        );
        self.record_body(out);
        self.counts.projects += 1;
    }

    // -- Markdown -----------------------------------------------------------

    fn markdown(&mut self, target: usize) -> String {
        let y = self.year;
        let mut out = String::with_capacity(target + target / 8);
        let themes: Vec<&'static str> = (0..3).map(|_| self.pick(THEMES)).collect();
        let _ = write!(
            out,
            "\n\n# NAV FoU-årsrapport {y}\n\n*Forsidebilde: Oppdiktet illustrasjon*\n\n## Innholdsfortegnelse\n\n\
             <b>Forord</b> .....\t<b>3</b>\n\
             <b>1. Innledning</b> .....\t<b>4</b>\n\
             <b>2. Status for prosjektporteføljene</b> .....\t<b>5</b>\n\
             2.1 Bidragsfinansierte prosjekter .....\t5\n\
             2.2 FoU-oppdrag.....\t6\n\
             <b>3. Andre FoU-aktiviteter i {y}</b> .....\t<b>8</b>\n\
             3.1 OFFPHD-programmet.....\t8\n\
             <b>4. Interne analyser levert i {y}</b> .....\t<b>9</b>\n\
             <b>Vedlegg</b> .....\t<b>10</b>\n\
             <b>Oversikt avsluttede prosjekter med korte sammendrag (bidrag og oppdrag)</b> .....\t<b>10</b>\n"
        );
        for t in &themes {
            let _ = writeln!(out, "{t}.....\t10");
        }
        out.push_str("\n## Forord\n\nKjære leser,\n\n");
        for _ in 0..3 {
            let p = self.preface();
            let _ = write!(out, "{p}\n\n");
        }
        let (name, role) = self.sign_off();
        let _ = write!(
            out,
            "God lesning!\n\nVennlig hilsen  \n{name}  \n{role}\n\n## 1. Innledning\n\n\
             Rapporten beskriver FoU-aktivitetene i {y} og gir en oversikt over pågående og avsluttede prosjekter. \
             Sammendrag av de avsluttede prosjektene finner du i [vedlegget](#).\n\n"
        );

        let front = out.len();
        let rest = target.saturating_sub(front);
        // Budgets: lists 15 %, PhD 3 %, analyses 15 %, appendix records the rest.
        let ongoing = self.items(rest * 8 / 100, 2);
        let granted = self.items(rest * 2 / 100, 1);
        let oppdrag = self.items(rest * 5 / 100, 1);

        let _ = write!(
            out,
            "## 2. Status for prosjektporteføljene\n\n### 2.1 Bidragsfinansierte prosjekter\n\n\
             Bidragsfinansierte prosjekter springer ut av åpne utlysninger, der forskere foreslår prosjekter innenfor de tematiske satsingsområdene våre.\n\n\
             Ved inngangen til {} hadde vi {} pågående bidragsfinansierte prosjekter i porteføljen.\n\n",
            y + 1,
            ongoing.len()
        );
        for (theme, items) in self.by_theme(ongoing) {
            let _ = write!(out, "#### {theme}\n\n");
            for it in items {
                let _ = writeln!(
                    out,
                    "- {}, {} {}",
                    it.title,
                    it.institution,
                    self.period(it.period)
                );
            }
            out.push('\n');
        }
        let theme = self.pick(THEMES);
        let _ = write!(
            out,
            "#### Utlysning av FoU-midler i {y}\n\n\
             Vi lyste ut midler innenfor temaet *{theme}* våren {y}. Etter en samlet vurdering fikk {} prosjekter tildelt midler:\n\n",
            granted.len()
        );
        for it in granted {
            let _ = writeln!(out, "- {}, {}", it.title, it.institution);
        }
        let _ = write!(
            out,
            "\nProsjektene startet høsten {y}. Du kan lese mer om dem på [nav.no/fou](https://nav.no/fou)\n\n\
             ### 2.2 FoU-oppdrag\n\n\
             NAV bruker oppdragsforskning når vi har konkrete kunnskapsbehov.\n\n\
             Følgende leverandører er med i rammeavtalen:\n\n"
        );
        let vendors = self.rng.range(3, 6);
        let first_vendor = self.rng.below(INSTITUTIONS.len());
        for i in 0..vendors {
            let _ = writeln!(
                out,
                "- {}",
                INSTITUTIONS[(first_vendor + i) % INSTITUTIONS.len()]
            );
        }
        self.counts.vendors += vendors;
        let _ = write!(
            out,
            "\nVed årsskiftet hadde vi {} pågående oppdragsprosjekter:\n\n",
            oppdrag.len()
        );
        for it in oppdrag {
            let _ = writeln!(
                out,
                "- {}, {} {}",
                it.title,
                it.institution,
                self.period(it.period)
            );
        }

        // PhD candidates.
        let _ = write!(
            out,
            "\n## 3. Andre FoU-aktiviteter i {y}\n\n### 3.1 OFFPHD-programmet\n\n\
             Gjennom programmet kan ansatte ta doktorgrad med støtte fra arbeidsgiveren.\n\n"
        );
        let phd_each = (rest * 3 / 100 / 140).clamp(1, 200);
        let done = self.rng.range(1, phd_each);
        let ongoing_phd = self.rng.range(1, phd_each);
        let _ = write!(out, "I {y} fullførte {done} kandidater:\n\n");
        self.phd_lines(&mut out, done);
        let _ = write!(
            out,
            "\nVed årsskiftet jobbet fortsatt {ongoing_phd} NAV-ansatte med doktorgradsprosjekter under OFFPHD-programmet:\n\n"
        );
        self.phd_lines(&mut out, ongoing_phd);

        // Analyses.
        let _ = write!(out, "\n## 4. Interne analyser levert i {y}\n\n");
        let stop = out.len() + rest * 15 / 100;
        let mut edition = 0;
        while edition == 0 || out.len() < stop {
            edition += 1;
            let _ = write!(out, "### Utgave {edition} – {y}\n\n");
            for _ in 0..self.rng.range(2, 4) {
                let t = self.analysis_title();
                let a = self.authors();
                let _ = write!(out, "#### {t}\n\nAv {a}\n\n");
                for _ in 0..self.rng.range(1, 3) {
                    let p = self.analysis_abstract();
                    let _ = write!(out, "{p}\n\n");
                }
                self.counts.analyses += 1;
            }
        }

        // Appendix: completed-project records under theme headings.
        out.push_str(
            "## Vedlegg\n\n### Oversikt avsluttede prosjekter med korte sammendrag (bidrag og oppdrag)\n\n",
        );
        let mut first = true;
        let mut t = 0;
        while first || out.len() < target {
            first = false;
            let theme = themes[t % themes.len()];
            t += 1;
            let _ = write!(out, "#### {theme}\n\n");
            for _ in 0..self.rng.range(1, 4) {
                let title = self.title();
                let inst = self.institution();
                let _ = write!(out, "##### **{title}, {inst}**\n\n");
                let lead = if self.rng.chance(50) {
                    "Rapport fra et bidragsfinansiert forskningsprosjekt."
                } else {
                    "Forskerne har gjennomført prosjektet på oppdrag fra NAV."
                };
                let p = self.paragraph(2);
                let _ = write!(out, "{lead} {p}\n\n");
                self.record_body(&mut out);
                self.counts.projects += 1;
            }
        }
        out
    }

    fn phd_lines(&mut self, out: &mut String, n: usize) {
        for _ in 0..n {
            let title = self.title();
            let name = self.person();
            let inst = self.pick(INSTITUTIONS);
            let _ = writeln!(out, "- {title}. Stipendiat {name}, {inst}");
        }
        self.counts.phd += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(g: &Generated) -> Vec<String> {
        let r = fou::parse(&g.text).unwrap();
        let mut bad = Vec::new();
        let found = Counts {
            projects: r.projects.len(),
            portfolio: r.portfolio.len(),
            analyses: r.analyses.len(),
            publications: r.publications.len(),
            phd: r.phd.len(),
            vendors: r.vendors.len(),
        };
        if found != g.counts {
            bad.push(format!("expected {:?}\n   found {found:?}", g.counts));
        }
        if r.source.format != g.style.format() {
            bad.push(format!("detected {:?}", r.source.format));
        }
        if r.year != Some(g.year) {
            bad.push(format!("year {:?} != {}", r.year, g.year));
        }
        for d in &r.diagnostics {
            if d.severity != fou::Severity::Info {
                bad.push(format!("{:?} {}: {}", d.severity, d.code, d.message));
            }
        }
        bad
    }

    /// The generator is honest: the parser finds exactly the items it wrote,
    /// with no warnings, in both styles, for many seeds and sizes.
    #[test]
    fn parser_finds_what_was_generated() {
        let mut failures = Vec::new();
        for style in Style::ALL {
            for (seed, size) in (0..40u64).zip([3_000, 10_000, 30_000, 100_000].into_iter().cycle())
            {
                let g = generate(style, size, seed);
                let bad = check(&g);
                if !bad.is_empty() {
                    failures.push(format!(
                        "{} seed {seed} size {size}:\n  {}",
                        style.name(),
                        bad.join("\n  ")
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn tiers_are_honest_and_sized() {
        for style in Style::ALL {
            for tier in Tier::ALL {
                let g = generate(style, tier.target_bytes(), 42);
                let len = g.text.len();
                let target = tier.target_bytes();
                assert!(
                    len >= target && len < target + target / 5 + 4_000,
                    "{} {} is {len} bytes",
                    style.name(),
                    tier.name()
                );
                assert!(
                    check(&g).is_empty(),
                    "{} {}: {:?}",
                    style.name(),
                    tier.name(),
                    check(&g)
                );
            }
        }
    }

    #[test]
    fn same_seed_same_text() {
        assert_eq!(
            report(Style::Plain, Tier::Small, 9),
            report(Style::Plain, Tier::Small, 9)
        );
        assert_ne!(
            report(Style::Plain, Tier::Small, 9),
            report(Style::Plain, Tier::Small, 10)
        );
        let a = collection(30, 5);
        assert_eq!(a, collection(30, 5));
        let total: usize = a.iter().map(|(_, t)| t.len()).sum();
        assert!(total > 30 * COLLECTION_MIN_BYTES);
    }
}
