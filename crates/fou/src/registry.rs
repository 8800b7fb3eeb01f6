//! Institutions, named one way: a registry of Norwegian universities,
//! university colleges, research institutes, hospitals and consultancies
//! with their short forms, other names and parents, shipped as a data file
//! (`crates/fou/data/institutions.toml`, documented in its header).
//!
//! [`Registry::resolve`] reads the institutions of a list item as written
//! (`AFI, OsloMet`, `SNF (NHH)`, `NIBR/OsloMet`, `UiO, Økonomisk institutt`)
//! into registry entries: a unit written next to its parent is the unit
//! (`AFI, OsloMet` → AFI), two organisations joined by `/` or `og` stay two,
//! a department whose name alone is ambiguous is only recognised next to its
//! parent. A name the registry does not know stays unknown: it is never
//! guessed.
//!
//! ```
//! let r = fou::Registry::builtin();
//! let found = r.resolve("OsloMet AFI og Proba samfunnsanalyse");
//! let ids: Vec<&str> = found.institutions.iter().map(|i| i.id.as_str()).collect();
//! assert_eq!(ids, ["oslomet-afi", "proba"]);
//! assert!(found.unknown.is_empty());
//! ```

use std::borrow::Cow;
use std::collections::HashMap;

/// The registry's maps: keyed by its own folded names, so hashed with
/// foldhash (fast, and nothing to resist) rather than SipHash.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lexicon::FOLDED_LEGAL_FORMS;
use crate::model::{InstitutionRef, Report};

/// The shipped file as a Rust table, generated from it with every name
/// already folded, so a process does not parse TOML or fold names before
/// its first parse (the table is checked against the file by
/// `the_builtin_table_is_the_shipped_file`; `FOU_BLESS=1 cargo test -p fou
/// --lib registry` writes it again after the file changed).
#[rustfmt::skip]
mod builtin;

/// What kind of organisation an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum InstitutionKind {
    /// A university.
    University,
    /// A university college (høgskole).
    UniversityCollege,
    /// A research institute.
    Institute,
    /// A hospital or health trust.
    Hospital,
    /// A public agency.
    PublicAgency,
    /// A company (consultancy, analysis firm).
    Company,
    /// A department or other unit of a parent institution.
    Department,
}

/// One institution of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Institution {
    /// fou's stable id (`uio`, `oslomet-afi`).
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// Short forms and acronyms as written (`UiO`).
    #[serde(default)]
    pub short: Vec<String>,
    /// Other names: English, former, legal (`… AS`).
    #[serde(default)]
    pub names: Vec<String>,
    /// The id of the institution it belongs to.
    #[serde(default)]
    pub parent: Option<String>,
    /// What kind of organisation it is.
    pub kind: InstitutionKind,
    /// Its name alone is ambiguous: recognised only next to its parent.
    #[serde(default)]
    pub unit: bool,
}

/// An institution of an item, resolved: the registry's id and name, and the
/// text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolvedInstitution {
    /// The registry id.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The text as written in the item.
    pub raw: String,
}

/// What [`Registry::resolve`] found in one item's institution text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    /// The institutions the registry knows, in the order written.
    pub institutions: Vec<ResolvedInstitution>,
    /// Names it does not know, as written.
    pub unknown: Vec<String>,
}

/// A registry file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// The TOML is not valid or not in the registry's shape.
    #[error("the institution registry is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    /// An id is used twice.
    #[error("the institution registry has the id `{0}` twice")]
    DuplicateId(String),
    /// A parent id names no entry.
    #[error("the institution `{id}` has the parent `{parent}`, which is not in the registry")]
    UnknownParent {
        /// The entry.
        id: String,
        /// Its parent id.
        parent: String,
    },
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    institution: Vec<Institution>,
}

/// The registry: entries and an index from every written form to them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    entries: Entries,
    /// Folded form → entry, for entries that stand on their own (the
    /// builtin registry's forms are its table's, not copies).
    by_name: Map<Form, usize>,
    /// (parent index, folded form) → entry, for every entry with a parent.
    by_parent: Map<(usize, Form), usize>,
}

/// A folded form of a name ([`fold`]): the builtin table's own, or made.
type Form = Cow<'static, str>;

/// How many pieces' look-ups of an institution text are kept inline: more
/// than an item names (a longer list spills to the heap).
const FOUND_INLINE: usize = 8;

/// The pieces of an institution text, each with the entry it names.
type Found<'p> = Vec<(Cow<'p, str>, Option<usize>)>;

/// A registry's entries: made from a file, or the builtin table's, whose
/// [`Institution`]s (some 300 strings) are made only when they are asked
/// for ([`Registry::entries`], [`Registry::get`], [`Registry::merge`]): a
/// parse reads ids, names and parents from the table itself, so a process
/// that parses one report does not build them.
#[derive(Debug, Clone)]
enum Entries {
    Made(Vec<Institution>),
    Builtin(&'static [StaticEntry], OnceLock<Vec<Institution>>),
}

impl Default for Entries {
    fn default() -> Self {
        Entries::Made(Vec::new())
    }
}

/// Two registries' entries are equal when they list the same institutions,
/// whichever way they were made.
impl PartialEq for Entries {
    fn eq(&self, other: &Self) -> bool {
        self.all() == other.all()
    }
}

impl Eq for Entries {}

impl Entries {
    /// Every entry as an [`Institution`] (the builtin table's made at the
    /// first call).
    fn all(&self) -> &[Institution] {
        match self {
            Entries::Made(v) => v,
            Entries::Builtin(table, made) => {
                made.get_or_init(|| table.iter().map(StaticEntry::to_institution).collect())
            }
        }
    }

