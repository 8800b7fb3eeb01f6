"""A collection as tables: the rows of :meth:`fou.Collection.rows` as records or DataFrames.

Every frame here is built from the core's tables — the very rows that
:meth:`fou.Collection.to_sqlite` writes and ``fou collect --table`` prints — or
from the core's views, which join those tables (``fou collect --table items``
prints them too), so Python, the command line and the SQLite database agree. Each
view is also written as SQL (:data:`ITEMS_SQL`, :data:`TIMELINES_SQL`): run on the
database of the same collection, it gives the same rows in the same order.

>>> import fou
>>> c = fou.collect(["examples/data"])
>>> list(fou.items_frame(c).columns[:6])
['text_hash', 'path', 'year', 'kind', 'idx', 'title']
>>> list(fou.timelines_frame(c).columns[:3])
['link_id', 'year', 'kind']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal, Union

from fou._fou import Collection
from fou._tables import _require_pandas

if TYPE_CHECKING:
    from typing import TypeAlias

    import pandas as _pd

__all__ = [
    "ITEMS_SQL",
    "TIMELINES_SQL",
    "CollectionTable",
    "collection_frame",
    "collection_records",
    "items_frame",
    "links_frame",
    "timelines_frame",
]

CollectionTable: TypeAlias = Literal[
    "texts",
    "projects",
    "portfolio",
    "analyses",
    "publications",
    "phd",
    "institutions",
    "item_institutions",
    "appearances",
    "links",
    "diagnostics",
]
"""The tables of a collection (and of its SQLite database)."""

_Cell: TypeAlias = Union[int, float, str, None]

ITEMS_COLUMNS = (
    "text_hash",
    "path",
    "year",
    "kind",
    "idx",
    "title",
    "theme",
    "position",
    "institution_id",
    "institution_name",
    "raw",
)

ITEMS_SQL = """
SELECT ii.text_hash, t.path, t.year, ii.kind, ii.idx, it.title, it.theme, ii.position,
       ii.institution_id, i.name AS institution_name, ii.raw
FROM item_institutions ii
JOIN texts t ON t.hash = ii.text_hash
JOIN (SELECT text_hash, idx, 'project' AS kind, title, theme FROM projects
      UNION ALL SELECT text_hash, idx, 'portfolio', title, theme FROM portfolio
      UNION ALL SELECT text_hash, idx, 'phd', title, NULL FROM phd) it
  ON it.text_hash = ii.text_hash AND it.kind = ii.kind AND it.idx = ii.idx
LEFT JOIN institutions i ON i.id = ii.institution_id
ORDER BY t.path IS NULL, t.path, ii.kind, ii.idx, ii.position
"""
"""The SQL that gives :func:`items_frame` from the database of the same collection."""

TIMELINES_COLUMNS = (
    "link_id",
    "year",
    "kind",
    "title",
    "institution_raw",
    "status",
    "period_start",
    "period_end",
    "path",
    "text_hash",
    "idx",
)

TIMELINES_SQL = """
SELECT a.link_id, a.year, a.kind, a.title, a.institution_raw, a.status,
       a.period_start, a.period_end, t.path, a.text_hash, a.idx
