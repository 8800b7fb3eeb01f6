//! `fou collect` and `fou links`: many texts as one collection
//! ([`fou::Collection`]); the core does the work, this reads the arguments,
//! shows progress and writes the output.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use fou::collection::{CollectOptions, Collection, Table, Value, View};

use crate::input::InputArgs;
use crate::output::{Stop, say, shown_name, shown_text};

/// A progress bar is drawn (on a terminal) from this many files on …
const PROGRESS_MIN_FILES: usize = 20;
/// … or this many bytes of input: below both a collection is read in moments.
const PROGRESS_MIN_BYTES: u64 = 32 << 20;

// The inputs of a collection and how to read them. (Not a `///` comment,
// as for `InputArgs`.)
#[derive(Args)]
pub(crate) struct CollectInput {
    /// Directories (every .txt, .text, .md, .markdown file under them) and files.
    #[arg(required = true, value_name = "DIR|FILE")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

/// `--format` of `fou collect`.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum TableFormat {
    /// A JSON array of objects, one per row.
    Json,
    /// One JSON object per row and line.
    Ndjson,
    /// Comma-separated values with a header line (RFC 4180 quoting).
    Csv,
}

/// `--format` of `fou links`.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum LinksFormat {
    /// Timelines for people.
    Text,
    /// `{"links": [...]}` for tools.
    Json,
}

/// `--table` of `fou collect`.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum TableName {
    /// One row per text.
    Texts,
    /// Completed projects.
    Projects,
    /// Listed ongoing or granted projects.
    Portfolio,
    /// Internal analyses.
    Analyses,
    /// Publication references.
    Publications,
    /// PhD candidates.
    Phd,
    /// Registry entries the items name.
    Institutions,
    /// Each institution of each item.
    #[value(name = "item_institutions")]
    ItemInstitutions,
    /// Each project, portfolio item and PhD candidate with its link.
    Appearances,
    /// Groups of appearances of one project.
    Links,
    /// The collection's diagnostics.
    Diagnostics,
    /// A view: each institution of each item with its text's path and year
    /// and the item's title and theme (what `fou.items_frame` gives).
    Items,
    /// A view: each appearance of a linked project with its text's path (what
    /// `fou.timelines_frame` gives).
    Timelines,
}

/// The rows `--table` prints: a table's or a view's.
enum Rows {
    Table(Table),
    View(View),
}

impl Rows {
    /// The column names and the rows.
    fn of(self, c: &Collection) -> (Vec<&'static str>, Vec<Vec<Value>>) {
        match self {
            Rows::Table(t) => (t.columns(), c.rows(t)),
            Rows::View(v) => (v.columns(), c.view_rows(v)),
        }
    }
}

impl TableName {
    fn rows(self) -> Rows {
        match self {
            TableName::Texts => Rows::Table(Table::Texts),
            TableName::Projects => Rows::Table(Table::Projects),
            TableName::Portfolio => Rows::Table(Table::Portfolio),
            TableName::Analyses => Rows::Table(Table::Analyses),
            TableName::Publications => Rows::Table(Table::Publications),
            TableName::Phd => Rows::Table(Table::Phd),
            TableName::Institutions => Rows::Table(Table::Institutions),
            TableName::ItemInstitutions => Rows::Table(Table::ItemInstitutions),
            TableName::Appearances => Rows::Table(Table::Appearances),
            TableName::Links => Rows::Table(Table::Links),
            TableName::Diagnostics => Rows::Table(Table::Diagnostics),
            TableName::Items => Rows::View(View::Items),
            TableName::Timelines => Rows::View(View::Timelines),
        }
    }
}

/// The files named: each directory's text files, then the files given.
fn files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let found = fou::collection::text_files(p)
                .map_err(|e| format!("fou: {}: {}", shown_name(p), shown_text(&e.to_string())))?;
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// The collection options for these arguments: the parse options, and
/// the registry of `--registry` for linking too.
fn options(args: &CollectInput) -> CollectOptions {
    let parse = args.input.options();
    let registry = parse.registry.clone();
    let options = CollectOptions::default().with_parse(parse);
    match registry {
        Some(r) => options.with_registry(r),
        None => options,
    }
}