    fn len(&self) -> usize {
        match self {
            Entries::Made(v) => v.len(),
            Entries::Builtin(table, _) => table.len(),
        }
    }

    /// Entry `i`'s id, name, parent id and `unit` flag; an index past the
    /// end reads as an entry with empty names (the indexes are the maps'
    /// own, so there is none).
    /// The id of entry `i`: borrowed from the builtin table, else a copy.
    fn id_text(&self, i: usize) -> Cow<'static, str> {
        match self {
            Entries::Made(v) => Cow::Owned(v.get(i).map_or("", |e| &e.id).to_owned()),
            Entries::Builtin(table, _) => Cow::Borrowed(table.get(i).map_or("", |e| e.id)),
        }
    }

    /// The canonical name of entry `i`: borrowed from the builtin table,
    /// else a copy.
    fn name_text(&self, i: usize) -> Cow<'static, str> {
        match self {
            Entries::Made(v) => Cow::Owned(v.get(i).map_or("", |e| &e.name).to_owned()),
            Entries::Builtin(table, _) => Cow::Borrowed(table.get(i).map_or("", |e| e.name)),
        }
    }

    fn id(&self, i: usize) -> &str {
        match self {
            Entries::Made(v) => v.get(i).map_or("", |e| &e.id),
            Entries::Builtin(table, _) => table.get(i).map_or("", |e| e.id),
        }
    }

    fn name(&self, i: usize) -> &str {
        match self {
            Entries::Made(v) => v.get(i).map_or("", |e| &e.name),
            Entries::Builtin(table, _) => table.get(i).map_or("", |e| e.name),
        }
    }

    fn parent(&self, i: usize) -> Option<&str> {
        match self {
            Entries::Made(v) => v.get(i).and_then(|e| e.parent.as_deref()),
            Entries::Builtin(table, _) => table.get(i).and_then(|e| e.parent),
        }
    }

    fn unit(&self, i: usize) -> bool {
        match self {
            Entries::Made(v) => v.get(i).is_some_and(|e| e.unit),
            Entries::Builtin(table, _) => table.get(i).is_some_and(|e| e.unit),
        }
    }
}

/// The registry shipped with the crate (read by the tests, which check
/// [`builtin::ENTRIES`] against it).
#[cfg(test)]
const BUILTIN: &str = include_str!("../data/institutions.toml");

/// Room made at once for the names a report's look-ups fold, in bytes:
/// more than most institution texts have (a longer one grows the buffer
/// that every look-up of a report shares).
const FOLD_ROOM: usize = 64;

/// A name folded for matching: lower case, one space between words, no
/// periods, no trailing legal form (`AS`, `HF`, `ASA`, `SA`).
fn fold(name: &str) -> String {
    let mut out = String::new();
    fold_into(name, &mut out);
    out
}

/// [`fold`] of `name`, written over `out` (a lookup reuses one buffer).
///
/// One lower-cased copy when the name is beyond ASCII (none when it is lower
/// case already): the words are slices of the copy, kept inline.
fn fold_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        return fold_ascii(name, out);
    }
    if crate::text::is_latin_1(name) {
        return fold_latin_1(name, out);
    }
    let lower = crate::text::lower(name);
    // Periods and long dashes are spaces; a dash standing alone between
    // words (`OsloMet - Storbyuniversitetet`) is punctuation.
    let mut words: smallvec::SmallVec<[&str; 8]> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | '–' | '—'))
        .filter(|w| !w.is_empty() && *w != "-")
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| FOLDED_LEGAL_FORMS.contains(w)) {
        words.pop();
    }
    out.reserve(lower.len());
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// [`fold`] of a name of Latin-1 characters (`Sørvest forskning`) onto the
/// empty `out`, in one pass, as [`fold_ascii`] does: each character
/// lower-cases to one ([`crate::text::latin_1_lower`]), so lower-casing a
/// word at a time gives what lower-casing the name does, and no long dash
/// is Latin-1.
fn fold_latin_1(name: &str, out: &mut String) {
    out.reserve(name.len());
    let mut starts: smallvec::SmallVec<[usize; 8]> = smallvec::SmallVec::new();
    let words = name.split(|c: char| c.is_whitespace() || c == '.');
    for w in words.filter(|w| !w.is_empty() && *w != "-") {
        if !out.is_empty() {
            out.push(' ');
        }
        starts.push(out.len());
        out.extend(w.chars().map(crate::text::latin_1_lower));
    }
    cut_legal_forms(out, starts);
}

/// [`fold`] of a name of ASCII characters onto the empty `out`, in one
/// pass: its words (split at ASCII white space and periods, no long dash is
/// ASCII) are written lower-cased, one space apart, and the trailing legal
/// forms cut off after.
fn fold_ascii(name: &str, out: &mut String) {
    out.reserve(name.len());
    // Where each word written starts in `out`.
    let mut starts: smallvec::SmallVec<[usize; 8]> = smallvec::SmallVec::new();
    let words = name.split(|c: char| matches!(c, '\t'..='\r' | ' ' | '.'));
    for w in words.filter(|w| !w.is_empty() && *w != "-") {
        if !out.is_empty() {
            out.push(' ');
        }
        starts.push(out.len());
        out.push_str(w);
    }
    out.make_ascii_lowercase();
    cut_legal_forms(out, starts);
}

