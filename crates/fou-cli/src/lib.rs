//! The `fou` command line as a library: [`run`] is the whole program with
//! its arguments, standard output and standard error given, so that tests
//! and fuzz targets drive exactly what the binary does, in process;
//! `main.rs` only parses the real arguments and calls [`execute`].
//!
//! Exit codes: 0 success, 1 unreadable input, output that cannot be written
//! (or error diagnostics with `check`), 2 bad arguments. Output goes through
//! a buffer; a reader that stops reading (`fou parse x | head -1`) ends fou
//! quietly with 0.
//!
//! ```
//! let (mut out, mut err) = (Vec::new(), Vec::new());
//! let code = fou_cli::run(["fou", "parse", "no-such-file.txt"], &mut out, &mut err);
//! assert_eq!(code, 1);
//! assert!(out.is_empty());
//! assert!(String::from_utf8_lossy(&err).starts_with("fou: no-such-file.txt: "));
//! ```

mod check;
mod collect;
mod explain;
mod input;
mod output;

use std::ffi::OsString;
use std::io::{BufWriter, Write};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use input::{Input, InputArgs, is_stdin};
use output::{Stop, say};

/// The parsed command line ([`parse_args`]), ready for [`execute`].
#[derive(Parser)]
#[command(
    name = "fou",
    version,
    about = "Turn NAV FoU report text into typed data",
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Each subcommand's arguments are added only when it is used or its help is
// shown (`defer`): `fou parse` does not build the arguments of the other six.
// (A `///` comment here would become the program's `about`.)
#[derive(Subcommand)]
#[command(defer = true)]
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
    /// Read many texts as one collection; write it into SQLite (`--db`) or
    /// print one table (`--format`), else a summary.
    ///
    /// Rerunning on the same database updates it: texts are keyed by a
    /// content hash and a text's rows are replaced. The tables are
    /// documented in docs/sqlite-schema.md. Unreadable files are reported
    /// on standard error and skipped (exit status 1); when nothing could be
    /// read, the database is left as it was.
    Collect {
        #[command(flatten)]
        collect: collect::CollectInput,
        /// SQLite database to create or update.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Print one table (`--table`) to standard output in this format.
        #[arg(long, value_enum)]
        format: Option<collect::TableFormat>,
        /// The table (or view: `items`, `timelines`) `--format` prints.
        #[arg(long, value_enum, default_value = "projects", requires = "format")]
        table: collect::TableName,
    },
    /// Print the projects followed across texts: each linked project's timeline.
    Links {
        #[command(flatten)]
        collect: collect::CollectInput,
        /// Timelines for people, or `{"links": [...]}` JSON for tools.
        #[arg(long, value_enum, default_value_t = collect::LinksFormat::Text)]
        format: collect::LinksFormat,
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
fn run_buffered(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Stop> {
    let mut out = BufWriter::with_capacity(output::BUFFER, out);
    let code = dispatch(&mut out, err, cli)?;
    out.flush()?;
    Ok(code)
}

fn dispatch(
    out: &mut BufWriter<&mut dyn Write>,
    err: &mut dyn Write,
    cli: Cli,
) -> Result<u8, Stop> {
    match cli.command {
        Command::Parse {
            files,
            format,
            input,
        } => parse(out, err, &files, format, input),
        Command::Schema => {
            let schema = schemars::schema_for!(fou::Report);
            fou::json::to_writer_pretty(&mut *out, &schema)?;
            say(out, "")?;
            Ok(0)
        }
        Command::Explain { file, input } => {
            let mut buf = Vec::new();
            explain::run(
                out,
                &Input::read(&file, &input, &mut buf).map_err(Stop::Fail)?,
            )?;
            Ok(0)
        }
        Command::Check {
            files,
            severity,
            format,
            input,
        } => check::run(out, err, &files, severity, format, input),
        Command::Collect {
            collect,
            db,
            format,
            table,
        } => collect::collect(out, err, &collect, db.as_deref(), format, table),
        Command::Links { collect, format } => collect::links(out, err, &collect, format),
        Command::Help { command: name } => help(out, err, name.as_deref()),
    }
}

/// Bytes reserved for one report's JSON for each byte of its text: a real
/// report's JSON is 1.2 to 1.7 times its text, so the buffer seldom grows.
const JSON_PER_TEXT_BYTE: usize = 2;

/// Files `fou parse` and `fou check` have in hand for each thread of the
/// rayon pool, when given several ([`each_made`]): enough that a thread
/// with a short text finds another to start while one with a long one
/// goes on, few enough that memory stays a few texts' worth.
const FILES_PER_THREAD: usize = 2;

/// `fou parse`: reports are written in the order of the files, each as
/// soon as it and those before it are parsed; several files are read,
/// parsed and serialised a few at a time on the rayon pool ([`each_made`]),
/// so memory stays a few times the largest input. A file that cannot be
/// read is reported on standard error and skipped, so the output is always
/// valid JSON (an array for several files) or NDJSON; the exit status is
/// then 1.
fn parse<W: Write>(
    out: &mut BufWriter<W>,
    err: &mut dyn Write,
    files: &[PathBuf],
    format: OutputFormat,
    input: InputArgs,
) -> Result<u8, Stop> {
    let [one] = files else {
        return parse_several(out, err, files, format, input);
    };
    // One report is written as it is serialised, in pieces: a buffer of a
    // chunk, not of the whole JSON.
    let mut buf = Vec::new();
    match Input::read(one, &input, &mut buf) {
        Ok(inp) => {
            let report = parse_one(&inp);
            write_report(out, (&inp, &report), format)?;
            Ok(0)
        }
        Err(msg) => {
            tell(err, &msg);
            Ok(1)
        }
    }
}

/// Parse one input ([`sized_run`]).
fn parse_one<'a>(inp: &'a Input<'_>) -> fou::Report<'a> {
    sized_run(inp, || fou::parse_report(&inp.src, &inp.options))
}

/// Run `read` (a parse of `inp`) on the rayon pool when `inp` is a text of
/// [`fou::Options::split_bytes`] or more, so that its sections are read
/// side by side (on a pool of two threads or more); else on this thread,
/// with no pool started.
pub(crate) fn sized_run<R: Send>(inp: &Input<'_>, read: impl FnOnce() -> R + Send) -> R {
    let bytes = u64::try_from(inp.src.text().len()).unwrap_or(u64::MAX);
    if bytes >= inp.options.split_bytes && rayon::current_num_threads() > 1 {
        rayon::scope(|_| read())
    } else {
        read()
    }
}

/// [`parse`] of several `files`: each report's JSON is made on the pool
/// beside the parses ([`render`]), and written here.
fn parse_several<W: Write>(
    out: &mut BufWriter<W>,
    err: &mut dyn Write,
    files: &[PathBuf],
    format: OutputFormat,
    input: InputArgs,
) -> Result<u8, Stop> {
    let array = matches!(format, OutputFormat::Json);
    if array {
        out.write_all(b"[")?;
    }
    let (mut written, mut failed) = (0, false);
    let render = |inp: &Input<'_>, report: &fou::Report<'_>| render(inp, report, format, array);
    each_made(files, &input, &render, |made| {
        let json = match made {
            Ok(json) => json?,
            Err(msg) => {
                tell(err, &msg);
                failed = true;
                return Ok(());
            }
        };
        if array {
            out.write_all(if written == 0 { b"\n" } else { b",\n" })?;
        }
        // Straight to the output, after what its buffer holds.
        out.flush()?;
        out.get_mut().write_all(&json)?;
        written += 1;
        Ok(())
    })?;
    if array {
        out.write_all(if written == 0 { b"]\n" } else { b"\n]\n" })?;
    }
    Ok(u8::from(failed))
}

/// [`write_report`]'s bytes of one report, in memory: made on the pool for
/// several files ([`each_made`]), so that serialising runs beside the
/// parses, not after them on the writing thread.
fn render(
    inp: &Input<'_>,
    report: &fou::Report<'_>,
    format: OutputFormat,
    array: bool,
) -> serde_json::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(inp.src.text().len().saturating_mul(JSON_PER_TEXT_BYTE));
    match format {
        OutputFormat::Ndjson => fou::json::write(&mut json, report)?,
        OutputFormat::Json => fou::json::write_pretty(&mut json, report)?,
    }
    if !array {
        json.push(b'\n');
    }
    Ok(json)
}

/// Read and parse `files`, and give `f` what `make` gives of each input
/// and its report (made where it was parsed, and the report dropped there),
/// or the message of why the file could not be read, in the order of the
/// files. One file is read on this thread, with no pool started for it
/// unless it is large ([`parse_one`]).
///
/// Several are read, parsed and made on the rayon pool, [`FILES_PER_THREAD`]
/// for each thread at a time: a file is started as soon as one before it
/// has been given to `f` (which runs on this thread), so no thread waits
/// for the slowest file of a group, as when they were read in groups, and
/// memory stays a few files' worth.
pub(crate) fn each_made<T: Send>(
    files: &[PathBuf],
    input: &InputArgs,
    make: &(dyn Fn(&Input<'_>, &fou::Report<'_>) -> T + Sync),
    mut f: impl FnMut(Result<T, String>) -> Result<(), Stop>,
) -> Result<(), Stop> {
    let made = |path: &PathBuf| {
        let mut buf = Vec::new();
        let inp = Input::read(path, input, &mut buf)?;
        Ok(make(&inp, &parse_one(&inp)))
    };
    if let [one] = files {
        return f(made(one));
    }
    let window = rayon::current_num_threads().max(1) * FILES_PER_THREAD;
    let (sent, received) = std::sync::mpsc::channel();
    rayon::in_place_scope(|scope| {
        let start = |k: usize| {
            let sent = sent.clone();
            let made = &made;
            // Sent even when the parse panics, to panic on this thread: the
            // receiver waits for every file started.
            scope.spawn(move |_| {
                let m = std::panic::catch_unwind(AssertUnwindSafe(|| made(&files[k])));
                drop(sent.send((k, m)));
            });
        };
        let (mut started, mut given, mut stop) = (0, 0, Ok(()));
        let mut pending = std::collections::BTreeMap::new();
        while given < started || (started < files.len() && stop.is_ok()) {
            while started < files.len().min(given + window) && stop.is_ok() {
                start(started);
                started += 1;
            }
            let Some((k, m)) = next_made(&received) else {
                break;
            };
            pending.insert(
                k,
                m.unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            while let Some(m) = pending.remove(&given) {
                given += 1;
                if stop.is_ok() {
                    stop = f(m);
                }
            }
        }
        stop
    })
}

/// The next file [`each_made`] has made, once one is: on a thread of the
/// rayon pool, the pool's pending work is done meanwhile (the files' own,
/// on a pool of one thread), and it waits only when there is none.
fn next_made<M>(received: &std::sync::mpsc::Receiver<M>) -> Option<M> {
    loop {
        if let Ok(m) = received.try_recv() {
            return Some(m);
        }
        if rayon::yield_now() != Some(rayon::Yield::Executed) {
            return received.recv().ok();
        }
    }
}

/// One report's JSON to `out`, and a line break: pretty JSON in chunks as
/// it is written (its buffer reserved once for a chunk), a line of NDJSON
/// made whole ([`render`]) and written at once.
fn write_report<W: Write>(
    out: &mut BufWriter<W>,
    (inp, report): (&Input<'_>, &fou::Report<'_>),
    format: OutputFormat,
) -> Result<(), Stop> {
    let json = match format {
        OutputFormat::Ndjson => render(inp, report, format, false)?,
        OutputFormat::Json => {
            let room = inp.src.text().len().saturating_mul(JSON_PER_TEXT_BYTE);
            let mut json = Vec::with_capacity(room.min(fou::json::CHUNK_ROOM));
            fou::json::stream_pretty(&mut json, report, out)?;
            json.push(b'\n');
            json
        }
    };
    // Straight to the output, after what its buffer holds: copied into the
    // buffer, the bytes would touch its pages for nothing.
    out.flush()?;
    out.get_mut().write_all(&json)?;
    Ok(())
}

/// `fou help [COMMAND]`: the help of the program or of one subcommand.
fn help(out: &mut impl Write, err: &mut dyn Write, name: Option<&str>) -> Result<u8, Stop> {
    let mut cmd = command();
    cmd.build();
    let shown = match name {
        None => cmd.render_long_help(),
        Some(n) => match cmd.find_subcommand_mut(n) {
            Some(sub) => sub.render_long_help(),
            None => {
                let usage = cmd.render_usage();
                tell(err, &format!("error: no such command: '{n}'\n\n{usage}"));
                return Ok(2);
            }
        },
    };
    write!(out, "{shown}")?;
    Ok(0)
}

/// Parse the command line (`args` starts with the program name), with the
/// usage checks clap cannot make (`-` given twice).
///
/// # Errors
///
/// The usage error, or the help or version text, for the caller to print
/// ([`clap::Error::print`]) with status [`usage_status`].
pub fn parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // The explain help's long text is only ever shown with `explain` on
    // the command line (`fou explain --help`; `fou help explain` renders
    // the whole tree in `help`), so it is not written otherwise.
    let cmd = if args.iter().skip(1).any(|a| a == "explain") {
        command()
    } else {
        Cli::command()
    };
    let cli = cmd
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))?;
    check_usage(&cli)?;
    Ok(cli)
}

