//! Reading the inputs: the options that say how, and one decoded input.

use std::path::Path;
use std::sync::Arc;

use clap::Args;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::output::shown_name;

// How to read the input text. (Not a `///` comment: clap would make it the
// `about` of the subcommands that flatten it, over their own, as their
// arguments are added after their help texts; see `Command` in lib.rs.)
#[derive(Args, Clone)]
pub(crate) struct InputArgs {
    /// Input format: detect it, or read the text as plain text or as Markdown.
    #[arg(long, value_parser = input_formats(), default_value = "auto")]
    input_format: InputFormat,
    /// Refuse damaged UTF-8: a byte that is not valid UTF-8 is an error
    /// instead of U+FFFD and a decode-replaced warning.
    #[arg(long)]
    strict: bool,
    /// Largest input read, in bytes, or with a suffix K, M, G (KiB, MiB,
    /// GiB): `--max-bytes 1G`. Larger files are refused, streams stop there.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    max_bytes: u64,
    /// An institution registry file (TOML, in the shape of the shipped
    /// one) whose entries are added to the builtin registry, replacing
    /// entries with the same id; items' `institution_refs` are read with
    /// both.
    #[arg(long, value_name = "FILE", value_parser = read_registry)]
    registry: Option<Arc<fou::Registry>>,
}

impl InputArgs {
    /// The core's options for these arguments.
    pub(crate) fn options(&self) -> fou::Options {
        let mut options = fou::Options::default()
            .with_strict(self.strict)
            .with_max_bytes(self.max_bytes);
        if let Some(r) = &self.registry {
            options = options.with_registry(Arc::clone(r));
        }
        match self.input_format.0 {
            None => options,
            Some(format) => options.with_format(format),
        }
    }
}

/// `--registry FILE`: the file's entries merged over the builtin registry.
fn read_registry(path: &str) -> Result<Arc<fou::Registry>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mine = fou::Registry::from_toml(&text).map_err(|e| format!("{path}: {e}"))?;
    fou::Registry::builtin()
        .merge(&mine)
        .map(Arc::new)
        .map_err(|e| format!("{path}: {e}"))
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

/// `--input-format`: `auto` (detect the format: `None`) or the name of a
/// [`fou::Format`], read by its `FromStr`.
#[derive(Clone, Copy)]
struct InputFormat(Option<fou::Format>);

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(InputFormat(None)),
            name => name.parse().map(|f| InputFormat(Some(f))),
        }
    }
}

/// The values `--input-format` takes, with their help (`--help` lists them).
fn input_formats() -> impl TypedValueParser<Value = InputFormat> {
    PossibleValuesParser::new([
        PossibleValue::new("auto").help("Detect from the text (Markdown headings, bold, links)"),
        PossibleValue::new("plain").help("Plain text extracted from PDF or DOCX"),
        PossibleValue::new("markdown").help("Markdown from a document converter"),
    ])
    .try_map(|name| name.parse::<InputFormat>())
}

/// Is `path` the name for standard input?
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// One input, read and decoded. Its text is the buffer the caller gave
/// [`Input::read`] when the input is UTF-8 (checked once, not copied).
pub(crate) struct Input<'b> {
    /// The decoded text.
    pub src: fou::Source<'b>,
    /// The name to show in messages: the path as given with control
    /// characters escaped, `<stdin>` for `-`.
    pub name: String,
    /// Parse options: the path to record and the input format.
    pub options: fou::Options,
}

impl<'b> Input<'b> {
    /// Read `path` (`-`: standard input) into `buf`, in place of what it
    /// held, and decode it; the error is the one-line message to print.
    pub fn read(path: &Path, input: &InputArgs, buf: &'b mut Vec<u8>) -> Result<Self, String> {
        let stdin = is_stdin(path);
        let name = if stdin {
            "<stdin>".to_owned()
        } else {
            shown_name(path)
        };
        let mut options = input.options();
        if !stdin {
            options = options.with_path(path.display().to_string());
        }
        let failed = |e: fou::Error| format!("fou: {name}: {}", read_error(&e));
        *buf = if stdin {
            fou::input::read_all(std::io::stdin().lock(), &options)
        } else {
            fou::input::read_file(path, &options)
        }
        .map_err(failed)?;
        let bytes: &'b [u8] = buf;
        let src = fou::Source::from_slice_with(bytes, &options).map_err(failed)?;
        Ok(Input { src, name, options })
    }

    /// The file name for JSON output: the path as recorded (JSON escapes
    /// it), `<stdin>` for standard input.
    pub fn json_name(&self) -> &str {
        self.options.path.as_deref().unwrap_or("<stdin>")
    }
}

/// What went wrong reading an input, with the option that changes it.
pub(crate) fn read_error(e: &fou::Error) -> String {
    match e {
        fou::Error::Io { source, .. } => source.to_string(),
        fou::Error::TooLarge { .. } => format!("{e} (--max-bytes raises the limit)"),
        fou::Error::InvalidUtf8 { .. } => {
            format!("{e} (without --strict each becomes U+FFFD with a warning)")
        }
        _ => e.to_string(),
    }
}
