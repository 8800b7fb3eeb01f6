//! `fou`: parse NAV FoU reports from the command line.
//!
//! Exit codes: 0 success, 1 unreadable input (or error diagnostics with
//! `check`), 2 bad arguments.

mod check;
mod explain;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

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
    Parse {
        /// Report files; `-` reads standard input.
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
        /// Report files; `-` reads standard input.
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

/// How to read the input text.
#[derive(Args, Clone, Copy)]
struct InputArgs {
    /// Input format: detect it, or read the text as plain text or as Markdown.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Refuse damaged UTF-8: a byte that is not valid UTF-8 is an error
    /// instead of U+FFFD and a decode-replaced warning.
    #[arg(long)]
    strict: bool,
    /// Largest input read, in bytes, or with a suffix K, M, G (KiB, MiB,
    /// GiB): `--max-bytes 1G`. Larger files are refused, streams stop there.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    max_bytes: u64,
}

impl InputArgs {
    /// The core's options for these arguments.
    fn options(self) -> fou::Options {
        let options = fou::Options::default()
            .with_strict(self.strict)
            .with_max_bytes(self.max_bytes);
        match self.input_format {
            InputFormat::Auto => options,
            InputFormat::Plain => options.with_format(fou::Format::Plain),
            InputFormat::Markdown => options.with_format(fou::Format::Markdown),
        }
    }
}

/// `4096`, `64K`, `256M`, `1G`, `2GiB` → bytes (K, M, G are powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(digits);
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" => 0,
        "k" | "kib" => 10,
        "m" | "mib" => 20,
        "g" | "gib" => 30,
        _ => return Err(format!("unknown unit {unit:?}: use bytes or K, M, G")),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a size such as 1000000, 64K, 256M or 1G"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{s} is too large"))
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    /// Detect from the text (Markdown headings, bold, links).
    Auto,
    /// Plain text extracted from PDF or DOCX.
    Plain,
    /// Markdown from a document converter.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// One pretty-printed JSON object per report (a JSON array for several files).
    Json,
    /// One JSON object per line.
    Ndjson,
}

/// One input, read and decoded.
pub(crate) struct Input {
    /// The decoded text.
    pub src: fou::Source,
    /// The name to show: the path as given, `<stdin>` for `-`.
    pub name: String,
    /// Parse options: the path to record and the input format.
    pub options: fou::Options,
}

impl Input {
    /// Read `path` (`-`: standard input) and decode it.
    pub fn read(path: &Path, input: InputArgs) -> Result<Self, String> {
        let stdin = path.as_os_str() == "-";
        let name = if stdin {
            "<stdin>".to_owned()
        } else {
            path.display().to_string()
        };
        let mut options = input.options();
        if !stdin {
            options = options.with_path(path.display().to_string());
        }
        let src = if stdin {
            fou::Source::read(std::io::stdin().lock(), &options)
        } else {
            fou::Source::open(path, &options)
        }
        .map_err(|e| format!("fou: {name}: {}", read_error(&e)))?;
        Ok(Input { src, name, options })
    }
}

/// What went wrong reading an input, with the option that changes it.
fn read_error(e: &fou::Error) -> String {
    match e {
        fou::Error::Io { source, .. } => source.to_string(),
        fou::Error::TooLarge { .. } => format!("{e} (--max-bytes raises the limit)"),
        fou::Error::InvalidUtf8 { .. } => {
            format!("{e} (without --strict each becomes U+FFFD with a warning)")
        }
        _ => e.to_string(),
    }
}

/// Write one line to the output.
pub(crate) fn say(out: &mut impl Write, s: &str) -> Result<(), String> {
    writeln!(out, "{s}").map_err(write_error)
}

pub(crate) fn write_error(e: impl std::fmt::Display) -> String {
    format!("fou: cannot write output: {e}")
}

/// The command tree, with the explain help that lists the core's parts.
fn command() -> clap::Command {
    Cli::command().mut_subcommand("explain", |c| c.after_help(explain::help()))
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Parse {
            files,
            format,
            input,
        } => parse(&mut out, &files, format, input),
        Command::Schema => {
            let schema = schemars::schema_for!(fou::Report);
            let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
            say(&mut out, &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { file, input } => {
            explain::run(&mut out, &Input::read(&file, input)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            files,
            severity,
            format,
            input,
        } => check::run(&mut out, &files, severity, format, input),
        Command::Help { command: name } => help(name.as_deref()),
    }
}

/// `fou parse`: reports are written straight to the output, one at a time,
/// so memory stays a few times the largest input, not the sum of all outputs.
fn parse(
    out: &mut impl Write,
    files: &[PathBuf],
    format: OutputFormat,
    input: InputArgs,
) -> Result<ExitCode, String> {
    let several = files.len() > 1 && matches!(format, OutputFormat::Json);
    if several {
        say(out, "[")?;
    }
    for (i, f) in files.iter().enumerate() {
        let inp = Input::read(f, input)?;
        let report = fou::parse_report(&inp.src, &inp.options);
        match format {
            OutputFormat::Ndjson => serde_json::to_writer(&mut *out, &report),
            OutputFormat::Json => serde_json::to_writer_pretty(&mut *out, &report),
        }
        .map_err(write_error)?;
        let sep = if several && i + 1 < files.len() {
            ",\n"
        } else {
            "\n"
        };
        out.write_all(sep.as_bytes()).map_err(write_error)?;
    }
    if several {
        say(out, "]")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `fou help [COMMAND]`: the help of the program or of one subcommand.
fn help(name: Option<&str>) -> Result<ExitCode, String> {
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
    print!("{shown}");
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = match command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
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
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}
