//! Many texts as one dataset: [`Collection`].
//!
//! A collection is built from many texts — reports of any year, in either
//! style, web pages, and the same report in two renderings — and holds of
//! each only what a dataset needs: its items, their institutions resolved
//! through a [`Registry`], its stated counts and diagnostics (never the
//! source text). Texts are read in parallel ([rayon]) in a deterministic
//! order (the paths sorted), so memory stays bounded by the largest text in
//! flight, not by the sum of them; the items are then linked across texts
//! ([`crate::link`]), their candidate pairs scored in parallel on the same
//! pool. A file that cannot be read is an error of the collection, not a
//! failure of it.
//!
//! The same report twice (the same content, or the same year with mostly the
//! same items, as two renderings of one report are) is kept once: the other
//! text is recorded as its duplicate and its items are dropped.
//!
//! ```
//! use fou::collection::{Collection, CollectOptions};
//! let a = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n")?;
//! let b = fou::parse("FoU-rapport 2022\n\nOppdragsprosjekter\n\n- Unge i arbeid, UiB (2020-2021)\n")?;
//! let c = Collection::from_reports([a.clone(), b, a], &CollectOptions::default());
//! assert_eq!(c.texts().len(), 3);
//! assert_eq!(c.texts()[2].duplicate_of, Some(0)); // the same report again
//! assert_eq!(c.items().count(), 2);
//! // an ongoing project whose period ended before the report's year
//! assert!(c.diagnostics().iter().any(|d| d.diagnostic.code == fou::DiagnosticCode::OngoingPastEnd));
//! # Ok::<(), fou::Error>(())
//! ```

mod checks;
mod dupes;
mod files;
mod links;
#[cfg(feature = "sqlite")]
mod sqlite;
mod tables;
mod views;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use sha2::{Digest, Sha256};

use crate::link::{Appearance, LinkGroup, LinkOptions};
use crate::model::{Diagnostic, DiagnosticCode, InstitutionRef, ItemKind, ItemRef, Report};
use crate::registry::Registry;
use crate::{Error, Options};

pub use files::text_files;
#[cfg(feature = "sqlite")]
pub use sqlite::{SQLITE_SCHEMA_VERSION, SqliteError};
pub use tables::{ColumnType, Table, Value};
pub use views::View;

/// Texts started and not yet added, per thread (the window of
/// [`Reading`]): each thread has a second text to go on with while the
/// first text not yet added is read, and no more than that is held before
/// it is added (and, when a duplicate, emptied of its items:
/// `tests/collection_memory.rs` holds the peak to that). Eight kept two
/// threads busier on texts of 4 to 100 KB (94 % of the reading against
/// 88 %, 4 % less wall time on 10,000 cut texts), but would hold four times
/// as many texts, whole, of a collection of large ones.
const TEXTS_PER_THREAD: usize = 2;

/// How to build a collection: the parse options for every text (with the
/// institution registry, [`Options::registry`]) and the link options.
///
/// ```
/// let opts = fou::collection::CollectOptions::default()
///     .with_parse(fou::Options::default().with_strict(true));
/// assert!(opts.parse.strict);
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct CollectOptions {
    /// Options for parsing each text (its path is set per file); its
    /// registry resolves the items' institutions.
    pub parse: Options,
    /// Options for linking the projects across texts.
    pub link: LinkOptions,
}

impl CollectOptions {
    /// Set the parse options.
    ///
    /// ```
    /// let o = fou::collection::CollectOptions::default().with_parse(fou::Options::default().with_max_bytes(9));
    /// assert_eq!(o.parse.max_bytes, 9);
    /// ```
    pub fn with_parse(mut self, parse: Options) -> Self {
        self.parse = parse;
        self
    }

    /// Set the link options.
    ///
    /// ```
    /// let o = fou::collection::CollectOptions::default().with_link(fou::link::LinkOptions::default().with_threshold(0.9));
    /// assert_eq!(o.link.threshold, 0.9);
    /// ```
    pub fn with_link(mut self, link: LinkOptions) -> Self {
        self.link = link;
        self
    }

