"""`./proclab notebook`, run as the README tells a student to, ends with a server serving the course: asked
through its REST API, it lists the ProcLab kernelspec that the command installed for the user, opens a
lesson of notebooks/ with its cells, and starts a ProcLab kernel that runs `1 + 1` and starts a child JVM;
stopped, it leaves no server or JVM behind. Once for JupyterLab 4 (from .venv) and once for `--classic`
(Debian's Notebook 6).

No browser: the REST API and the kernel's websocket are what a page uses too. HOME and Jupyter's data,
config and runtime folders are a scratch folder, so the kernelspec's `--user` install and the server's
state stay out of the real home; JUPYTER_PATH is dropped, so the kernelspec found is the one the command
installed, not the harness's scratch prefix.
"""
import dataclasses
import datetime
import json
import os
import pathlib
import re
import secrets
import select
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import pytest
import websocket

ROOT = pathlib.Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "proclab"
LESSON = "00-start-here.ipynb"
# The longest the command may take to serve (it installs the kernelspec first), or the server to stop.
SERVE_SECONDS = 60
# The longest a started kernel may take to answer `1 + 1`, or a process to end once the server has.
KERNEL_SECONDS = 60
# A cell that starts a child JVM which would sleep for ten minutes, and shows its pid: stopping the server
# must end it with the kernel.
SLEEPER = "new Process(() -> Thread.sleep(600_000)).start().pid()"


@dataclasses.dataclass(frozen=True)
class FrontEnd:
    """One front end of `./proclab notebook`: the launcher's options that choose it, the configurable class
    that takes its port retries and the one that takes its token, the page it serves to a student, and the
    start of the version its /api reports (None: any)."""
    launcher_options: tuple
    settings_class: str
    token_class: str
    page: str
    api_version: str | None


FRONT_ENDS = [
    # JupyterLab 4 on whichever Jupyter Server pip brought, where the token belongs to the identity provider.
    pytest.param(FrontEnd((), "ServerApp", "IdentityProvider", "lab", None), id="jupyterlab"),
    # Debian's Notebook 6, not .venv's Notebook 7, which serves /tree too.
    pytest.param(FrontEnd(("--classic",), "NotebookApp", "NotebookApp", "tree", "6."), id="classic"),
]


