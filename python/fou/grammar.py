"""The small grammars inside report text, one function each.

Every function consumes its whole input (surrounding white space is ignored)
and raises :class:`fou.GrammarError` (a :class:`fou.FouError` and a
:class:`ValueError`) when it does not match.

>>> from fou import grammar
>>> grammar.period("(2019-2021)")
Period(start=2019, end=2021)
>>> grammar.institutions("NTNU, UiO og UiA")
['NTNU', 'UiO', 'UiA']
>>> grammar.authors("Av Kari Nordmann, Ola Hansen og Per Berg")
['Kari Nordmann', 'Ola Hansen', 'Per Berg']
>>> grammar.norwegian_date("12. mars", default_year=2020)
datetime.date(2020, 3, 12)
>>> grammar.count("tretten")
13
>>> grammar.edition("Utgave 2 – 2020")
(2, 2020)
"""

from __future__ import annotations

from fou._errors import GrammarError
from fou._fou import (
    PhdLine,
    ProjectLine,
    Reference,
    author_list,
    authors,
    count,
    edition,
    institutions,
    norwegian_date,
    period,
    phd_line,
    project_line,
    reference,
)

__all__ = [
    "GrammarError",
    "PhdLine",
    "ProjectLine",
    "Reference",
    "author_list",
    "authors",
    "count",
    "edition",
    "institutions",
    "norwegian_date",
    "period",
    "phd_line",
    "project_line",
    "reference",
]
