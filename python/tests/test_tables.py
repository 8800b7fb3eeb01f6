"""Records and DataFrames: one row per item, naming the report."""

from __future__ import annotations

import datetime
import sys

import pytest

import fou

PROJECT_COLUMNS = [
    "report_year", "report_path", "title", "institution_raw", "institutions", "funding",
    "theme", "lead", "summary", "line_start", "line_end",
]  # fmt: skip
PORTFOLIO_COLUMNS = [
    "report_year", "report_path", "title", "institution_raw", "institutions", "period_start",
    "period_end", "funding", "theme", "status", "line_start", "line_end",
]  # fmt: skip
ANALYSIS_COLUMNS = [
    "report_year", "report_path", "issue", "year", "title", "subtitle", "authors", "abstract",
    "line_start", "line_end",
]  # fmt: skip


def test_records_follow_the_items(reports: list[fou.Report]) -> None:
    rows = fou.to_records(reports, kind="portfolio")
    items = [(r, p) for r in reports for p in r.portfolio]
    assert len(rows) == len(items)
    for row, (report, item) in zip(rows, items):
        assert list(row) == PORTFOLIO_COLUMNS
        assert row["report_year"] == report.year
        assert row["report_path"] == report.source.path
        assert row["title"] == item.title
        assert row["institutions"] == item.institutions
        assert (row["period_start"], row["period_end"]) == (
            (item.period.start, item.period.end) if item.period else (None, None)
        )
        assert (row["line_start"], row["line_end"]) == (item.span.line_start, item.span.line_end)
    projects = fou.to_records(reports)  # kind defaults to projects
    assert [list(r) for r in projects[:1]] == [PROJECT_COLUMNS]
    assert [r["title"] for r in projects] == [p.title for r in reports for p in r.projects]


def test_records_for_every_kind(reports: list[fou.Report]) -> None:
    kinds = ["analyses", "publications", "phd", "vendors", "stated_counts", "dates", "diagnostics", "outline"]
    for kind in kinds:
        rows = fou.to_records(reports, kind=kind)  # type: ignore[arg-type]
        assert len(rows) == sum(len(getattr(r, kind)) for r in reports), kind
        assert all("span" not in row and "line_start" in row for row in rows)
    dates = fou.to_records(reports, kind="dates")
    assert dates and all(type(d["date"]) is datetime.date for d in dates)
    assert [d["date"] for d in dates] == [m.date for r in reports for m in r.dates]


def test_records_accept_one_report_or_any_iterable(reports: list[fou.Report]) -> None:
    one = fou.to_records(reports[0])
    assert one == fou.to_records([reports[0]]) == fou.to_records(iter([reports[0]]))
    assert fou.to_records([]) == []
    with pytest.raises(ValueError, match="kind"):
        fou.to_records(reports, kind="nope")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="fou.Report"):
        fou.to_records(["not a report"])  # type: ignore[list-item]


def test_frames(reports: list[fou.Report]) -> None:
    import pandas as pd  # the test environment has it (scripts/test-python.sh installs it)

    projects = fou.projects_frame(reports)
    assert list(projects.columns) == PROJECT_COLUMNS
    assert len(projects) == sum(len(r.projects) for r in reports)
    assert projects["institutions"].map(type).eq(list).all()
    assert set(projects["report_year"]) == {2020, 2022}
    portfolio = fou.portfolio_frame(reports)
    assert list(portfolio.columns) == PORTFOLIO_COLUMNS
    assert str(portfolio["period_start"].dtype) == "Int64"
    first = reports[0].portfolio[0]
    assert portfolio.iloc[0]["title"] == first.title
    assert first.period is not None and portfolio.iloc[0]["period_end"] == first.period.end
    analyses = fou.analyses_frame(reports)
    assert list(analyses.columns) == ANALYSIS_COLUMNS
    assert len(analyses) == sum(len(r.analyses) for r in reports)
    # a single report, and no report at all (columns still there)
    assert len(fou.projects_frame(reports[1])) == len(reports[1].projects)
    empty = fou.analyses_frame([])
    assert isinstance(empty, pd.DataFrame) and list(empty.columns) == ANALYSIS_COLUMNS and empty.empty
    per_theme = projects.groupby(["theme", "funding"], dropna=False).size()
    assert per_theme.sum() == len(projects)
    assert fou.to_frame(reports, "vendors")["name"].tolist() == [v.name for r in reports for v in r.vendors]


def test_frames_without_pandas_say_what_to_install(
    reports: list[fou.Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    for helper in (fou.projects_frame, fou.portfolio_frame, fou.analyses_frame):
        with pytest.raises(ImportError, match="pip install pandas"):
            helper(reports)
    assert fou.to_records(reports)  # records need no pandas
