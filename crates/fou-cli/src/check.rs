//! `fou check`: diagnostics like a compiler and a closing summary, or one
//! JSON document for tools.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use fou::Severity;

use crate::{Input, InputArgs, say, write_error};

/// Widest source line shown under a diagnostic, in characters.
const WIDTH: usize = 100;

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
    fn shows(self, s: Severity) -> bool {
        let least = match self {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        };
        s <= least
    }
}

/// How `check` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Compiler-style text: the message, `--> file:line:column`, the source
    /// line (cut to 100 characters around the caret) and a summary line.
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
    errors: usize,
    warnings: usize,
    info: usize,
}

pub(crate) fn run(
    out: &mut impl Write,
    files: &[PathBuf],
    level: Level,
    format: Format,
    input: InputArgs,
) -> Result<ExitCode, String> {
    let mut counts = Counts::default();
    let mut shown = Vec::new();
    for f in files {
        let inp = Input::read(f, input)?;
        let report = fou::parse_report(&inp.src, &inp.options);
        counts.files += 1;
        for d in &report.diagnostics {
            counts.add(d.severity);
            if !level.shows(d.severity) {
                continue;
            }
            match format {
                Format::Human => say(out, &render(&inp, d))?,
                Format::Json => shown.push(to_json(&inp, d)),
            }
        }
    }
    match format {
        Format::Human => say(out, &counts.summary(level))?,
        Format::Json => {
            let doc = serde_json::json!({
                "diagnostics": shown,
                "summary": counts.to_json(level),
            });
            serde_json::to_writer_pretty(&mut *out, &doc).map_err(write_error)?;
            say(out, "")?;
        }
    }
    Ok(if counts.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// `warning[code]: message`, `--> file:line:column`, the line and a caret.
fn render(inp: &Input, d: &fou::Diagnostic) -> String {
    let head = format!("{}[{}]: {}", severity_name(d.severity), d.code, d.message);
    let Some(span) = d.span else {
        return format!("{}: {head}\n", inp.name);
    };
    let at = inp.src.line_col(span.start);
    let e = inp.src.excerpt(&span, WIDTH);
    let l = e.line.to_string();
    let pad = " ".repeat(l.len());
    format!(
        "{head}\n{pad}--> {name}:{line}:{col}\n{pad} |\n{l} | {text}\n{pad} | {caret_pad}{carets}\n",
        name = inp.name,
        line = at.line,
        col = at.column,
        text = e.text,
        caret_pad = " ".repeat(e.caret_column),
        carets = "^".repeat(e.caret_width),
    )
}

/// One diagnostic for `--format json`.
fn to_json(inp: &Input, d: &fou::Diagnostic) -> serde_json::Value {
    let (from, to) = match d.span {
        Some(s) => (
            Some(inp.src.line_col(s.start)),
            Some(inp.src.line_col(s.end)),
        ),
        None => (None, None),
    };
    serde_json::json!({
        "file": inp.name,
        "severity": severity_name(d.severity),
        "code": d.code,
        "message": d.message,
        "line": from.map(|p| p.line),
        "column": from.map(|p| p.column),
        "end_line": to.map(|p| p.line),
        "end_column": to.map(|p| p.column),
        "span": d.span,
    })
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
        if let Some((least, ..)) = hidden.first() {
            let names: Vec<&str> = hidden.iter().rev().map(|(.., t)| t.as_str()).collect();
            line.push_str(&format!(
                " ({} hidden; --severity {} shows them)",
                names.join(" and "),
                severity_name(*least)
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
            "errors": self.errors,
            "warnings": self.warnings,
            "info": self.info,
            "hidden": hidden,
        })
    }
}
