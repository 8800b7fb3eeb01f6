"""The Python API: classes, attributes, the JSON contract, equality, pickling."""

from __future__ import annotations

import concurrent.futures
import copy
import datetime
import json
import multiprocessing
import pickle
from pathlib import Path

import pytest

import fou
from conftest import CORPUS

SAMPLE = """\
FoU-rapport 2021

Bidragsfinansierte prosjekter

Ved utgangen av 2021 hadde vi 2 pågående bidragsfinansierte prosjekter.

Arbeid og helse

- Jobb og helse i nord, Nordlandsforskning (2020-2022)
- Tidlig innsats, NTNU og UiO (2021-2023)
"""

ITEM_CLASSES = [
    fou.Report,
    fou.Project,
    fou.PortfolioItem,
    fou.Period,
    fou.Analysis,
    fou.Publication,
    fou.PhdCandidate,
    fou.Vendor,
    fou.StatedCount,
    fou.DateMention,
    fou.Diagnostic,
    fou.Heading,
    fou.Preface,
    fou.Signatory,
    fou.Span,
    fou.SourceInfo,
]


def test_small_report_as_objects() -> None:
    report = fou.parse(SAMPLE)
    assert report.year == 2021
    assert report.schema_version == fou.SCHEMA_VERSION == 1
    assert [p.title for p in report.portfolio] == ["Jobb og helse i nord", "Tidlig innsats"]
    item = report.portfolio[1]
    assert item.institutions == ["NTNU", "UiO"]
    assert item.institution_raw == "NTNU og UiO"
    assert item.theme == "Arbeid og helse"
    assert item.funding == "bidrag"
    assert item.status == "ongoing"
    assert item.period == fou.Period.from_json('{"start": 2021, "end": 2023}')
    assert (item.period.start, item.period.end) == (2021, 2023)
    assert item.span.line_start == item.span.line_end == 10
    assert SAMPLE.encode()[item.span.start : item.span.end].decode().startswith("- Tidlig innsats")
    assert report.stated_counts[0].value == 2
    assert report.stated_counts[0].refers_to == "portfolio/bidrag/ongoing"
    assert report.source.path is None
    assert report.source.format == "plain"


def test_classes_live_in_module_fou() -> None:
    for cls in ITEM_CLASSES:
        assert cls.__module__ == "fou", cls
        assert getattr(fou, cls.__name__) is cls
        assert cls.__doc__, f"{cls.__name__} has no docstring"
    for fn in (fou.parse, fou.parse_file, fou.parse_many, fou.to_records, fou.projects_frame):
        assert fn.__doc__


def test_real_report_attributes_have_python_types(reports: list[fou.Report]) -> None:
    r2020, r2022 = reports
    assert r2020.year == 2020 and r2022.year == 2022
    assert r2020.source.path == str(CORPUS / "fou-2020.txt")
    assert r2022.source.format == "markdown"
    assert r2020.source.encoding in {"utf-8", "utf-8-sig"}
    assert r2020.source.encoding_evidence.startswith("valid UTF-8")
    assert r2020.source.replaced_bytes == 0
    assert r2020.source.bytes == (CORPUS / "fou-2020.txt").stat().st_size
    for report in reports:
        for p in report.projects:
            assert isinstance(p, fou.Project)
            assert isinstance(p.title, str) and p.title
            assert isinstance(p.institutions, list) and all(isinstance(i, str) for i in p.institutions)
            assert p.funding in {"bidrag", "oppdrag", None}
            assert isinstance(p.summary, list)
            assert isinstance(p.span, fou.Span) and 1 <= p.span.line_start <= p.span.line_end
        for item in report.portfolio:
            assert item.status in {"ongoing", "granted", "shortlisted"}
            assert isinstance(item.description, list)
            assert item.leader is None or isinstance(item.leader, str)
            assert item.period is None or isinstance(item.period, fou.Period)
        for d in report.dates:
            assert type(d.date) is datetime.date
        for a in report.analyses:
            assert isinstance(a.abstract, list) and isinstance(a.authors, list)
        for h in report.outline:
            assert isinstance(h.level, int) and isinstance(h.title, str)
        for diag in report.diagnostics:
            assert diag.severity in {"error", "warning", "info"}
            assert diag.span is None or isinstance(diag.span, fou.Span)
        assert report.has_errors() == any(d.severity == "error" for d in report.diagnostics)
    assert r2020.preface is not None and r2020.preface.signatory is not None
    assert isinstance(r2020.preface.signatory.name, str)
    assert r2022.phd and all(p.status in {"completed", "ongoing"} for p in r2022.phd)
    assert r2022.vendors and all(isinstance(v, fou.Vendor) for v in r2022.vendors)
    assert r2020.publications and all(isinstance(p.year, int) for p in r2020.publications)