    /// Resolve institutions with `registry` (e.g. the built-in one merged
    /// with a user file, [`Registry::merge`]), when parsing and linking;
    /// reports given to [`Collection::from_reports`] are resolved anew.
    ///
    /// ```
    /// let o = fou::collection::CollectOptions::default()
    ///     .with_registry(std::sync::Arc::new(fou::Registry::builtin().clone()));
    /// assert!(o.parse.registry.is_some() && o.link.registry.is_some());
    /// ```
    pub fn with_registry(mut self, registry: Arc<Registry>) -> Self {
        self.parse.registry = Some(registry.clone());
        self.link.registry = Some(registry);
        self
    }
}

/// One text of a collection: where it came from, what it is, and its
/// compact report (items, stated counts and diagnostics; the outline,
/// preface and dates are dropped, and a duplicate's items too).
///
/// ```
/// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n")?;
/// let c = fou::collection::Collection::from_reports([r], &Default::default());
/// let t = &c.texts()[0];
/// assert_eq!((t.year, t.items, t.duplicate_of), (Some(2021), 1, None));
/// assert_eq!(t.hash.len(), 64);
/// # Ok::<(), fou::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Text {
    /// The path as given (`source.path`), if any.
    pub path: Option<String>,
    /// SHA-256 (hex) of the text's report as JSON without its path: the
    /// same content read from two places has the same hash.
    pub hash: String,
    /// The report year (of a web page: the year it names, if any).
    pub year: Option<i32>,
    /// The title as written.
    pub title: Option<String>,
    /// True when the text reads as a report: false for a web page or other
    /// text that only lists projects, and for one with nothing to read
    /// (each has a `not-a-report` diagnostic).
    pub is_report: bool,
    /// Items the text gave (before a duplicate's were dropped).
    pub items: usize,
    /// The index of the text this one duplicates (in [`Collection::texts`]).
    pub duplicate_of: Option<usize>,
    /// Why it is a duplicate.
    pub duplicate_reason: Option<String>,
    /// The compact report.
    pub report: Report<'static>,
    /// Folded item titles, sorted, for recognising renderings.
    keys: Vec<String>,
}

impl Text {
    /// The name to show: the path, or `text N` for a text without one.
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n")?;
    /// let c = fou::collection::Collection::from_reports([r], &Default::default());
    /// assert_eq!(c.texts()[0].name(0), "text 1");
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn name(&self, index: usize) -> String {
        self.path
            .clone()
            .unwrap_or_else(|| format!("text {}", index + 1))
    }

    /// The institutions of one item (projects, portfolio items and PhD
    /// candidates), as the registry read them; empty for other kinds.
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, OsloMet AFI (2021-2022)\n")?;
    /// let c = fou::collection::Collection::from_reports([r], &Default::default());
    /// let i = c.texts()[0].institutions_of(fou::ItemKind::Portfolio, 0);
    /// assert_eq!(i[0].id.as_deref(), Some("oslomet-afi"));
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn institutions_of(&self, kind: ItemKind, index: usize) -> &[InstitutionRef<'static>] {
        let r = &self.report;
        match kind {
            ItemKind::Project => r.projects.get(index).map(|p| p.institution_refs.as_slice()),
            ItemKind::Portfolio => r
                .portfolio
                .get(index)
                .map(|p| p.institution_refs.as_slice()),
            ItemKind::Phd => r.phd.get(index).map(|p| p.institution_refs.as_slice()),
            _ => None,
        }
        .unwrap_or_default()
    }

    /// The institutions of every project, portfolio item and PhD
    /// candidate: the item's kind, index and institutions.
    pub(crate) fn item_institutions(
        &self,
    ) -> impl Iterator<Item = (ItemKind, usize, &[InstitutionRef<'static>])> {
        let r = &self.report;
        let projects = r
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| (ItemKind::Project, i, p.institution_refs.as_slice()));
        let portfolio = r
            .portfolio
            .iter()
            .enumerate()
            .map(|(i, p)| (ItemKind::Portfolio, i, p.institution_refs.as_slice()));
        let phd = r
            .phd
            .iter()
            .enumerate()
            .map(|(i, p)| (ItemKind::Phd, i, p.institution_refs.as_slice()));
        projects.chain(portfolio).chain(phd)
    }
}

/// A file that could not be read: the collection goes on without it.
#[derive(Debug)]
#[non_exhaustive]
pub struct CollectError {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub error: Error,
}

/// A diagnostic of the collection, with the text it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CollectionDiagnostic {
    /// The text (index in [`Collection::texts`]), when it is about one.
    pub text: Option<usize>,
    /// The diagnostic; its span is in that text.
    pub diagnostic: Diagnostic,
}

