"""The course notebooks: valid nbformat 4, made for the ProcLab kernel, and their saved outputs are what
the cells really print when run top to bottom on the kernel now (pids, which change every run, aside).

Two cell tags loosen the comparison where the truth itself varies from run to run:
  measured  -- the cell prints measurements (times, memory): numbers (and the spaces padding them, and
               the ≥ of %ps's lower bounds, which depend on when a child's threads ended) are compared as " N", the bars of a %timeline's text as "|bars|", runs of spaces (a table's
               columns widen with their widest figure) as one space, the rest of the text exactly
  unordered -- processes race to print: the lines are compared as a sorted list
"""
import pathlib
import re
import time

import nbformat
import pytest
from nbclient import NotebookClient

COURSE = pathlib.Path(__file__).resolve().parents[1] / "notebooks"
# lessons and the solved exercises; the exercises themselves are shipped unrun (see test_course.py)
NOTEBOOKS = sorted(COURSE.glob("*.ipynb")) + sorted((COURSE / "exercises" / "solutions").glob("*.ipynb"))
# how long a lesson may take to run top to bottom
LESSON_SECONDS = 60
PIDS = re.compile(r"\bpid[ =]\d+")
# a number with the spaces that pad it (printf widths change with the number of digits)
NUMBERS = re.compile(r" *\d+(?:[.,]\d+)*")
# a process's bar in %timeline's text: where it starts and ends depends on timing
TIMELINE_BAR = re.compile(r"\|[ =>]+\|")
SPACES = re.compile(r" {2,}")
LESSONS = sorted(COURSE.glob("*.ipynb"))
PICTURES = ("image/svg+xml", "image/png")
# nbclient's tag for a cell that fails on purpose: its error is part of the lesson
EXPECTED_ERROR = "raises-exception"


def texts(cell):
    """The text a code cell shows: streams and text/plain results, with pids masked (and, as its
    tags say, numbers masked or lines sorted)."""
    shown = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            # how text is cut into stream messages depends on timing; what the cell shows does not
            if shown and shown[-1].startswith(output.name + ":"):
                shown[-1] += output.text
            else:
                shown.append(output.name + ":" + output.text)
        elif output.output_type in ("execute_result", "display_data"):
            text = output.data.get("text/plain", "")
            if text.startswith("What happened:"):
                # %explain panels tell times and counts (which pool worker ran how many tasks varies), and
                # processes that start together may be told in either order
                text = "\n".join(sorted(re.sub(r" ran N tasks?(?: \( ?N items?\))?,", "", NUMBERS.sub(" N", line.replace(" lines ", " line ")))
                                         for line in text.splitlines()))
            shown.append("value:" + text)
        elif output.output_type == "error":
            shown.append("error:" + output.ename)
    shown = [PIDS.sub("pid N", text) for text in shown]
    tags = cell.get("metadata", {}).get("tags", [])
    if "measured" in tags:
        shown = [SPACES.sub(" ", TIMELINE_BAR.sub("|bars|", NUMBERS.sub(" N", text).replace("≥ N", " N")))
                 for text in shown]
    if "unordered" in tags:
        # sort the lines without the "stdout:" (or "value:") that starts the first one, or that line would
        # sort apart from the others whenever another process printed first
        shown = [[kind] + sorted(rest.splitlines()) for kind, _, rest in (text.partition(":") for text in shown)]
    return shown


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
    saved = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    began = time.monotonic()
    NotebookClient(fresh, timeout=120, kernel_name="proclab").execute()
    took = time.monotonic() - began
    for before, after in zip(saved.cells, fresh.cells):
        if before.cell_type == "code":
            assert texts(after) == texts(before), before.source
    # a lesson is one sitting's step, not a wait (issue 18): the whole run, kernel start included
    assert path.parent != COURSE or took < LESSON_SECONDS, f"{path.name} took {took:.0f} s"
