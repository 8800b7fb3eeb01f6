"""The examples in the package's docstrings run and give what they show."""

from __future__ import annotations

import doctest

import pytest

import fou
import fou.grammar


@pytest.mark.parametrize("module", [fou, fou.grammar], ids=lambda m: m.__name__)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


def test_public_api_is_documented() -> None:
    for name in fou.__all__:
        obj = getattr(fou, name)
        if callable(obj) and not isinstance(obj, type(fou.RecordKind)):
            assert obj.__doc__, f"fou.{name} has no docstring"
    for name in fou.grammar.__all__:
        assert getattr(fou.grammar, name).__doc__, f"fou.grammar.{name} has no docstring"