/// Build the collection, with a progress bar on a terminal for a large
/// input; unreadable files are reported on `err`. The collection, and
/// whether any file failed.
fn build(err: &mut dyn Write, args: &CollectInput) -> Result<(Collection, bool), Stop> {
    let paths = files(&args.inputs).map_err(Stop::Fail)?;
    let options = options(args);
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let large = paths.len() >= PROGRESS_MIN_FILES || bytes >= PROGRESS_MIN_BYTES;
    let collection = if large && std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(paths.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} texts {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        let c = Collection::from_paths_with_progress(&paths, &options, &|_| bar.inc(1));
        bar.finish_and_clear();
        c
    } else {
        Collection::from_paths(&paths, &options)
    };
    for e in collection.errors() {
        // (the error's own text names the file again, as it was)
        let why = crate::input::read_error(&e.error);
        crate::tell(
            err,
            &format!("fou: {}: {}", shown_name(&e.path), shown_text(&why)),
        );
    }
    let failed = !collection.errors().is_empty();
    Ok((collection, failed))
}

/// `fou collect`.
pub(crate) fn collect(
    out: &mut impl Write,
    err: &mut dyn Write,
    args: &CollectInput,
    db: Option<&Path>,
    format: Option<TableFormat>,
    table: TableName,
) -> Result<u8, Stop> {
    let (collection, failed) = build(err, args)?;
    // Nothing read, and a file failed (a mistyped name): writing would
    // make the links anew over no texts, unlinking every appearance the
    // database holds.
    let db = db.filter(|db| {
        let keep = failed && collection.texts().is_empty();
        if keep {
            let why = "nothing was read, so the database is left as it was";
            crate::tell(err, &format!("fou: {}: {why}", shown_name(db)));
        }
        !keep
    });
    if let Some(db) = db {
        collection.write_sqlite(db).map_err(|e| {
            let why = shown_text(&e.to_string());
            Stop::Fail(format!("fou: {}: {why}", shown_name(db)))
        })?;
    }
    match format {
        Some(f) => write_table(out, &collection, table.rows(), f)?,
        None => summary(out, &collection, db)?,
    }
    free(collection);
    Ok(u8::from(failed))
}

/// Let go of the collection without waiting for it to be freed: it is
/// dropped on a thread of its own, which a process that ends after the
/// command does not wait for (freeing 10,000 cut texts took two threads
/// 0.4 s of a 5 s `fou collect`), while a caller of [`crate::execute`]
/// that goes on gets the memory back. Without a thread (it could not be
/// started) it is dropped here.
fn free(collection: Collection) {
    let freeing = std::thread::Builder::new().name("fou-free".into());
    // (on an error the closure, and the collection with it, is dropped)
    let _detached = freeing.spawn(move || drop(collection));
}

/// What was collected, in a few lines.
fn summary(out: &mut impl Write, c: &Collection, db: Option<&Path>) -> Result<(), Stop> {
    let kept = c.kept().count();
    let duplicates = c.texts().len() - kept;
    let links = c.links().len();
    say(
        out,
        &format!(
            "{} texts ({kept} kept, {duplicates} duplicates), {} items, {links} linked projects, {} unknown institutions, {} diagnostics",
            c.texts().len(),
            c.items().count(),
            c.unknown_institutions().len(),
            c.diagnostics().len()
        ),
    )?;
    if let Some(db) = db {
        say(out, &format!("written to {}", shown_name(db)))?;
    }
    Ok(())
}

/// One table (or view) to the output.
fn write_table(
    out: &mut impl Write,
    c: &Collection,
    which: Rows,
    format: TableFormat,
) -> Result<(), Stop> {
    let (columns, rows) = which.of(c);
    let object = |row: &[Value]| -> serde_json::Map<String, serde_json::Value> {
        columns
            .iter()
            .zip(row)
            .map(|(k, v)| ((*k).to_owned(), serde_json::to_value(v).unwrap_or_default()))
            .collect()
    };
    match format {
        TableFormat::Json => {
            let all: Vec<_> = rows.iter().map(|r| object(r)).collect();
            fou::json::to_writer_pretty(&mut *out, &all)?;
            out.write_all(b"\n")?;
        }
        TableFormat::Ndjson => {
            for r in &rows {
                serde_json::to_writer(&mut *out, &object(r))?;
                out.write_all(b"\n")?;
            }
        }
        TableFormat::Csv => {
            csv_line(out, columns.iter().map(|c| (*c).to_owned()))?;
            for r in &rows {
                csv_line(out, r.iter().map(Value::to_string))?;
            }
        }
    }
    Ok(())
}

