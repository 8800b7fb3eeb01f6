"""The golden scorer of the Rust tests (``tests/lib.rs``), ported to Python.

It compares a parsed report (``Report.to_dict()``) with a hand-checked gold
file from ``../shared/gold``: same folding of strings (case, NFKC, dashes,
quotes, runs of punctuation and white space), same matching of items (by
title, vendors by name, stated counts by value, ``refers_to`` and text), same
fields checked, same figures (entity F1, field accuracy). JSON values are
compared as serde_json compares them (``1 != 1.0``, ``True != 1``).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

# char::is_whitespace: the Unicode White_Space property.
_WHITE_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)
# char::is_ascii_punctuation
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MAP = {
    "–": "-",
    "—": "-",
    "‑": "-",
    "‒": "-",
    "−": "-",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
}


def fold(s: str) -> str:
    """Fold a string for comparison (``fou_tests::fold``)."""
    nfkc = unicodedata.normalize("NFKC", s).lower()
    out: list[str] = []
    pending_sep = False
    for c in nfkc:
        c = _MAP.get(c, c)
        if c in _WHITE_SPACE or (c in _ASCII_PUNCT and c not in "@+§"):
            pending_sep = True
            continue
        if pending_sep and out:
            out.append(" ")
        pending_sep = False
        out.append(c)
    return "".join(out)


_MISSING: Any = None  # serde_json's `value[key]` on a missing key is Null


def get(v: Any, key: Any) -> Any:
    """``value[key]`` as serde_json indexes: Null when absent or not indexable."""
    if isinstance(key, str):
        return v.get(key, _MISSING) if isinstance(v, dict) else _MISSING
    if isinstance(v, list) and 0 <= key < len(v):
        return v[key]
    return _MISSING


def json_eq(a: Any, b: Any) -> bool:
    """``serde_json::Value`` equality: types must agree (no ``1 == 1.0``, no ``True == 1``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(json_eq(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(json_eq(a[k], b[k]) for k in a)
    return bool(a == b)


def _s(v: Any) -> Optional[str]:
    return fold(v) if isinstance(v, str) else None


def eq_str(found: Any, gold: Any) -> bool:
    if found is None and gold is None:
        return True
    f = _s(found)
    return f is not None and f == _s(gold)


def eq_list(found: Any, gold: Any) -> bool:
    def folded(v: Any) -> list[str]:
        return [x for x in map(_s, v) if x is not None] if isinstance(v, list) else []

    return folded(found) == folded(gold)


def _dumps(v: Any) -> str:
    # serde_json's compact Display, keys in document order
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Score:
    """Result of comparing one report with its gold file (``fou_tests::Score``)."""

    true_pos: int = 0
    false_neg: int = 0
    false_pos: int = 0
    fields_ok: int = 0
    fields: int = 0
    misses: list[str] = field(default_factory=list)

    def f1(self) -> float:
        p = self.true_pos / max(self.true_pos + self.false_pos, 1)
        r = self.true_pos / max(self.true_pos + self.false_neg, 1)
        return 0.0 if p + r == 0.0 else 2.0 * p * r / (p + r)

    def field_accuracy(self) -> float:
        return self.fields_ok / max(self.fields, 1)

    def field(self, what: str, ok: bool, found: Any, gold: Any) -> None:
        self.fields += 1
        if ok:
            self.fields_ok += 1
        else:
            self.misses.append(f"{what}:\n      found {_dumps(found)}\n      gold  {_dumps(gold)}")


def alts(gold: Any, key: str, alt_key: str) -> list[Any]:
    v = [get(gold, key)]
    a = get(gold, alt_key)
    if isinstance(a, list):
        v.extend(a)
    return v


def starts_with_words(found: Any, gold: Any) -> bool:
    first = get(found, 0) if isinstance(found, list) else None
    f = fold(first) if isinstance(first, str) else None
    g = fold(gold) if isinstance(gold, str) else None
    if f is not None and g is not None:
        return f.startswith(g)
    return f is None and g is None


FieldCheck = Callable[[str, Any, Any, Score], None]
Key = Callable[[Any, Any], bool]


def short(v: Any) -> str:
    if isinstance(v, dict):
        drop = {"summary", "abstract", "span", "notes", "first_words_of_body", "lead"}
        v = {k: x for k, x in v.items() if k not in drop}
    return _dumps(v)


def match_list(kind: str, found: list[Any], gold: list[Any], key: Key, check: FieldCheck, score: Score) -> None:
    used = [False] * len(found)
    for g in gold:
        hit = next((i for i, f in enumerate(found) if not used[i] and key(f, g)), None)
        if hit is None:
            score.false_neg += 1
            score.misses.append(f"{kind}: missed {short(g)}")
        else:
            used[hit] = True
            score.true_pos += 1
            check(kind, found[hit], g, score)
    for i, f in enumerate(found):
        if not used[i]:
            score.false_pos += 1
            score.misses.append(f"{kind}: spurious {short(f)}")


def title_key(f: Any, g: Any) -> bool:
    return any(eq_str(get(f, "title"), t) for t in alts(g, "title", "alt_titles"))


def _title(f: Any) -> str:
    t = get(f, "title")
    return json.dumps(t if isinstance(t, str) else "", ensure_ascii=False)


def check_project(kind: str, f: Any, g: Any, sc: Score) -> None:
    t = _title(f)
    inst_ok = any(eq_str(get(f, "institution_raw"), a) for a in alts(g, "institution_raw", "alt_institution_raw"))
    sc.field(f"{kind} {t} institution_raw", inst_ok, get(f, "institution_raw"), get(g, "institution_raw"))
    sc.field(
        f"{kind} {t} institutions",
        eq_list(get(f, "institutions"), get(g, "institutions")),
        get(f, "institutions"),
        get(g, "institutions"),
    )
    fund_ok = any(eq_str(get(f, "funding"), a) for a in alts(g, "funding", "alt_funding"))
    sc.field(f"{kind} {t} funding", fund_ok, get(f, "funding"), get(g, "funding"))
    sc.field(f"{kind} {t} theme", eq_str(get(f, "theme"), get(g, "theme")), get(f, "theme"), get(g, "theme"))
    sc.field(f"{kind} {t} lead", eq_str(get(f, "lead"), get(g, "lead")), get(f, "lead"), get(g, "lead"))
    sc.field(
        f"{kind} {t} first words of summary",
        starts_with_words(get(f, "summary"), get(g, "first_words_of_body")),
        get(get(f, "summary"), 0),
        get(g, "first_words_of_body"),
    )


def check_portfolio(kind: str, f: Any, g: Any, sc: Score) -> None:
    t = _title(f)
    for k in ("institution_raw", "funding", "theme", "status"):
        sc.field(f"{kind} {t} {k}", eq_str(get(f, k), get(g, k)), get(f, k), get(g, k))
    sc.field(
        f"{kind} {t} institutions",
        eq_list(get(f, "institutions"), get(g, "institutions")),
        get(f, "institutions"),
        get(g, "institutions"),
    )
    sc.field(f"{kind} {t} period", json_eq(get(f, "period"), get(g, "period")), get(f, "period"), get(g, "period"))


def check_analysis(kind: str, f: Any, g: Any, sc: Score) -> None:
    t = _title(f)
    sc.field(f"{kind} {t} issue", json_eq(get(f, "issue"), get(g, "issue")), get(f, "issue"), get(g, "issue"))
    sc.field(f"{kind} {t} year", json_eq(get(f, "year"), get(g, "year")), get(f, "year"), get(g, "year"))
    # The subtitle goes with the reading of the title that matched.
    titles = alts(g, "title", "alt_titles")
    subs = alts(g, "subtitle", "alt_subtitles")
    subs = subs + [None] * max(len(titles) - len(subs), 0)
    sub_ok = any(
        eq_str(get(f, "title"), tt) and eq_str(get(f, "subtitle"), ss) for tt, ss in zip(titles, subs)
    ) or (eq_str(get(f, "title"), get(g, "title")) and eq_str(get(f, "subtitle"), get(g, "subtitle")))
    sc.field(f"{kind} {t} subtitle", sub_ok, get(f, "subtitle"), get(g, "subtitle"))
    sc.field(
        f"{kind} {t} authors",
        eq_list(get(f, "authors"), get(g, "authors")),
        get(f, "authors"),
        get(g, "authors"),
    )
    sc.field(
        f"{kind} {t} first words of abstract",
        starts_with_words(get(f, "abstract"), get(g, "first_words_of_body")),
        get(get(f, "abstract"), 0),
        get(g, "first_words_of_body"),
    )


def check_publication(kind: str, f: Any, g: Any, sc: Score) -> None:
    t = _title(f)
    sc.field(
        f"{kind} {t} authors",
        eq_list(get(f, "authors"), get(g, "authors")),
        get(f, "authors"),
        get(g, "authors"),
    )
    sc.field(f"{kind} {t} year", json_eq(get(f, "year"), get(g, "year")), get(f, "year"), get(g, "year"))
    sc.field(f"{kind} {t} venue", eq_str(get(f, "venue"), get(g, "venue")), get(f, "venue"), get(g, "venue"))


def check_phd(kind: str, f: Any, g: Any, sc: Score) -> None:
    t = _title(f)
    for k in ("candidate", "institution", "status"):
        sc.field(f"{kind} {t} {k}", eq_str(get(f, k), get(g, k)), get(f, k), get(g, k))


def check_none(kind: str, f: Any, g: Any, sc: Score) -> None:
    pass


def vendor_key(f: Any, g: Any) -> bool:
    return eq_str(get(f, "name"), get(g, "name"))


def count_key(f: Any, g: Any) -> bool:
    """A stated count matches on value and ``refers_to``, and one text contains the other."""
    ft = _s(get(f, "text")) or ""
    gt = _s(get(g, "text")) or ""
    return (
        json_eq(get(f, "value"), get(g, "value"))
        and json_eq(get(f, "refers_to"), get(g, "refers_to"))
        and (gt in ft or ft in gt)
    )


def score(found: Any, gold: Any) -> Score:
    """Compare a parsed report (as JSON data) with its gold file."""
    sc = Score()
    for k in ("year", "title"):
        ok = eq_str(get(found, k), get(gold, k)) if k == "title" else json_eq(get(found, k), get(gold, k))
        sc.field(k, ok, get(found, k), get(gold, k))
    fs = get(get(found, "preface"), "signatory")
    gs = get(get(gold, "preface"), "signatory")
    sc.field("signatory name", eq_str(get(fs, "name"), get(gs, "name")), get(fs, "name"), get(gs, "name"))
    sc.field("signatory role", eq_str(get(fs, "role"), get(gs, "role")), get(fs, "role"), get(gs, "role"))

    def arr(v: Any, k: str) -> list[Any]:
        a = get(v, k)
        return list(a) if isinstance(a, list) else []

    lists: list[tuple[str, str, Key, FieldCheck]] = [
        ("project", "projects", title_key, check_project),
        ("portfolio", "portfolio", title_key, check_portfolio),
        ("analysis", "analyses", title_key, check_analysis),
        ("publication", "publications", title_key, check_publication),
        ("phd", "phd", title_key, check_phd),
        ("vendor", "vendors", vendor_key, check_none),
        ("stated count", "stated_counts", count_key, check_none),
    ]
    for kind, key, match, check in lists:
        match_list(kind, arr(found, key), arr(gold, key), match, check, sc)
    return sc
