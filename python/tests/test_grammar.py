"""fou.grammar: the small grammars, and GrammarError."""

from __future__ import annotations

import datetime

import pytest

import fou
from fou import grammar


def test_period() -> None:
    assert grammar.period("(2019-2021)") == fou.Period.from_json('{"start":2019,"end":2021}')
    p = grammar.period("(2018-21)")
    assert (p.start, p.end) == (2018, 2021)
    assert isinstance(grammar.period("2021"), fou.Period)
    with pytest.raises(fou.GrammarError) as info:
        grammar.period("(2021-2019)")
    assert info.value.input == "(2021-2019)"
    assert "period" in info.value.expected


def test_project_line() -> None:
    p = grammar.project_line("Sosiale medier i NAV - hvem, hva hvorfor? Sintef (2019-2021)")
    assert p.title == "Sosiale medier i NAV - hvem, hva hvorfor?"
    assert p.institution_raw == "Sintef"
    assert p.institutions == ["Sintef"]
    assert p.period is not None and (p.period.start, p.period.end) == (2019, 2021)
    q = grammar.project_line("Hjelp@nett: Tillit til digitale veiledere i NAV. NTNU, UiO og UiA")
    assert q.institutions == ["NTNU", "UiO", "UiA"] and q.period is None
    assert repr(q).startswith("ProjectLine(title='Hjelp@nett")
    assert q == grammar.project_line("Hjelp@nett: Tillit til digitale veiledere i NAV. NTNU, UiO og UiA")
    bare = grammar.project_line("Bare en tittel")
    assert (bare.title, bare.institution_raw, bare.institutions) == ("Bare en tittel", None, [])
    with pytest.raises(fou.GrammarError):
        grammar.project_line("   ")


def test_institutions_and_authors() -> None:
    assert grammar.institutions("SNF (NHH)") == ["SNF", "NHH"]
    assert grammar.institutions("AFI OsloMet") == ["AFI", "OsloMet"]
    assert grammar.authors("Av Kari Nordmann, Ola Hansen og Per Berg") == [
        "Kari Nordmann",
        "Ola Hansen",
        "Per Berg",
    ]
    with pytest.raises(fou.GrammarError):
        grammar.authors("Avdelingsdirektør")
    assert grammar.author_list("Nordby, Lie og van der Berg") == ["Nordby", "Lie", "van der Berg"]


def test_reference_and_phd_line() -> None:
    r = grammar.reference("Nordby, Lie og van der Berg (2020): *Untangling the paths*, Tidsskrift for velferd")
    assert (r.authors, r.year, r.title, r.venue) == (
        ["Nordby", "Lie", "van der Berg"],
        2020,
        "Untangling the paths",
        "Tidsskrift for velferd",
    )
    with pytest.raises(fou.GrammarError):
        grammar.reference("Ingen referanse her")
    p = grammar.phd_line("Arbeidslivets rytmer. Stipendiat Ola Nordmann, UiO")
    assert (p.title, p.candidate, p.institution) == ("Arbeidslivets rytmer", "Ola Nordmann", "UiO")
    with pytest.raises(fou.GrammarError):
        grammar.phd_line("Uten kandidat")


def test_dates_counts_editions() -> None:
    assert grammar.norwegian_date("30. mars 2020") == datetime.date(2020, 3, 30)
    assert grammar.norwegian_date("1.juli 2017") == datetime.date(2017, 7, 1)
    assert grammar.norwegian_date("12. mars", default_year=2021) == datetime.date(2021, 3, 12)
    assert grammar.norwegian_date("12. mars 2019", 2021) == datetime.date(2019, 3, 12)
    with pytest.raises(fou.GrammarError, match="default_year"):
        grammar.norwegian_date("12. mars")
    with pytest.raises(fou.GrammarError, match="calendar date"):
        grammar.norwegian_date("31. februar 2021")
    with pytest.raises(fou.GrammarError):
        grammar.norwegian_date("30. marsj")
    # year 0 is no calendar date (and none Python has): an error of fou's, and
    # in a text an invalid-date diagnostic, not a date the accessors cannot make
    for year_zero in ("12. mars 0000", "12. mars"):
        with pytest.raises(fou.GrammarError, match="calendar date"):
            grammar.norwegian_date(year_zero, default_year=0)
    r = fou.parse("Møtet var 12. mars 0000 i Oslo.")
    assert r.dates == [] and "invalid-date" in [d.code for d in r.diagnostics]
    assert fou.to_records([r], "dates") == []
    assert grammar.count("Åtte") == 8
    assert grammar.count("tretten") == 13
    assert grammar.count(" 13 ") == 13
    with pytest.raises(fou.GrammarError):
        grammar.count("mange")
    assert grammar.edition("Utgave 2 – 2020") == (2, 2020)
    assert grammar.edition("Utgave 3") == (3, None)
    with pytest.raises(fou.GrammarError):
        grammar.edition("Utgaven")


def test_grammar_error_is_a_value_error_and_a_fou_error() -> None:
    with pytest.raises(ValueError) as info:
        grammar.count("mange")
    err = info.value
    assert isinstance(err, fou.GrammarError) and isinstance(err, fou.FouError)
    assert err.input == "mange" and err.offset == 0 and err.expected
    assert str(err) == err.message


def test_grammar_never_escapes_with_another_error() -> None:
    funcs = [
        grammar.period, grammar.project_line, grammar.institutions, grammar.authors, grammar.author_list,
        grammar.reference, grammar.phd_line, grammar.norwegian_date, grammar.count, grammar.edition,
    ]  # fmt: skip
    samples = ["", " ", "(", ")", "((((", "æøå", "1. ", "99. mars 2020", "Av ", ", , ,", "\x00", "🙂 (2020)",
               "Utgave 99999999999", "x Stipendiat ", "A (2020", "A (2020):", "(2019-)", "(20192)", "St. . ."]  # fmt: skip
    for f in funcs:
        for s in samples:
            try:
                f(s)  # type: ignore[operator]
            except fou.FouError:
                pass
