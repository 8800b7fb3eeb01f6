//! Reading input with a size limit: files, devices, pipes and readers are
//! read as a stream that stops at [`Options::max_bytes`], so no input can
//! make fou read without end (`/dev/zero`, `yes | fou parse -`).

use std::io::Read;
use std::path::Path;

use crate::{Error, Options, Source};

/// The default of [`Options::max_bytes`]: 256 MiB.
///
/// ```
/// assert_eq!(fou::DEFAULT_MAX_BYTES, 256 * 1024 * 1024);
/// assert_eq!(fou::Options::default().max_bytes, fou::DEFAULT_MAX_BYTES);
/// ```
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Read all of `reader`, but at most `limit` bytes: `Ok(None)` when there
/// is more (the limit plus one byte has been read, no more).
///
/// `hint`, the expected size if known, sizes the buffer once.
fn read_limited(reader: impl Read, limit: u64, hint: u64) -> std::io::Result<Option<Vec<u8>>> {
    let capacity = hint.min(limit).saturating_add(1);
    let mut buf = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0).min(1 << 30));
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= limit).then_some(buf))
}

/// Refuse input longer than `options.max_bytes` ([`Error::TooLarge`]).
pub(crate) fn check_size(len: usize, options: &Options) -> Result<(), Error> {
    let len = len as u64;
    if len > options.max_bytes {
        return Err(Error::TooLarge {
            limit: options.max_bytes,
            size: Some(len),
        });
    }
    Ok(())
}

impl Source {
    /// Read and decode everything `reader` gives (standard input, a pipe,
    /// a socket), at most [`Options::max_bytes`]: at the limit reading stops
    /// with [`Error::TooLarge`], so an endless stream costs the limit and no
    /// more. [`Options::strict`] applies as in [`Source::from_bytes_with`].
    /// Read errors are [`Error::Io`] naming [`Options::path`] (or `<input>`).
    ///
    /// ```
    /// let opts = fou::Options::default();
    /// let src = fou::Source::read(&b"FoU-rapport 2020\n"[..], &opts)?;
    /// assert_eq!(src.line_count(), 1);
    /// let small = fou::Options::default().with_max_bytes(1000);
    /// let err = fou::Source::read(std::io::repeat(b'a'), &small).unwrap_err();
    /// assert!(matches!(err, fou::Error::TooLarge { limit: 1000, size: None }));
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn read(reader: impl Read, options: &Options) -> Result<Self, Error> {
        Self::read_sized(reader, options, 0)
    }

    fn read_sized(reader: impl Read, options: &Options, hint: u64) -> Result<Self, Error> {
        let name = options.path.as_deref().unwrap_or("<input>");
        match read_limited(reader, options.max_bytes, hint) {
            Ok(Some(bytes)) => Self::from_vec_with(bytes, options),
            Ok(None) => Err(Error::TooLarge {
                limit: options.max_bytes,
                size: None,
            }),
            Err(e) => Err(Error::io(name, e)),
        }
    }

    /// Open and read the file at `path`, which may also be a device or a
    /// FIFO, at most [`Options::max_bytes`]: a regular file larger than
    /// that is refused before it is read ([`Error::TooLarge`] with its
    /// size), anything else is read as a stream up to the limit (see
    /// [`Source::read`]). Errors name `path`.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("fou-doc-open.txt");
    /// std::fs::write(&path, "FoU-rapport 2020\n").unwrap();
    /// let opts = fou::Options::default().with_max_bytes(1 << 20);
    /// assert_eq!(fou::Source::open(&path, &opts)?.line_count(), 1);
    /// let tiny = opts.clone().with_max_bytes(10);
    /// assert!(matches!(
    ///     fou::Source::open(&path, &tiny),
    ///     Err(fou::Error::TooLarge { limit: 10, size: Some(17) })
    /// ));
    /// # #[cfg(unix)]
    /// assert!(matches!(
    ///     fou::Source::open("/dev/zero", &opts),
    ///     Err(fou::Error::TooLarge { size: None, .. })
    /// ));
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn open(path: impl AsRef<Path>, options: &Options) -> Result<Self, Error> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let meta = file.metadata().map_err(|e| Error::io(path, e))?;
        let hint = if meta.is_file() { meta.len() } else { 0 };
        if hint > options.max_bytes {
            return Err(Error::TooLarge {
                limit: options.max_bytes,
                size: Some(hint),
            });
        }
        Self::read_sized(file, &options.named(path), hint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_inclusive() {
        let opts = Options::default().with_max_bytes(5);
        assert!(Source::read(&b"12345"[..], &opts).is_ok());
        assert!(matches!(
            Source::read(&b"123456"[..], &opts),
            Err(Error::TooLarge {
                limit: 5,
                size: None
            })
        ));
        assert!(Source::read(&b""[..], &Options::default().with_max_bytes(0)).is_ok());
        assert!(check_size(6, &opts).is_err() && check_size(5, &opts).is_ok());
    }

    #[test]
    fn an_endless_reader_stops_after_the_limit() {
        struct Counting(u64);
        impl Read for Counting {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                buf.fill(b'a');
                self.0 += buf.len() as u64;
                Ok(buf.len())
            }
        }
        let mut r = Counting(0);
        let opts = Options::default().with_max_bytes(100_000);
        assert!(Source::read(&mut r, &opts).is_err());
        assert!(r.0 <= 100_001 + 64 * 1024, "read {} bytes", r.0);
    }
}