def kernel_name():
    """The kernelspec's name, as the launcher installs it (its KERNEL_NAME)."""
    return re.search(r'^KERNEL_NAME="([^"]+)"$', LAUNCHER.read_text(), re.MULTILINE).group(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`./proclab notebook` running in a process group of its own, its output in a log file."""

    def __init__(self, front_end, home, token, port):
        self.url = f"http://127.0.0.1:{port}"
        self.token = token
        self.log = home / "notebook.log"
        environment = {name: value for name, value in os.environ.items() if name != "JUPYTER_PATH"}
        environment.update(HOME=str(home), JUPYTER_DATA_DIR=str(home / "data"),
                           JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
        command = [str(LAUNCHER), "notebook", *front_end.launcher_options, "--no-browser", "--ip=127.0.0.1",
                   f"--port={port}", f"--{front_end.settings_class}.port_retries=0",
                   f"--{front_end.token_class}.token={token}"]
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(command, cwd=home, env=environment, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_until_serving(self):
        """Asks for /api/status until the server answers, for SERVE_SECONDS at most: before it listens, a
        refused connection is the only news."""
        deadline = time.monotonic() + SERVE_SECONDS
        while True:
            try:
                return self.call("GET", "api/status")
            except urllib.error.URLError as refused:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"./proclab notebook does not answer at {self.url}: {refused}\n{self.output()}")
                time.sleep(0.1)

    def call(self, method, path, body=None):
        """The JSON answer to a REST call, with the token."""
        with self.open(method, path, body) as response:
            text = response.read()
        return json.loads(text) if text else None

    def open(self, method, path, body=None):
        request = urllib.request.Request(f"{self.url}/{path}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}",
                                                  "Content-Type": "application/json"})
        return urllib.request.urlopen(request, timeout=SERVE_SECONDS)

    def stop(self):
        """Stops the server as `kill` would (SIGTERM to the launcher's process group) and waits for it to end;
        the server shuts its kernels down on the way. (Ctrl-C asks first in a terminal; SIGINT without one
        ends the server without shutting its kernels down, leaving them to notice their parent is gone.)"""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            return self.process.wait(timeout=SERVE_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            pytest.fail(f"./proclab notebook did not stop within {SERVE_SECONDS} s of SIGTERM\n{self.output()}")

    def output(self):
        return self.log.read_text()


def run_code(server, kernel_id, code):
    """Runs code on the kernel through its websocket, as a notebook page does, and returns the text of its
    result; fails unless the kernel replies ok and goes idle within KERNEL_SECONDS."""
    address = server.url.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
    channel = websocket.create_connection(address, timeout=KERNEL_SECONDS,
                                          header=[f"Authorization: token {server.token}"])
    request_id = uuid.uuid4().hex
    header = {"msg_id": request_id, "msg_type": "execute_request", "session": uuid.uuid4().hex,
              "username": "student", "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
              "version": "5.3"}
    content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
               "allow_stdin": False, "stop_on_error": True}
    deadline = time.monotonic() + KERNEL_SECONDS
    try:
        channel.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                                 "channel": "shell", "buffers": []}))
        result, reply, idle = None, None, False
        while reply is None or not idle:
            channel.settimeout(max(deadline - time.monotonic(), 0.001))
            try:
                message = json.loads(channel.recv())
            except websocket.WebSocketTimeoutException:
                pytest.fail(f"the kernel did not finish {code!r} within {KERNEL_SECONDS} s\n{server.output()}")
            if message["parent_header"].get("msg_id") != request_id:
                continue
            kind = message["header"]["msg_type"]
            if kind == "execute_result":
                result = message["content"]["data"]["text/plain"]
            elif kind == "execute_reply":
                reply = message["content"]
            elif kind == "status":
                idle = message["content"]["execution_state"] == "idle"
    finally:
        channel.close()
    assert reply["status"] == "ok", reply
    return result


def processes_with_home(home):
    """The processes whose environment has HOME=home (the server, its kernels and their child JVMs), each
    with its command line."""
    entry = f"HOME={home}".encode()
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if entry in pathlib.Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
                command = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
                found[int(pid)] = command.replace(b"\0", b" ").decode(errors="replace")[:300]
        except OSError:
            continue
    return found


def assert_all_end(processes):
    """Waits, through pidfds, for each of processes to end, for KERNEL_SECONDS in all; fails naming those left."""
    deadline = time.monotonic() + KERNEL_SECONDS
    left = []
    for pid, command in processes.items():
        try:
            watch = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            ended, _, _ = select.select([watch], [], [], max(deadline - time.monotonic(), 0))
        finally:
            os.close(watch)
        if not ended:
            left.append(f"{pid}: {command}")
    assert not left, "left running after the server stopped:\n" + "\n".join(left)


@pytest.mark.parametrize("front_end", FRONT_ENDS)
def test_the_notebook_command_serves_the_course(front_end, tmp_path):
    name = kernel_name()
    server = Server(front_end, tmp_path, secrets.token_hex(16), free_port())
    try:
        server.wait_until_serving()
        assert server.call("GET", "api")["version"].startswith(front_end.api_version or "")
        with server.open("GET", front_end.page) as page:
            assert page.headers.get_content_type() == "text/html"

        assert (tmp_path / "data" / "kernels" / name / "kernel.json").is_file(), "not installed for the user"
        spec = server.call("GET", "api/kernelspecs")["kernelspecs"][name]["spec"]
        assert spec["language"] == "java"

        lesson = json.loads((ROOT / "notebooks" / LESSON).read_text())
        opened = server.call("GET", f"api/contents/{LESSON}")
        assert opened["type"] == "notebook"
        assert opened["content"]["metadata"]["kernelspec"]["name"] == name
        assert [cell["source"] for cell in opened["content"]["cells"]] == \
            ["".join(cell["source"]) for cell in lesson["cells"]]

        kernel = server.call("POST", "api/kernels", {"name": name})
        assert run_code(server, kernel["id"], "1 + 1") == "2"
        child = int(run_code(server, kernel["id"], SLEEPER))
        started = processes_with_home(tmp_path)
    finally:
        status = server.stop()
    assert status in (0, -signal.SIGTERM), f"./proclab notebook ended with {status}\n{server.output()}"
    assert server.process.pid in started and child in started, started
    assert any("java" in command for pid, command in started.items() if pid != child), started
    assert_all_end({**started, **processes_with_home(tmp_path)})
