"""What a course notebook's saved outputs must agree with when it runs again: the lessons, how long one may
take, and `texts`, the part of a code cell's outputs that a fresh run must reproduce. Shared by the two
runners of the course: nbclient (tests/test_notebooks.py, Debian's Python) and JupyterLab in Chromium
(tests/browser/test_lessons.py, .venv's Python); it needs nothing but the standard library.

Two cell tags loosen the comparison where the truth itself varies from run to run:
  measured  -- the cell prints measurements (times, memory): numbers (and the spaces padding them, and
               the ≥ of %ps's lower bounds, which depend on when a child's threads ended) are compared as " N", the bars of a %timeline's text as "|bars|", runs of spaces (a table's
               columns widen with their widest figure) as one space, the rest of the text exactly
  unordered -- processes race to print: the lines are compared as a sorted list
"""
import pathlib
import re

COURSE = pathlib.Path(__file__).resolve().parents[1] / "notebooks"
LESSONS = sorted(COURSE.glob("*.ipynb"))
# how long a lesson may take to run top to bottom
LESSON_SECONDS = 60
# nbclient's (and JupyterLab's) tag for a cell that fails on purpose: its error is part of the lesson
EXPECTED_ERROR = "raises-exception"
PIDS = re.compile(r"\bpid[ =]\d+")
# a number with the spaces that pad it (printf widths change with the number of digits)
NUMBERS = re.compile(r" *\d+(?:[.,]\d+)*")
# a process's bar in %timeline's text: where it starts and ends depends on timing
TIMELINE_BAR = re.compile(r"\|[ =>]+\|")
SPACES = re.compile(r" {2,}")


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


# Lines a child prints after the cell that started it ended. JupyterLab (and Notebook) shows them in that
# cell, at its end, as the kernel's "still running after the cell ended" note promises, and the saved lesson
# has them there; nbclient stops reading a cell's output when the cell ends, so its runs lack them.
# Lesson -> code cell (counted among code cells) -> what texts() finds there after the cell ended.
LATE = {
    # bob.terminate() (a later cell) ends the holder of the lock alice waits for, and alice takes it over
    "13-deadlock.ipynb": {1: [["stderr", "Note: a Lock was held by pid N, which ended without releasing it; "
                                         "alice (pid N) took it over. Data the lock protected may be half-updated."]]},
}


def texts_while_running(path, index, cell):
    """texts() of code cell `index` of the notebook at path without what arrives after the cell ended (LATE):
    what a runner that stops reading at a cell's end, as nbclient does, can see of it."""
    shown = texts(cell)
    late = LATE.get(path.name, {}).get(index, [])
    return shown[:-len(late)] if late and shown[-len(late):] == late else shown