/// An institution name no registry entry has, reported once per collection.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownInstitution {
    /// The name as first written.
    pub name: String,
    /// How many items name it.
    pub items: usize,
    /// The first text that names it.
    pub first_text: usize,
}

/// An item of a collection with its text.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct CollectedItem<'a> {
    /// The text's index in [`Collection::texts`].
    pub text_index: usize,
    /// The text.
    pub text: &'a Text,
    /// The item in the text's report.
    pub item: ItemRef<'a>,
}

/// Many parsed texts as one dataset; see the [module docs](self).
#[derive(Debug, Default)]
pub struct Collection {
    texts: Vec<Text>,
    errors: Vec<CollectError>,
    diagnostics: Vec<CollectionDiagnostic>,
    unknown: Vec<UnknownInstitution>,
    /// Every project appearance of the kept texts.
    appearances: Vec<Appearance>,
    /// The projects followed across texts.
    links: Vec<LinkGroup>,
    /// The registry given in the options (`None`: the built-in one).
    registry: Option<Arc<Registry>>,
}

/// A collection dropped on a thread of a rayon pool is freed on that pool,
/// text by text: its texts were made on the pool's threads, and freeing
/// their reports is most of the work of dropping it (a sixth of what `fou
/// collect` does on its own thread with two threads; the command drops
/// its collection in the pool). Dropped anywhere else it is freed on the
/// thread that drops it: no pool is started for it, and rayon's global
/// pool, which a process cannot fork after using, is never started by it
/// (Python drops a collection outside any pool).
impl Drop for Collection {
    fn drop(&mut self) {
        use rayon::prelude::*;
        if rayon::current_thread_index().is_none() {
            return;
        }
        std::mem::take(&mut self.texts)
            .into_par_iter()
            .for_each(drop);
        std::mem::take(&mut self.appearances)
            .into_par_iter()
            .for_each(drop);
        std::mem::take(&mut self.links)
            .into_par_iter()
            .for_each(drop);
    }
}

impl Collection {
    /// Read, parse and collect files, in parallel on the current rayon pool,
    /// in the order of the sorted paths (a path given twice is read once).
    /// Each text is reduced to its compact data as soon as it is parsed.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("fou-doc-collect");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("a.txt"), "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n").unwrap();
    /// let missing = dir.join("missing.txt");
    /// let c = fou::collection::Collection::from_paths(&[dir.join("a.txt"), missing], &Default::default());
    /// assert_eq!((c.texts().len(), c.errors().len()), (1, 1));
    /// ```
    pub fn from_paths<P: AsRef<Path> + Sync>(paths: &[P], options: &CollectOptions) -> Collection {
        Self::from_paths_with_progress(paths, options, &|_| {})
    }

    /// [`Collection::from_paths`], calling `progress` with each path once
    /// it is parsed (from any thread, in any order): for a progress bar.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// let seen = AtomicUsize::new(0);
    /// let c = fou::collection::Collection::from_paths_with_progress(
    ///     &["no-such-file.txt"], &Default::default(), &|_| { seen.fetch_add(1, Ordering::Relaxed); });
    /// assert_eq!(seen.into_inner(), 1);
    /// assert_eq!(c.errors().len(), 1);
    /// ```
    pub fn from_paths_with_progress<P: AsRef<Path> + Sync>(
        paths: &[P],
        options: &CollectOptions,
        progress: &(dyn Fn(&Path) + Sync),
    ) -> Collection {
        let mut sorted: Vec<&Path> = paths.iter().map(AsRef::as_ref).collect();
        sorted.sort();
        sorted.dedup();
        let mut collection = Collection::default();
        collection.registry = options.parse.registry.clone();
        let window = rayon::current_num_threads().max(1) * TEXTS_PER_THREAD;
        let reading = Reading {
            paths: &sorted,
            options,
            progress,
            window,
            state: Mutex::new(InOrder {
                collection,
                dupes: dupes::Kept::default(),
                pending: BTreeMap::new(),
                added: 0,
                started: 0,
            }),
        };
        let shared = &reading;
        rayon::scope(|scope| {
            for k in shared.claim() {
                scope.spawn(move |scope| shared.read(scope, k));
            }
        });
        let mut collection = reading.into_collection();
        collection.finish(&options.link);
        collection
    }

