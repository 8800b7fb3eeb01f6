"""The real reports: what Python gives against the core's own JSON.

The core is scored against the hand-checked gold files by the Rust golden test
(``tests/golden.rs``); this file checks that the Python layer hands on exactly
what the core parsed. For each real report in ``../shared/corpus``:

- ``Report.to_dict()``, which the binding builds from the classes' getters
  (not from serde), equals the core's JSON for the same file
  (``Report.to_json()``: serde_json of the core's ``Report``, as
  ``fou parse --format json`` prints it), key for key, in the same order and
  with the same JSON types;
- reading the attributes of the objects (every property of every class,
  recursively; dates as ISO text) gives the same data, and every key of the
  JSON is an attribute.

Every difference is listed before a test fails.
"""

from __future__ import annotations

import datetime
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import fou
from conftest import CORPUS, REPORTS


def differences(found: Any, expected: Any, where: str = "report", *, ordered: bool = True) -> Iterator[str]:
    """Where two JSON-like values differ, as serde_json compares them
    (``1 != 1.0``, ``True != 1``); with ``ordered`` the keys of a dict must
    also come in the same order."""
    if type(found) is not type(expected):
        yield f"{where}: {type(found).__name__} {found!r:.80} != {type(expected).__name__} {expected!r:.80}"
    elif isinstance(found, dict):
        missing = [k for k in expected if k not in found]
        extra = [k for k in found if k not in expected]
        if missing or extra:
            yield f"{where}: keys only in the JSON {missing}, only in Python {extra}"
        elif ordered and list(found) != list(expected):
            yield f"{where}: keys in the order {list(found)}, the JSON has {list(expected)}"
        for key in expected:
            if key in found:
                yield from differences(found[key], expected[key], f"{where}.{key}", ordered=ordered)
    elif isinstance(found, list):
        if len(found) != len(expected):
            yield f"{where}: {len(found)} items, the JSON has {len(expected)}"
        for i, (a, b) in enumerate(zip(found, expected)):
            yield from differences(a, b, f"{where}[{i}]", ordered=ordered)
    elif found != expected:
        yield f"{where}: {found!r:.80} != {expected!r:.80}"


def attributes(value: Any) -> Any:
    """A value read through the Python API only: an object of a ``fou`` class
    becomes the dict of its properties, a date its ISO text."""
    if isinstance(value, list):
        return [attributes(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if type(value).__module__ == "fou":
        props = [n for n, d in vars(type(value)).items() if inspect.isgetsetdescriptor(d)]
        return {name: attributes(getattr(value, name)) for name in props}
    return value


def count_objects(value: Any) -> int:
    """How many JSON objects a value holds (the report and each item, span …)."""
    if isinstance(value, dict):
        return 1 + sum(count_objects(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_objects(v) for v in value)
    return 0


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_python_equals_the_core_json(shared_dir: Path, name: str) -> None:
    report = fou.parse_file(CORPUS / name)
    core = json.loads(report.to_json())
    assert core["projects"] and core["outline"], f"{name}: the core found no projects"

    misses = [f"to_dict: {d}" for d in differences(report.to_dict(), core)]
    misses += [f"attributes: {d}" for d in differences(attributes(report), core, ordered=False)]
    print(f"{name}: {count_objects(core)} JSON objects compared, {len(misses)} differences")
    for miss in misses:
        print(f"  - {miss}")
    assert not misses, f"{name}: {len(misses)} differences between Python and the core's JSON; see the list above"


def test_every_real_report_is_compared(shared_dir: Path) -> None:
    assert sorted(p.name for p in CORPUS.iterdir() if p.is_file()) == sorted(REPORTS)


def test_items_equal_their_json(reports: list[fou.Report]) -> None:
    # each item's to_dict against the core's JSON of that item alone
    for report in reports:
        items = [*report.projects, *report.portfolio, *report.analyses, *report.dates, *report.diagnostics]
        assert items
        for item in items:
            assert list(differences(item.to_dict(), json.loads(item.to_json()))) == []


def test_differences_are_found() -> None:
    assert list(differences({"a": [1, 2]}, {"a": [1, 2]})) == []
    assert list(differences(1, 1.0)) == ["report: int 1 != float 1.0"]
    assert list(differences({"a": True}, {"a": 1})) == ["report.a: bool True != int 1"]
    assert list(differences({"a": 1, "b": 2}, {"b": 2, "a": 1})) == [
        "report: keys in the order ['a', 'b'], the JSON has ['b', 'a']"
    ]
    assert list(differences({"a": 1, "b": 2}, {"b": 2, "a": 1}, ordered=False)) == []
    assert list(differences({"a": [1]}, {"a": [1, 2], "c": None})) == [
        "report: keys only in the JSON ['c'], only in Python []",
        "report.a: 1 items, the JSON has 2",
    ]
    assert list(differences({"d": "2020-01-02"}, {"d": "2020-01-03"})) == ["report.d: '2020-01-02' != '2020-01-03'"]


def test_attributes_read_the_properties(reports: list[fou.Report]) -> None:
    d = attributes(reports[0].dates[0])
    assert set(d) == {"date", "text", "span", "sentence_span"}
    assert d["date"] == reports[0].dates[0].date.isoformat()
    assert set(d["span"]) == {"start", "end", "line_start", "line_end"}
    assert "abstract" in attributes(reports[0].analyses[0])


def test_parse_of_text_equals_parse_of_file(shared_dir: Path) -> None:
    for name in REPORTS:
        path = CORPUS / name
        from_file = fou.parse_file(path)
        from_bytes = fou.parse(path.read_bytes(), path=str(path))
        assert from_bytes == from_file
        from_text = fou.parse(path.read_text(encoding="utf-8"), path=path)
        # str input has no byte-order mark to report; everything else is the same
        assert from_text.projects == from_file.projects
        assert from_text.portfolio == from_file.portfolio
