"""Every lesson as a student runs it in JupyterLab 4: Run ▸ Run All Cells on the lesson (opened without its
saved outputs), then the page must show what the lesson was saved with. Each cell's pictures, tables, progress
bars and widgets are drawn where the saved lesson has them; no cell fails unless tagged to (raises-exception);
and the notebook the page saves prints, cell by cell, what the saved lesson prints, compared as
tests/saved_outputs.py says (the nbclient harness compares the solved exercises the same way, and skips the
lessons when ./proclab test runs this suite)."""
import re
import time

import nbformat
import pytest
from playwright.sync_api import expect

from notebook_page import NotebookPage
from saved_outputs import EXPECTED_ERROR, LESSON_SECONDS, LESSONS, texts

WIDGET = "application/vnd.jupyter.widget-view+json"
# What a saved output draws, found by its MIME bundle, and how the page draws it in an output of the cell
# (not in the output area's own icons). JupyterLab shows HTML before SVG, so a picture with an HTML form is an
# inline <svg>. A widget's view is a child of class jupyter-widgets; a widget the page could not draw is only
# text ("Error displaying widget") on the output itself.
DRAWN = {
    "picture": (lambda data: bool({"image/svg+xml", "image/png"} & data.keys())
                or bool(re.search(r"<(svg|img)\b", data.get("text/html", ""))),
                ".jp-OutputArea-output svg, .jp-OutputArea-output img"),
    "table": (lambda data: "<table" in data.get("text/html", ""), ".jp-OutputArea-output table"),
    "progress bar": (lambda data: "<progress" in data.get("text/html", ""), ".jp-OutputArea-output progress"),
    "widget": (lambda data: WIDGET in data, ".jp-OutputArea-output > .jupyter-widgets"),
}

def drawn(cell):
    """What of DRAWN the saved cell's outputs show."""
    bundles = [output.get("data", {}) for output in cell.get("outputs", [])
               if output.output_type in ("display_data", "execute_result")]
    return [kind for kind, (shows, _) in DRAWN.items() if any(shows(data) for data in bundles)]


def fails_on_purpose(cell):
    return EXPECTED_ERROR in cell.get("metadata", {}).get("tags", [])


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_lesson_runs_in_jupyterlab_as_saved(page, lab, path):
    saved = [cell for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"]
    notebook = NotebookPage(page).open(lab.address(f"lab/tree/{lab.add_lesson(path.name)}"))
    began = time.monotonic()
    notebook.run_all()
    took = time.monotonic() - began

    for index, cell in enumerate(saved):
        for kind in drawn(cell):
            expect(notebook.output(index).locator(DRAWN[kind][1]).first,
                   f"no {kind} in the output of\n{cell.source}").to_be_visible()
        if not fails_on_purpose(cell) and not any(output.get("name") == "stderr" for output in cell.outputs):
            expect(notebook.errors(index), f"an error or stderr in the output of\n{cell.source}").to_have_count(0)
    expect(page.locator(".jp-Notebook")).not_to_contain_text("Error displaying widget")

    notebook.save()
    ran = [cell for cell in lab.read(path.name).cells if cell.cell_type == "code"]
    assert len(ran) == len(saved)
    for index, (before, after) in enumerate(zip(saved, ran)):
        failed = [output for output in after.outputs if output.output_type == "error"]
        assert fails_on_purpose(before) or not failed, f"{before.source}\nfailed:\n" + "\n".join(
            "\n".join(output.traceback) for output in failed)
        assert texts(after) == texts(before), before.source
    # a lesson is one sitting's step, not a wait (issue 18)
    assert took < LESSON_SECONDS, f"Run All on {path.name} took {took:.0f} s"
