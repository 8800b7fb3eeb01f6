"""Reports as tables: plain records (``to_records``) and pandas DataFrames.

One row per item, the first two columns naming the report (``report_year``,
``report_path``), then the item's fields as in the JSON contract, with two
changes that make the table flat:

- ``span`` becomes ``line_start`` and ``line_end`` (1-based, inclusive);
- ``period`` becomes ``period_start`` and ``period_end`` (``None`` when absent).

Lists (``institutions``, ``authors``, ``summary`` …) stay lists; dates
(``kind="dates"``) are :class:`datetime.date`.

Institution names are kept as the report writes them unless you pass
``institution_aliases=`` (see :func:`canonical_institution`): one organisation
written two ways ("Fjordforsk AS" and "Fjordforsk", "Proba samfunnsanalyse" and
"Proba") would otherwise count as two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Union

from fou._fou import Report, _item_columns, _item_records

if TYPE_CHECKING:
    from typing import TypeAlias

    import pandas as _pd

__all__ = [
    "RecordKind",
    "analyses_frame",
    "canonical_institution",
    "portfolio_frame",
    "projects_frame",
    "to_frame",
    "to_records",
]

RecordKind: TypeAlias = Literal[
    "projects",
    "portfolio",
    "analyses",
    "publications",
    "phd",
    "vendors",
    "stated_counts",
    "dates",
    "diagnostics",
    "outline",
]
"""The item lists of a report that :func:`to_records` can flatten."""

_Reports: TypeAlias = Union[Report, Iterable[Report]]

_REPORT_COLUMNS = ("report_year", "report_path")
_SPAN = ("line_start", "line_end")
_COLUMNS: dict[str, tuple[str, ...]] = {
    "projects": (
        "title",
        "institution_raw",
        "institutions",
        "institution_ids",
        "funding",
        "theme",
        "lead",
        "summary",
        *_SPAN,
    ),
    "portfolio": (
        "title",
        "institution_raw",
        "institutions",
        "institution_ids",
        "period_start",
        "period_end",
        "funding",
        "theme",
        "status",
        "description",
        "leader",
        *_SPAN,
    ),
    "analyses": ("issue", "year", "title", "subtitle", "authors", "abstract", *_SPAN),
    "publications": ("authors", "year", "title", "venue", *_SPAN),
    "phd": ("title", "candidate", "institution", "institution_ids", "status", *_SPAN),
    "vendors": ("name", *_SPAN),
    "stated_counts": ("text", "value", "refers_to", *_SPAN),
    "dates": ("date", "text", *_SPAN),
    "diagnostics": ("severity", "code", "message", *_SPAN),
    "outline": ("level", "title", *_SPAN),
}
_INT_COLUMNS = frozenset(
    {"report_year", "period_start", "period_end", "issue", "year", "value", "level", "line_start", "line_end"}
)


# Norwegian legal forms that follow a company name: "Fjordforsk AS" is "Fjordforsk".
_LEGAL_FORMS = frozenset({"AS", "ASA", "SA"})


def _without_legal_form(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[-1].rstrip(".") in _LEGAL_FORMS:
        words = words[:-1]
        words[-1] = words[-1].rstrip(",")
    return " ".join(words)


def _canonicaliser(aliases: Mapping[str, str] | None) -> Callable[[str], str]:
    table = {_without_legal_form(k).casefold(): v for k, v in (aliases or {}).items()}

    def canonical(name: str) -> str:
        short = _without_legal_form(name)
        return table.get(short.casefold(), short)

    return canonical


def canonical_institution(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """A canonical short form of an institution name, for counting and grouping.

    Two steps, nothing more:

    1. white space is collapsed and a trailing Norwegian legal form (``AS``,
       ``ASA``, ``SA``) is dropped: ``"Fjordforsk AS"`` becomes ``"Fjordforsk"``;
    2. the result is looked up in ``aliases`` (keys compared the same way, and
       case-insensitively) and replaced by the value when found:
       ``{"Proba samfunnsanalyse": "Proba"}`` makes both one name.

    Limits: fou has no registry of institutions. It does not know that
    ``"Universitetet i Agder"`` is ``"UiA"``, nor whether ``"NTNU"`` and
    ``"NTNU Samfunnsforskning"`` are one organisation (they are not): names
    are never merged by a shared prefix. Give such equivalences in
    ``aliases``; a curated registry is future work. (With
    ``institution_aliases=``, :func:`to_records` and the frames also count a
    department written right after its university, ``"UiB, Institutt for
    sosiologi"``, for the university alone.)

    >>> canonical_institution("Fjordforsk  AS")
    'Fjordforsk'
    >>> canonical_institution("Proba samfunnsanalyse", {"proba samfunnsanalyse": "Proba"})
    'Proba'
    >>> canonical_institution("NTNU Samfunnsforskning", {"NTNU": "NTNU"})
    'NTNU Samfunnsforskning'
    """
    return _canonicaliser(aliases)(name)


def _is_unit(name: str) -> bool:
    """A department or faculty by its name: "Institutt for sosiologi",
    "Økonomisk institutt", "Det juridiske fakultet"."""
    words = name.casefold().split()
    return bool(words) and (words[0] in ("institutt", "fakultet") or words[-1] in ("institutt", "fakultet"))


_UNIVERSITY = re.compile(r"(?i)universitet|høgskole|høgskule|høyskole")
_UNIVERSITY_SHORT = frozenset({"UiA", "UiB", "UiO", "UiS", "UiT", "NTNU", "OsloMet", "NMBU", "NHH", "USN"})


def _is_university(name: str) -> bool:
    return name in _UNIVERSITY_SHORT or bool(_UNIVERSITY.search(name))


def _department_of(previous: str, name: str, raw: str | None) -> bool:
    """Whether ``name`` is a department of ``previous`` in ``raw`` ("UiB, Institutt
    for sosiologi", "NTNU Institutt for ..."), rather than a second organisation
    ("UiO og Institutt for samfunnsforskning": an independent institute)."""
    if not (raw and _is_unit(name) and _is_university(previous)):
        return False
    end = raw.find(previous)
    start = raw.find(name, end + len(previous)) if end >= 0 else -1
    if start < 0:
        return False
    between = raw[end + len(previous) : start]
    return re.fullmatch(r"[\s,–-]*", between) is not None


def _counted(names: list[str], raw: str | None, canonical: Callable[[str], str]) -> list[str]:
    """The institutions a row counts for: canonical names, each once, in order,
    without the departments of a university named just before them."""
    out: list[str] = []
    for i, name in enumerate(names):
        if i > 0 and _department_of(names[i - 1], name, raw):
            continue
        short = canonical(name)
        if short not in out:
            out.append(short)
    return out


def _reports(reports: _Reports) -> list[Report]:
    if isinstance(reports, Report):
        return [reports]
    out = list(reports)
    for r in out:
        if not isinstance(r, Report):
            raise TypeError(f"expected fou.Report objects, got {type(r).__name__}")
    return out


def to_records(
    reports: _Reports,
    kind: RecordKind = "projects",
    *,
    institution_aliases: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Flatten the items of one or more reports into a list of plain dicts.

    ``reports`` is a :class:`fou.Report` or an iterable of them; ``kind`` names
    the item list (``"projects"``, ``"portfolio"``, ``"analyses"``,
    ``"publications"``, ``"phd"``, ``"vendors"``, ``"stated_counts"``,
    ``"dates"``, ``"diagnostics"``, ``"outline"``). Each dict starts with
    ``report_year`` and ``report_path``, then the item's fields, with ``span``
    split into ``line_start``/``line_end``, ``period`` into
    ``period_start``/``period_end``, and ``institution_refs`` (projects,
    portfolio, phd) into ``institution_ids``: the institution registry's id of
    each institution as written, ``None`` for a name it does not know. No
    pandas needed.

    ``institution_aliases`` (a mapping, possibly empty) makes ``institutions``
    (projects, portfolio) the organisations to count: each name becomes
    :func:`canonical_institution` of it, a name the row then holds twice is
    dropped, and so is a department or faculty written right after its
    university (``"UiB, Institutt for sosiologi"`` counts for ``["UiB"]``; an
    institute joined by "og", as in ``"UiO og Institutt for
    samfunnsforskning"``, stays an organisation of its own). The PhD
    ``institution`` becomes its canonical name. ``institution_raw`` stays as
    written; ``None`` (the default) keeps every name as the report writes it.
    """
    _check_kind(kind)
    # The rows are made in Rust (`_item_records`): each item's `to_dict()`
    # after the report's year and path, with `span`, `period`,
    # `institution_refs` and a `date` written as text made flat.
    rows: list[dict[str, Any]] = _item_records(_reports(reports), kind)
    if institution_aliases is not None:
        canonical = _canonicaliser(institution_aliases)
        for row in rows:
            if isinstance(row.get("institutions"), list):
                row["institutions"] = _counted(row["institutions"], row.get("institution_raw"), canonical)
            if isinstance(row.get("institution"), str):
                row["institution"] = canonical(row["institution"])
    return rows


def _check_kind(kind: str) -> None:
    if kind not in _COLUMNS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, _COLUMNS))}; not {kind!r}")