/// Cuts the trailing legal forms ([`FOLDED_LEGAL_FORMS`]) off the folded
/// words in `out`, each of which starts at one of `starts`, but the first.
fn cut_legal_forms(out: &mut String, mut starts: smallvec::SmallVec<[usize; 8]>) {
    while starts.len() > 1 {
        let last = starts.last().copied().unwrap_or_default();
        if !out
            .get(last..)
            .is_some_and(|w| FOLDED_LEGAL_FORMS.contains(&w))
        {
            break;
        }
        starts.pop();
        out.truncate(last.saturating_sub(1));
    }
}

impl Institution {
    /// Every form of its name: the canonical name, the short forms, the other names.
    fn forms(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name)
            .chain(&self.short)
            .chain(&self.names)
    }
}

/// An entry of the generated table ([`builtin::ENTRIES`]): an
/// [`Institution`] in `'static` strings, with its forms folded.
#[derive(Debug)]
struct StaticEntry {
    id: &'static str,
    name: &'static str,
    short: &'static [&'static str],
    names: &'static [&'static str],
    parent: Option<&'static str>,
    kind: InstitutionKind,
    unit: bool,
    /// [`fold`] of each of [`Institution::forms`], in that order.
    folded: &'static [&'static str],
}

impl StaticEntry {
    fn to_institution(&self) -> Institution {
        let owned = |v: &[&str]| v.iter().map(|&s| s.to_owned()).collect();
        Institution {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            short: owned(self.short),
            names: owned(self.names),
            parent: self.parent.map(str::to_owned),
            kind: self.kind,
            unit: self.unit,
        }
    }
}