/// The exit status for what [`parse_args`] returned instead of a command
/// line: 2 for a usage error, 0 for `--help` and `--version`.
pub fn usage_status(e: &clap::Error) -> u8 {
    if e.use_stderr() { 2 } else { 0 }
}

/// Run a parsed command line, writing its output to `out` (through a
/// buffer) and its messages to `err`; the exit status.
pub fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match run_buffered(cli, out, err) {
        Ok(code) => code,
        Err(Stop::Quiet) => 0,
        Err(Stop::Fail(msg)) => {
            tell(err, &msg);
            1
        }
    }
}

/// The whole program: parse `args` (starting with the program name), run the
/// command with `out` as standard output and `err` as standard error, and
/// return the exit status. Usage errors, help and version text are written
/// without colours (errors to `err`, help and version to `out`). Standard
/// input (`-`) is the process's.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    match parse_args(args) {
        Ok(cli) => execute(cli, out, err),
        Err(e) => {
            let shown = e.render().to_string();
            let _ = if e.use_stderr() {
                err.write_all(shown.as_bytes())
            } else {
                out.write_all(shown.as_bytes())
            };
            usage_status(&e)
        }
    }
}

/// Write a one-line message to standard error; a failure to do so is
/// ignored (there is nowhere left to report it).
fn tell(err: &mut dyn Write, msg: &str) {
    let _ = writeln!(err, "{msg}");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The input arguments of `fou parse` with no options.
    fn default_input() -> InputArgs {
        match parse_args(["fou", "parse", "x"]).map(|cli| cli.command) {
            Ok(Command::Parse { input, .. }) => input,
            _ => panic!("`fou parse x` is a parse command"),
        }
    }

    /// Files are read in a window, not in groups: while the second file of
    /// the first window of files ([`FILES_PER_THREAD`] for each thread) is
    /// still being made, the first file after the window starts as soon as
    /// the first is written. Here the second file's `make` waits for that
    /// one's: in groups, it would wait for the second, and the wait would
    /// end only at its (generous) limit. The files are written in their
    /// order all the same. As `fou` calls it, from a thread outside the
    /// pool (the global pool, of two threads or more: a thread waiting in
    /// `make` leaves another to make the file it waits for).
    #[test]
    fn a_file_after_the_window_starts_while_an_earlier_one_is_made() {
        use std::sync::{Condvar, Mutex};
        // Fails when the global pool was started already; then it is of
        // one thread a core.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build_global();
        assert!(rayon::current_thread_index().is_none());
        assert!(rayon::current_num_threads() >= 2);
        let window = rayon::current_num_threads() * FILES_PER_THREAD;
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = (0..window + 2)
            .map(|i| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, format!("FoU-rapport {}\n", 2000 + i)).unwrap();
                path
            })
            .collect();
        let after_made = (Mutex::new(false), Condvar::new());
        let waited_for_after = Mutex::new(None);
        let make = |inp: &Input<'_>, report: &fou::Report<'_>| {
            let (made, changed) = &after_made;
            if inp.options.path.as_deref() == files[window].to_str() {
                *made.lock().unwrap() = true;
                changed.notify_all();
            } else if inp.options.path.as_deref() == files[1].to_str() {
                let limit = std::time::Duration::from_secs(120);
                let guard = made.lock().unwrap();
                let (seen, _) = changed
                    .wait_timeout_while(guard, limit, |seen| !*seen)
                    .unwrap();
                *waited_for_after.lock().unwrap() = Some(*seen);
            }
            report.year
        };
        let mut years = Vec::new();
        each_made(&files, &default_input(), &make, |year| {
            years.push(year.unwrap());
            Ok(())
        })
        .unwrap_or_else(|_| panic!("each_made stopped"));
        assert_eq!(*waited_for_after.lock().unwrap(), Some(true));
        let expected: Vec<Option<i32>> = (0..files.len()).map(|i| Some(2000 + i as i32)).collect();
        assert_eq!(years, expected);
    }
}
