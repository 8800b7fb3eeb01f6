//! Reading input with a size limit: files, devices, pipes and readers are
//! read as a stream that stops at [`Options::max_bytes`], so no input can
//! make fou read without end (`/dev/zero`, `yes | fou parse -`).

use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

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

/// Read everything `reader` gives, at most [`Options::max_bytes`], as
/// [`Source::read`] reads it, and give the bytes undecoded (for
/// [`Source::from_slice_with`], which borrows valid UTF-8 rather than
/// keeping a buffer of its own). Read errors are [`Error::Io`] naming
/// [`Options::path`] (or `<input>`).
///
/// ```
/// let opts = fou::Options::default().with_max_bytes(1000);
/// let bytes = fou::input::read_all(&b"FoU-rapport 2020\n"[..], &opts)?;
/// assert_eq!(fou::Source::from_slice_with(&bytes, &opts)?.line_count(), 1);
/// let err = fou::input::read_all(std::io::repeat(b'a'), &opts).unwrap_err();
/// assert!(matches!(err, fou::Error::TooLarge { limit: 1000, size: None }));
/// # Ok::<(), fou::Error>(())
/// ```
pub fn read_all(reader: impl Read, options: &Options) -> Result<Vec<u8>, Error> {
    let name = options.path.as_deref().unwrap_or("<input>");
    match read_limited(reader, options.max_bytes, 0) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(Error::TooLarge {
            limit: options.max_bytes,
            size: None,
        }),
        Err(e) => Err(Error::io(name, e)),
    }
}

/// Open and read the file at `path` as [`Source::open`] reads it (the
/// limit, devices and FIFOs read as streams, a file that changes while it
/// is read refused), and give its bytes undecoded, for
/// [`Source::from_slice_with`]: the text of a UTF-8 file is then its
/// buffer, checked once by the fast check and not copied.
///
/// ```
/// let path = std::env::temp_dir().join("fou-doc-read-file.txt");
/// std::fs::write(&path, "FoU-rapport 2020\n").unwrap();
/// let opts = fou::Options::default().with_max_bytes(1 << 20);
/// let bytes = fou::input::read_file(&path, &opts)?;
/// assert_eq!(fou::Source::from_slice_with(&bytes, &opts)?.line_count(), 1);
/// assert!(matches!(
///     fou::input::read_file(&path, &opts.with_max_bytes(10)),
///     Err(fou::Error::TooLarge { limit: 10, size: Some(17) })
/// ));
/// # Ok::<(), fou::Error>(())
/// ```
pub fn read_file(path: impl AsRef<Path>, options: &Options) -> Result<Vec<u8>, Error> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return read_all(file, &options.named(path));
    }
    let before = Stamp::of(&meta);
    if before.len > options.max_bytes {
        return Err(Error::TooLarge {
            limit: options.max_bytes,
            size: Some(before.len),
        });
    }
    read_regular(
        file,
        before,
        |f| f.metadata().map(|m| Stamp::of(&m)),
        path,
        options.max_bytes,
    )
}

impl Source<'static> {
    /// Read and decode everything `reader` gives (standard input, a pipe,
    /// a socket), at most [`Options::max_bytes`]: at the limit reading stops
    /// with [`Error::TooLarge`], so an endless stream costs the limit and no
    /// more. [`Options::strict`] applies as in [`Source::from_bytes_with`].
    /// Read errors are [`Error::Io`] naming [`Options::path`] (or `<input>`).
    /// ([`read_all`] and [`Source::from_slice_with`] read the same without
    /// keeping the bytes as an owned text.)
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
        Self::from_vec_with(read_all(reader, options)?, options)
    }

    /// Open and read the file at `path`, which may also be a device or a
    /// FIFO, at most [`Options::max_bytes`]: a regular file larger than
    /// that is refused before it is read ([`Error::TooLarge`] with its
    /// size), anything else is read as a stream up to the limit (see
    /// [`Source::read`]). Errors name `path`. ([`read_file`] and
    /// [`Source::from_slice_with`] read the same without keeping the bytes
    /// as an owned text.)
    ///
    /// A regular file that changes while it is read is refused
    /// ([`Error::ChangedWhileRead`]) rather than parsed as whatever part of
    /// it was read: its length and modification time are taken when it is
    /// opened and again after the read, and must agree with each other and
    /// with the number of bytes read. (A file whose length says 0, as in
    /// `/proc`, is read as a stream; only its metadata after the read is
    /// compared. A change that keeps both the length and the modification
    /// time, within the file system's clock resolution, cannot be seen.
    /// Pseudo-files whose length is not their content, as in `/sys`, are
    /// refused as changed.)
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
        let options = options.named(path);
        Self::from_vec_with(read_file(path, &options)?, &options)
    }
}

/// What the metadata of a regular file says: its length and modification
/// time (`None` where the platform has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Self {
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// Did a regular file change while it was read? `before` and `after` are
/// its metadata around the read, `read` the number of bytes read. A length
/// of 0 before the read is not held against the bytes read (files in
/// `/proc` say 0 and have content); the metadata after the read still is.
fn changed(before: Stamp, read: u64, after: Stamp) -> bool {
    after != before || (before.len != 0 && read != before.len)
}