FROM appearances a JOIN texts t ON t.hash = a.text_hash
WHERE a.link_id IS NOT NULL
ORDER BY a.link_id, a.year, t.path, a.kind, a.idx
"""
"""The SQL that gives :func:`timelines_frame` from the database of the same collection."""


def _check(collection: Collection) -> None:
    if not isinstance(collection, Collection):
        raise TypeError(f"expected a fou.Collection (from fou.collect), got {type(collection).__name__}")


def collection_records(collection: Collection, table: CollectionTable) -> list[dict[str, _Cell]]:
    """The rows of one table of the collection as plain dicts (no pandas needed).

    The keys are :meth:`fou.Collection.columns` of the table; the values are what
    :meth:`fou.Collection.to_sqlite` writes (``int``, ``float``, ``str`` or ``None``).
    """
    _check(collection)
    columns = Collection.columns(table)
    return [dict(zip(columns, row)) for row in collection.rows(table)]


def _frame(
    collection: Collection, table: CollectionTable, columns: Sequence[str] | None = None
) -> _pd.DataFrame:
    """A DataFrame of a table's columns; its integer columns are pandas' nullable ``Int64``.

    Built column by column from :meth:`fou.Collection.column_values`, with the
    column types of the core (:meth:`fou.Collection.column_types`, the SQLite
    schema's), and only the columns asked for are made Python objects.
    """
    types = dict(zip(Collection.columns(table), Collection.column_types(table)))
    return _typed_frame(collection.column_values(table, None if columns is None else list(columns)), types)


def _typed_frame(values: dict[str, list[_Cell]], types: Mapping[str, str]) -> _pd.DataFrame:
    """A DataFrame of columns by their types: an integer column is an ``Int64``
    array, with or without gaps, in an empty table too; a ``real`` column
    ``float64``; a text column as pandas makes a column of strings and ``None``.
    No column is read value by value to guess its type."""
    pd = _require_pandas()
    import numpy as np  # a dependency of pandas

    data: dict[str, object] = {}
    for col, cells in values.items():
        kind = types[col]
        if kind == "integer":
            data[col] = pd.array(cells, dtype="Int64")
        elif kind == "real":
            data[col] = np.array([np.nan if v is None else v for v in cells], dtype=np.float64)
        else:
            data[col] = cells if cells else np.empty(0, dtype=object)
    return pd.DataFrame(data, columns=list(data))


def _view_frame(collection: Collection, view: Literal["items", "timelines"]) -> _pd.DataFrame:
    """A view of the collection (:meth:`fou.Collection.view_values`) as a DataFrame."""
    _check(collection)
    values = collection.view_values(view)
    return _typed_frame(values, dict(zip(values, Collection.view_column_types(view))))


def collection_frame(
    collection: Collection, table: CollectionTable, columns: Sequence[str] | None = None
) -> _pd.DataFrame:
    """One table of the collection as a DataFrame: the rows of the SQLite table of that name.

    ``columns`` picks some of the table's columns, in that order (all of them by
    default; a name given twice is one column); only those are made Python
    objects, so a few columns of a wide table come fast. Integer columns are
    pandas' nullable ``Int64`` (with gaps or without, and in an empty table),
    ``real`` ones ``float64``: the types of :meth:`fou.Collection.column_types`.
    Raises ``ValueError`` for a column the table does not have or an empty
    ``columns``, ``TypeError`` for a single string. Needs pandas.
    """
    _check(collection)
    if isinstance(columns, str):
        raise TypeError(f"columns must be a sequence of column names, not the string {columns!r}")
    if columns is not None and not columns:
        raise ValueError("columns names no column (None gives them all)")
    return _frame(collection, table, columns)


def items_frame(collection: Collection) -> _pd.DataFrame:
    """Items with their canonical institutions: one row per item and institution.

    Columns: ``text_hash``, ``path``, ``year`` (the text's), ``kind`` (``"project"``,
    ``"portfolio"``, ``"phd"``), ``idx`` (the item's index in its list), ``title``,
    ``theme``, ``position`` (of the institution in the item), ``institution_id`` and
    ``institution_name`` (the registry's id and canonical name; ``None`` for a name
    the registry does not know), ``raw`` (the name as written). An item without
    institutions has no row. Ordered by path (a text without one last), kind, idx
    and position. The same rows as :data:`ITEMS_SQL` on the database, made in one
    call (:meth:`fou.Collection.view_values`). Needs pandas.
    """
    return _view_frame(collection, "items")


def links_frame(collection: Collection) -> _pd.DataFrame:
    """The projects followed across texts: one row per link.

    Columns: ``id``, ``size`` (its appearances), ``score``, ``reason``: the
    ``links`` table. Needs pandas.
    """
    return collection_frame(collection, "links")


def timelines_frame(collection: Collection) -> _pd.DataFrame:
    """The timelines of the linked projects: one row per appearance of a linked project.

    Columns: ``link_id``, ``year`` (of the text), ``kind`` (``"project"``,
    ``"portfolio"``, ``"phd"``), ``title``, ``institution_raw``, ``status``,
    ``period_start``, ``period_end``, ``path``, ``text_hash``, ``idx``; sorted by link,
    year, path (a missing year or path first), kind and idx. The same rows as
    :data:`TIMELINES_SQL` on the database, made in one call
    (:meth:`fou.Collection.view_values`). Needs pandas.
    """
    return _view_frame(collection, "timelines")

