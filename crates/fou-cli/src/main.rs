//! `fou`: parse NAV FoU reports from the command line.
//!
//! Exit codes: 0 success, 1 unreadable input (or error diagnostics with
//! `check`), 2 bad arguments.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "fou",
    version,
    about = "Turn NAV FoU report text into typed data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse reports and print them as JSON (the schema_version 1 contract).
    Parse {
        /// Report files; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
    },
    /// Print the JSON Schema of the output contract.
    Schema,
    /// Print, line by line, which block and part each input line went to.
    Explain {
        /// Report file; `-` reads standard input.
        file: PathBuf,
    },
    /// Print diagnostics like a compiler; exit 1 when any is an error.
    Check {
        /// Report files; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// One pretty-printed JSON object per report (a JSON array for several files).
    Json,
    /// One JSON object per line.
    Ndjson,
}

fn read_input(path: &PathBuf) -> Result<(fou::Source, Option<String>), String> {
    let (bytes, name) = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("fou: <stdin>: {e}"))?;
        (buf, None)
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("fou: {}: {e}", path.display()))?;
        (bytes, Some(path.display().to_string()))
    };
    let src = fou::Source::from_vec(bytes)
        .map_err(|e| format!("fou: {}: {e}", name.as_deref().unwrap_or("<stdin>")))?;
    Ok((src, name))
}

/// Read and parse one input, keeping only the report.
fn parse_report(path: &PathBuf) -> Result<fou::Report, String> {
    let (src, name) = read_input(path)?;
    let mut opts = fou::Options::default();
    if let Some(n) = name {
        opts = opts.with_path(n);
    }
    Ok(fou::parse_report(&src, &opts))
}

type Parsed = (
    fou::Report,
    fou::Source,
    Vec<(fou::blocks::Block, fou::Part)>,
);

fn parse_one(path: &PathBuf) -> Result<Parsed, String> {
    let (src, name) = read_input(path)?;
    let mut opts = fou::Options::default();
    if let Some(n) = name {
        opts = opts.with_path(n);
    }
    let (report, blocks) = fou::parse_source(&src, &opts);
    Ok((report, src, blocks))
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let w = |out: &mut std::io::StdoutLock<'_>, s: &str| -> Result<(), String> {
        writeln!(out, "{s}").map_err(|e| format!("fou: cannot write output: {e}"))
    };
    match cli.command {
        Command::Parse { files, format } => {
            // Reports are written straight to the output, one at a time, so memory
            // stays a few times the largest input, not the sum of all outputs.
            let write_err = |e: serde_json::Error| format!("fou: cannot write output: {e}");
            let several = files.len() > 1 && matches!(format, OutputFormat::Json);
            if several {
                w(&mut out, "[")?;
            }
            for (i, f) in files.iter().enumerate() {
                let report = parse_report(f)?;
                match format {
                    OutputFormat::Ndjson => {
                        serde_json::to_writer(&mut out, &report).map_err(write_err)?
                    }
                    OutputFormat::Json => {
                        serde_json::to_writer_pretty(&mut out, &report).map_err(write_err)?
                    }
                }
                let sep = if several && i + 1 < files.len() {
                    ",\n"
                } else {
                    "\n"
                };
                out.write_all(sep.as_bytes())
                    .map_err(|e| format!("fou: cannot write output: {e}"))?;
            }
            if several {
                w(&mut out, "]")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            let schema = schemars::schema_for!(fou::Report);
            w(
                &mut out,
                &serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { file } => {
            let (_, src, blocks) = parse_one(&file)?;
            let text = src.text();
            let mut bi = 0;
            for (n, line) in fou::lines::split_lines(text).enumerate() {
                let no = n + 1;
                while bi < blocks.len() && blocks[bi].0.line_end < no {
                    bi += 1;
                }
                let label = match blocks.get(bi) {
                    Some((b, part)) if b.line_start <= no && !line.text.trim().is_empty() => {
                        format!(
                            "#{:<4} {:<9} {:<11}",
                            bi + 1,
                            kind_name(b.kind),
                            part.as_str()
                        )
                    }
                    _ => format!("{:<5} {:<9} {:<11}", "", "", "blank"),
                };
                let shown: String = line.text.chars().take(100).collect();
                w(&mut out, &format!("{no:>5} {label} | {shown}"))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { files } => {
            let mut errors = false;
            for f in &files {
                let (report, src, _) = parse_one(f)?;
                let name = f.display().to_string();
                for d in &report.diagnostics {
                    errors |= d.severity == fou::Severity::Error;
                    w(&mut out, &render_diagnostic(&name, &src, d))?;
                }
            }
            Ok(if errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

fn kind_name(kind: fou::blocks::BlockKind) -> &'static str {
    use fou::blocks::BlockKind::*;
    match kind {
        Heading { level: Some(_) } => "heading",
        Heading { level: None } => "line",
        Paragraph => "paragraph",
        ListItem => "item",
        TocEntry => "toc",
        Field(_) => "field",
        Marker => "marker",
    }
}

fn render_diagnostic(name: &str, src: &fou::Source, d: &fou::Diagnostic) -> String {
    let sev = match d.severity {
        fou::Severity::Error => "error",
        fou::Severity::Warning => "warning",
        fou::Severity::Info => "info",
    };
    let Some(span) = d.span else {
        return format!("{name}: {sev}[{}]: {}", d.code, d.message);
    };
    let text = src.text();
    let line_start = src.index().line_start(span.line_start).unwrap_or(0);
    let line_end = text[line_start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let col = text[line_start..span.start.clamp(line_start, line_end)]
        .chars()
        .count()
        + 1;
    let width = text[span.start.clamp(line_start, line_end)..span.end.clamp(line_start, line_end)]
        .chars()
        .count()
        .max(1);
    let gutter = span.line_start.to_string().len();
    format!(
        "{sev}[{code}]: {msg}\n{pad}--> {name}:{l}:{col}\n{pad} |\n{l} | {line}\n{pad} | {caret_pad}{carets}\n",
        code = d.code,
        msg = d.message,
        pad = " ".repeat(gutter),
        l = span.line_start,
        caret_pad = " ".repeat(col - 1),
        carets = "^".repeat(width),
    )
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}
