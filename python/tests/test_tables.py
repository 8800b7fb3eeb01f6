"""Records and DataFrames: one row per item, naming the report."""

from __future__ import annotations

import datetime
import sys

import pytest

import fou

PROJECT_COLUMNS = [
    "report_year", "report_path", "title", "institution_raw", "institutions", "institution_ids",
    "funding", "theme", "lead", "summary", "line_start", "line_end",
]  # fmt: skip
PORTFOLIO_COLUMNS = [
    "report_year", "report_path", "title", "institution_raw", "institutions", "institution_ids",
    "period_start", "period_end", "funding", "theme", "status", "description", "leader",
    "line_start", "line_end",
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
        assert row["institution_ids"] == [ref.id for ref in item.institution_refs]
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


def _flat(item: dict[str, object]) -> dict[str, object]:
    """The documented flattening of an item's ``to_dict()``, key by key."""
    row: dict[str, object] = {}
    for key, value in item.items():
        if key in ("span", "period"):
            first, last = ("line_start", "line_end") if key == "span" else ("start", "end")
            names = ("line_start", "line_end") if key == "span" else ("period_start", "period_end")
            got = value if isinstance(value, dict) else {}
            row[names[0]], row[names[1]] = got.get(first), got.get(last)
        elif key == "institution_refs":
            row["institution_ids"] = [ref["id"] for ref in value or []]  # type: ignore[attr-defined, index]
        elif key == "date" and isinstance(value, str):
            row[key] = datetime.date.fromisoformat(value)
        else:
            row[key] = value
    return row


@pytest.mark.parametrize("kind", ["projects", "portfolio", "analyses", "publications", "phd", "vendors", "stated_counts", "dates", "diagnostics", "outline"])  # fmt: skip
def test_a_record_is_the_report_then_its_items_dict_made_flat(reports: list[fou.Report], kind: str) -> None:
    expected = [
        {"report_year": r.year, "report_path": r.source.path, **_flat(item.to_dict())}
        for r in reports
        for item in getattr(r, kind)
    ]
    rows = fou.to_records(reports, kind=kind)  # type: ignore[arg-type]
    assert rows == expected and [list(r) for r in rows] == [list(e) for e in expected]
    assert rows, kind


def _missing_as_none(value: object) -> object:
    """A frame's missing value (``None``, ``pd.NA`` or ``NaN``) as ``None``."""
    import pandas as pd

    return None if not isinstance(value, list) and pd.isna(value) else value


@pytest.mark.parametrize("aliases", [None, {}, {"Fjordforsk AS": "Fjordforsk"}])
@pytest.mark.parametrize("kind", ["projects", "portfolio", "analyses", "publications", "phd", "vendors", "stated_counts", "dates", "diagnostics", "outline"])  # fmt: skip
def test_a_frame_holds_the_records_column_by_column(
    reports: list[fou.Report], kind: str, aliases: dict[str, str] | None
) -> None:
    records = fou.to_records(reports, kind=kind, institution_aliases=aliases)  # type: ignore[arg-type]
    frame = fou.to_frame(reports, kind=kind, institution_aliases=aliases)  # type: ignore[arg-type]
    assert len(frame) == len(records) > 0
    assert list(frame.columns) == list(records[0])
    for col in frame.columns:
        got = [_missing_as_none(v) for v in frame[col].astype(object)]
        assert got == [r[col] for r in records], (kind, col)


def test_records_of_no_kind_are_refused(reports: list[fou.Report]) -> None:
    with pytest.raises(ValueError, match="kind must be one of"):
        fou.to_records(reports, kind="nope")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="is not a list of report items"):
        fou._fou._item_records(reports, "nope")
    with pytest.raises(ValueError, match="is not a list of report items"):
        fou._fou._item_columns(reports, "nope")
    with pytest.raises(ValueError, match="kind must be one of"):
        fou.to_frame(reports, kind="nope")  # type: ignore[arg-type]


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


