//! Fatal errors: input that cannot be read at all.
//!
//! Problems *inside* a readable report never become an [`Error`]; they are
//! reported as [`Diagnostic`](crate::Diagnostic)s on the [`Report`](crate::Report).

use std::path::PathBuf;

/// Why a report could not be read.
///
/// ```
/// let err = fou::parse_bytes(&[0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]).unwrap_err();
/// assert!(matches!(err, fou::Error::Decode { offset: 2, line: 1, .. }));
/// let err = fou::parse_bytes(&[0, 1, 2, 3, 4, 5, 6, 7, 0x66]).unwrap_err();
/// assert!(matches!(err, fou::Error::Binary { .. }));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path that was read.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not text in any encoding fou understands.
    #[error("input is not valid {encoding}: undecodable byte at offset {offset}")]
    Decode {
        /// The encoding that was tried.
        encoding: &'static str,
        /// Byte offset of the first byte that could not be decoded.
        offset: usize,
        /// The 1-based line holding it (lines counted in the decoded units
        /// before it: `\n`, `\r\n` and a lone `\r` end lines).
        line: usize,
    },
    /// With [`Options::strict`](crate::Options::strict): the input was read
    /// as UTF-8 but has bytes that are not valid UTF-8 (without `strict`
    /// each becomes U+FFFD with a `decode-replaced` warning).
    ///
    /// ```
    /// let strict = fou::Options::default().with_strict(true);
    /// let err = fou::parse_bytes_with(b"Bl\xc3\xa5\n\xff\xfe.", &strict).unwrap_err();
    /// assert!(matches!(err, fou::Error::InvalidUtf8 { offset: 5, line: 2, count: 2 }));
    /// assert_eq!(err.to_string(), "input is not valid UTF-8: 2 invalid bytes, the first at offset 5 (line 2)");
    /// ```
    #[error(
        "input is not valid UTF-8: {count} invalid byte{}, the first at offset {offset} (line {line})",
        if *.count == 1 { "" } else { "s" }
    )]
    InvalidUtf8 {
        /// Input offset of the first invalid byte.
        offset: usize,
        /// Its 1-based line.
        line: usize,
        /// How many bytes are invalid.
        count: usize,
    },
    /// The input is larger than [`Options::max_bytes`](crate::Options::max_bytes).
    ///
    /// ```
    /// let opts = fou::Options::default().with_max_bytes(4);
    /// let err = fou::parse_bytes_with(b"FoU-rapport", &opts).unwrap_err();
    /// assert_eq!(err.to_string(), "input is larger than the size limit of 4 bytes: it has 11 bytes");
    /// let err = fou::Source::read(std::io::repeat(b'x'), &opts.with_max_bytes(3 << 20)).unwrap_err();
    /// assert_eq!(err.to_string(), "input is larger than the size limit of 3145728 bytes (3 MiB): stopped reading there");
    /// ```
    #[error("input is larger than the size limit of {limit} bytes{}", size_note(*.limit, *.size))]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
        /// The input's size, when it was known before reading (a regular
        /// file, bytes in memory); `None` when a stream was cut at the limit.
        size: Option<u64>,
    },
    /// A regular file changed while it was read: the number of bytes read,
    /// or its length or modification time after the read, disagree with its
    /// length and modification time when it was opened (see
    /// [`Source::open`](crate::Source::open)). What was read is not a
    /// version of the file that ever existed whole, so it is not parsed;
    /// read the file again once it is no longer being written.
    ///
    /// ```
    /// let err = fou::Error::ChangedWhileRead {
    ///     path: "r.txt".into(),
    ///     expected: 1000,
    ///     read: 10,
    ///     now: 10,
    /// };
    /// assert_eq!(
    ///     err.to_string(),
    ///     "the file changed while it was read (it had 1000 bytes when opened, \
    ///      10 were read and it has 10 now): read it again once it is complete"
    /// );
    /// ```
    #[error(
        "the file changed while it was read ({}): read it again once it is complete",
        change_note(*.expected, *.read, *.now)
    )]
    ChangedWhileRead {
        /// The file.
        path: PathBuf,
        /// Its length when it was opened, in bytes.
        expected: u64,
        /// How many bytes were read (for a file that grew past
        /// [`Options::max_bytes`](crate::Options::max_bytes): the limit plus one,
        /// where reading stopped).
        read: u64,
        /// Its length after the read.
        now: u64,
    },
    /// The input looks like binary data rather than text.
    #[error(
        "input looks like binary data (NUL or control bytes at offset {offset}), not a text report"
    )]
    Binary {
        /// Byte offset of the first suspicious byte (in the decoded text
        /// for UTF-16 input, in the input otherwise).
        offset: usize,
        /// The 1-based line holding it.
        line: usize,
    },
}

impl Error {
    /// Attach a path to an error that came from reading bytes.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// ` (256 MiB): stopped reading there`, `: it has 300 bytes`.
fn size_note(limit: u64, size: Option<u64>) -> String {
    let mib = if limit >= 1 << 20 && limit.is_multiple_of(1 << 20) {
        format!(" ({} MiB)", limit >> 20)
    } else {
        String::new()
    };
    match size {
        Some(n) => format!("{mib}: it has {n} bytes"),
        None => format!("{mib}: stopped reading there"),
    }
}

/// `it had 1000 bytes when opened, 10 were read and it has 10 now`, or for a
/// change that kept the length, `its modification time changed`.
fn change_note(expected: u64, read: u64, now: u64) -> String {
    if read == expected && now == expected {
        format!("it has {expected} bytes, but its modification time changed")
    } else {
        format!("it had {expected} bytes when opened, {read} were read and it has {now} now")
    }
}