def test_attributes_are_read_only(reports: list[fou.Report]) -> None:
    report = reports[0]
    with pytest.raises(AttributeError):
        report.year = 1999  # type: ignore[misc]
    with pytest.raises(AttributeError):
        report.projects[0].title = "x"  # type: ignore[misc]
    # list attributes are copies: changing one changes nothing in the report
    projects = report.projects
    projects.clear()
    assert report.projects


def test_to_dict_is_the_json_contract(reports: list[fou.Report]) -> None:
    keys = {
        "schema_version", "source", "year", "title", "preface", "outline", "projects", "portfolio",
        "analyses", "publications", "phd", "vendors", "stated_counts", "dates", "diagnostics",
    }  # fmt: skip
    for report in reports:
        data = report.to_dict()
        assert data == json.loads(report.to_json())
        assert data == json.loads(report.to_json(indent=2))
        assert keys <= data.keys()
        assert data["schema_version"] == 1
        assert set(data["source"]) >= {"path", "format", "encoding", "bytes", "lines"}
        project = data["projects"][0]
        assert set(project) >= {"title", "institution_raw", "institutions", "funding", "theme", "lead", "summary"}
        assert set(project["span"]) == {"start", "end", "line_start", "line_end"}
        assert project == report.projects[0].to_dict()
        for d in data["dates"]:
            datetime.date.fromisoformat(d["date"])
        # the object view and the dict view agree
        assert [p["title"] for p in data["portfolio"]] == [p.title for p in report.portfolio]
        assert [a["abstract"] for a in data["analyses"]] == [a.abstract for a in report.analyses]
    pretty = reports[0].to_json(indent=2)
    assert pretty.startswith('{\n  "schema_version": 1,')


def test_from_json_round_trips_and_rejects_garbage(reports: list[fou.Report]) -> None:
    for report in reports:
        assert fou.Report.from_json(report.to_json()) == report
        for p in report.portfolio:
            assert fou.PortfolioItem.from_json(p.to_json()) == p
    with pytest.raises(ValueError, match="invalid Report JSON"):
        fou.Report.from_json('{"year": 2020}')


def test_equality_and_hash(reports: list[fou.Report]) -> None:
    r2020, r2022 = reports
    again = fou.parse_file(CORPUS / "fou-2020.txt")
    assert again == r2020 and again is not r2020
    assert hash(again) == hash(r2020)
    assert r2020 != r2022
    assert r2020 != "a report"
    assert r2020.projects[0] == again.projects[0]
    assert r2020.projects[0] != r2020.projects[1]
    assert len({*r2020.projects, *again.projects}) == len(r2020.projects)
    assert fou.Span.from_json(r2020.projects[0].span.to_json()) == r2020.projects[0].span


def test_repr_is_readable(reports: list[fou.Report]) -> None:
    r = repr(reports[0])
    assert r.startswith("Report(year=2020, title=") and "projects=16" in r
    p = reports[0].portfolio[0]
    assert repr(p).startswith(f"PortfolioItem(title={p.title!r}, institutions={p.institutions!r}")
    assert repr(p.period) == f"Period(start={p.period.start}, end={p.period.end})"  # type: ignore[union-attr]
    assert repr(p.span).startswith("Span(start=")
    for cls_items in (reports[0].projects, reports[0].analyses, reports[1].phd, reports[1].vendors, reports[0].dates):
        for item in cls_items[:3]:
            assert repr(item).startswith(type(item).__name__ + "(")


