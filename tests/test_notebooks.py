"""The course notebooks: valid nbformat 4, made for the ProcLab kernel, and their saved outputs are what
the cells really print when run top to bottom on the kernel now (pids, which change every run, aside; the
cell tags `measured` and `unordered` loosen the comparison as saved_outputs.py says).

JupyterLab runs the lessons too (tests/browser/test_lessons.py) and compares them the same way: when
./proclab test is about to run that browser suite it sets PROCLAB_BROWSER_RUNS_LESSONS, and nbclient
here runs only the solved exercises, so that each lesson runs once in the whole test run.
"""
import os
import time

import nbformat
import pytest
from nbclient import NotebookClient

from saved_outputs import COURSE, EXPECTED_ERROR, LESSON_SECONDS, LESSONS, texts, texts_while_running

# lessons and the solved exercises; the exercises themselves are shipped unrun (see test_course.py)
NOTEBOOKS = LESSONS + sorted((COURSE / "exercises" / "solutions").glob("*.ipynb"))
PICTURES = ("image/svg+xml", "image/png")
# set by ./proclab test when tests/browser/test_lessons.py will run every lesson in JupyterLab
BROWSER_RUNS_LESSONS = bool(os.environ.get("PROCLAB_BROWSER_RUNS_LESSONS"))


# Each notebook is valid nbformat 4 and names the proclab kernel.
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_valid_and_uses_proclab(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "proclab"
    assert notebook.metadata.language_info.name == "java"


# Every lesson shows at least one picture (a %timeline, a diagram of processes): where a learner would
# rather look than read, the lesson draws.
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_has_a_picture(path):
    notebook = nbformat.read(path, as_version=4)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    assert any(mime in output.get("data", {}) for output in outputs for mime in PICTURES), path.name


# The start page lists every lesson with a link, so a lesson added to the course is found from where it starts.
@pytest.mark.parametrize("path", LESSONS[1:], ids=lambda p: p.name)
def test_start_page_links_the_lesson(path):
    start = nbformat.read(LESSONS[0], as_version=4)
    assert f"]({path.name})" in "".join(cell.source for cell in start.cells if cell.cell_type == "markdown")


# A lesson's saved outputs hold no error, except in a cell tagged to fail on purpose.
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_shows_no_unexpected_error(path):
    notebook = nbformat.read(path, as_version=4)
    failing = [cell.source for cell in notebook.cells if cell.cell_type == "code"
               and EXPECTED_ERROR not in cell.get("metadata", {}).get("tags", [])
               and any(output.output_type == "error" for output in cell.get("outputs", []))]
    assert not failing, failing


# The exercises to solve are shipped without outputs, so nothing in them can be stale.
@pytest.mark.parametrize("path", sorted((COURSE / "exercises").glob("*.ipynb")), ids=lambda p: p.name)
def test_exercises_are_shipped_unrun(path):
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


# Run top to bottom on the kernel, every cell prints what its saved output says.
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_saved_outputs_are_real(path):
    if BROWSER_RUNS_LESSONS and path.parent == COURSE:
        pytest.skip("tests/browser/test_lessons.py runs this lesson in JupyterLab and compares its outputs with "
                    "the saved ones in this run of ./proclab test (PROCLAB_BROWSER_RUNS_LESSONS); a lesson runs once")
    saved = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    began = time.monotonic()
    NotebookClient(fresh, timeout=120, kernel_name="proclab").execute()
    took = time.monotonic() - began
    code = [(before, after) for before, after in zip(saved.cells, fresh.cells) if before.cell_type == "code"]
    for index, (before, after) in enumerate(code):
        assert texts(after) == texts_while_running(path, index, before), before.source
    # a lesson is one sitting's step, not a wait (issue 18): the whole run, kernel start included
    assert path.parent != COURSE or took < LESSON_SECONDS, f"{path.name} took {took:.0f} s"
