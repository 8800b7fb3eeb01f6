"""The exceptions of :mod:`fou`.

Every error the parser raises is a :class:`FouError`. Its subclasses say what
went wrong:

- :class:`ReadError`: the file could not be read (missing, a directory, no
  permission, or changed while it was read); its subclass
  :class:`InputTooLarge`: the input is longer than ``max_bytes``;
- :class:`DecodeError`: the bytes are not text (malformed UTF-16, binary
  data, or with ``strict=True`` invalid UTF-8);
- :class:`GrammarError`: a small grammar of :mod:`fou.grammar` did not match
  (also a :class:`ValueError`).

Problems *inside* a readable report never raise; they are listed in
``Report.diagnostics``.

The classes are defined here but belong to :mod:`fou` (``__module__ ==
"fou"``), so tracebacks and ``repr`` show the public names (``fou.ReadError``),
and pickles refer to them there.
"""

from __future__ import annotations

__all__ = ["DecodeError", "FouError", "GrammarError", "InputTooLarge", "ReadError"]


class FouError(Exception):
    """Base class of every error raised by :mod:`fou`.

    Raised as such for an internal error of the parser (a bug: please report
    it) and for kinds of errors newer than this package.

    Attributes:
        message: what went wrong, naming the file when there is one.
        path: the file, when the input came from one; else ``None``.
        line: the 1-based line of the problem, when known; else ``None``.
    """

    __module__ = "fou"

    message: str
    path: str | None
    line: int | None

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return self.message


class ReadError(FouError):
    """A report file could not be read: it is missing, a directory, or unreadable,
    or it changed while it was read (truncated, appended to or rewritten: its
    length and modification time after the read disagree with those before it,
    or with the bytes read); read it again once it is complete.

    ``path`` is the file; ``line`` is always ``None``.
    """

    __module__ = "fou"


class InputTooLarge(ReadError):
    """The input is longer than the size limit (``max_bytes=``, 256 MiB by default).

    Raised before a regular file or in-memory input is parsed, and after
    ``max_bytes`` bytes of a stream (a FIFO, a device): nothing more is read.

    Attributes:
        limit: the limit, in bytes.
        size: the input's size in bytes when it was known before reading (a
            regular file, ``str`` or ``bytes``); ``None`` when a stream was cut
            at the limit.
        path: the file, or ``None`` for :func:`fou.parse` without ``path=``.
    """

    __module__ = "fou"

    limit: int | None
    size: int | None

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        limit: int | None = None,
        size: int | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line)
        self.limit = limit
        self.size = size


class DecodeError(FouError):
    """The input is not text fou can decode: malformed UTF-16, binary data, or
    (with ``strict=True``) bytes that are not valid UTF-8.

    Attributes:
        offset: byte offset of the first undecodable (or binary) byte.
        line: 1-based line holding that byte.
        path: the file, or ``None`` for :func:`fou.parse` without ``path=``.
    """

    __module__ = "fou"

    offset: int | None

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line)
        self.offset = offset


class GrammarError(FouError, ValueError):
    """A small grammar of :mod:`fou.grammar` did not match its input.

    Attributes:
        expected: what the grammar expected, e.g. ``"a period like (2019-2021)"``.
        offset: byte offset in the (trimmed) input where matching failed.
        input: the input (shortened to 80 characters).
    """

    __module__ = "fou"

    expected: str
    offset: int
    input: str

    def __init__(self, message: str, *, expected: str = "", offset: int = 0, input: str = "") -> None:
        super().__init__(message)
        self.expected = expected
        self.offset = offset
        self.input = input
