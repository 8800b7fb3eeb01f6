"""The real reports, parsed through Python, against the hand-checked gold files.

The same scoring as the Rust golden tests (tests/golden.rs, tests/lib.rs),
ported in golden_scorer.py: every miss is listed before the test fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden_scorer import fold, json_eq, score

import fou
from conftest import CORPUS, GOLD, REPORTS


@pytest.mark.parametrize("corpus, gold", sorted(REPORTS.items()))
def test_report_matches_gold(shared_dir: Path, corpus: str, gold: str) -> None:
    report = fou.parse_file(CORPUS / corpus)
    found = report.to_dict()
    expected = json.loads((GOLD / gold).read_text(encoding="utf-8"))
    sc = score(found, expected)
    print(
        f"{corpus}: entity F1 = {sc.f1():.3f} (tp {sc.true_pos}, fn {sc.false_neg}, fp {sc.false_pos}), "
        f"field accuracy = {sc.field_accuracy():.3f} ({sc.fields_ok}/{sc.fields})"
    )
    for miss in sc.misses:
        print(f"  - {miss}")
    assert sc.true_pos > 0 and sc.fields > 0
    assert not sc.misses, (
        f"{corpus}: {len(sc.misses)} differences from the gold "
        f"(F1 {sc.f1():.3f}, field accuracy {sc.field_accuracy():.3f}); see the list above"
    )
    assert sc.f1() == 1.0 and sc.field_accuracy() == 1.0


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


def test_fold_like_rust() -> None:
    assert fold("  Arbeid – og «velferd»!  ") == "arbeid og velferd"
    assert fold("ＵｉＯ.") == "uio"  # NFKC
    assert fold("a\u00a0\u2003b") == "a b"
    assert fold("Frida@work + §5") == "frida@work + §5"
    assert fold("a\x1cb") == "a\x1cb"  # not White_Space, unlike str.isspace()


def test_json_eq_like_serde() -> None:
    assert json_eq({"start": 2019, "end": 2021}, {"start": 2019, "end": 2021})
    assert not json_eq(1, 1.0)
    assert not json_eq(True, 1)
    assert json_eq(None, None)


def test_scorer_reports_misses() -> None:
    gold = {
        "year": 2020,
        "title": "FoU-rapport 2020",
        "projects": [{"title": "A", "institution_raw": "UiO", "institutions": ["UiO"], "funding": "bidrag"}],
    }
    found = {"year": 2020, "title": "FOU-RAPPORT 2020", "projects": [{"title": "B"}]}
    sc = score(found, gold)
    assert (sc.true_pos, sc.false_neg, sc.false_pos) == (0, 1, 1)
    assert (sc.fields_ok, sc.fields) == (4, 4)  # year, title (folded), signatory name and role (both absent)
    assert sc.f1() == 0.0
    assert [m.split(" {")[0] for m in sc.misses] == ["project: missed", "project: spurious"]
