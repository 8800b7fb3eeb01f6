"""Reports as tables: plain records (``to_records``) and pandas DataFrames.

One row per item, the first two columns naming the report (``report_year``,
``report_path``), then the item's fields as in the JSON contract, with two
changes that make the table flat:

- ``span`` becomes ``line_start`` and ``line_end`` (1-based, inclusive);
- ``period`` becomes ``period_start`` and ``period_end`` (``None`` when absent).

Lists (``institutions``, ``authors``, ``summary`` …) stay lists; dates
(``kind="dates"``) are :class:`datetime.date`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, Union

from fou._fou import Report

if TYPE_CHECKING:
    from typing import TypeAlias

    import pandas as _pd

__all__ = [
    "RecordKind",
    "analyses_frame",
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
    "projects": ("title", "institution_raw", "institutions", "funding", "theme", "lead", "summary", *_SPAN),
    "portfolio": (
        "title",
        "institution_raw",
        "institutions",
        "period_start",
        "period_end",
        "funding",
        "theme",
        "status",
        *_SPAN,
    ),
    "analyses": ("issue", "year", "title", "subtitle", "authors", "abstract", *_SPAN),
    "publications": ("authors", "year", "title", "venue", *_SPAN),
    "phd": ("title", "candidate", "institution", "status", *_SPAN),
    "vendors": ("name", *_SPAN),
    "stated_counts": ("text", "value", "refers_to", *_SPAN),
    "dates": ("date", "text", *_SPAN),
    "diagnostics": ("severity", "code", "message", *_SPAN),
    "outline": ("level", "title", *_SPAN),
}
_INT_COLUMNS = frozenset(
    {"report_year", "period_start", "period_end", "issue", "year", "value", "level", "line_start", "line_end"}
)


def _reports(reports: _Reports) -> list[Report]:
    if isinstance(reports, Report):
        return [reports]
    out = list(reports)
    for r in out:
        if not isinstance(r, Report):
            raise TypeError(f"expected fou.Report objects, got {type(r).__name__}")
    return out


def _flatten(item: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in item.items():
        if key == "span":
            row["line_start"] = value["line_start"] if value else None
            row["line_end"] = value["line_end"] if value else None
        elif key == "period":
            row["period_start"] = value["start"] if value else None
            row["period_end"] = value["end"] if value else None
        elif key == "date" and isinstance(value, str):
            row["date"] = datetime.date.fromisoformat(value)
        else:
            row[key] = value
    return row


def to_records(reports: _Reports, kind: RecordKind = "projects") -> list[dict[str, Any]]:
    """Flatten the items of one or more reports into a list of plain dicts.

    ``reports`` is a :class:`fou.Report` or an iterable of them; ``kind`` names
    the item list (``"projects"``, ``"portfolio"``, ``"analyses"``,
    ``"publications"``, ``"phd"``, ``"vendors"``, ``"stated_counts"``,
    ``"dates"``, ``"diagnostics"``, ``"outline"``). Each dict starts with
    ``report_year`` and ``report_path``, then the item's fields, with ``span``
    split into ``line_start``/``line_end`` and ``period`` into
    ``period_start``/``period_end``. No pandas needed.
    """
    if kind not in _COLUMNS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, _COLUMNS))}; not {kind!r}")
    rows: list[dict[str, Any]] = []
    for report in _reports(reports):
        data = report.to_dict()
        head = {"report_year": data.get("year"), "report_path": data["source"].get("path")}
        for item in data.get(kind) or []:
            rows.append({**head, **_flatten(item)})
    return rows


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


def to_frame(reports: _Reports, kind: RecordKind = "projects") -> _pd.DataFrame:
    """The rows of :func:`to_records` as a pandas DataFrame.

    Integer columns that may be missing (``period_start``, ``issue`` …) use
    pandas' nullable ``Int64``; an empty input still has every column.
    Raises :class:`ImportError` when pandas is not installed.
    """
    pd = _require_pandas()
    records = to_records(reports, kind)
    columns = [*_REPORT_COLUMNS, *_COLUMNS[kind]]
    for row in records:
        columns.extend(k for k in row if k not in columns)
    frame = pd.DataFrame.from_records(records, columns=columns)
    for col in columns:
        if col in _INT_COLUMNS:
            frame[col] = frame[col].astype("Int64")
    return frame


def projects_frame(reports: _Reports) -> _pd.DataFrame:
    """Completed projects as a DataFrame: one row per project.

    Columns: ``report_year``, ``report_path``, ``title``, ``institution_raw``,
    ``institutions`` (list), ``funding``, ``theme``, ``lead``, ``summary``
    (list of paragraphs), ``line_start``, ``line_end``. Needs pandas.
    """
    return to_frame(reports, "projects")


def portfolio_frame(reports: _Reports) -> _pd.DataFrame:
    """Listed (ongoing or granted) projects as a DataFrame: one row per item.

    Columns: ``report_year``, ``report_path``, ``title``, ``institution_raw``,
    ``institutions`` (list), ``period_start``, ``period_end``, ``funding``,
    ``theme``, ``status``, ``line_start``, ``line_end``. Needs pandas.
    """
    return to_frame(reports, "portfolio")


def analyses_frame(reports: _Reports) -> _pd.DataFrame:
    """Internal analyses as a DataFrame: one row per analysis.

    Columns: ``report_year``, ``report_path``, ``issue``, ``year``, ``title``,
    ``subtitle``, ``authors`` (list), ``abstract`` (list of paragraphs),
    ``line_start``, ``line_end``. Needs pandas.
    """
    return to_frame(reports, "analyses")