impl Registry {
    /// The registry shipped with the crate (parsed once).
    ///
    /// ```
    /// let r = fou::Registry::builtin();
    /// assert_eq!(r.get("uio").map(|i| i.name.as_str()), Some("Universitetet i Oslo"));
    /// ```
    pub fn builtin() -> &'static Registry {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(|| {
            // The table is checked against the shipped file by the crate's
            // tests; an invalid one would give an empty registry, never a panic.
            Registry::from_table(builtin::ENTRIES).unwrap_or_default()
        })
    }

    /// The registry of a generated table, its forms folded already.
    fn from_table(table: &'static [StaticEntry]) -> Result<Registry, RegistryError> {
        let forms = table
            .iter()
            .map(|e| e.folded.iter().map(|&f| Cow::Borrowed(f)).collect())
            .collect();
        Registry::from_folded(Entries::Builtin(table, OnceLock::new()), forms)
    }

    /// A registry from a TOML file of the shape of the shipped one.
    ///
    /// ```
    /// let r = fou::Registry::from_toml(r#"
    /// [[institution]]
    /// id = "kfi"
    /// name = "Kystforskningsinstituttet"
    /// short = ["KFI"]
    /// kind = "institute"
    /// "#)?;
    /// assert_eq!(r.resolve("KFI").institutions[0].id, "kfi");
    /// assert!(fou::Registry::from_toml("[[institution]]\nid = 1").is_err());
    /// # Ok::<(), fou::RegistryError>(())
    /// ```
    pub fn from_toml(text: &str) -> Result<Registry, RegistryError> {
        let file: File = toml::from_str(text)?;
        Registry::from_entries(file.institution)
    }

    /// This registry with `other`'s entries added; an entry with an id this
    /// registry has replaces it (a user's file can correct the shipped one).
    ///
    /// ```
    /// let mine = fou::Registry::from_toml("[[institution]]\nid = \"kfi\"\nname = \"KFI\"\nkind = \"institute\"\n")?;
    /// let both = fou::Registry::builtin().merge(&mine)?;
    /// assert!(both.get("kfi").is_some() && both.get("uio").is_some());
    /// # Ok::<(), fou::RegistryError>(())
    /// ```
    pub fn merge(&self, other: &Registry) -> Result<Registry, RegistryError> {
        let mut entries: Vec<Institution> = self
            .entries()
            .iter()
            .filter(|e| other.get(&e.id).is_none())
            .cloned()
            .collect();
        entries.extend(other.entries().iter().cloned());
        Registry::from_entries(entries)
    }

    fn from_entries(entries: Vec<Institution>) -> Result<Registry, RegistryError> {
        let forms = entries
            .iter()
            .map(|e| e.forms().map(|f| Cow::Owned(fold(f))).collect())
            .collect();
        Registry::from_folded(Entries::Made(entries), forms)
    }

    /// A registry from entries and the forms of each
    /// ([`Institution::forms`]), already folded.
    fn from_folded(entries: Entries, forms: Vec<Vec<Form>>) -> Result<Registry, RegistryError> {
        // (every map sized for what it takes at once: not grown and hashed
        // again as it fills)
        let mut ids: Map<&str, usize> =
            Map::with_capacity_and_hasher(entries.len(), Default::default());
        for i in 0..entries.len() {
            if ids.insert(entries.id(i), i).is_some() {
                return Err(RegistryError::DuplicateId(entries.id(i).to_owned()));
            }
        }
        let n: usize = forms.iter().map(Vec::len).sum();
        let under_parents: usize = (forms.iter().enumerate())
            .filter(|&(i, _)| entries.parent(i).is_some())
            .map(|(_, f)| f.len())
            .sum();
        let mut by_name = Map::with_capacity_and_hasher(n, Default::default());
        let mut by_parent = Map::with_capacity_and_hasher(under_parents, Default::default());
        for (i, forms) in forms.into_iter().enumerate() {
            let parent = match entries.parent(i) {
                Some(p) => Some(*ids.get(p).ok_or_else(|| RegistryError::UnknownParent {
                    id: entries.id(i).to_owned(),
                    parent: p.to_owned(),
                })?),
                None => None,
            };
            for form in forms {
                if let Some(p) = parent {
                    by_parent.insert((p, form.clone()), i);
                }
                if !entries.unit(i) {
                    by_name.entry(form).or_insert(i);
                }
            }
        }
        Ok(Registry {
            entries,
            by_name,
            by_parent,
        })
    }

    /// The entry with this id.
    ///
    /// ```
    /// assert_eq!(fou::Registry::builtin().get("oslomet-afi").and_then(|i| i.parent.as_deref()), Some("oslomet"));
    /// ```
    pub fn get(&self, id: &str) -> Option<&Institution> {
        self.entries().iter().find(|e| e.id == id)
    }

    /// Every entry, in file order.
    ///
    /// ```
    /// assert!(fou::Registry::builtin().entries().len() > 40);
    /// ```
    pub fn entries(&self) -> &[Institution] {
        self.entries.all()
    }

    /// Look up one organisation's name as written (no list splitting).
    ///
    /// ```
    /// let r = fou::Registry::builtin();
    /// assert_eq!(r.lookup("Sintef").map(|i| i.id.as_str()), Some("sintef"));
    /// assert_eq!(r.lookup("Proba AS").map(|i| i.id.as_str()), Some("proba"));
    /// assert!(r.lookup("Økonomisk institutt").is_none()); // which one?
    /// ```
    pub fn lookup(&self, name: &str) -> Option<&Institution> {
        self.by_name
            .get(fold(name).as_str())
            .and_then(|&i| self.entries().get(i))
    }

    /// Resolve an item's institution text as written into registry entries
    /// (see the module docs for the rules).
    ///
    /// ```
    /// let r = fou::Registry::builtin();
    /// let ids = |raw: &str| -> Vec<String> {
    ///     r.resolve(raw).institutions.into_iter().map(|i| i.id).collect()
    /// };
    /// assert_eq!(ids("AFI, OsloMet"), ["oslomet-afi"]);
    /// assert_eq!(ids("NIBR/OsloMet"), ["oslomet-nibr", "oslomet"]);
    /// assert_eq!(ids("SNF (NHH)"), ["snf"]);
    /// assert_eq!(ids("UiO, Økonomisk institutt"), ["uio-econ"]);
    /// assert_eq!(ids("Oslo Universitetssykehus"), ["ous"]);
    /// let unknown = r.resolve("Kystforskningsinstituttet og UiT");
    /// assert_eq!(unknown.unknown, ["Kystforskningsinstituttet"]);
    /// ```
    pub fn resolve(&self, raw: &str) -> Resolution {
        let mut out = Resolution::default();
        for (piece, hit) in self.read(raw) {
            match hit {
                Some(i) => out.institutions.push(self.resolved(i, &piece)),
                None => out.unknown.push(piece.into_owned()),
            }
        }
        out
    }

    /// An item's institution text as [`InstitutionRef`]s in the order
    /// written: known names with their id and canonical name, unknown ones
    /// with only the text (see [`Registry::resolve`] for the rules).
    ///
    /// ```
    /// let refs = fou::Registry::builtin().refs("Kystforsk og UiO, Økonomisk institutt");
    /// assert_eq!(refs[0].id, None);
    /// assert_eq!(refs[0].raw, "Kystforsk");
    /// assert_eq!(refs[1].id.as_deref(), Some("uio-econ"));
    /// ```
    pub fn refs(&self, raw: &str) -> Vec<InstitutionRef<'static>> {
        let found = self.read(raw).into_iter();
        self.to_refs(found.map(|(piece, hit)| (Cow::Owned(piece.into_owned()), hit)))
    }

    /// Fill `institution_refs` of every project, portfolio item and PhD
    /// candidate of a report from its institution text (the parser does this
    /// with [`Options::registry`](crate::Options::registry) or the builtin
    /// registry; call it again to read a parsed report with another one).
    ///
    /// ```
    /// let mut r = fou::parse("FoU-rapport 2021\n\nBidragsfinansierte prosjekter\n\nVed utgangen av 2021 hadde vi 1 pågående prosjekt.\n\nArbeid\n\n- Jobb i nord, KFI (2020-2022)\n")?;
    /// assert_eq!(r.portfolio[0].institution_refs[0].id, None);
    /// let mine = fou::Registry::from_toml("[[institution]]\nid = \"kfi\"\nname = \"Kystforsk\"\nshort = [\"KFI\"]\nkind = \"institute\"\n")?;
    /// mine.annotate(&mut r);
    /// assert_eq!(r.portfolio[0].institution_refs[0].id.as_deref(), Some("kfi"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn annotate(&self, report: &mut Report<'_>) {
        let refs =
            |raw: &Option<Cow<'_, str>>| raw.as_deref().map(|r| self.refs(r)).unwrap_or_default();
        for p in &mut report.projects {
            p.institution_refs = refs(&p.institution_raw);
        }
        for p in &mut report.portfolio {
            p.institution_refs = refs(&p.institution_raw);
        }
        for p in &mut report.phd {
            p.institution_refs = refs(&p.institution);
        }
    }

    /// [`Registry::annotate`] of a report as the parser made it, whose
    /// projects' and portfolio items' `institutions` are
    /// [`crate::grammar::institutions`] of their `institution_raw` (the
    /// readers split them so): those splits are read, not made again, and
    /// each reference's text is the item's own (borrowed where it is).
    pub(crate) fn annotate_parsed(&self, report: &mut Report<'_>) {
        // (room for most names at once, when there is a name to look up:
        // the buffer is not grown name by name)
        let items = report.projects.len() + report.portfolio.len() + report.phd.len();
        let mut buf = String::with_capacity(if items > 0 { FOLD_ROOM } else { 0 });
        for p in &mut report.projects {
            p.institution_refs = self.refs_split(&p.institution_raw, &p.institutions, &mut buf);
        }
        for p in &mut report.portfolio {
            p.institution_refs = self.refs_split(&p.institution_raw, &p.institutions, &mut buf);
        }
        for p in &mut report.phd {
            // (the pieces borrowed from a borrowed text, as the items' are;
            // one buffer for every look-up)
            p.institution_refs = match &p.institution {
                Some(Cow::Borrowed(raw)) => self.to_refs(self.read_in(raw, &mut buf)),
                Some(Cow::Owned(raw)) => {
                    let found = self.read_in(raw, &mut buf).into_iter();
                    self.to_refs(found.map(|(piece, hit)| (Cow::Owned(piece.into_owned()), hit)))
                }
                None => Vec::new(),
            };
        }
    }

    /// [`Registry::refs`] of `raw`, whose split into organisations is
    /// `pieces`, with the texts of `raw` and `pieces` (`buf`: room to fold
    /// names in).
    fn refs_split<'r>(
        &self,
        raw: &Option<Cow<'r, str>>,
        pieces: &[Cow<'r, str>],
        buf: &mut String,
    ) -> Vec<InstitutionRef<'r>> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        // (a whole name, the common case, straight to its one reference)
        if let Some(i) = self.lookup_index(raw, buf) {
            let whole = match raw {
                Cow::Borrowed(r) => Cow::Borrowed(crate::text::trim(r)),
                Cow::Owned(r) => Cow::Owned(crate::text::trim(r).to_owned()),
            };
            return vec![self.to_ref(whole, Some(i))];
        }
        self.to_refs(self.read_pieces(raw, pieces.iter().cloned(), buf))
    }

    /// The pieces read as [`InstitutionRef`]s.
    fn to_refs<'r>(
        &self,
        found: impl IntoIterator<Item = (Cow<'r, str>, Option<usize>)>,
    ) -> Vec<InstitutionRef<'r>> {
        found
            .into_iter()
            .map(|(piece, hit)| self.to_ref(piece, hit))
            .collect()
    }

    /// A piece read as an [`InstitutionRef`]: with entry `hit`'s id and
    /// name, if it names one.
    fn to_ref<'r>(&self, piece: Cow<'r, str>, hit: Option<usize>) -> InstitutionRef<'r> {
        InstitutionRef {
            id: hit.map(|i| self.entries.id_text(i)),
            name: hit.map(|i| self.entries.name_text(i)),
            raw: piece,
        }
    }

    /// Each piece of an institution text with the entry it names, if any:
    /// the text itself when it is one whole name (`… Arbeidslivs- og
    /// Velferdsforskning AS`), else its split into organisations.
    fn read<'t>(&self, raw: &'t str) -> Found<'t> {
        self.read_in(raw, &mut String::new())
    }

    /// [`Registry::read`], folding names in `buf`.
    fn read_in<'t>(&self, raw: &'t str, buf: &mut String) -> Found<'t> {
        if let Some(i) = self.lookup_index(raw, buf) {
            return vec![(Cow::Borrowed(crate::text::trim(raw)), Some(i))];
        }
        self.read_pieces(raw, crate::grammar::institution_pieces(raw), buf)
    }

    /// The pieces of `raw`, its split into organisations, each with the
    /// entry it names, once `raw` was looked up as a whole name and named
    /// none: one vector, the pieces with their entries (not one of the
    /// pieces, one of their look-ups and one of the two).
    fn read_pieces<'p>(
        &self,
        raw: &str,
        pieces: impl IntoIterator<Item = Cow<'p, str>>,
        buf: &mut String,
    ) -> Found<'p> {
        // Each piece's own entry, then, for a piece with none, a unit known
        // only next to its parent (the entry of the piece before or after).
        // A piece that is the whole text (a list of one) names nothing: it
        // folds as the whole text did ([`fold`] drops white space at the
        // ends), and that was looked up above.
        let trimmed = crate::text::trim(raw);
        let mut found: Found<'p> = pieces
            .into_iter()
            .map(|piece| {
                let own = (piece.as_ref() != trimmed)
                    .then(|| self.lookup_index(&piece, buf))
                    .flatten();
                (piece, own)
            })
            .collect();
        let own: smallvec::SmallVec<[Option<usize>; FOUND_INLINE]> =
            found.iter().map(|&(_, own)| own).collect();
        for (k, (piece, hit)) in found.iter_mut().enumerate() {
            if hit.is_some() {
                continue;
            }
            let near = [k.checked_sub(1), Some(k + 1)];
            let mut parents = near.into_iter().flatten().filter_map(|j| *own.get(j)?);
            *hit = parents.find_map(|p| self.by_parent.get(&(p, Cow::Owned(fold(piece)))).copied());
        }
        self.collapse_units(raw, &mut found);
        found
    }

    fn resolved(&self, i: usize, raw: &str) -> ResolvedInstitution {
        ResolvedInstitution {
            id: self.entries.id(i).to_owned(),
            name: self.entries.name(i).to_owned(),
            raw: raw.to_owned(),
        }
    }

    /// The entry `name` names, folded in `buf`.
    fn lookup_index(&self, name: &str, buf: &mut String) -> Option<usize> {
        fold_into(name, buf);
        self.by_name.get(buf.as_str()).copied()
    }

    /// A unit written next to its parent (`AFI, OsloMet`, `OsloMet AFI`,
    /// `SNF (NHH)`) is the unit: the parent goes, unless the two are joined
    /// by `/` or a conjunction, which name two partners (`NIBR/OsloMet`).
    fn collapse_units(&self, raw: &str, found: &mut Found<'_>) {
        let mut k = 0;
        while k + 1 < found.len() {
            let (a, b) = (found[k].1, found[k + 1].1);
            let parent_of = |child: Option<usize>, parent: Option<usize>| match (child, parent) {
                (Some(c), Some(p)) => self.entries.parent(c) == Some(self.entries.id(p)),
                _ => false,
            };
            // (where neither is the other's parent, as between most
            // pieces, the text between them is not looked at)
            let (a_in_b, b_in_a) = (parent_of(a, b), parent_of(b, a));
            if (a_in_b || b_in_a) && !partners(raw, &found[k].0, &found[k + 1].0) {
                found.remove(if a_in_b { k + 1 } else { k });
            } else {
                k += 1;
            }
        }
    }
}

