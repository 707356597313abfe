"""The course outside Jupyter: `proclab run` steps through a lesson in a terminal and `proclab check`
grades exercise notebooks. Runs the built jar (PROCLAB_JAR, set by ./proclab test)."""
import os
import pathlib
import re
import subprocess

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXERCISES = sorted((ROOT / "notebooks" / "exercises").glob("*.ipynb"))
SOLUTIONS = ROOT / "notebooks" / "exercises" / "solutions"
JAR = os.environ.get("PROCLAB_JAR", str(ROOT / "proclab-app" / "target" / "proclab.jar"))


def proclab(*args, timeout=300):
    return subprocess.run(["java", "-jar", JAR, *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, cwd=ROOT)


# Every exercise has a solved twin, and both are valid notebooks for the proclab kernel.
@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_exercise_has_a_valid_solution(path):
    solution = path.parent / "solutions" / path.name
    for notebook in (path, solution):
        parsed = nbformat.read(notebook, as_version=4)
        nbformat.validate(parsed)
        assert parsed.metadata.kernelspec.name == "proclab"


# An exercise as shipped fails its checks (exit status 1).
@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_check_fails_an_exercise_as_shipped(path):
    unsolved = proclab("check", str(path.relative_to(ROOT)))
    assert unsolved.returncode == 1, unsolved.stdout + unsolved.stderr
    assert "0 check(s) passed" in unsolved.stdout and "✗" in unsolved.stderr


# A solution passes all its checks in the terminal (exit status 0). Every solution's checks pass in the
# kernel too: test_notebooks.py runs each solution through nbclient, where a failed check is a cell's
# error. So two solutions, one with pools and one with signals, are enough here (each costs a full run).
@pytest.mark.parametrize("name", ["04-pools.ipynb", "08-crashes-exit-codes-signals.ipynb"])
def test_check_passes_a_solution(name):
    solved = proclab("check", str((SOLUTIONS / name).relative_to(ROOT)))
    assert solved.returncode == 0, solved.stdout + solved.stderr
    assert ", 0 failed" in solved.stdout and "✓" in solved.stdout


# `proclab run` prints a lesson's text and code and runs it; the child's line comes before the parent's.
def test_run_steps_through_a_lesson_in_the_terminal():
    result = proclab("run", "notebooks/03-create-a-process.ipynb")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# 03 · Create a process" in result.stdout
    assert "In [2]:" in result.stdout
    running = result.stdout.index("messaging process running")
    assert running < result.stdout.index("messaging process finished")
    assert re.search(r"^Out\[\d+\]: false$", result.stdout, re.M), result.stdout
    assert "What happened:" in result.stdout, "%explain on works in the terminal too"


# A file that is not a notebook gives one clear line and a non-zero exit status.
def test_run_rejects_a_file_that_is_not_a_notebook():
    result = proclab("run", "--step", "pom.xml")
    assert result.returncode != 0
    assert "proclab:" in result.stderr and "Exception" not in result.stderr