/// Read a regular file (`reader`) whose metadata said `before` when it was
/// opened; `stat` gives its metadata after the read. A change in between
/// is [`Error::ChangedWhileRead`]; so is growing past the limit, which its
/// length before the read did not reach.
fn read_regular<R: Read>(
    mut reader: R,
    before: Stamp,
    stat: impl FnOnce(&R) -> std::io::Result<Stamp>,
    path: &Path,
    limit: u64,
) -> Result<Vec<u8>, Error> {
    let got = read_limited(&mut reader, limit, before.len).map_err(|e| Error::io(path, e))?;
    let after = stat(&reader).map_err(|e| Error::io(path, e))?;
    let read = got
        .as_ref()
        .map_or(limit.saturating_add(1), |b| b.len() as u64);
    if changed(before, read, after) {
        return Err(Error::ChangedWhileRead {
            path: path.to_owned(),
            expected: before.len,
            read,
            now: after.len,
        });
    }
    got.ok_or(Error::TooLarge { limit, size: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

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

    fn stamp(len: u64, secs: u64) -> Stamp {
        Stamp {
            len,
            modified: Some(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs)),
        }
    }

    #[test]
    fn a_file_changed_while_read_is_seen() {
        let same = stamp(100, 5);
        assert!(!changed(same, 100, same));
        // fewer or more bytes than the length said, metadata unchanged
        assert!(changed(same, 60, same));
        assert!(changed(same, 101, same));
        // truncated, appended, or rewritten in place
        assert!(changed(same, 60, stamp(60, 6)));
        assert!(changed(same, 100, stamp(120, 6)));
        assert!(changed(same, 100, stamp(100, 6)));
        // a length of 0 (`/proc`) is read as a stream, but must stay 0
        assert!(!changed(stamp(0, 5), 300, stamp(0, 5)));
        assert!(changed(stamp(0, 5), 300, stamp(300, 5)));
        // no modification times on this platform: lengths only
        let bare = Stamp {
            len: 10,
            modified: None,
        };
        assert!(!changed(bare, 10, bare));
        assert!(changed(
            bare,
            10,
            Stamp {
                len: 11,
                modified: None
            }
        ));
    }

    /// A reader that gives fewer or more bytes than its stamp said.
    #[test]
    fn a_reader_that_disagrees_with_its_length_is_refused() {
        let opts = Options::default();
        let path = Path::new("r.txt");
        let before = stamp(20, 5);
        let ok = read_regular(
            &[b'a'; 20][..],
            before,
            |_| Ok(before),
            path,
            opts.max_bytes,
        );
        assert!(ok.is_ok());
        for n in [0, 19, 21] {
            let bytes = vec![b'a'; n];
            let err =
                read_regular(&bytes[..], before, |_| Ok(before), path, opts.max_bytes).unwrap_err();
            assert!(
                matches!(&err, Error::ChangedWhileRead { expected: 20, read, now: 20, path: p }
                    if *read == n as u64 && p == path),
                "{err:?}"
            );
        }
        // Grown past the limit while read: a change, not `TooLarge`.
        let small = Options::default().with_max_bytes(30);
        let err = read_regular(
            std::io::repeat(b'a'),
            before,
            |_| Ok(before),
            path,
            small.max_bytes,
        );
        assert!(
            matches!(err, Err(Error::ChangedWhileRead { read: 31, .. })),
            "{err:?}"
        );
    }

    /// A real file that `meddle` changes just before the first read.
    fn read_meddled(name: &str, meddle: impl FnOnce(&Path)) -> Result<Vec<u8>, Error> {
        struct Meddling<F> {
            file: std::fs::File,
            path: std::path::PathBuf,
            meddle: Option<F>,
        }
        impl<F: FnOnce(&Path)> Read for Meddling<F> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if let Some(f) = self.meddle.take() {
                    f(&self.path);
                }
                self.file.read(buf)
            }
        }
        // Removed, with the file, when the read is done (or a step panics).
        let dir = tempfile::Builder::new()
            .prefix("fou-changed-")
            .tempdir()
            .unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, "FoU-rapport 2020\n".repeat(50)).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let before = Stamp::of(&file.metadata().unwrap());
        let reader = Meddling {
            file,
            path: path.clone(),
            meddle: Some(meddle),
        };
        let stat = |r: &Meddling<_>| r.file.metadata().map(|m| Stamp::of(&m));
        let result = read_regular(reader, before, stat, &path, DEFAULT_MAX_BYTES);
        dir.close().unwrap();
        result
    }

    fn writable(path: &Path) -> std::fs::File {
        std::fs::OpenOptions::new().append(true).open(path).unwrap()
    }

    #[test]
    fn a_real_file_truncated_appended_or_touched_while_read_is_refused() {
        assert!(read_meddled("same.txt", |_| ()).is_ok());
        let err = read_meddled("truncated.txt", |p| {
            writable(p).set_len(17).unwrap();
        });
        assert!(
            matches!(
                err,
                Err(Error::ChangedWhileRead {
                    expected: 850,
                    read: 17,
                    now: 17,
                    ..
                })
            ),
            "{err:?}"
        );
        let err = read_meddled("appended.txt", |p| {
            writable(p).write_all(b"Forord\n").unwrap();
        });
        assert!(
            matches!(
                err,
                Err(Error::ChangedWhileRead {
                    expected: 850,
                    read: 857,
                    now: 857,
                    ..
                })
            ),
            "{err:?}"
        );
        // Rewritten in place with the same length: only the time tells.
        let err = read_meddled("touched.txt", |p| {
            let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(86_400);
            writable(p).set_modified(t).unwrap();
        });
        assert!(
            matches!(
                err,
                Err(Error::ChangedWhileRead {
                    expected: 850,
                    read: 850,
                    now: 850,
                    ..
                })
            ),
            "{err:?}"
        );
        let msg = err.map(|_| ()).unwrap_err().to_string();
        assert!(msg.contains("modification time changed"), "{msg}");
    }
}