    /// Collect reports already parsed, in the order given (the Python
    /// bindings use this).
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n")?;
    /// let c = fou::collection::Collection::from_reports([r], &Default::default());
    /// assert_eq!(c.texts()[0].year, Some(2021));
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn from_reports<'a>(
        reports: impl IntoIterator<Item = Report<'a>>,
        options: &CollectOptions,
    ) -> Collection {
        let registry = options.parse.registry.as_deref();
        let texts = reports.into_iter().map(|mut r| {
            if let Some(reg) = registry {
                reg.annotate(&mut r);
            }
            compact(r)
        });
        let mut collection = Collection::default();
        collection.registry = options.parse.registry.clone();
        let mut dupes = dupes::Kept::default();
        for t in texts {
            dupes.add(&mut collection.texts, t);
        }
        collection.finish(&options.link);
        collection
    }

    /// The registry the institutions were resolved with.
    pub fn registry(&self) -> &Registry {
        self.registry
            .as_deref()
            .unwrap_or_else(|| Registry::builtin())
    }

    /// Every text, duplicates included, in the order read.
    pub fn texts(&self) -> &[Text] {
        &self.texts
    }

    /// The files that could not be read.
    pub fn errors(&self) -> &[CollectError] {
        &self.errors
    }

    /// The collection's diagnostics: the checks across texts, and each kept
    /// text's stated counts that disagree with its items.
    pub fn diagnostics(&self) -> &[CollectionDiagnostic] {
        &self.diagnostics
    }

    /// Institution names no registry entry has, once each, in the order
    /// first met.
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Kystforskningsinstituttet (2021-2022)\n")?;
    /// let c = fou::collection::Collection::from_reports([r.clone(), r], &Default::default());
    /// let names: Vec<&str> = c.unknown_institutions().iter().map(|u| &*u.name).collect();
    /// assert_eq!(names, ["Kystforskningsinstituttet"]);
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn unknown_institutions(&self) -> &[UnknownInstitution] {
        &self.unknown
    }

    /// The texts that are not duplicates, with their indexes.
    pub fn kept(&self) -> impl Iterator<Item = (usize, &Text)> {
        self.texts
            .iter()
            .enumerate()
            .filter(|(_, t)| t.duplicate_of.is_none())
    }

    /// Every item of the kept texts, text by text, each text's items in
    /// [`Report::items`] order.
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n")?;
    /// let c = fou::collection::Collection::from_reports([r], &Default::default());
    /// let item = c.items().next().unwrap();
    /// assert_eq!((item.text_index, item.item.kind), (0, fou::ItemKind::Portfolio));
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn items(&self) -> impl Iterator<Item = CollectedItem<'_>> {
        self.kept().flat_map(|(i, t)| {
            t.report.items().into_iter().map(move |item| CollectedItem {
                text_index: i,
                text: t,
                item,
            })
        })
    }

    /// Everything computed across texts, once they are all in.
    fn finish(&mut self, link: &LinkOptions) {
        self.unknown = unknown_institutions(&self.texts);
        let mut link = link.clone();
        if link.registry.is_none() {
            link.registry.clone_from(&self.registry);
        }
        (self.appearances, self.links) = links::link(&self.texts, &link);
        self.diagnostics = checks::run(self);
    }
}

/// The texts of [`Collection::from_paths`] being read: at most `window`
/// of them started and not yet added, on the current rayon pool, each
/// added in the order of `paths` as soon as every one before it is. A
/// text that finishes starts the next one, so no thread waits for a
/// group to finish (with groups of `window` texts, two threads idled
/// about a sixth of the time on texts of 4 to 100 KB; a window of the
/// same size keeps the peak of memory where it was).
struct Reading<'a> {
    paths: &'a [&'a Path],
    options: &'a CollectOptions,
    progress: &'a (dyn Fn(&Path) + Sync),
    window: usize,
    state: Mutex<InOrder>,
}

/// What [`Reading`]'s texts share: the collection so far, and the texts
/// read out of order, waiting for the ones before them.
struct InOrder {
    collection: Collection,
    dupes: dupes::Kept,
    /// Texts read, by index, not yet added.
    pending: BTreeMap<usize, Result<Text, CollectError>>,
    /// Texts added (the index of the next to add).
    added: usize,
    /// Texts started (the index of the next to start).
    started: usize,
}

