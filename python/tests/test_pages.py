"""Project lists on web pages (issue 11, part 1): our invented sample pages."""

from __future__ import annotations

import json

import fou
from conftest import REPO

PAGES = REPO / "examples" / "data" / "pages"


def test_a_theme_page_gives_descriptions_and_leaders() -> None:
    report = fou.parse_file(PAGES / "tema-pagaende.txt")
    expected = json.loads((PAGES / "tema-pagaende.expected.json").read_text(encoding="utf-8"))
    assert [p.title for p in report.portfolio] == [e["title"] for e in expected["portfolio"]]
    first = report.portfolio[0]
    assert first.leader == "Synnøve Lindholt"
    assert first.description == expected["portfolio"][0]["description"]
    assert first.funding == "bidrag"
    codes = {(d.severity, d.code) for d in report.diagnostics}
    assert ("warning", "not-a-report") in codes


def test_sketches_are_shortlisted_in_the_tables() -> None:
    report = fou.parse_file(PAGES / "skisser.txt")
    assert {p.status for p in report.portfolio} == {"shortlisted"}
    rows = fou.to_records([report], kind="portfolio")
    assert len(rows) == 9
    assert all(r["status"] == "shortlisted" and r["description"] == [] and r["leader"] is None for r in rows)
