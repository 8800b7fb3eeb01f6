"""``input_format=`` forces how the text is read; ``format=`` is its deprecated old name.

The command line's ``--format`` is the *output* format and ``--input-format`` the input
format, so the Python keyword is ``input_format`` too.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Literal

import pytest

import fou

# Our own text. Read as Markdown (it has heading markup), a short line without markup
# ("Veien videre") stays a paragraph; read as plain text, where headings carry no
# markup, it is a heading of the outline. ("Arbeid og helse", right before a list of
# projects, is the list's theme heading either way.)
MARKDOWN = """\
# FoU-rapport 2021

## Forord

Dette er en oppdiktet rapport.

## Bidragsfinansierte prosjekter

Ved utgangen av 2021 hadde vi 2 pågående bidragsfinansierte prosjekter.

Arbeid og helse

- **Jobb og helse i nord**, Nordlandsforskning (2020-2022)
- Tidlig innsats, NTNU og UiO (2021-2023)

Veien videre

Begge prosjektene avsluttes i 2023.
"""


def test_input_format_forces_the_format() -> None:
    detected = fou.parse(MARKDOWN)
    assert detected.source.format == "markdown"
    as_plain = fou.parse(MARKDOWN, input_format="plain")
    as_markdown = fou.parse(MARKDOWN, input_format="markdown")
    assert as_plain.source.format == "plain"
    assert as_markdown.source.format == "markdown"
    assert as_markdown == detected
    # forcing the format changes the reading, not only the label
    assert "Veien videre" in [h.title for h in as_plain.outline]
    assert "Veien videre" not in [h.title for h in as_markdown.outline]


@pytest.mark.parametrize("auto", [None, "auto"])
def test_auto_and_none_detect(auto: Literal["auto"] | None) -> None:
    assert fou.parse(MARKDOWN, input_format=auto) == fou.parse(MARKDOWN)
    plain = "FoU-rapport 2021\n\nForord\n\nTekst.\n"
    assert fou.parse(plain, input_format=auto).source.format == "plain"


def test_bad_input_format() -> None:
    for bad in ["pdf", "Markdown", "", "json"]:
        with pytest.raises(ValueError, match=r'input_format must be "plain", "markdown" or "auto"'):
            fou.parse(MARKDOWN, input_format=bad)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        fou.parse(MARKDOWN, input_format=1)  # type: ignore[call-overload]


def test_files_take_input_format(tmp_path: Path) -> None:
    f = tmp_path / "report.md"
    f.write_text(MARKDOWN, encoding="utf-8")
    assert fou.parse_file(f).source.format == "markdown"
    forced = fou.parse_file(f, input_format="plain")
    assert forced.source.format == "plain"
    assert forced.source.path == str(f)
    assert forced == fou.parse(MARKDOWN, path=str(f), input_format="plain")
    assert fou.parse_file(f, input_format="auto") == fou.parse_file(f)
    many = fou.parse_many([f, f], input_format="plain", threads=2)
    assert many == [forced, forced]
    assert fou.parse_many([f]) == [fou.parse_file(f)]
    with pytest.raises(ValueError, match="input_format"):
        fou.parse_file(f, input_format="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="input_format"):
        fou.parse_many([f], input_format="pdf")  # type: ignore[arg-type]
    # forcing a format does not change how unreadable files fail
    with pytest.raises(fou.ReadError) as info:
        fou.parse_file(tmp_path / "missing.md", input_format="markdown")
    assert info.value.path == str(tmp_path / "missing.md")
    binary = tmp_path / "binary.md"
    binary.write_bytes(bytes(range(32)) * 50)
    with pytest.raises(fou.DecodeError) as dinfo:
        fou.parse_many([f, binary], input_format="markdown")
    assert dinfo.value.path == str(binary)


def test_format_keyword_still_works_but_warns() -> None:
    with pytest.warns(DeprecationWarning, match="use input_format=") as record:
        old = fou.parse(MARKDOWN, format="plain")  # the deprecated overload of the stub
    assert old == fou.parse(MARKDOWN, input_format="plain")
    assert len(record) == 1
    assert record[0].filename == __file__  # points at the caller, not into fou
    with pytest.warns(DeprecationWarning):
        assert fou.parse(MARKDOWN, format="auto") == fou.parse(MARKDOWN)
    with pytest.warns(DeprecationWarning), pytest.raises(ValueError, match="input_format"):
        fou.parse(MARKDOWN, format="pdf")  # type: ignore[call-overload]


def test_format_and_input_format_together_is_an_error() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # and no warning first
        with pytest.raises(TypeError, match="both input_format= and its deprecated name format="):
            fou.parse(MARKDOWN, input_format="plain", format="plain")  # type: ignore[call-overload]


def test_no_warning_without_format() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fou.parse(MARKDOWN, input_format="markdown")
        fou.parse(MARKDOWN)
