//! `fou`: parse NAV FoU reports from the command line.
//!
//! Exit codes: 0 success, 1 unreadable input, output that cannot be written
//! (or error diagnostics with `check`), 2 bad arguments. Output goes through
//! a buffer; a reader that stops reading (`fou parse x | head -1`) ends fou
//! quietly with 0.

mod check;
mod explain;
mod input;
mod output;

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use input::{Input, InputArgs, is_stdin};
use output::{Stop, say};

#[derive(Parser)]
#[command(
    name = "fou",
    version,
    about = "Turn NAV FoU report text into typed data",
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse reports and print them as JSON (the schema_version 1 contract).
    ///
    /// A file that cannot be read is reported on standard error and skipped;
    /// the others are still printed (a valid JSON array or NDJSON) and the
    /// exit status is 1.
    Parse {
        /// Report files; `-` reads standard input (once).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print the JSON Schema of the output contract.
    Schema,
    /// Print, line by line, which block, part, record and theme each input line went to.
    Explain {
        /// Report file; `-` reads standard input.
        file: PathBuf,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print diagnostics like a compiler, then a summary; exit 1 when any is an error.
    Check {
        /// Report files; `-` reads standard input (once).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Least severe diagnostics to show: `warning` shows warnings and errors.
        #[arg(long, value_enum, default_value_t = check::Level::Warning)]
        severity: check::Level,
        /// Output format: compiler-style text, or one JSON document for tools.
        #[arg(long, value_enum, default_value_t = check::Format::Human)]
        format: check::Format,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print this message or the help of the given subcommand.
    Help {
        /// The subcommand to describe.
        command: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// One pretty-printed JSON object per report (a JSON array for several files).
    Json,
    /// One JSON object per line.
    Ndjson,
}

/// The command tree, with the explain help that lists the core's parts.
fn command() -> clap::Command {
    Cli::command().mut_subcommand("explain", |c| c.after_help(explain::help()))
}

/// Usage errors clap cannot see: standard input named twice.
fn check_usage(cli: &Cli) -> Result<(), clap::Error> {
    let (name, files) = match &cli.command {
        Command::Parse { files, .. } => ("parse", files),
        Command::Check { files, .. } => ("check", files),
        _ => return Ok(()),
    };
    if files.iter().filter(|f| is_stdin(f)).count() < 2 {
        return Ok(());
    }
    let mut cmd = command();
    cmd.build();
    let message = "`-` (standard input) can be given only once";
    let kind = clap::error::ErrorKind::ArgumentConflict;
    Err(match cmd.find_subcommand_mut(name) {
        Some(sub) => sub.error(kind, message),
        None => cmd.error(kind, message),
    })
}

/// Run a command with its output buffered; the buffer is flushed at the end
/// and a failed flush is a failed write like any other.
///
/// A standard output closed by the caller (`fou parse x >&-`) is not seen:
/// Rust's runtime opens `/dev/null` in its place before `main`, and that
/// cannot be told apart without `unsafe` from a `/dev/null` the caller
/// opened on purpose (Python's `subprocess.DEVNULL` opens it read-write
/// too), so the output is discarded and the status is 0.
fn run(cli: Cli) -> Result<ExitCode, Stop> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(output::BUFFER, stdout.lock());
    let code = dispatch(&mut out, cli)?;
    out.flush()?;
    Ok(code)
}

fn dispatch(out: &mut impl Write, cli: Cli) -> Result<ExitCode, Stop> {
    match cli.command {
        Command::Parse {
            files,
            format,
            input,
        } => parse(out, &files, format, input),
        Command::Schema => {
            let schema = schemars::schema_for!(fou::Report);
            serde_json::to_writer_pretty(&mut *out, &schema)?;
            say(out, "")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { file, input } => {
            explain::run(out, &Input::read(&file, input).map_err(Stop::Fail)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            files,
            severity,
            format,
            input,
        } => check::run(out, &files, severity, format, input),
        Command::Help { command: name } => help(out, name.as_deref()),
    }
}

/// `fou parse`: reports are written one at a time as they are parsed, so
/// memory stays a few times the largest input. A file that cannot be read
/// is reported on standard error and skipped, so the output is always valid
/// JSON (an array for several files) or NDJSON; the exit status is then 1.
fn parse(
    out: &mut impl Write,
    files: &[PathBuf],
    format: OutputFormat,
    input: InputArgs,
) -> Result<ExitCode, Stop> {
    let array = files.len() > 1 && matches!(format, OutputFormat::Json);
    if array {
        out.write_all(b"[")?;
    }
    let mut written = 0;
    let mut failed = false;
    for f in files {
        let inp = match Input::read(f, input) {
            Ok(inp) => inp,
            Err(msg) => {
                eprintln!("{msg}");
                failed = true;
                continue;
            }
        };
        let report = fou::parse_report(&inp.src, &inp.options);
        if array {
            out.write_all(if written == 0 { b"\n" } else { b",\n" })?;
        }
        match format {
            OutputFormat::Ndjson => serde_json::to_writer(&mut *out, &report)?,
            OutputFormat::Json => serde_json::to_writer_pretty(&mut *out, &report)?,
        }
        if !array {
            out.write_all(b"\n")?;
        }
        written += 1;
    }
    if array {
        out.write_all(if written == 0 { b"]\n" } else { b"\n]\n" })?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `fou help [COMMAND]`: the help of the program or of one subcommand.
fn help(out: &mut impl Write, name: Option<&str>) -> Result<ExitCode, Stop> {
    let mut cmd = command();
    cmd.build();
    let shown = match name {
        None => cmd.render_long_help(),
        Some(n) => match cmd.find_subcommand_mut(n) {
            Some(sub) => sub.render_long_help(),
            None => {
                eprintln!("error: no such command: '{n}'\n\n{}", cmd.render_usage());
                return Ok(ExitCode::from(2));
            }
        },
    };
    write!(out, "{shown}")?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = match command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
        .and_then(|cli| check_usage(&cli).map(|()| cli))
    {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Stop::Quiet) => ExitCode::SUCCESS,
        Err(Stop::Fail(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}
