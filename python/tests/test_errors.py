"""Bad input raises the documented exceptions, and nothing else ever escapes."""

from __future__ import annotations

import os
import pickle
import random
import traceback
from pathlib import Path

import pytest

import fou
from conftest import CORPUS

# UTF-16LE with a byte-order mark: "a\nb\n", then an unpaired high surrogate at byte 10.
BAD_UTF16 = b"\xff\xfea\x00\n\x00b\x00\n\x00\x00\xd8c\x00"


def test_hierarchy() -> None:
    for cls in (fou.ReadError, fou.DecodeError, fou.GrammarError):
        assert issubclass(cls, fou.FouError)
    assert issubclass(fou.InputTooLarge, fou.ReadError)
    assert issubclass(fou.FouError, Exception)
    assert issubclass(fou.GrammarError, ValueError)
    assert not issubclass(fou.ReadError, ValueError)


def test_exceptions_have_public_paths(tmp_path: Path) -> None:
    # Tracebacks name the class by __module__ + __qualname__: they must show
    # fou.ReadError, never the private module the class is defined in.
    for cls in (fou.FouError, fou.ReadError, fou.InputTooLarge, fou.DecodeError, fou.GrammarError):
        assert cls.__module__ == "fou", cls
        assert getattr(fou, cls.__qualname__) is cls
    raised: list[BaseException] = []
    for call in (
        lambda: fou.parse_file(tmp_path / "nope.txt"),
        lambda: fou.parse(BAD_UTF16),
        lambda: fou.parse_many([tmp_path / "nope.txt"]),
        lambda: fou.grammar.count("mange"),
        lambda: fou.parse("FoU-rapport 2021\n", max_bytes=4),
    ):
        with pytest.raises(fou.FouError) as info:
            call()
        raised.append(info.value)
    # the very classes of the package, not look-alikes
    assert [type(e) for e in raised] == [
        fou.ReadError, fou.DecodeError, fou.ReadError, fou.GrammarError, fou.InputTooLarge
    ]  # fmt: skip
    shown = ["".join(traceback.format_exception_only(type(e), e)) for e in raised]
    assert shown[0].startswith("fou.ReadError: ")
    assert shown[1].startswith("fou.DecodeError: ")
    assert shown[2].startswith("fou.ReadError: ")
    assert shown[3].startswith("fou.GrammarError: ")
    assert shown[4].startswith("fou.InputTooLarge: ")
    assert not any("_errors" in s for s in shown), shown


def test_classes_are_bound_when_the_module_loads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The extension holds typed handles on the classes, bound at import: it does
    # not look a class up by its name when it raises.
    import fou._errors

    class Impostor(Exception):
        pass

    for name in fou._errors.__all__:
        monkeypatch.setattr(fou._errors, name, Impostor)
    with pytest.raises(fou.ReadError):
        fou.parse_file(tmp_path / "nope.txt")
    with pytest.raises(fou.DecodeError):
        fou.parse(BAD_UTF16)
    with pytest.raises(fou.InputTooLarge):
        fou.parse("FoU-rapport 2021\n", max_bytes=4)
    with pytest.raises(fou.GrammarError):
        fou.grammar.count("mange")


def test_public_classes_live_in_public_modules() -> None:
    for name in fou.__all__:
        obj = getattr(fou, name)
        if isinstance(obj, type):
            assert obj.__module__ == "fou", f"fou.{name}.__module__ == {obj.__module__!r}"
    for name in fou.grammar.__all__:
        obj = getattr(fou.grammar, name)
        if isinstance(obj, type):
            assert obj.__module__ in ("fou", "fou.grammar"), f"fou.grammar.{name}: {obj.__module__!r}"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(fou.ReadError) as info:
        fou.parse_file(path)
    err = info.value
    assert err.path == str(path)
    assert err.line is None
    assert str(path) in err.message and str(err) == err.message
    assert "No such file" in err.message


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(fou.ReadError) as info:
        fou.parse_file(tmp_path)
    assert info.value.path == str(tmp_path)
    assert info.value.line is None


def test_path_through_a_file(tmp_path: Path) -> None:
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises(fou.ReadError):
        fou.parse_file(f / "child.txt")