/// True when `first` and `second` are joined in `raw` by `/` or a
/// conjunction (two partners), not by a comma, a space or a parenthesis.
///
/// The pieces are looked for with [`memchr::memmem::find`], which sets up
/// no searcher for the short texts of an item (as [`str::find`] does): a
/// match of a text in a text is always at a character boundary, so it
/// finds what `str::find` finds.
fn partners(raw: &str, first: &str, second: &str) -> bool {
    let Some(a) = memchr::memmem::find(raw.as_bytes(), first.as_bytes()) else {
        return false;
    };
    let after = a + first.len();
    let Some(b) = raw
        .get(after..)
        .and_then(|r| memchr::memmem::find(r.as_bytes(), second.as_bytes()))
    else {
        return false;
    };
    let between = raw.get(after..after + b).unwrap_or_default().trim();
    between.contains('/') || crate::lexicon::LIST_CONJUNCTIONS.contains(&between)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`fold`] as it was written first: every step a copy.
    fn fold_by_copies(name: &str) -> String {
        const LEGAL_FORMS: [&str; 4] = ["as", "asa", "hf", "sa"];
        let lower = name.to_lowercase().replace(['.', '–', '—'], " ");
        let mut words: Vec<&str> = lower.split_whitespace().filter(|w| *w != "-").collect();
        while words.len() > 1 && words.last().is_some_and(|w| LEGAL_FORMS.contains(w)) {
            words.pop();
        }
        words.join(" ")
    }

    #[test]
    fn a_name_of_latin_1_is_split_at_its_white_space_and_periods() {
        for c in '\0'..='\u{ff}' {
            let name = format!("a{c}b");
            let split = fold(&name).contains(' ');
            assert_eq!(split, c.is_whitespace() || c == '.', "{c:?}");
        }
    }

    #[test]
    fn fold_gives_what_the_copies_gave() {
        let pieces = [
            "Nav", "AS", "sa", " ", ".", "–", "—", "-", "Ø", "\u{a0}", "ΑΣ", "\t", "\u{b}", "Hf",
            "asA", "Å", "\u{85}",
        ];
        for name in crate::testing::concatenations(&pieces, 4) {
            assert_eq!(fold(&name), fold_by_copies(&name), "{name:?}");
            // (what `read_pieces` counts on: a piece that is the whole text,
            // trimmed, folds as the whole text did)
            assert_eq!(fold(crate::text::trim(&name)), fold(&name), "{name:?}");
        }
        for e in builtin::ENTRIES {
            for (form, folded) in [e.name].iter().chain(e.short).chain(e.names).zip(e.folded) {
                assert_eq!(fold(form), *folded);
            }
        }
    }

    /// The source of `registry/builtin.rs` for the entries of `text`.
    fn render_table(text: &str) -> Result<String, RegistryError> {
        let file: File = toml::from_str(text)?;
        let mut out = String::from(
            "//! The shipped `data/institutions.toml` as a table, names folded.\n\
             //! Generated by `FOU_BLESS=1 cargo test -p fou --lib registry`: do not edit.\n\n\
             use super::{InstitutionKind as K, StaticEntry as E};\n\n\
             pub(super) static ENTRIES: &[E] = &[\n",
        );
        for e in &file.institution {
            let folded: Vec<String> = e.forms().map(|f| fold(f)).collect();
            out += &format!(
                "    E {{ id: {:?}, name: {:?}, short: &{:?}, names: &{:?}, parent: {:?}, kind: K::{:?}, unit: {}, folded: &{:?} }},\n",
                e.id, e.name, e.short, e.names, e.parent, e.kind, e.unit, folded
            );
        }
        out += "];\n";
        Ok(out)
    }

    #[test]
    fn the_builtin_table_is_the_shipped_file() -> Result<(), RegistryError> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/registry/builtin.rs");
        let want = render_table(BUILTIN)?;
        if std::env::var_os("FOU_BLESS").is_some() {
            let written = std::fs::write(path, &want);
            assert!(written.is_ok(), "{path}: {written:?}");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "{path} is not data/institutions.toml: run `FOU_BLESS=1 cargo test -p fou --lib registry`"
        );
        assert_eq!(Registry::builtin(), &Registry::from_toml(BUILTIN)?);
        Ok(())
    }

    /// The builtin table's entries read field by field as the institutions
    /// made from it read, and a parse annotated with it makes none of them
    /// (the references it gives are those of the registry made from the
    /// file, whose entries are made).
    #[test]
    fn the_builtin_table_is_read_without_making_its_entries() -> Result<(), RegistryError> {
        let table = Registry::from_table(builtin::ENTRIES)?;
        let made = Registry::from_toml(BUILTIN)?;
        let unmade =
            |r: &Registry| matches!(&r.entries, Entries::Builtin(_, m) if m.get().is_none());
        let text = concat!(
            "FoU-rapport 2021\n\nBidragsfinansierte prosjekter\n\n",
            "Ved utgangen av 2021 hadde vi 3 pågående prosjekter.\n\nArbeid\n\n",
            "- Jobb i nord, AFI, OsloMet (2020-2022)\n",
            "- Jobb i sør, NIBR/OsloMet og Kystforsk (2021-2023)\n",
            "- Jobb i vest, UiO, Økonomisk institutt (2019-2022)\n",
        );
        let (Ok(mut by_table), Ok(mut by_file)) = (crate::parse(text), crate::parse(text)) else {
            panic!("the sample does not parse");
        };
        table.annotate_parsed(&mut by_table);
        made.annotate_parsed(&mut by_file);
        assert!(unmade(&table), "a parse made the table's entries");
        let refs = |r: &Report<'_>| -> Vec<(Option<String>, Option<String>, String)> {
            let refs = r.portfolio.iter().flat_map(|p| &p.institution_refs);
            refs.map(|x| {
                (
                    x.id.as_deref().map(str::to_owned),
                    x.name.as_deref().map(str::to_owned),
                    x.raw.to_string(),
                )
            })
            .collect()
        };
        assert_eq!(refs(&by_table), refs(&by_file));
        let known = refs(&by_table)
            .into_iter()
            .filter(|r| r.0.is_some())
            .count();
        assert!(known >= 4, "{known} known");
        for (i, e) in made.entries().iter().enumerate() {
            let read = (table.entries.id(i), table.entries.name(i));
            assert_eq!(read, (e.id.as_str(), e.name.as_str()));
            assert_eq!(table.entries.parent(i), e.parent.as_deref());
            assert_eq!(table.entries.unit(i), e.unit);
        }
        assert_eq!(table.entries.len(), made.entries().len());
        assert_eq!(table, made);
        assert!(!unmade(&table), "comparing made the entries");
        Ok(())
    }

    #[test]
    fn the_shipped_registry_is_valid() {
        let r = Registry::from_toml(BUILTIN);
        assert!(r.is_ok(), "{r:?}");
    }

    #[test]
    fn names_fold_case_space_periods_and_legal_forms() {
        assert_eq!(
            fold("  NORCE  Norwegian Research Centre AS "),
            "norce norwegian research centre"
        );
        assert_eq!(fold("St. Olavs hospital HF"), "st olavs hospital");
        assert_eq!(fold("AS"), "as");
        assert_eq!(
            fold("OsloMet - Storbyuniversitetet"),
            fold("OsloMet – storbyuniversitetet")
        );
    }

    #[test]
    fn a_child_and_its_parent_written_as_partners_stay_two() {
        let r = Registry::builtin();
        let ids: Vec<String> = r
            .resolve("AFI og OsloMet")
            .institutions
            .into_iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(ids, ["oslomet-afi", "oslomet"]);
    }

    #[test]
    fn a_user_file_replaces_an_entry_with_the_same_id() {
        let mine = Registry::from_toml(
            "[[institution]]\nid = \"uio\"\nname = \"UiO (mitt navn)\"\nshort = [\"UiO\"]\nkind = \"university\"\n",
        );
        let merged = mine.and_then(|m| Registry::builtin().merge(&m));
        let name = merged
            .ok()
            .and_then(|m| m.lookup("UiO").map(|i| i.name.clone()));
        assert_eq!(name.as_deref(), Some("UiO (mitt navn)"));
    }

    /// The builtin registry's ids and names are borrowed into each
    /// reference, not copied; a user's registry's are copies.
    #[test]
    fn builtin_ids_and_names_are_borrowed() -> Result<(), RegistryError> {
        let refs = Registry::builtin().refs("UiO og Kystforsk");
        let borrowed = |t: &Option<Cow<'static, str>>| matches!(t, Some(Cow::Borrowed(_)));
        assert_eq!(refs[0].id.as_deref(), Some("uio"));
        assert!(borrowed(&refs[0].id) && borrowed(&refs[0].name));
        assert_eq!((&refs[1].id, &refs[1].name), (&None, &None));
        let mine = Registry::from_toml(
            "[[institution]]\nid = \"kfi\"\nname = \"Kystforsk\"\nkind = \"institute\"\n",
        )?;
        let refs = mine.refs("Kystforsk");
        assert_eq!(refs[0].id.as_deref(), Some("kfi"));
        assert!(matches!(refs[0].id, Some(Cow::Owned(_))));
        Ok(())
    }

    /// [`partners`] as it was written, with [`str::find`].
    fn partners_by_str_find(raw: &str, first: &str, second: &str) -> bool {
        let Some(a) = raw.find(first) else {
            return false;
        };
        let after = a + first.len();
        let Some(b) = raw.get(after..).and_then(|r| r.find(second)) else {
            return false;
        };
        let between = raw.get(after..after + b).unwrap_or_default().trim();
        between.contains('/') || crate::lexicon::LIST_CONJUNCTIONS.contains(&between)
    }

    #[test]
    fn partners_finds_what_str_find_finds() {
        let raws = crate::testing::concatenations(&["A", "B", "/", " og ", ", ", "Ø", "ø"], 5);
        let pieces = ["", "A", "B", "AB", "Ø", "BØ", "A/B", "ø"];
        let mut joined = 0;
        for raw in &raws {
            for first in pieces {
                for second in pieces {
                    let want = partners_by_str_find(raw, first, second);
                    assert_eq!(
                        partners(raw, first, second),
                        want,
                        "{raw:?} {first:?} {second:?}"
                    );
                    joined += usize::from(want);
                }
            }
        }
        assert!(joined > 0);
    }

    /// The refs of every item of a report.
    fn all_refs<'r>(r: &'r Report<'_>) -> Vec<&'r [InstitutionRef<'r>]> {
        let projects = r.projects.iter().map(|p| p.institution_refs.as_slice());
        let items = r.portfolio.iter().map(|p| p.institution_refs.as_slice());
        let phd = r.phd.iter().map(|p| p.institution_refs.as_slice());
        projects.chain(items).chain(phd).collect()
    }

    /// The refs the parser reads from its readers' splits are those that
    /// [`Registry::annotate`], splitting every text again, reads.
    #[test]
    fn the_parsers_refs_are_what_annotate_reads() {
        let crafted = "FoU-rapport 2021\n\nBidragsfinansierte prosjekter\n\n\
            Ved utgangen av 2021 hadde vi 6 pågående prosjekter.\n\nArbeid\n\n\
            - Jobb i nord, AFI, OsloMet (2020-2022)\n\
            - Jobb i sør, NIBR/OsloMet (2019-2021)\n\
            - Jobb i vest, UiO, Økonomisk institutt (2020-2023)\n\
            - Jobb i øst, SNF (NHH) og Kystforsk (2021-2022)\n\
            - Jobb i midten, OsloMet AFI og Proba samfunnsanalyse (2020-2021)\n\
            - Jobb overalt, Fafo Institutt for arbeidslivs- og velferdsforskning AS (2020-2022)\n";
        let texts = [
            crafted,
            include_str!("../../../examples/data/sample-2021.txt"),
            include_str!("../../../examples/data/sample-2022.txt"),
            include_str!("../../../examples/data/sample-2023.md"),
            include_str!("../../../examples/data/pages/tema-linjer.txt"),
            include_str!("../../../examples/data/pages/skisser.txt"),
        ];
        let (mut several, mut borrowed) = (0, 0);
        for text in texts {
            let Ok(parsed) = crate::parse(text) else {
                panic!("{text:.40}");
            };
            let mut again = parsed.clone();
            Registry::builtin().annotate(&mut again);
            let (have, want) = (all_refs(&parsed), all_refs(&again));
            assert_eq!(have, want, "{text:.40}");
            several += have.iter().filter(|v| v.len() > 1).count();
            // An item's reference borrows the text its piece borrows.
            for p in &parsed.portfolio {
                for r in &p.institution_refs {
                    let piece = p.institutions.iter().find(|i| **i == r.raw);
                    if let Some(Cow::Borrowed(i)) = piece {
                        assert!(matches!(r.raw, Cow::Borrowed(b) if b == *i), "{r:?}");
                        borrowed += 1;
                    }
                }
            }
        }
        assert!(several >= 4, "{several}");
        assert!(borrowed >= 10, "{borrowed}");
    }

    #[test]
    fn bad_files_are_errors() {
        let dup = "[[institution]]\nid = \"a\"\nname = \"A\"\nkind = \"company\"\n".repeat(2);
        assert!(matches!(
            Registry::from_toml(&dup),
            Err(RegistryError::DuplicateId(_))
        ));
        let orphan =
            "[[institution]]\nid = \"a\"\nname = \"A\"\nparent = \"b\"\nkind = \"company\"\n";
        assert!(matches!(
            Registry::from_toml(orphan),
            Err(RegistryError::UnknownParent { .. })
        ));
    }
}