def test_canonical_institution() -> None:
    assert fou.canonical_institution("Fjordforsk AS") == "Fjordforsk"
    assert fou.canonical_institution(" Fjordforsk,  ASA ") == "Fjordforsk"
    assert fou.canonical_institution("Kulturanalyse SA.") == "Kulturanalyse"
    assert fou.canonical_institution("AS") == "AS"  # a legal form alone is a name
    assert fou.canonical_institution("ASplan Viak") == "ASplan Viak"
    assert fou.canonical_institution("Proba samfunnsanalyse") == "Proba samfunnsanalyse"  # no guessing
    aliases = {"Proba samfunnsanalyse AS": "Proba", "universitetet i agder": "UiA"}
    assert fou.canonical_institution("Proba samfunnsanalyse", aliases) == "Proba"
    assert fou.canonical_institution("PROBA SAMFUNNSANALYSE", aliases) == "Proba"
    assert fou.canonical_institution("Universitetet i Agder", aliases) == "UiA"
    assert fou.canonical_institution("Proba", aliases) == "Proba"
    # never merged by a shared prefix: these are different organisations
    assert fou.canonical_institution("NTNU Samfunnsforskning", {"NTNU": "NTNU"}) == "NTNU Samfunnsforskning"


SPLIT_NAMES = """\
FoU-rapport 2022

Prosjekter avsluttet i 2022

Arbeid og helse

Prosjekttittel: Første prosjekt

Forskningsinstitusjon: Vestlandsforsking og Proba samfunnsanalyse

Sammendrag: I dette bidragsfinansierte prosjektet undersøkte forskerne noe.

Prosjekttittel: Andre prosjekt

Forskningsinstitusjon: Proba og Proba samfunnsanalyse AS

Sammendrag: En studie av noe annet.

Prosjekttittel: Tredje prosjekt

Forskningsinstitusjon: Fjordforsk AS

Sammendrag: Fjordforsk har på oppdrag fra NAV undersøkt noe.
"""


def test_institution_aliases_in_records_and_frames() -> None:
    report = fou.parse(SPLIT_NAMES)
    raw = fou.to_records(report)
    assert [r["institutions"] for r in raw] == [
        ["Vestlandsforsking", "Proba samfunnsanalyse"],
        ["Proba", "Proba samfunnsanalyse AS"],
        ["Fjordforsk AS"],
    ]
    assert fou.to_records(report, institution_aliases=None) == raw
    legal = fou.to_records(report, institution_aliases={})
    assert [r["institutions"] for r in legal] == [
        ["Vestlandsforsking", "Proba samfunnsanalyse"],
        ["Proba", "Proba samfunnsanalyse"],
        ["Fjordforsk"],
    ]
    aliases = {"Proba samfunnsanalyse": "Proba"}
    rows = fou.to_records(report, institution_aliases=aliases)
    # one organisation per row once, order kept; institution_raw stays as written
    assert [r["institutions"] for r in rows] == [["Vestlandsforsking", "Proba"], ["Proba"], ["Fjordforsk"]]
    assert [r["institution_raw"] for r in rows] == [r["institution_raw"] for r in raw]
    frame = fou.projects_frame(report, institution_aliases=aliases)
    counts = frame.explode("institutions")["institutions"].value_counts()
    assert counts.to_dict() == {"Proba": 2, "Vestlandsforsking": 1, "Fjordforsk": 1}
    assert fou.to_frame(report, "projects", institution_aliases=aliases)["institutions"].tolist() == [
        r["institutions"] for r in rows
    ]
    assert fou.portfolio_frame(report, institution_aliases=aliases).empty


def _portfolio_of(*institution_texts: str) -> fou.Report:
    lines = "".join(f"- Prosjekt {i}, {t} (2021-2023)\n" for i, t in enumerate(institution_texts, 1))
    return fou.parse(
        "FoU-rapport 2022\n\nBidragsfinansierte prosjekter\n\n"
        f"Ved utgangen av 2022 hadde vi {len(institution_texts)} pågående bidragsfinansierte prosjekter:\n\n"
        + lines
    )