impl<'a> Reading<'a> {
    /// Read text `k`, add it and every text after it that is read, and
    /// start as many texts as the window has room for.
    fn read<'s>(&'s self, scope: &rayon::Scope<'s>, k: usize) {
        let Some(&path) = self.paths.get(k) else {
            return;
        };
        let parsed = crate::parse_file_with(path, &self.options.parse);
        (self.progress)(path);
        let text = parsed.map(compact).map_err(|error| CollectError {
            path: path.to_path_buf(),
            error,
        });
        self.lock().pending.insert(k, text);
        self.add_in_order();
        for next in self.claim() {
            scope.spawn(move |scope| self.read(scope, next));
        }
    }

    /// Add the texts read that every text before them is added before.
    fn add_in_order(&self) {
        let mut state = self.lock();
        let InOrder {
            collection,
            dupes,
            pending,
            added,
            ..
        } = &mut *state;
        while let Some(text) = pending.remove(added) {
            match text {
                Ok(text) => dupes.add(&mut collection.texts, text),
                Err(e) => collection.errors.push(e),
            }
            *added += 1;
        }
    }

    /// The texts to start now: as many as keep at most `window` started
    /// and not added.
    fn claim(&self) -> std::ops::Range<usize> {
        let mut state = self.lock();
        let end = (state.added + self.window).min(self.paths.len());
        let from = state.started;
        state.started = end.max(from);
        from..state.started
    }

    /// The shared state (a panic elsewhere leaves it as it was: the
    /// texts are added whole or not at all).
    fn lock(&self) -> std::sync::MutexGuard<'_, InOrder> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The collection, every text added.
    fn into_collection(self) -> Collection {
        self.state
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .collection
    }
}

/// A parsed report reduced to what a collection keeps.
fn compact(mut report: Report<'_>) -> Text {
    let path = report.source.path.take();
    let hash = content_hash(&report);
    report.source.path.clone_from(&path);
    report.preface = None;
    report.outline = Vec::new();
    report.dates = Vec::new();
    let keys = dupes::keys(&report);
    // (a page of lists has the warning, a text with nothing the error)
    let is_report = !report
        .diagnostics
        .iter()
        .any(|d| d.code == DiagnosticCode::NotAReport);
    Text {
        path,
        hash,
        year: report.year,
        title: report.title.as_deref().map(str::to_owned),
        is_report,
        items: report.items().len(),
        duplicate_of: None,
        duplicate_reason: None,
        keys,
        report: report.into_owned(),
    }
}

/// SHA-256 of the report's compact JSON (serde_json's bytes), written by
/// [`crate::json::stream`] and given to the hasher a [`crate::json::CHUNK`]
/// at a time, then the rest (serde_json's own writer looked up every byte
/// of every string in its escape table: some 0.6 of the time a collection
/// spent reading its texts, BENCHMARKS.md, thirty-sixth pass).
fn content_hash(report: &Report) -> String {
    struct HashWriter(Sha256);
    impl std::io::Write for HashWriter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.update(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hasher = HashWriter(Sha256::new());
    let mut rest = Vec::with_capacity(crate::json::CHUNK_ROOM);
    // Serialising the model cannot fail, and this writer does not either.
    let _ = crate::json::stream(&mut rest, report, &mut hasher);
    let HashWriter(mut hasher) = hasher;
    hasher.update(&rest);
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A duplicate keeps its record, not its items.
pub(super) fn drop_items(t: &mut Text) {
    let r = &mut t.report;
    r.projects = Vec::new();
    r.portfolio = Vec::new();
    r.analyses = Vec::new();
    r.publications = Vec::new();
    r.phd = Vec::new();
    r.vendors = Vec::new();
    r.stated_counts = Vec::new();
    t.keys = Vec::new();
}

/// Unknown names of the kept texts, once each (compared case-blind, spaces
/// folded), in the order first met.
fn unknown_institutions(texts: &[Text]) -> Vec<UnknownInstitution> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out: Vec<UnknownInstitution> = Vec::new();
    for (ti, t) in texts.iter().enumerate() {
        let refs = t.item_institutions().flat_map(|(_, _, refs)| refs);
        for name in refs.filter(|r| r.id.is_none()).map(|r| &r.raw) {
            let key = crate::text::norm(name);
            match seen.get(&key) {
                Some(&k) => out[k].items += 1,
                None => {
                    seen.insert(key, out.len());
                    out.push(UnknownInstitution {
                        name: name.to_string(),
                        items: 1,
                        first_text: ti,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
