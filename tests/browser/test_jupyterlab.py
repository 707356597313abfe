"""What a student does with the course in JupyterLab 4, done in Chromium: the stop button on an endless
cell, an input box, a %%pool progress bar moving, ipywidgets drawn from Java, a restart that leaves no child
JVM behind, and the dark theme. Run All on every lesson is test_lessons.py."""
import os
import pathlib
import select

from playwright.sync_api import expect

from notebook_page import NotebookPage

# The longest a child JVM may outlive a restart of its kernel.
RESTART_SECONDS = 30


def open_in_lab(page, lab, name):
    return NotebookPage(page).open(lab.address(f"lab/tree/{name}"))


# The stop button ends a cell spinning in `while (true) {}`: the cell gets its count and shows the
# Interrupted error, and the kernel runs the next cell.
def test_the_stop_button_interrupts_an_endless_cell(page, lab):
    notebook = open_in_lab(page, lab, lab.add_notebook(
        "stop.ipynb", '{\n    System.out.println("spinning");\n    while (true) {}\n}', "6 * 7"))
    notebook.start(0)
    expect(notebook.output(0)).to_contain_text("spinning")
    notebook.interrupt()
    notebook.wait_finished(0)
    expect(notebook.errors(0)).to_contain_text("Interrupted")
    notebook.run(1)
    expect(notebook.result(1)).to_have_text("42")


# Reading System.in shows an input box under the cell; what the student types there is the line Java reads.
def test_an_input_box_answers_a_scanner(page, lab):
    notebook = open_in_lab(page, lab, lab.add_notebook(
        "input.ipynb", 'String name = new Scanner(System.in).nextLine();\nSystem.out.println("hello, " + name);'))
    notebook.start(0)
    box = notebook.output(0).locator("input.jp-Stdin-input")
    expect(box).to_be_visible()
    box.fill("Ada")
    box.press("Enter")
    notebook.wait_finished(0)
    expect(notebook.output(0)).to_contain_text("hello, Ada")
    expect(notebook.errors()).to_have_count(0)


# The value of the progress bar in the output of code cell `index` while it is part-way, else false. Each
# update draws the bar anew, so this looks it up at every try.
PART_WAY = """index => {
    const bar = document.querySelectorAll(".jp-Notebook .jp-CodeCell")[index].querySelector(".jp-OutputArea progress");
    return bar !== null && bar.value > 0 && bar.value < bar.max && bar.value;
}"""


# A long %%pool map draws a progress bar that moves while the cell runs: seen part-way, then full.
def test_a_pool_progress_bar_moves(page, lab):
    notebook = open_in_lab(page, lab, lab.add_notebook(
        "progress.ipynb",
        "int slow(int x) {\n    try {\n        Thread.sleep(2);\n    } catch (InterruptedException e) {\n"
        "        Thread.currentThread().interrupt();\n    }\n    return x;\n}",
        "%%pool 2 --over 1..3000 --chunksize 50\nslow(x)"))
    notebook.run(0)
    notebook.start(1)
    bar = notebook.output(1).locator("progress")
    expect(bar).to_be_visible()
    part_way = page.wait_for_function(PART_WAY, arg=1).json_value()
    notebook.wait_finished(1)
    assert int(bar.get_attribute("value")) == int(bar.get_attribute("max")) > part_way
    expect(notebook.output(1)).to_contain_text("100%")
    expect(notebook.errors()).to_have_count(0)


# An IntSlider made in Java is drawn; the arrow keys move it, and the Java observer prints each new value
# in the cell that made the slider, which Java then reads back.
def test_a_slider_moved_with_the_keyboard_reaches_java(page, lab):
    notebook = open_in_lab(page, lab, lab.add_notebook(
        "slider.ipynb",
        'var workers = new IntSlider("workers", 1, 8, 2);\n'
        'workers.observe("value", change -> System.out.println("Java sees " + change.newValue()));\nworkers',
        "workers.value()"))
    notebook.run(0)
    handle = notebook.output(0).locator(".widget-slider .noUi-handle")
    expect(handle).to_be_visible()
    handle.focus()
    handle.press("ArrowRight")
    handle.press("ArrowRight")
    expect(notebook.output(0).locator(".widget-readout")).to_have_text("4")
    expect(notebook.output(0)).to_contain_text("Java sees 4")
    notebook.run(1)
    expect(notebook.result(1)).to_have_text("4")


# A Button's Java handler runs when it is clicked while another cell is still running: the running cell
# waits for the click and ends once the handler has run.
def test_a_button_click_runs_java_while_a_cell_runs(page, lab):
    notebook = open_in_lab(page, lab, lab.add_notebook(
        "button.ipynb",
        'var go = new Button("Go");\nvar pressed = new java.util.concurrent.CountDownLatch(1);\n'
        'go.onClick(() -> {\n    System.out.println("the handler ran");\n    pressed.countDown();\n});\ngo',
        'System.out.println("waiting for the click");\npressed.await();\nSystem.out.println("the click arrived")'))
    notebook.run(0)
    button = notebook.output(0).get_by_role("button", name="Go")
    expect(button).to_be_visible()
    notebook.start(1)
    expect(notebook.output(1)).to_contain_text("waiting for the click")
    button.click()
    notebook.wait_finished(1)
    expect(notebook.output(0)).to_contain_text("the handler ran")
    expect(notebook.output(1)).to_contain_text("the click arrived")
    expect(notebook.errors()).to_have_count(0)


# Kernel ▸ Restart from the toolbar ends the child JVMs a cell started, not only the kernel's JVM: the
# child's pid ends (watched through a pidfd), and the restarted kernel runs the next cell.
def test_restarting_the_kernel_leaves_no_child_jvm(page, lab):
    notebook = open_in_lab(page, lab, lab.add_notebook(
        "restart.ipynb", "var sleeper = new Process(() -> Thread.sleep(600_000)).start();\nsleeper.pid()", "6 * 7"))
    notebook.run(0)
    pid = int(notebook.result(0).inner_text())
    assert "java" in pathlib.Path(f"/proc/{pid}/cmdline").read_text()
    child = os.pidfd_open(pid)
    try:
        notebook.restart()
        ended, _, _ = select.select([child], [], [], RESTART_SECONDS)
        assert ended, f"the child JVM {pid} outlived the kernel's restart by {RESTART_SECONDS} s"
    finally:
        os.close(child)
    notebook.run(1)
    expect(notebook.result(1)).to_have_text("42")


# In JupyterLab's dark theme a widget, a timeline and an error (last: Run All stops at an error) are drawn (the picture is for
# people to judge how they read); the theme is set back to light for the other tests.
def test_widgets_and_errors_in_the_dark_theme(page, lab):
    lab.set_theme("JupyterLab Dark")
    try:
        notebook = open_in_lab(page, lab, lab.add_notebook(
            "dark.ipynb", 'new IntSlider("workers", 1, 4, 2)', "%%pool 2 --over 1..4\nx * x", "%timeline", "1 / 0"))
        expect(page.locator("body")).to_have_attribute("data-jp-theme-light", "false")
        notebook.run_all()
        expect(notebook.output(0).locator(".widget-slider")).to_be_visible()
        expect(notebook.output(2).locator("svg").first).to_be_visible()
        expect(notebook.errors(3)).to_contain_text("ArithmeticException")
    finally:
        lab.set_theme("JupyterLab Light")