def test_institution_aliases_on_portfolio() -> None:
    report = _portfolio_of("Proba samfunnsanalyse", "Fjordforsk AS")
    assert [p.institutions for p in report.portfolio] == [["Proba samfunnsanalyse"], ["Fjordforsk AS"]]
    frame = fou.portfolio_frame(report, institution_aliases={"Proba samfunnsanalyse": "Proba"})
    assert frame["institutions"].tolist() == [["Proba"], ["Fjordforsk"]]
    assert fou.portfolio_frame(report)["institutions"].tolist() == [p.institutions for p in report.portfolio]


def test_departments_count_for_their_university() -> None:
    cases = {
        "UiB, Institutt for sosiologi": ["UiB"],
        "Universitetet i Agder, Institutt for helse og idrett": ["Universitetet i Agder"],
        "NTNU Institutt for pedagogikk og livslang læring": ["NTNU"],
        "UiO, Økonomisk institutt": ["UiO"],
        "UiO, Det juridiske fakultet": ["UiO"],
        # an independent institute is an organisation of its own
        "UiO og Institutt for samfunnsforskning": ["UiO", "Institutt for samfunnsforskning"],
        "Fafo, Institutt for samfunnsforskning": ["Fafo", "Institutt for samfunnsforskning"],
        "Institutt for samfunnsforskning": ["Institutt for samfunnsforskning"],
        "ARENA senter for europaforskning, UiO": ["ARENA senter for europaforskning", "UiO"],
        "NTNU Samfunnsforskning AS": ["NTNU Samfunnsforskning"],
    }
    report = _portfolio_of(*cases)
    assert len(report.portfolio) == len(cases)
    assert all(len(p.institutions) >= 1 for p in report.portfolio)
    counted = [r["institutions"] for r in fou.to_records(report, "portfolio", institution_aliases={})]
    assert dict(zip(cases, counted)) == cases
    # without institution_aliases the names stay as the report splits them
    assert fou.to_records(report, "portfolio")[0]["institutions"] == ["UiB", "Institutt for sosiologi"]


def test_institution_aliases_on_phd() -> None:
    report = fou.parse(
        "# FoU-rapport 2022\n\n## 3.1 OFFPHD-programmet\n\nI 2022 fullførte to kandidater:\n\n"
        "- Veiledning i praksis. Stipendiat Kari Nord, Fjordforsk AS\n"
        "- Digitale spor. Stipendiat Ola Sør, UiB\n"
    )
    assert [p.institution for p in report.phd] == ["Fjordforsk AS", "UiB"]
    rows = fou.to_records(report, kind="phd", institution_aliases={"UiB": "Universitetet i Bergen"})
    assert [r["institution"] for r in rows] == ["Fjordforsk", "Universitetet i Bergen"]
    assert [r["institution"] for r in fou.to_records(report, kind="phd")] == ["Fjordforsk AS", "UiB"]


def test_institution_ids_come_from_the_registry(tmp_path) -> None:
    text = (
        "FoU-rapport 2021\n\nBidragsfinansierte prosjekter\n\n"
        "Ved utgangen av 2021 hadde vi 1 pågående prosjekt.\n\nArbeid\n\n"
        "- Jobb i nord, KFI og UiO (2020-2022)\n"
    )
    plain = fou.parse(text)
    assert [r.id for r in plain.portfolio[0].institution_refs] == [None, "uio"]
    assert fou.to_records(plain, kind="portfolio")[0]["institution_ids"] == [None, "uio"]
    mine = tmp_path / "mine.toml"
    mine.write_text('[[institution]]\nid = "kfi"\nname = "Kystforsk"\nshort = ["KFI"]\nkind = "institute"\n')
    report = fou.parse(text, registry=mine)
    ref = report.portfolio[0].institution_refs[0]
    assert (ref.id, ref.name, ref.raw) == ("kfi", "Kystforsk", "KFI")
    assert isinstance(ref, fou.InstitutionRef)
    bad = tmp_path / "bad.toml"
    bad.write_text("[[institution]]\nid = 1\n")
    with pytest.raises(ValueError, match="bad.toml"):
        fou.parse(text, registry=bad)
