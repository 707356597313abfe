"""The course in the page a student uses: JupyterLab 4 (and Notebook 7) served on 127.0.0.1, driven by
Debian's Chromium through Playwright.

These tests run in the checkout's .venv (JupyterLab and Playwright come from pip; requirements.txt here),
not with Debian's Python like the rest of tests/. `./proclab test` prepares .venv, installs the kernelspec
into a scratch prefix and runs them; by hand:

    ./proclab install --prefix /tmp/spec
    JUPYTER_PATH=/tmp/spec/share/jupyter .venv/bin/python -m pytest -p no:cacheprovider -q \
        --confcutdir=tests/browser tests/browser

Each session starts one JupyterLab with a fresh token, port, settings and workspace, on a scratch folder
that the tests fill with notebooks; pictures of every test land in target/screenshots/browser/.
"""
import json
import os
import pathlib
import queue
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import nbformat
import pytest
from playwright.sync_api import expect, sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
# tests/saved_outputs.py, which the nbclient harness shares with test_lessons.py, is one folder up: this
# pytest session starts in tests/browser (--confcutdir) and sees only this folder.
sys.path.insert(0, str(ROOT / "tests"))

from notebook_page import COUNT_KERNEL_ANSWERS, KERNEL_DISPLAY_NAME  # noqa: E402 (after the path above)

SHOTS = ROOT / "target" / "screenshots" / "browser"
CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium, headless, quiet on the network: Playwright's own browser download does not exist here.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The longest JupyterLab may take to start serving, to stop, or to answer a REST call.
STARTUP_SECONDS = 60
# The longest a test waits for a page state (a kernel's JVM started, a lesson's cells run), on a busy machine.
WAIT_MS = 120_000
# JupyterLab's announcements would ask for permission in a toast over the notebook. Its notebook windowing
# ("contentVisibility" by default) skips drawing the cells out of view: "none" draws every cell, so a test
# sees a lesson's every prompt, picture and table without scrolling to it.
LAB_SETTINGS = {"@jupyterlab/apputils-extension/notification.jupyterlab-settings":
                '{"fetchNews": "false", "checkForUpdates": false}',
                "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": '{"windowingMode": "none"}'}


class Lab:
    """A running JupyterLab: where it serves, its token and the folder it serves from."""

    def __init__(self, url, token, root):
        self.url = url
        self.token = token
        self.root = root

    def address(self, path):
        """The page at path (e.g. "lab/tree/x.ipynb"), with the token that logs the browser in; reset: with
        none of the tabs that an earlier test left in JupyterLab's workspace."""
        return f"{self.url}/{path}?reset&token={self.token}"

    def shut_down_kernels(self):
        """Ends every notebook's session and kernel, as closing it with "Shut Down Kernel" would."""
        for session in self._call("GET", "api/sessions"):
            self._call("DELETE", f"api/sessions/{session['id']}")

    def status(self):
        """The server's status (GET /api/status)."""
        return self._call("GET", "api/status")

    def set_theme(self, theme):
        """Makes theme ("JupyterLab Dark", "JupyterLab Light") the one pages opened from now on use."""
        self._call("PUT", "lab/api/settings/@jupyterlab/apputils-extension:themes",
                   {"raw": json.dumps({"theme": theme})})

    def _call(self, method, path, body=None):
        request = urllib.request.Request(f"{self.url}/{path}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=STARTUP_SECONDS) as response:
            body = response.read()
        return json.loads(body) if body else None

    def add_notebook(self, name, *cells):
        """Writes a notebook of the given code cells, for the ProcLab kernel, into the served folder."""
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])
        notebook.metadata["kernelspec"] = {"name": "proclab", "display_name": KERNEL_DISPLAY_NAME,
                                           "language": "java"}
        nbformat.write(notebook, self.root / name)
        return name

    def add_lesson(self, name):
        """Copies a lesson of notebooks/ into the served folder without its outputs and execution counts, so
        that what the page shows once it ran is what this run drew, not what the lesson was saved with."""
        lesson = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        for cell in lesson.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        nbformat.write(lesson, self.root / name)
        return name

    def read(self, name):
        """The notebook as the served folder holds it now (after the page saved it)."""
        return nbformat.read(self.root / name, as_version=4)


def _serving_url(server, log_path):
    """Copies the server's log to log_path and returns the address the log says it serves at (it picked a
    free port), or fails when the server ends or says nothing of the kind within STARTUP_SECONDS."""
    found = queue.Queue()

    def follow():
        with open(log_path, "w") as log:
            for line in server.stderr:
                log.write(line)
                log.flush()
                serving = re.search(r"(http://127\.0\.0\.1:\d+)/lab\?token=", line)
                if serving:
                    found.put(serving.group(1))
        found.put(None)

    threading.Thread(target=follow, daemon=True).start()
    try:
        url = found.get(timeout=STARTUP_SECONDS)
    except queue.Empty:
        url = None
    if url is None:
        pytest.fail(f"JupyterLab did not start serving; its log:\n{pathlib.Path(log_path).read_text()}")
    return url


def _wait_until_listening(lab, server):
    """JupyterLab logs its address just before it starts to listen there, and logs nothing when it does: this
    asks for its status until it answers (a refused connection is the only news), for STARTUP_SECONDS at most."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            lab.status()
            return
        except urllib.error.URLError as refused:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab does not answer at {lab.url}: {refused}")
            time.sleep(0.05)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    if not os.environ.get("JUPYTER_PATH"):
        pytest.fail("set JUPYTER_PATH to a prefix with the proclab kernelspec (./proclab install --prefix DIR)")
    home = tmp_path_factory.mktemp("lab")
    root = home / "notebooks"
    root.mkdir()
    settings = home / "settings"
    for name, text in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    token = secrets.token_hex(16)
    environment = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
                       JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
                       JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
                       PROCLAB_WARMUP_SNIPPETS="0")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"],
        env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        lab = Lab(_serving_url(server, home / "jupyterlab.log"), token, root)
        _wait_until_listening(lab, server)
        yield lab
    finally:
        server.terminate()
        try:
            server.wait(timeout=STARTUP_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1280, "height": 900})
        context.add_init_script(COUNT_KERNEL_ANSWERS)
        context.set_default_timeout(WAIT_MS)
        expect.set_options(timeout=WAIT_MS)
        yield context
        context.close()


@pytest.fixture
def page(browser, lab, request):
    """A new tab. When the test ends, passed or failed, every tab it opened is pictured (the first as
    TEST.png, a later one as TEST-N.png) and closed, and the notebooks' kernels are shut down."""
    earlier = list(browser.pages)
    tab = browser.new_page()
    yield tab
    SHOTS.mkdir(parents=True, exist_ok=True)
    opened = [each for each in browser.pages if each not in earlier]
    for number, each in enumerate(opened):
        suffix = f"-{number}" if number else ""
        each.screenshot(path=str(SHOTS / f"{request.node.name}{suffix}.png"))
        each.close()
    lab.shut_down_kernels()