def _require_pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "fou's DataFrame helpers need pandas: `pip install pandas` "
            '(or `pip install ".[pandas]"` in the fou repository); '
            "fou.to_records() gives the same rows as plain dicts without it"
        ) from exc
    return pandas


def to_frame(
    reports: _Reports,
    kind: RecordKind = "projects",
    *,
    institution_aliases: Mapping[str, str] | None = None,
) -> _pd.DataFrame:
    """The rows of :func:`to_records` as a pandas DataFrame.

    Integer columns that may be missing (``period_start``, ``issue`` …) use
    pandas' nullable ``Int64``; an empty input still has every column.
    ``institution_aliases`` as for :func:`to_records`.
    Raises :class:`ImportError` when pandas is not installed.
    """
    pd = _require_pandas()
    import numpy as np  # a dependency of pandas

    _check_kind(kind)
    # The rows of `to_records`, column by column from Rust (no dict per row).
    found: dict[str, list[Any]] = _item_columns(_reports(reports), kind)
    if institution_aliases is not None:
        _alias_columns(found, _canonicaliser(institution_aliases))
    columns = [*_REPORT_COLUMNS, *_COLUMNS[kind]]
    known = set(columns)
    columns += [k for k in found if k not in known]
    rows = len(next(iter(found.values()), []))
    # Built column by column (the integer ones made Int64 arrays at once):
    # the same frame as DataFrame.from_records then astype("Int64") per
    # column, at about half the fixed cost per frame. An empty column is an
    # empty object array, as from_records makes it (a column from an empty
    # list would be float64).
    data: dict[str, Any] = {}
    for col in columns:
        values = found.get(col, [None] * rows)
        if col in _INT_COLUMNS:
            data[col] = pd.array(values, dtype="Int64")
        else:
            data[col] = values if rows else np.empty(0, dtype=object)
    return pd.DataFrame(data, columns=columns)


