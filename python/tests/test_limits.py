"""strict= and max_bytes= of parse, parse_file and parse_many."""

from __future__ import annotations

import os
import pickle
import sys
import threading
from pathlib import Path

import pytest

import fou


def test_strict_refuses_an_invalid_byte() -> None:
    # UTF-8 (the valid "å") with one stray byte: replaced, or with strict an error.
    damaged = b"ok \xc3\xa5\xff"
    assert fou.parse(damaged).source.replaced_bytes == 1
    with pytest.raises(fou.DecodeError) as info:
        fou.parse(damaged, strict=True)
    err = info.value
    assert (err.offset, err.line, err.path) == (5, 1, None)
    assert "not valid UTF-8" in err.message
    assert err.message.count("(line 1)") == 1, err.message


def test_strict_names_the_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_bytes(b"FoU-rapport 2020\n\nBl\xc3\xa5\xff\n")
    assert fou.parse_file(f).source.replaced_bytes == 1
    with pytest.raises(fou.DecodeError) as info:
        fou.parse_file(f, strict=True)
    assert (info.value.path, info.value.offset, info.value.line) == (str(f), 22, 3)
    assert info.value.message.startswith(f"{f}: ")
    with pytest.raises(fou.DecodeError):
        fou.parse_many([f], strict=True)


def test_strict_keeps_windows_1252() -> None:
    # Without any valid multi-byte UTF-8 sequence the bytes are Windows-1252, where
    # every byte is a character: nothing is replaced, so strict has nothing to refuse.
    report = fou.parse(b"ok\xff", strict=True)
    assert (report.source.encoding, report.source.replaced_bytes) == ("windows-1252", 0)


def test_strict_accepts_clean_input() -> None:
    assert fou.parse("FoU-rapport 2020 å\n", strict=True).year == 2020
    assert fou.parse("FoU-rapport 2020 å\n".encode(), strict=True).year == 2020


def test_max_bytes_on_text_and_bytes() -> None:
    text = "FoU-rapport 2020\n"
    for value in (text, text.encode()):
        with pytest.raises(fou.InputTooLarge) as info:
            fou.parse(value, max_bytes=10)
        err = info.value
        assert isinstance(err, fou.ReadError) and isinstance(err, fou.FouError)
        assert (err.limit, err.size, err.path, err.line) == (10, 17, None, None)
        assert "size limit of 10 bytes" in err.message
        assert fou.parse(value, max_bytes=17).year == 2020
    assert fou.parse(text, max_bytes=None).year == 2020


def test_max_bytes_on_a_file(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text("FoU-rapport 2020\n", encoding="utf-8")
    with pytest.raises(fou.InputTooLarge) as info:
        fou.parse_file(f, max_bytes=10)
    assert (info.value.path, info.value.limit, info.value.size) == (str(f), 10, 17)
    assert info.value.message.startswith(f"{f}: ")
    with pytest.raises(fou.InputTooLarge):
        fou.parse_many([f], max_bytes=10, threads=1)
    assert fou.parse_file(f, max_bytes=17, input_format="plain").year == 2020


def test_max_bytes_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        fou.parse("x", max_bytes=-1)
    # the command line's range: any size a u64 holds, and no more
    assert fou.parse("FoU-rapport 2020\n", max_bytes=2**64 - 1).year == 2020
    for too_large in (2**64, 2**100):
        with pytest.raises(ValueError, match="max_bytes"):
            fou.parse("x", max_bytes=too_large)


def test_too_large_pickles() -> None:
    with pytest.raises(fou.InputTooLarge) as info:
        fou.parse(b"0123456789", max_bytes=3, path="x.txt")
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is fou.InputTooLarge
    assert (back.message, back.path, back.limit, back.size) == (info.value.message, "x.txt", 3, 10)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_stops_at_the_limit() -> None:
    with pytest.raises(fou.InputTooLarge) as info:
        fou.parse_file("/dev/zero", max_bytes=1 << 20)
    assert (info.value.limit, info.value.size, info.value.path) == (1 << 20, None, "/dev/zero")
    assert "stopped reading" in info.value.message


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_endless_fifo_stops_at_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        chunk = b"FoU-rapport 2020\n" * 64
        try:
            with open(fifo, "wb") as w:
                while not stop.is_set():
                    w.write(chunk)
                    written[0] += len(chunk)
        except BrokenPipeError:
            pass  # the reader stopped: what is tested

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    try:
        with pytest.raises(fou.InputTooLarge) as info:
            fou.parse_file(fifo, max_bytes=100_000)
        assert info.value.size is None
    finally:
        stop.set()
        t.join(timeout=10)
    assert not t.is_alive()


def test_input_too_large_is_public() -> None:
    assert fou.InputTooLarge.__module__ == "fou"
    assert issubclass(fou.InputTooLarge, fou.ReadError)
    assert not issubclass(fou.InputTooLarge, ValueError)


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_binary_fifo_is_not_read_again(tmp_path: Path) -> None:
    # The line of a DecodeError comes from the core's error, never from reading
    # the file a second time (a FIFO read again would wait for a writer forever).
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb") as w:
            w.write(b"line one\nline two\n" + bytes(range(32)) * 50)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    with pytest.raises(fou.DecodeError) as info:
        fou.parse_file(fifo)
    t.join(timeout=10)
    assert (info.value.path, info.value.offset, info.value.line) == (str(fifo), 18, 3)
