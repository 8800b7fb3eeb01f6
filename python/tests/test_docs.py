"""The documentation runs as shown.

- every ```python block of README.md and python/README.md runs on its own (a fresh
  namespace, the working directory the repository root, matplotlib on Agg), as a
  reader who pastes it would run it;
- the ```sh lines of the Python docs are real commands: the files they name exist,
  the extras they install are defined in pyproject.toml, and none installs the
  unrelated ``fou`` from PyPI;
- the examples in the package's docstrings run and give what they show.
"""

from __future__ import annotations

import doctest
import re
import shlex
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pytest

import fou
import fou._collection
import fou._tables
import fou.grammar
from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the test extra installs tomli there
    import tomli as tomllib

DOCS = [REPO / "README.md", REPO / "python" / "README.md"]


def fenced_blocks(path: Path, lang: str) -> list[tuple[int, str]]:
    """The ```lang blocks of a Markdown file, with the line each starts on."""
    blocks: list[tuple[int, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() == f"```{lang}":
            start = i + 1
            j = start
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            assert j < len(lines), f"{path.name}:{i + 1}: unclosed ```{lang} block"
            blocks.append((start + 1, "\n".join(lines[start:j]) + "\n"))
            i = j
        i += 1
    return blocks


def python_section(text: str) -> str:
    """The "## Python" section of the top-level README."""
    match = re.search(r"^## Python\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert match, "README.md has no '## Python' section"
    return match.group(1)


PYTHON_BLOCKS = [(path, line, code) for path in DOCS for line, code in fenced_blocks(path, "python")]


def test_the_docs_have_python_blocks() -> None:
    per_file = {path.name: 0 for path in DOCS}
    for path, _, _ in PYTHON_BLOCKS:
        per_file[path.name] += 1
    assert per_file["README.md"] >= 1 and all(n >= 1 for n in per_file.values()), per_file
    assert "```python" in python_section((REPO / "README.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("path", "line", "code"),
    PYTHON_BLOCKS,
    ids=[f"{p.relative_to(REPO)}:{line}" for p, line, _ in PYTHON_BLOCKS],
)
def test_python_block_runs(path: Path, line: int, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {"__name__": "__main__"}
    with warnings.catch_warnings():
        # plt.show() is right for a reader at a screen; on Agg it only warns
        warnings.filterwarnings("ignore", message=".*non-interactive.*cannot be shown", category=UserWarning)
        try:
            exec(compile(code, f"{path.relative_to(REPO)}:{line}", "exec"), namespace)
        finally:
            plt.close("all")


def test_readme_quick_start_keeps_unknown_funding_and_the_years(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    section = python_section((REPO / "README.md").read_text(encoding="utf-8"))
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    for call in re.findall(r"\.groupby\(([^)]*)\)", code):
        assert "report_year" in call, f"groupby({call}) adds up different years"
        assert "dropna=False" in call or ".fillna(" in code, f"groupby({call}) drops unknown values"
    test_python_block_runs(REPO / "README.md", 0, code, monkeypatch)
    shown = capsys.readouterr().out
    assert "(unknown)" in shown  # sample-2022 has a project whose funding is not stated
    assert all(year in shown for year in ("2021", "2022", "2023"))


def _install_lines(text: str) -> list[str]:
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.M | re.S):
        for raw in block.splitlines():
            cmd = raw.split(" #", 1)[0].strip()
            if cmd and not cmd.startswith("#"):
                lines.append(cmd)
    return lines


def _sh_lines() -> list[str]:
    readme = python_section((REPO / "README.md").read_text(encoding="utf-8"))
    return _install_lines(readme) + _install_lines((REPO / "python" / "README.md").read_text(encoding="utf-8"))


def test_sh_lines_are_real_commands() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    extras = set(pyproject["project"]["optional-dependencies"])
    lines = _sh_lines()
    assert any(line.startswith("pip install .") for line in lines), lines
    for line in lines:
        argv = shlex.split(line)  # raises on unbalanced quotes
        if argv[:2] == ["pip", "install"]:
            targets = [a for a in argv[2:] if not a.startswith("-")]
            assert targets, line
            for target in targets:
                match = re.fullmatch(r"\.(?:\[([a-z0-9,_-]+)\])?", target)
                assert match, f"{line!r}: installs {target!r}, not this repository"
                for extra in filter(None, (match.group(1) or "").split(",")):
                    assert extra in extras, f"{line!r}: no extra {extra!r} in pyproject.toml ({sorted(extras)})"
        else:
            program = argv[0]
            if not Path(program).name.startswith("python"):  # an interpreter may live anywhere
                assert (REPO / program).is_file(), f"{line!r}: {program} does not exist"
            for arg in argv[1:]:
                if arg.endswith(".py"):
                    assert (REPO / arg).is_file(), f"{line!r}: {arg} does not exist"


def test_python_section_warns_about_the_unrelated_fou() -> None:
    name = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    for text in (
        python_section((REPO / "README.md").read_text(encoding="utf-8")),
        (REPO / "python" / "README.md").read_text(encoding="utf-8"),
    ):
        assert "`pip install fou`" in text and "unrelated" in text
        assert f"`{name}`" in text
        assert "pip install ." in text
        assert re.search(r"\d+ (?:s|min)", text), "no build time stated"


@pytest.mark.parametrize("module", [fou, fou.grammar, fou._tables, fou._collection], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_public_api_is_documented() -> None:
    for name in fou.__all__:
        obj = getattr(fou, name)
        if callable(obj) and not isinstance(obj, type(fou.RecordKind)):
            assert obj.__doc__, f"fou.{name} has no docstring"
    for name in fou.grammar.__all__:
        assert getattr(fou.grammar, name).__doc__, f"fou.grammar.{name} has no docstring"
