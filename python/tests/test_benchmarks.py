"""The benchmark scripts run: each step of python/benchmarks/counted.py once on a sample, and
benches/profile.py, timed.py and outputs.sh on made-up inputs."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import REPO

COUNTED = REPO / "python" / "benchmarks" / "counted.py"
SAMPLE = REPO / "examples" / "data" / "sample-2021.txt"


def script_module(name: str, path: Path) -> ModuleType:
    """The script at `path` imported as module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # (registered first: a dataclass looks its module up as it is made)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def counted_module() -> ModuleType:
    return script_module("counted", COUNTED)


@pytest.mark.parametrize("name", counted_module().STEPS)
def test_each_counted_step_runs(name: str) -> None:
    run = counted_module().step(name, str(SAMPLE))
    assert run() is not None


def test_counted_rejects_an_unknown_step() -> None:
    done = subprocess.run(
        [sys.executable, str(COUNTED), "no_such_step", str(SAMPLE), "1"], capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "unknown step 'no_such_step'" in done.stderr


# --- benches/profile.py, benches/timed.py, benches/outputs.sh: the tools the figures of
# BENCHMARKS.md are measured with, on made-up inputs (no valgrind, perf or build needed).


def bench_module(name: str) -> ModuleType:
    return script_module(f"benches_{name}", REPO / "benches" / f"{name}.py")


def callgrind_run(passes: int, instr: bool = False) -> str:
    """A small callgrind output of a program that made `passes` passes, names
    compressed and positions absolute, relative (`+n`, `-n`) and repeated
    (`*`) as callgrind writes them, some cost lines short of the last event:

    - `main` (its own cost 5, whatever the passes) calls `work` once a pass;
    - `work` costs 7 a pass on line 10 of `work.rs` (and 1 mispredicted
      branch), 3 on line 12 of code inlined from `inl.rs`, 4 + 1 on line 11
      back in `work.rs`, and calls `memcpy` of `libc.so` (2 a pass);
    - `target`, named first on a `jfn=` line, costs 6 on line 20 of `work.rs`
      (a new function's code is in its own file, not in the last one
      inlined) and 2 on line 21 of `jumped.rs`, named first on a `jfi=` line;
    - `memcpy` has a namesake in the program, which costs the same in every run.

    With `instr`, each cost line has an instruction address before its line
    (`positions: instr line`)."""
    n = passes
    text = f"""# callgrind format
version: 1
cmd:  ./counted fou_parse text.md {n}
positions: line
events: Ir Bcm
summary: 0

ob=(1) ./counted
fl=(1) main.rs
fn=(1) main
1 5 0
cfl=(2) work.rs
cfn=(2) work
calls={n} 10
+1 {17 * n} {n}

fl=(2)
fn=(2)
11 {4 * n}
* {n}
fi=(3) inl.rs
+1 {3 * n} 0
fe=(2)
-2 {7 * n} {n}
jfi=(5) jumped.rs
jfn=(4) target
cob=(2) libc.so
cfl=(4) memcpy.S
cfn=(3) memcpy
calls={n} 1
* {2 * n} 0
fi=(3)
+2 0
fn=(4)
20 {6 * n}
fi=(5)
+1 {2 * n} 0

ob=(2)
fl=(4)
fn=(3)
1 {2 * n} 0

ob=(1)
fl=(4)
fn=(3)
1 1 0
"""
    if not instr:
        return text
    out = []
    for line in text.splitlines():
        if line and (line[0].isdigit() or line[0] in "+-*"):
            line = "+3 " + line  # the address moves on; the line is the second position
        out.append(line.replace("positions: line", "positions: instr line"))
    return "\n".join(out) + "\n"


def profiled(tmp_path, by: str, event: str = "Ir", instr: bool = False) -> list[str]:
    profile = bench_module("profile")
    few, many = tmp_path / "1.cg", tmp_path / "3.cg"
    few.write_text(callgrind_run(1, instr))
    many.write_text(callgrind_run(3, instr))
    return profile.report(profile.load(few), profile.load(many), event, by, 10)


@pytest.mark.parametrize("instr", [False, True])
def test_profile_gives_a_pass_by_function(tmp_path, instr: bool) -> None:
    lines = profiled(tmp_path, "function", instr=instr)
    # work 7 + 3 + 4 + 1 (its inlined code is its own), target 6 + 2, the
    # library's memcpy 2; main and the program's memcpy cost the same in both runs.
    assert lines[0] == "Ir per pass (2 passes apart), by function: total 25"
    assert [line.split(maxsplit=1) for line in lines[1:]] == [
        ["15", "work"],
        ["8", "target"],
        ["2", "memcpy (libc.so)"],
        ["0", "main"],
        ["0", "memcpy (counted)"],
    ]


@pytest.mark.parametrize("instr", [False, True])
def test_profile_gives_a_pass_by_source_line(tmp_path, instr: bool) -> None:
    lines = profiled(tmp_path, "line", instr=instr)
    rows = [line.split()[:3] for line in lines[1:7]]
    assert rows == [
        ["7", "work.rs:10", "[work]"],
        ["6", "work.rs:20", "[target]"],
        ["5", "work.rs:11", "[work]"],
        ["3", "inl.rs:12", "[work]"],
        ["2", "jumped.rs:21", "[target]"],
        ["2", "memcpy.S:1", "[memcpy"],
    ]


def test_profile_gives_a_pass_inclusive_of_calls(tmp_path) -> None:
    lines = profiled(tmp_path, "inclusive")
    assert [line.split(maxsplit=1) for line in lines[1:5]] == [
        ["17", "main"],
        ["17", "work"],
        ["8", "target"],
        ["2", "memcpy (libc.so)"],
    ]


def test_profile_reads_any_recorded_event(tmp_path) -> None:
    lines = profiled(tmp_path, "function", "Bcm")
    assert lines[0].startswith("Bcm per pass (2 passes apart), by function: total 1")
    with pytest.raises(ValueError, match="event Dr not recorded"):
        profiled(tmp_path, "function", "Dr")


def test_profile_needs_the_pass_count_and_more_passes_second(tmp_path) -> None:
    profile = bench_module("profile")
    (tmp_path / "a.cg").write_text(callgrind_run(3).replace("text.md 3", "text.md"))
    (tmp_path / "b.cg").write_text(callgrind_run(3))
    with pytest.raises(ValueError, match="pass count"):
        profile.per_pass(profile.load(tmp_path / "a.cg"), profile.load(tmp_path / "b.cg"), "Ir", "function")
    with pytest.raises(ValueError, match="more passes"):
        profile.per_pass(profile.load(tmp_path / "b.cg"), profile.load(tmp_path / "b.cg"), "Ir", "function")
    (tmp_path / "c.cg").write_text("not callgrind\n")
    done = subprocess.run(
        [sys.executable, str(REPO / "benches" / "profile.py"), str(tmp_path / "c.cg"), str(tmp_path / "b.cg")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "not a callgrind output file" in done.stderr


def fake_counted(tmp_path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
    path.chmod(0o755)
    return str(path)


def test_timed_runs_each_spec_in_a_turning_order(tmp_path, monkeypatch) -> None:
    timed = bench_module("timed")
    specs = [timed.Spec.parse(s, "bin") for s in ["a", "other:b", "c"]]
    assert [(s.binary, s.contender) for s in specs] == [("bin", "a"), ("other", "b"), ("bin", "c")]
    order: list[str] = []
    # Seconds of each run of a spec, round by round: a least, a median and a
    # greatest that differ.
    runs = {"a": [3.0, 2.0, 7.0], "b": [1.5, 9.0, 1.0], "c": [4.0, 8.0, 5.0]}

    def seconds(spec, file: str, passes: int) -> float:
        assert (file, passes) == ("f", 10)
        order.append(spec.contender)
        return runs[spec.contender][order.count(spec.contender) - 1]

    monkeypatch.setattr(timed, "cpu_seconds", seconds)
    times = timed.measure(specs, "f", 10, 3)
    assert order == ["a", "b", "c", "b", "c", "a", "c", "a", "b"]
    rows = [line.split() for line in timed.table(specs, times)[1:]]
    # µs a pass: the least and the median of the rounds; the least over the first's.
    assert rows == [
        ["a", "200000.00", "300000.00", "1.000"],
        ["other:b", "100000.00", "150000.00", "0.500"],
        ["c", "400000.00", "500000.00", "2.000"],
    ]


def test_timed_runs_a_build_and_says_when_it_fails(tmp_path) -> None:
    ok = fake_counted(tmp_path, "counted", "assert sys.argv[1:] == ['x', 'f.md', '5'], sys.argv")
    done = subprocess.run(
        [sys.executable, str(REPO / "benches" / "timed.py"), "--rounds", "2", "--bin", ok, "f.md", "5", "x"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("f.md: 5 passes a run, 2 rounds")
    assert done.stdout.splitlines()[2].split()[0] == "x"
    bad = fake_counted(tmp_path, "broken", "sys.exit('no contender y')")
    done = subprocess.run(
        [sys.executable, str(REPO / "benches" / "timed.py"), "--bin", bad, "f.md", "5", "y"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "failed (1): no contender y" in done.stderr


def test_outputs_keeps_each_command_of_each_input(tmp_path) -> None:
    fou = tmp_path / "fou"
    fou.write_text('#!/bin/sh\necho "$@"\n[ "$1" = explain ] && exit 3\nexit 0\n')
    fou.chmod(0o755)
    done = subprocess.run(
        ["bash", str(REPO / "benches" / "outputs.sh"), str(fou), str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    n = int(done.stdout.split()[0])
    out = tmp_path / "out"
    parsed = sorted(out.glob("*.parse.json"))
    assert len(parsed) == n == len(sorted(out.glob("*.explain.txt")))
    sample = out / "examples_data_sample-2021.txt.parse.json"
    assert sample.read_text() == "parse examples/data/sample-2021.txt\n"
    assert (out / "examples_data_sample-2021.txt.explain.txt.err").read_text() == "exit 3\n"
    # No name starts with a dot (a file `ls` and shell globs would hide).
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    copies = (out / "copies.ndjson").read_text().split()
    assert copies[:3] == ["parse", "--format", "ndjson"] and len(copies) == 33


def test_outputs_refuses_what_it_cannot_compare(tmp_path) -> None:
    """A used OUTDIR, a checkout without ../shared/corpus, or one without a
    folder of texts stop it with an error, not with fewer outputs."""
    fou = tmp_path / "fou"
    fou.write_text("#!/bin/sh\nexit 0\n")
    fou.chmod(0o755)
    script = REPO / "benches" / "outputs.sh"

    def run(script_path, out) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", str(script_path), str(fou), str(out)], capture_output=True, text=True)

    used = tmp_path / "used"
    used.mkdir()
    (used / "old.parse.json").write_text("{}")
    done = run(script, used)
    assert done.returncode == 2 and "is not empty" in done.stderr

    # A checkout of its own, beside no `shared`.
    checkout = tmp_path / "alone" / "repo"
    (checkout / "benches").mkdir(parents=True)
    (checkout / "examples").mkdir()
    (checkout / "tests" / "fixtures").mkdir(parents=True)
    copy = checkout / "benches" / "outputs.sh"
    copy.write_text(script.read_text())
    done = run(copy, tmp_path / "out1")
    assert done.returncode == 2 and "../shared/corpus is missing" in done.stderr

    (tmp_path / "alone" / "shared" / "corpus").mkdir(parents=True)
    (tmp_path / "alone" / "shared" / "corpus" / "r.txt").write_text("x\n")
    done = run(copy, tmp_path / "out2")
    assert done.returncode == 0 and done.stdout == "1 inputs\n", done.stderr
    (checkout / "tests" / "fixtures").rmdir()
    done = run(copy, tmp_path / "out3")
    assert done.returncode != 0 and "No such file" in done.stderr
