"""Errors read on the error box in both front ends and both themes: the WCAG contrast of every run of text in an
error output (its colour against the box's effective background) is at least 4.5:1 (decision 039)."""
import pytest
from playwright.sync_api import expect

from notebook_page import NotebookPage

# WCAG 2's "AA" level for normal text.
LEAST_CONTRAST = 4.5

# For each non-blank text node inside the element: its text, and the contrast of its computed colour against
# the background it is drawn on, found by laying the ancestors' translucent backgrounds over each other
# (JupyterLab's dark error box is a translucent red) on the page's white, and the colour over that background.
CONTRASTS = """box => {
    const parse = css => {
        const [r, g, b, a = 1] = css.match(/[\\d.]+/g).map(Number);
        return {r, g, b, a};
    };
    const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
    const background = element => {
        const layers = [];
        for (let each = element; each; each = each.parentElement) {
            const colour = parse(getComputedStyle(each).backgroundColor);
            if (colour.a > 0) {
                layers.push(colour);
                if (colour.a >= 1) break;
            }
        }
        return layers.reverse().reduce((below, layer) => over(layer, below), {r: 255, g: 255, b: 255, a: 1});
    };
    const luminance = ({r, g, b}) => {
        const linear = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const runs = [];
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.textContent.trim()) continue;
        const below = background(text.parentElement);
        const [lighter, darker] = [luminance(over(parse(getComputedStyle(text.parentElement).color), below)),
                                   luminance(below)].sort((a, b) => b - a);
        runs.push({text: text.textContent.trim(), contrast: (lighter + 0.05) / (darker + 0.05)});
    }
    return runs;
}"""

FRONT_ENDS = {"JupyterLab": "lab/tree/{}", "Notebook 7": "notebooks/{}"}
THEMES = ["JupyterLab Light", "JupyterLab Dark"]


# An exception thrown in the student's method (its name, its message, the cell's place and a library frame)
# and a compile error (its header, place, message, the quoted line and the caret), each drawn in the page.
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("front_end", FRONT_ENDS)
def test_every_error_text_reads_at_4_5_to_1(page, lab, front_end, theme):
    name = lab.add_notebook(f"errors-{front_end}-{theme}.ipynb".replace(" ", "-"),
                            "int divide(int a) {\n    return a / 0;\n}",
                            "java.util.stream.IntStream.of(1).map(x -> divide(x)).sum()", "String bad = 42;")
    lab.set_theme(theme)
    try:
        notebook = NotebookPage(page).open(lab.address(FRONT_ENDS[front_end].format(name)))
        expect(page.locator("body")).to_have_attribute("data-jp-theme-light", str(theme.endswith("Light")).lower())
        for cell in range(3):
            notebook.run(cell)
        expect(notebook.errors(1)).to_contain_text("ArithmeticException")
        expect(notebook.errors(2)).to_contain_text("incompatible types")
        runs = [run for box in notebook.errors().all() for run in box.evaluate(CONTRASTS)]
        assert any("divide (cell [" in run["text"] for run in runs), runs
        faint = [run for run in runs if run["contrast"] < LEAST_CONTRAST]
        assert not faint, f"text under {LEAST_CONTRAST}:1 in {front_end}, {theme}: {faint}"
    finally:
        lab.set_theme("JupyterLab Light")
