"""fou — NAV's R&D annual reports (FoU-rapport) as typed data.

Parse a report and read it as objects, as the JSON contract, or as a table:

>>> import fou
>>> report = fou.parse("FoU-rapport 2021\\n\\nForord\\n\\nEn kort tekst.\\n")
>>> report.year
2021
>>> report.to_dict()["schema_version"]
1

- :func:`parse`, :func:`parse_file`, :func:`parse_many` read reports into
  :class:`Report` objects (frozen; items such as :class:`Project` and
  :class:`PortfolioItem` with their :class:`Span`);
- :func:`to_records`, :func:`projects_frame`, :func:`portfolio_frame`,
  :func:`analyses_frame` flatten them into rows (pandas is optional);
  :func:`canonical_institution` (and their ``institution_aliases=``) counts
  one organisation written two ways once;
- :func:`collect` reads many texts (files and directories) into one
  :class:`Collection`: duplicates recognised, institutions resolved in the
  registry, projects followed across texts (:class:`Link`), checks across
  texts; :func:`items_frame`, :func:`links_frame`, :func:`timelines_frame` and
  :func:`collection_frame` give its tables (the rows of
  :meth:`Collection.to_sqlite`'s database) as DataFrames;
- :mod:`fou.grammar` exposes the small grammars (periods, project lines,
  institutions, authors, Norwegian dates …);
- every error is a :class:`FouError`: :class:`ReadError` (and its
  :class:`InputTooLarge`), :class:`DecodeError`, :class:`GrammarError`.

The parser itself is the Rust crate ``fou``; this package is a thin binding.
"""

from __future__ import annotations

from fou import grammar
from fou._errors import DecodeError, FouError, GrammarError, InputTooLarge, ReadError
from fou._collection import (
    ITEMS_SQL,
    TIMELINES_SQL,
    CollectionTable,
    collection_frame,
    collection_records,
    items_frame,
    links_frame,
    timelines_frame,
)
from fou._fou import (
    SCHEMA_VERSION,
    Analysis,
    Appearance,
    CollectedItem,
    Collection,
    CollectionDiagnostic,
    CollectionText,
    DateMention,
    Diagnostic,
    Heading,
    InstitutionRef,
    Link,
    Period,
    PhdCandidate,
    PortfolioItem,
    Preface,
    Project,
    Publication,
    Report,
    Signatory,
    SourceInfo,
    Span,
    StatedCount,
    UnknownInstitution,
    Vendor,
    __version__,
    collect,
    parse,
    parse_file,
    parse_many,
    text_files,
)
from fou._tables import (
    RecordKind,
    analyses_frame,
    canonical_institution,
    portfolio_frame,
    projects_frame,
    to_frame,
    to_records,
)

__all__ = [
    "ITEMS_SQL",
    "SCHEMA_VERSION",
    "TIMELINES_SQL",
    "Analysis",
    "Appearance",
    "CollectedItem",
    "Collection",
    "CollectionDiagnostic",
    "CollectionTable",
    "CollectionText",
    "DateMention",
    "DecodeError",
    "Diagnostic",
    "FouError",
    "GrammarError",
    "Heading",
    "InputTooLarge",
    "InstitutionRef",
    "Link",
    "Period",
    "PhdCandidate",
    "PortfolioItem",
    "Preface",
    "Project",
    "Publication",
    "ReadError",
    "RecordKind",
    "Report",
    "Signatory",
    "SourceInfo",
    "Span",
    "StatedCount",
    "UnknownInstitution",
    "Vendor",
    "__version__",
    "analyses_frame",
    "canonical_institution",
    "collect",
    "collection_frame",
    "collection_records",
    "grammar",
    "items_frame",
    "links_frame",
    "parse",
    "parse_file",
    "parse_many",
    "portfolio_frame",
    "projects_frame",
    "text_files",
    "timelines_frame",
    "to_frame",
    "to_records",
]