def _alias_columns(found: dict[str, list[Any]], canonical: Callable[[str], str]) -> None:
    """``institutions`` and ``institution`` of columns as :func:`to_records` makes
    them with institution aliases, in place."""
    if "institutions" in found:
        raws = found.get("institution_raw", [None] * len(found["institutions"]))
        found["institutions"] = [
            _counted(names, raw, canonical) if isinstance(names, list) else names
            for names, raw in zip(found["institutions"], raws)
        ]
    if "institution" in found:
        found["institution"] = [canonical(v) if isinstance(v, str) else v for v in found["institution"]]


def projects_frame(
    reports: _Reports, *, institution_aliases: Mapping[str, str] | None = None
) -> _pd.DataFrame:
    """Completed projects as a DataFrame: one row per project.

    Columns: ``report_year``, ``report_path``, ``title``, ``institution_raw``,
    ``institutions`` (list), ``institution_ids`` (list of registry ids, ``None``
    when unknown), ``funding``, ``theme``, ``lead``, ``summary``
    (list of paragraphs), ``line_start``, ``line_end``. Needs pandas.
    ``institution_aliases``: see :func:`to_records` and :func:`canonical_institution`.
    """
    return to_frame(reports, "projects", institution_aliases=institution_aliases)


def portfolio_frame(
    reports: _Reports, *, institution_aliases: Mapping[str, str] | None = None
) -> _pd.DataFrame:
    """Listed (ongoing, granted or shortlisted) projects as a DataFrame: one row per item.

    Columns: ``report_year``, ``report_path``, ``title``, ``institution_raw``,
    ``institutions`` (list), ``institution_ids`` (list of registry ids,
    ``None`` when unknown), ``period_start``, ``period_end``, ``funding``,
    ``theme``, ``status``, ``description`` (list), ``leader``, ``line_start``,
    ``line_end``. Needs pandas.
    ``institution_aliases``: see :func:`to_records` and :func:`canonical_institution`.
    """
    return to_frame(reports, "portfolio", institution_aliases=institution_aliases)


def analyses_frame(reports: _Reports) -> _pd.DataFrame:
    """Internal analyses as a DataFrame: one row per analysis.

    Columns: ``report_year``, ``report_path``, ``issue``, ``year``, ``title``,
    ``subtitle``, ``authors`` (list), ``abstract`` (list of paragraphs),
    ``line_start``, ``line_end``. Needs pandas.
    """
    return to_frame(reports, "analyses")
