"""Real Jupyter front ends driving the kernel: nbconvert (through nbclient) and jupyter console."""
import os
import subprocess

import nbformat
import pytest

from conftest import KERNEL_NAME, proclab_notebook

JUPYTER = "/usr/bin/jupyter"


def run_jupyter(args, cwd, stdin_text=None, timeout=120):
    """Runs /usr/bin/jupyter without a TTY; the kernelspec is found through JUPYTER_PATH."""
    return subprocess.run([JUPYTER, *args], cwd=cwd, input=stdin_text, capture_output=True, text=True,
                          timeout=timeout, env=dict(os.environ), stdin=None if stdin_text is not None else subprocess.DEVNULL)


def java_notebook():
    nb = proclab_notebook('System.out.println("hello from nbconvert");', "int answer = 6 * 7;",
                          'answer + " is the answer"')
    nb.metadata["language_info"] = {"name": "java"}
    return nb


# jupyter nbconvert --execute runs a Java notebook with ProcLab; the saved outputs are right and valid.
def test_nbconvert_executes_java_notebook(tmp_path):
    source = tmp_path / "course.ipynb"
    nbformat.write(java_notebook(), str(source))
    done = run_jupyter(["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=120",
                        "--output", "executed.ipynb", str(source)], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    executed = nbformat.read(str(tmp_path / "executed.ipynb"), as_version=4)
    nbformat.validate(executed)
    printed, declared, expression = executed.cells
    assert [o["output_type"] for o in printed.outputs] == ["stream"]
    assert printed.outputs[0]["name"] == "stdout"
    assert printed.outputs[0]["text"] == "hello from nbconvert\n"
    assert declared.outputs == []
    assert [o["output_type"] for o in expression.outputs] == ["execute_result"]
    assert expression.outputs[0]["data"]["text/plain"] == '"42 is the answer"'
    assert [c.execution_count for c in executed.cells] == [1, 2, 3]
    assert executed.metadata["language_info"]["name"] == "java"
    assert executed.metadata["language_info"]["file_extension"] == ".java"


# jupyter nbconvert --execute fails (non-zero) on a notebook whose Java cell throws, and names the error.
def test_nbconvert_reports_cell_error(tmp_path):
    nb = java_notebook()
    nb.cells[1] = nbformat.v4.new_code_cell('throw new IllegalStateException("stop here");')
    source = tmp_path / "broken.ipynb"
    nbformat.write(nb, str(source))
    done = run_jupyter(["nbconvert", "--to", "notebook", "--execute", "--output", "out.ipynb", str(source)],
                       cwd=tmp_path)
    assert done.returncode != 0
    assert "IllegalStateException" in done.stderr
    assert "stop here" in done.stderr


# jupyter console (no TTY, simple prompt) evaluates 6*7 to 42 with ProcLab, then exits at end of input.
def test_console_evaluates_expression(tmp_path):
    done = run_jupyter(["console", "--kernel", KERNEL_NAME, "--simple-prompt"], cwd=tmp_path,
                       stdin_text="6*7\n", timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ProcLab" in done.stdout  # the kernel's banner
    assert "Out[1]: 42" in done.stdout, done.stdout
