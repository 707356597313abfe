"""The helper cells and the lessons as a student sees them: a notebook that uses each helper runs on the
kernel, and every lesson with its saved outputs, is exported to HTML with nbconvert and drawn by headless
Chromium, in a light and a dark page. The screenshots are kept under target/screenshots/ for people to
look at; the tests check that the pages rendered the outputs and that the pictures are not blank.

Chromium comes from apt (`chromium`); without it these tests are skipped.
"""
import html.parser
import pathlib
import shutil
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from conftest import proclab_notebook

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHOTS = ROOT / "target" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

HELPER_CELLS = [
    "%explain on",
    '%%spawn -n 3 --name greeter\nSystem.out.println("hello from " + Process.current().name());',
    "%%pool 2 --over 1..8\nx * x",
    "int square(int x) { return x * x; }",
    "try (var pool = new Pool(2)) {\n"
    "    pool.map(x -> square(x), java.util.stream.IntStream.range(0, 3000).boxed().toList()).size();\n"
    "}",
    "%ps",
    "%timeline --all",
]

# A dark page the way JupyterLab's dark theme makes one: the theme's variables turned dark, which
# outputs drawn in currentColor or with the theme's table styles (timeline, %ps) must follow.
DARK_STYLE = """<style>
:root {
  --jp-layout-color0: #111111; --jp-layout-color1: #212121; --jp-layout-color2: #424242;
  --jp-content-font-color0: #ffffff; --jp-content-font-color1: rgba(255, 255, 255, 0.87);
  --jp-content-font-color2: rgba(255, 255, 255, 0.54); --jp-ui-font-color1: rgba(255, 255, 255, 0.87);
  --jp-cell-editor-background: #212121; --jp-rendermime-table-row-background: #212121;
  --jp-rendermime-table-row-hover-background: rgba(3, 169, 244, 0.2);
  --jp-mirror-editor-variable-color: #e0e0e0; --jp-mirror-editor-property-color: #90caf9;
  --jp-mirror-editor-def-color: #90caf9; --jp-mirror-editor-builtin-color: #a5d6a7;
}
body { background: var(--jp-layout-color0); color: var(--jp-content-font-color1); }
</style>"""


class _Kinds(html.parser.HTMLParser):
    """Collects the tags a page uses (the page must parse as HTML to get here)."""

    def __init__(self):
        super().__init__()
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


@pytest.fixture(scope="module")
def page():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    notebook = proclab_notebook(*HELPER_CELLS)
    NotebookClient(notebook, timeout=120, kernel_name="proclab").execute()
    body, _ = HTMLExporter().from_notebook_node(notebook)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return notebook, body


def _screenshot(html_text, name):
    page = SHOTS / (name + ".html")
    page.write_text(html_text, encoding="utf-8")
    picture = SHOTS / (name + ".png")
    picture.unlink(missing_ok=True)
    # no network here: the page's CDN scripts fail at once and the virtual time budget ends the load
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--virtual-time-budget=5000", "--window-size=1000,2600", "--screenshot=" + str(picture),
                    page.as_uri()], check=True, timeout=120, capture_output=True)
    return picture


def _distinct_colours(picture):
    from PIL import Image
    with Image.open(picture) as image:
        return len(set(image.convert("RGB").resize((250, 650)).getdata()))


# Every helper cell left its rich output in the notebook: the spawn summary, the pool breakdown, the
# progress bar at 100%, the %ps table, the timeline SVG and the explanation panels.
def test_every_helper_rendered(page):
    notebook, body = page
    mimes = {mime for cell in notebook.cells for output in cell.outputs for mime in output.get("data", {})}
    assert {"text/html", "image/svg+xml", "text/markdown"} <= mimes, mimes
    assert "100%" in body and "<svg" in body and "What happened" in body
    kinds = _Kinds()
    kinds.feed(body)
    assert {"table", "svg", "rect"} <= kinds.tags


# The light page draws: a real picture with text, boxes and colours, not a blank or error page.
def test_light_screenshot(page):
    picture = _screenshot(page[1], "helpers-light")
    assert picture.stat().st_size > 20_000
    assert _distinct_colours(picture) > 50


# The dark page draws too, with the same outputs readable on a dark background.
def test_dark_screenshot(page):
    picture = _screenshot(page[1].replace("</head>", DARK_STYLE + "</head>", 1), "helpers-dark")
    assert picture.stat().st_size > 20_000
    assert _distinct_colours(picture) > 50


LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))


# Each lesson as a student opens it, with the outputs it was saved with, drawn in a light and a dark
# page: the page is a real picture (not blank, not an error page) and the lesson's SVG pictures are in it.
@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_screenshot(path, theme):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    lesson = nbformat.read(path, as_version=4)
    svgs = sum("image/svg+xml" in output.get("data", {}) for cell in lesson.cells for output in cell.get("outputs", []))
    body, _ = HTMLExporter().from_notebook_node(lesson)
    assert body.count("<svg") >= svgs
    if theme == "dark":
        body = body.replace("</head>", DARK_STYLE + "</head>", 1)
    SHOTS.mkdir(parents=True, exist_ok=True)
    picture = _screenshot(body, "lesson-" + path.stem + "-" + theme)
    assert picture.stat().st_size > 20_000
    assert _distinct_colours(picture) > 50
