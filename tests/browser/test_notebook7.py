"""Notebook 7, the other front end `./proclab notebook` installs: from its file list (/tree) a student
opens a lesson, which comes up in a tab of its own with the ProcLab kernel, and runs it."""
import re

from playwright.sync_api import expect

from notebook_page import NotebookPage


def test_notebook_7_opens_a_lesson_from_its_tree_and_runs_it(page, lab):
    name = lab.add_lesson("00-start-here.ipynb")
    page.goto(lab.address("tree"))
    link = page.get_by_role("tabpanel", name="Files").get_by_text(name, exact=True)
    with page.context.expect_page() as opened:
        link.dblclick()
    notebook = NotebookPage(opened.value).wait_for_kernel()
    expect(opened.value).to_have_url(re.compile(f"/notebooks/{name}"))
    notebook.run_all()
    expect(notebook.output(0)).to_contain_text("MainProcess")
    expect(notebook.output(1).get_by_role("img", name=re.compile("^The process tree"))).to_be_visible()
    expect(notebook.errors()).to_have_count(0)