/// One CSV record: a field with a comma, quote or line break is quoted,
/// its quotes doubled; records end in CRLF (RFC 4180).
fn csv_line(out: &mut impl Write, fields: impl Iterator<Item = String>) -> Result<(), Stop> {
    let shown: Vec<String> = fields
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    out.write_all(shown.join(",").as_bytes())?;
    out.write_all(b"\r\n")?;
    Ok(())
}

/// `fou links`.
pub(crate) fn links(
    out: &mut impl Write,
    err: &mut dyn Write,
    args: &CollectInput,
    format: LinksFormat,
) -> Result<u8, Stop> {
    let (collection, failed) = build(err, args)?;
    match format {
        LinksFormat::Json => {
            fou::json::to_writer_pretty(&mut *out, &links_json(&collection))?;
            out.write_all(b"\n")?;
        }
        LinksFormat::Text => links_text(out, &collection)?,
    }
    free(collection);
    Ok(u8::from(failed))
}

/// `{"links": [{"id", "appearances": [{"path", "year", "kind", "title",
/// "institution_raw", "status"}], "score", "reason"}]}`, exactly; written
/// from the collection's own strings (no JSON tree is built), each object's
/// keys in alphabetical order.
fn links_json(c: &Collection) -> LinksJson<'_> {
    let links = c
        .links()
        .iter()
        .filter(|g| g.appearances.len() >= 2)
        .map(|g| LinkJson {
            appearances: g.appearances.iter().map(AppearanceJson::of).collect(),
            id: &g.id,
            reason: &g.reason,
            score: g.score,
        })
        .collect();
    LinksJson { links }
}

/// [`links_json`]'s object.
#[derive(serde::Serialize)]
struct LinksJson<'c> {
    links: Vec<LinkJson<'c>>,
}

/// A linked project in [`links_json`].
#[derive(serde::Serialize)]
struct LinkJson<'c> {
    appearances: Vec<AppearanceJson<'c>>,
    id: &'c str,
    reason: &'c str,
    score: f64,
}

/// An appearance in [`links_json`].
#[derive(serde::Serialize)]
struct AppearanceJson<'c> {
    institution_raw: Option<&'c str>,
    kind: &'static str,
    path: &'c str,
    status: Option<&'c str>,
    title: &'c str,
    year: Option<i32>,
}

impl<'c> AppearanceJson<'c> {
    fn of(a: &'c fou::link::Appearance) -> Self {
        AppearanceJson {
            institution_raw: a.institution_raw.as_deref(),
            kind: a.kind.as_str(),
            path: &a.path,
            status: a.status.as_deref(),
            title: &a.title,
            year: a.year,
        }
    }
}

/// Each linked project as a timeline.
fn links_text(out: &mut impl Write, c: &Collection) -> Result<(), Stop> {
    let groups = c.links();
    say(
        out,
        &format!("{} projects followed across texts", groups.len()),
    )?;
    for g in groups {
        say(out, "")?;
        say(out, &format!("{}  (score {:.2})", g.id, g.score))?;
        for a in &g.appearances {
            let year = a.year.map_or_else(|| "----".to_owned(), |y| y.to_string());
            let status = a.status.as_deref().unwrap_or("-");
            let inst = a
                .institution_raw
                .as_deref()
                .map(|i| format!(", {i}"))
                .unwrap_or_default();
            say(
                out,
                &format!(
                    "  {year}  {:<9} {:<10} {}{inst}  [{}]",
                    a.kind.as_str(),
                    status,
                    a.title,
                    shown_text(&a.path)
                ),
            )?;
        }
        // (a file name in the path or the reason shown as in messages: a
        // timeline for people stays one line an appearance)
        say(out, &format!("  why: {}", shown_text(&g.reason)))?;
    }
    Ok(())
}