@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
def test_pickle_round_trips(reports: list[fou.Report], protocol: int) -> None:
    for report in reports:
        back = pickle.loads(pickle.dumps(report, protocol=protocol))
        assert type(back) is fou.Report
        assert back == report
        assert back.to_dict() == report.to_dict()
    items: list[object] = [
        reports[0].projects[0],
        reports[0].portfolio[0],
        reports[0].portfolio[0].period,
        reports[0].analyses[0],
        reports[0].publications[0],
        reports[1].phd[0],
        reports[1].vendors[0],
        reports[0].stated_counts[0],
        reports[0].dates[0],
        reports[0].diagnostics[0],
        reports[0].outline[0],
        reports[0].preface,
        reports[0].preface.signatory if reports[0].preface else None,
        reports[0].projects[0].span,
        reports[0].source,
    ]
    for item in items:
        assert item is not None
        assert pickle.loads(pickle.dumps(item, protocol=protocol)) == item
    assert copy.deepcopy(reports[0]) == reports[0]
    assert copy.copy(reports[0].projects[0]) == reports[0].projects[0]


def _parse_in_child(path: str) -> fou.Report:
    return fou.parse_file(path)


def _titles_in_child(report: fou.Report) -> list[str]:
    return [p.title for p in report.projects]


def test_reports_cross_process_boundaries(reports: list[fou.Report]) -> None:
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: everything goes through pickle
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        back = list(pool.map(_parse_in_child, [str(CORPUS / "fou-2020.txt"), str(CORPUS / "fou-2022.md")]))
        titles = list(pool.map(_titles_in_child, reports))
    assert back == reports
    assert titles == [[p.title for p in r.projects] for r in reports]


def test_parse_arguments(tmp_path: Path) -> None:
    r = fou.parse(SAMPLE, path="some/where.txt")
    assert r.source.path == "some/where.txt"
    assert fou.parse(SAMPLE, path=Path("x.txt")).source.path == "x.txt"
    assert fou.parse(SAMPLE, input_format="markdown").source.format == "markdown"
    assert fou.parse(SAMPLE.encode("utf-8")) == fou.parse(SAMPLE)
    bom = fou.parse(b"\xef\xbb\xbf" + SAMPLE.encode())
    assert bom.source.encoding == "utf-8-sig"
    assert [p.title for p in bom.portfolio] == [p.title for p in fou.parse(SAMPLE).portfolio]
    with pytest.raises(ValueError, match="input_format"):
        fou.parse(SAMPLE, input_format="pdf")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str or bytes"):
        fou.parse(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        fou.parse(SAMPLE, "positional-path")  # type: ignore[misc]
    f = tmp_path / "r.txt"
    f.write_text(SAMPLE, encoding="utf-8")
    assert fou.parse_file(f).source.path == str(f)
    assert fou.parse_file(str(f)) == fou.parse_file(f)


def test_empty_and_odd_text_parse() -> None:
    for text in ["", "\n\n", "Ingen rapport her", "\ufeff", "# \n## \n- \n"]:
        report = fou.parse(text)
        assert report.projects == []
        assert isinstance(report.to_dict(), dict)


def test_version() -> None:
    assert isinstance(fou.__version__, str) and fou.__version__.count(".") == 2
    assert set(fou.__all__) <= set(dir(fou))


def test_a_stray_byte_is_replaced_and_reported() -> None:
    """One invalid byte in UTF-8 input stays one U+FFFD; the rest of the text keeps its letters."""
    r = fou.parse(b"FoU-rapport 2020\n\nForord\n\nBl\xc3\xa5b\xc3\xa6r.\xff\n")
    assert r.source.encoding == "utf-8"
    assert r.source.replaced_bytes == 1
    assert [d.code for d in r.diagnostics if d.code == "decode-replaced"] == ["decode-replaced"]
    assert r.to_dict()["source"]["replaced_bytes"] == 1
