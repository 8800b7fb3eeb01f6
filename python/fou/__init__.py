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
- :mod:`fou.grammar` exposes the small grammars (periods, project lines,
  institutions, authors, Norwegian dates …);
- every error is a :class:`FouError`: :class:`ReadError` (and its
  :class:`InputTooLarge`), :class:`DecodeError`, :class:`GrammarError`.

The parser itself is the Rust crate ``fou``; this package is a thin binding.
"""

from __future__ import annotations

from fou import grammar
from fou._errors import DecodeError, FouError, GrammarError, InputTooLarge, ReadError
from fou._fou import (
    SCHEMA_VERSION,
    Analysis,
    DateMention,
    Diagnostic,
    Heading,
    InstitutionRef,
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
    Vendor,
    __version__,
    parse,
    parse_file,
    parse_many,
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
    "SCHEMA_VERSION",
    "Analysis",
    "DateMention",
    "DecodeError",
    "Diagnostic",
    "FouError",
    "GrammarError",
    "Heading",
    "InputTooLarge",
    "InstitutionRef",
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
    "Vendor",
    "__version__",
    "analyses_frame",
    "canonical_institution",
    "grammar",
    "parse",
    "parse_file",
    "parse_many",
    "portfolio_frame",
    "projects_frame",
    "to_frame",
    "to_records",
]