def test_binary_garbage_bytes() -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(fou.DecodeError) as info:
        fou.parse(garbage)
    err = info.value
    assert err.path is None
    assert isinstance(err.offset, int) and 0 <= err.offset < len(garbage)
    assert isinstance(err.line, int) and err.line >= 1
    assert "binary" in err.message


def test_binary_file_names_path_and_line(tmp_path: Path) -> None:
    f = tmp_path / "report.pdf"
    f.write_bytes(b"line one\nline two\n" + bytes(range(32)) * 50)
    with pytest.raises(fou.DecodeError) as info:
        fou.parse_file(f)
    err = info.value
    assert err.path == str(f)
    assert err.message.startswith(f"{f}: ")
    assert err.offset is not None
    assert err.line == 1 + f.read_bytes()[: err.offset].count(b"\n")


def test_undecodable_utf16(tmp_path: Path) -> None:
    with pytest.raises(fou.DecodeError) as info:
        fou.parse(BAD_UTF16)
    assert (info.value.offset, info.value.line) == (10, 3)
    f = tmp_path / "bad16.txt"
    f.write_bytes(BAD_UTF16)
    with pytest.raises(fou.DecodeError) as info:
        fou.parse_file(f)
    assert (info.value.path, info.value.offset, info.value.line) == (str(f), 10, 3)
    assert "utf-16" in info.value.message.lower()


def test_invalid_utf8_is_read_as_windows_1252() -> None:
    # The core decodes bytes that are not UTF-8 as Windows-1252 (older Norwegian
    # files): documented behaviour, so invalid UTF-8 is *not* an error.
    report = fou.parse(b"FoU-rapport 2021\n\nBl\xe5b\xe6r og \xf8l\n")
    assert report.source.encoding == "windows-1252"
    assert report.year == 2021
    # ... unless it also looks binary
    with pytest.raises(fou.DecodeError):
        fou.parse(b"\xff\xfe\xfd" + bytes(range(1, 32)) * 40)


def test_exceptions_pickle() -> None:
    try:
        fou.parse(BAD_UTF16, path="x.txt")
    except fou.DecodeError as err:
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is fou.DecodeError
        assert (back.message, back.path, back.offset, back.line) == (err.message, "x.txt", 10, 3)
    else:
        pytest.fail("no DecodeError")
    try:
        fou.grammar.count("mange")
    except fou.GrammarError as gerr:
        back_g = pickle.loads(pickle.dumps(gerr))
        assert (back_g.expected, back_g.offset, back_g.input) == (gerr.expected, gerr.offset, gerr.input)


def test_parse_many_raises_for_the_first_failing_path(tmp_path: Path) -> None:
    good = CORPUS / "fou-2020.txt"
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "binary.bin"
    binary.write_bytes(bytes(range(32)) * 100)
    with pytest.raises(fou.ReadError) as info:
        fou.parse_many([good, missing, good, binary], threads=2)
    assert info.value.path == str(missing)
    assert str(missing) in str(info.value)
    with pytest.raises(fou.DecodeError) as dinfo:
        fou.parse_many([good, binary, missing])
    assert dinfo.value.path == str(binary)
    assert dinfo.value.line == 1


