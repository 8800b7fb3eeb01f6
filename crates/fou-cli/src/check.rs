//! `fou check`: diagnostics like a compiler and a closing summary, or one
//! JSON document for tools.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use fou::Severity;

use crate::input::{Input, InputArgs};
use crate::output::{Stop, say};

/// The least severe diagnostics `check` shows.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Level {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Everything, including information about sections kept as prose.
    Info,
}

impl Level {
    /// Is `s` at least as severe as this level?
    fn shows(self, s: Severity) -> bool {
        let least = match self {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        };
        s >= least
    }
}

/// How `check` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Compiler-style text: for each source line with diagnostics, their
    /// messages with `--> file:line:column`, then the line once (cut to
    /// 100 characters around each caret) with all their carets; a summary
    /// line at the end.
    Human,
    /// One JSON document: {"diagnostics": [{file, severity, code, message,
    /// line, column, end_line, end_column, span}], "summary": {…}}; lines
    /// and columns count from 1, columns in characters, end exclusive.
    Json,
}

/// Diagnostics counted by severity over all files, shown or not.
#[derive(Default)]
struct Counts {
    files: usize,
    unreadable: usize,
    errors: usize,
    warnings: usize,
    info: usize,
}

/// `fou check`: every readable file is checked; one that cannot be read is
/// reported on standard error, counted in the summary, and makes the exit
/// status 1.
pub(crate) fn run(
    out: &mut impl Write,
    err: &mut dyn Write,
    files: &[PathBuf],
    level: Level,
    format: Format,
    input: InputArgs,
) -> Result<u8, Stop> {
    let mut counts = Counts::default();
    let mut shown = Vec::new();
    let check = |inp: &Input, report: &fou::Report| check_one(inp, report, level, format);
    crate::each_made(files, &input, &check, |checked| {
        let checked = match checked {
            Ok(checked) => checked,
            Err(msg) => {
                let _ = writeln!(err, "{msg}");
                counts.unreadable += 1;
                return Ok(());
            }
        };
        counts.files += 1;
        checked.severities.iter().for_each(|&s| counts.add(s));
        match checked.shown {
            Shown::Human(blocks) => blocks.iter().try_for_each(|block| say(out, block)),
            Shown::Json(diags) => {
                shown.extend(diags);
                Ok(())
            }
        }
    })?;
    match format {
        Format::Human => say(out, &counts.summary(level))?,
        Format::Json => {
            let doc = serde_json::json!({
                "diagnostics": shown,
                "summary": counts.to_json(level),
            });
            fou::json::to_writer_pretty(&mut *out, &doc)?;
            say(out, "")?;
        }
    }
    Ok(u8::from(counts.errors > 0 || counts.unreadable > 0))
}

/// What `check` tells of one file: the severity of each of its
/// diagnostics, and those it shows, as they are printed.
struct Checked {
    severities: Vec<Severity>,
    shown: Shown,
}

/// The diagnostics `check` shows of one file, in the output's form.
enum Shown {
    /// Blocks of text ([`human`]).
    Human(Vec<String>),
    /// JSON objects ([`to_json`]).
    Json(Vec<serde_json::Value>),
}

/// [`Checked`] of one file and its report, made where it was parsed
/// ([`crate::each_made`]): the diagnostics `level` shows, in the order of
/// the text (those without a place first), in `format`.
fn check_one(inp: &Input, report: &fou::Report, level: Level, format: Format) -> Checked {
    let severities = report.diagnostics.iter().map(|d| d.severity).collect();
    let mut diags: Vec<&fou::Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| level.shows(d.severity))
        .collect();
    diags.sort_by_key(|d| d.span.map(|s| (s.line_start, s.start)));
    let shown = match format {
        Format::Human => Shown::Human(human(inp, &diags)),
        Format::Json => Shown::Json(to_json(inp, &diags)),
    };
    Checked { severities, shown }
}

/// The diagnostics of one file (sorted by place) as the core renders them:
/// those without a place one per line, then one block per source line,
/// each block followed by a blank line.
fn human(inp: &Input, diags: &[&fou::Diagnostic]) -> Vec<String> {
    fou::Diagnostic::render_all(diags.iter().copied(), &inp.src, &inp.name)
}

/// The diagnostics of one file for `--format json` (positions counted in
/// one pass over the text).
fn to_json(inp: &Input, diags: &[&fou::Diagnostic]) -> Vec<serde_json::Value> {
    let offsets: Vec<usize> = diags
        .iter()
        .filter_map(|d| d.span)
        .flat_map(|s| [s.start, s.end])
        .collect();
    let mut places = inp.src.line_cols(&offsets).into_iter();
    diags
        .iter()
        .map(|d| {
            let (from, to) = match d.span {
                Some(_) => (places.next(), places.next()),
                None => (None, None),
            };
            serde_json::json!({
                "file": inp.json_name(),
                "severity": d.severity.as_str(),
                "code": d.code,
                "message": d.message,
                "line": from.map(|p| p.line),
                "column": from.map(|p| p.column),
                "end_line": to.map(|p| p.line),
                "end_column": to.map(|p| p.column),
                "span": d.span,
            })
        })
        .collect()
}

/// `3 warnings` / `1 warning`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Counts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.info += 1,
        }
    }

    /// (severity, count, as text), least severe first.
    fn parts(&self) -> [(Severity, usize, String); 3] {
        [
            (Severity::Info, self.info, count(self.info, "info", "info")),
            (
                Severity::Warning,
                self.warnings,
                count(self.warnings, "warning", "warnings"),
            ),
            (
                Severity::Error,
                self.errors,
                count(self.errors, "error", "errors"),
            ),
        ]
    }

    /// `2 warnings, 0 errors in 2 files (16 info hidden; --severity info shows them)`.
    fn summary(&self, level: Level) -> String {
        let parts = self.parts();
        let shown: Vec<&str> = parts
            .iter()
            .filter(|(s, ..)| level.shows(*s))
            .map(|(.., t)| t.as_str())
            .collect();
        let hidden: Vec<&(Severity, usize, String)> = parts
            .iter()
            .filter(|(s, n, _)| !level.shows(*s) && *n > 0)
            .collect();
        let mut line = format!(
            "{} in {}",
            shown.join(", "),
            count(self.files, "file", "files")
        );
        if self.unreadable > 0 {
            let files = count(self.unreadable, "file", "files");
            line.push_str(&format!("; {files} could not be read"));
        }
        if let Some((least, ..)) = hidden.first() {
            let names: Vec<&str> = hidden.iter().rev().map(|(.., t)| t.as_str()).collect();
            line.push_str(&format!(
                " ({} hidden; --severity {} shows them)",
                names.join(" and "),
                least.as_str()
            ));
        }
        line
    }

    fn to_json(&self, level: Level) -> serde_json::Value {
        let hidden: usize = self
            .parts()
            .iter()
            .filter(|(s, ..)| !level.shows(*s))
            .map(|(_, n, _)| n)
            .sum();
        serde_json::json!({
            "files": self.files,
            "unreadable": self.unreadable,
            "errors": self.errors,
            "warnings": self.warnings,
            "info": self.info,
            "hidden": hidden,
        })
    }
}