def test_parse_many_argument_errors() -> None:
    with pytest.raises(TypeError, match="iterable of paths"):
        fou.parse_many(str(CORPUS / "fou-2020.txt"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable of paths"):
        fou.parse_many(CORPUS / "fou-2020.txt")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        fou.parse_many([1, 2])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="threads"):
        fou.parse_many([], threads=0)
    with pytest.raises(ValueError, match="threads"):
        fou.parse_many([], threads=-3)
    assert fou.parse_many([]) == []


def _garbage(rng: random.Random, seed_text: bytes) -> bytes:
    kind = rng.randrange(5)
    n = rng.randrange(0, 3000)
    if kind == 0:  # random bytes
        return bytes(rng.randrange(256) for _ in range(n))
    if kind == 1:  # random printable-ish bytes and line breaks
        return bytes(rng.choice(b"abc -*#()[]:.,\n\r\t0123456789\xc3\xa5\xe2\x80\x93") for _ in range(n))
    if kind == 2:  # a slice of a real report with bytes flipped
        start = rng.randrange(len(seed_text))
        chunk = bytearray(seed_text[start : start + n])
        for _ in range(rng.randrange(1, 20)):
            if chunk:
                chunk[rng.randrange(len(chunk))] = rng.randrange(256)
        return bytes(chunk)
    if kind == 3:  # a real report cut anywhere (maybe inside a UTF-8 sequence)
        return seed_text[: rng.randrange(len(seed_text))]
    return b"\xff\xfe" + bytes(rng.randrange(256) for _ in range(n))  # UTF-16-ish


def test_garbage_never_raises_anything_but_fou_error() -> None:
    rng = random.Random(20240601)
    seeds = [(CORPUS / name).read_bytes() for name in ("fou-2020.txt", "fou-2022.md")]
    outcomes = {"report": 0, "error": 0}
    for i in range(400):
        data = _garbage(rng, seeds[i % 2])
        try:
            report = fou.parse(data)
        except fou.FouError:
            outcomes["error"] += 1
        else:
            assert isinstance(report, fou.Report)
            report.to_dict()
            outcomes["report"] += 1
        text = data.decode("utf-8", errors="replace")
        assert isinstance(fou.parse(text), fou.Report)
    assert outcomes["report"] > 0 and outcomes["error"] > 0, outcomes


def test_unreadable_file_when_permissions_apply(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("FoU-rapport 2020\n")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):  # root reads anything: then the file must parse
            assert fou.parse_file(f).year == 2020
        else:
            with pytest.raises(fou.ReadError) as info:
                fou.parse_file(f)
            assert info.value.path == str(f)
    finally:
        f.chmod(0o600)


# A pseudo-file whose length (4096) is not its content: to fou, a regular file
# that gave fewer bytes than its length said, which is what a file truncated
# while read looks like. (Files changed while read are tested in the core.)
SHORT_PSEUDO_FILE = Path("/sys/devices/system/cpu/online")


@pytest.mark.skipif(
    not SHORT_PSEUDO_FILE.is_file() or SHORT_PSEUDO_FILE.stat().st_size == len(SHORT_PSEUDO_FILE.read_bytes()),
    reason="needs a /sys file whose length is not its content",
)
def test_a_file_that_disagrees_with_its_length_is_a_read_error() -> None:
    for call in (lambda: fou.parse_file(SHORT_PSEUDO_FILE), lambda: fou.parse_many([SHORT_PSEUDO_FILE])):
        with pytest.raises(fou.ReadError) as info:
            call()
        err = info.value
        assert type(err) is fou.ReadError
        assert err.path == str(SHORT_PSEUDO_FILE)
        assert err.message.startswith(f"{SHORT_PSEUDO_FILE}: the file changed while it was read"), err.message


def test_lone_surrogates_read_as_the_bytes_they_stand_for() -> None:
    """A str read with ``errors="surrogateescape"`` parses as its bytes would: one
    byte that is not UTF-8 is U+FFFD with a warning (``DecodeError`` when strict),
    not a ``UnicodeEncodeError``; any other lone surrogate too."""
    raw = "FoU-rapport 2023\n\nForord\n\nVi så på tiltak for unge.\n".encode()
    bad = raw.replace("så".encode(), b"s\xe5")
    escaped = bad.decode("utf-8", "surrogateescape")
    assert fou.parse(escaped).to_dict() == fou.parse(bad).to_dict()
    r = fou.parse(escaped)
    assert [d.span.line_start for d in r.diagnostics if d.code == "decode-replaced" and d.span] == [5]
    assert "\ufffd" in (r.preface.text if r.preface else "")
    with pytest.raises(fou.DecodeError) as info:
        fou.parse(escaped, strict=True)
    assert info.value.line == 5
    lone = fou.parse("FoU-rapport 2023\n\nForord\n\nVi s\ud800 på tiltak.\n")
    assert [d.span.line_start for d in lone.diagnostics if d.code == "decode-replaced" and d.span] == [5]
    assert lone.year == 2023
