"""A class through a real JupyterHub: students log in, start their servers, open the Q4 lesson and
run its cells over each server's kernel websocket, as a browser would, each as soon as their own server
is ready; then each goes idle, the hub's culler stops their servers, and no process of theirs may be left.

The hub is Debian's JupyterHub 3.0 on 127.0.0.1 with its configurable-http-proxy, the dummy
authenticator (one shared password), SimpleLocalProcessSpawner (every server runs as the hub's own
user, in a home directory of its own, decision 032) with MEM_LIMIT and CPU_LIMIT set per student,
and hub_culler.py as its idle culler. The kernelspec comes from JUPYTER_PATH, as for
classroom_load.py. Used by run.sh --hub (30 students x 60 s) and, small, by tests/test_hub.py.
In the same run the same class then runs Python's baseline: the Q&A's Q4 in Python on ipykernel
(Debian's python3-ipykernel), through the same hub (--no-python leaves it out).

    JUPYTER_PATH=... /usr/bin/python3 bench/load/hub_load.py --students 30 --seconds 60
"""
import argparse
import asyncio
import json
import os
import pathlib
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

from jupyter_client.jsonutil import json_default
from jupyter_client.session import Session
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

import classroom_load
from classroom_load import KERNEL_NAME, Q4_CELL, Q4_PRINTS, Q4_WORKER, PeakSampler, Student, run_cell, used_memory_mb

HERE = pathlib.Path(__file__).resolve().parent
LESSON = HERE.parent.parent / "notebooks" / "04-what-is-a-pool.ipynb"
PASSWORD = "proclab-class"
# The single-user server that Debian's jupyterhub package installs (not one of another Python on PATH).
SINGLEUSER = "/usr/bin/jupyterhub-singleuser"
# Debian's python3-ipykernel, for Python's side of the run.
PYTHON_KERNEL = "python3"
# What the hub's log repeats every second while all is well.
ROUTINE_LOG_LINE = re.compile(r"200 POST /hub/api/users/[^/]+/activity|200 GET /api/routes|200 GET /hub/api/users \(culler@")


class Lesson:
    """What the class runs: the kernel, the notebook each student opens (name and content), its two Q4
    cells (the worker, then the pool that maps it), what the pool's cell prints, and a cell whose value
    is the MEM_LIMIT and CPU_LIMIT the kernel sees."""

    def __init__(self, label, kernel, name, notebook, worker, cell, prints, limits):
        self.label, self.kernel, self.name, self.notebook = label, kernel, name, notebook
        self.worker, self.cell, self.prints, self.limits = worker, cell, prints, limits


def proclab_lesson():
    """Lesson 04 of the course, whose Q4 cells are classroom_load's."""
    return Lesson("ProcLab", KERNEL_NAME, LESSON.name, json.loads(LESSON.read_text(encoding="utf-8")), Q4_WORKER,
                  Q4_CELL, Q4_PRINTS, 'System.getenv("MEM_LIMIT") + " " + System.getenv("CPU_LIMIT")')


def python_lesson():
    """Python's baseline: the source Q&A's Q4 in Python (a Pool(4) squares 1..10), on ipykernel."""
    worker = "def worker(num):\n    return num * num"
    cell = ("from multiprocessing import Pool\n"
            "with Pool(4) as pool:\n"
            "    results = pool.map(worker, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])\n"
            "print(results)")
    notebook = {"nbformat": 4, "nbformat_minor": 5,
                "metadata": {"kernelspec": {"name": PYTHON_KERNEL, "display_name": "Python 3", "language": "python"}},
                "cells": [{"cell_type": "code", "id": f"q4-{i}", "metadata": {}, "execution_count": None, "outputs": [],
                           "source": source} for i, source in enumerate((worker, cell))]}
    return Lesson("Python (ipykernel)", PYTHON_KERNEL, "q4-python.ipynb", notebook, worker, cell, Q4_PRINTS,
                  'import os\nos.environ.get("MEM_LIMIT", "") + " " + os.environ.get("CPU_LIMIT", "")')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hub_config(students, mem_limit, cpu_limit, cull_timeout, cull_every, workdir, marker, ports):
    """The jupyterhub_config.py of a class: its text, from the figures given."""
    hub_port, proxy_port, api_port = ports
    environment = {
        "JUPYTER_PATH": os.environ.get("JUPYTER_PATH", ""),
        "PROCLAB_WARMUP_SNIPPETS": os.environ.get("PROCLAB_WARMUP_SNIPPETS", "0"),
        # the server tells the hub of its activity every second, so that the culler sees idleness soon
        "JUPYTERHUB_ACTIVITY_INTERVAL": "1",
        # marks every process of this class's servers, kernels and children (they inherit it)
        "PROCLAB_HUB_CLASS": marker,
    }
    for kept in ("JAVA_HOME", "PROCLAB_JAR"):
        if os.environ.get(kept):
            environment[kept] = os.environ[kept]
    return f"""\
c = get_config()  # noqa: F821
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {proxy_port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.pid_file = {str(workdir / "proxy.pid")!r}
c.JupyterHub.pid_file = {str(workdir / "hub.pid")!r}
c.JupyterHub.db_url = {"sqlite:///" + str(workdir / "hub.sqlite")!r}
c.JupyterHub.cookie_secret_file = {str(workdir / "cookie_secret")!r}
c.JupyterHub.last_activity_interval = 1
c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allowed_users = {set(students)!r}
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = {str(workdir / "home" / "{username}")!r}
c.Spawner.cmd = [{SINGLEUSER!r}]
# the servers run as the hub's user (decision 032); as root, Notebook wants to be told
c.Spawner.args = {["--allow-root"] if os.geteuid() == 0 else []!r}
c.Spawner.mem_limit = {mem_limit!r}
c.Spawner.cpu_limit = {float(cpu_limit)!r}
c.Spawner.environment = {environment!r}
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.JupyterHub.services = [{{
    "name": "culler",
    "command": [{sys.executable!r}, {str(HERE / "hub_culler.py")!r},
                "--url", "http://127.0.0.1:{proxy_port}",
                "--timeout", {str(cull_timeout)!r}, "--every", {str(cull_every)!r}],
}}]
c.JupyterHub.load_roles = [{{
    "name": "culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers", "access:servers"],
    "services": ["culler"],
}}]
"""


def http(method, url, token=None, body=None, timeout=60):
    """One REST call; returns (status, decoded JSON body or None)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"token {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        return e.code, None


def wait_for(condition, timeout, what, every=0.5):
    """Polls condition() until it returns something true, which it returns; raises after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout} s")
        time.sleep(every)


def class_processes(marker):
    """{pid: JUPYTERHUB_USER} of every live process whose environment carries this class's marker."""
    wanted = f"PROCLAB_HUB_CLASS={marker}".encode()
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                environment = f.read().split(b"\0")
        except OSError:
            continue
        if wanted in environment:
            user = next((v[len(b"JUPYTERHUB_USER="):].decode() for v in environment
                         if v.startswith(b"JUPYTERHUB_USER=")), "")
            found[int(entry)] = user
    return found


class Hub:
    """A JupyterHub process of one class, in its own scratch directory; stop() stops it and its servers."""

    def __init__(self, students, mem_limit, cpu_limit, cull_timeout, cull_every):
        self.workdir = pathlib.Path(tempfile.mkdtemp(prefix="proclab-hub-"))
        self.marker = uuid.uuid4().hex
        ports = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{ports[1]}"
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(hub_config(students, mem_limit, cpu_limit, cull_timeout, cull_every,
                                     self.workdir, self.marker, ports))
        self.log_path = self.workdir / "hub.log"
        self.process = None
        self.config = config

    def start(self, timeout=60):
        # Debian's configurable-http-proxy finds its modules (commander, ...) in /usr/share/nodejs, which a
        # Node.js not from Debian (NodeSource's, on this machine and CI's) does not search by itself.
        node_path = os.pathsep.join(p for p in ("/usr/share/nodejs", os.environ.get("NODE_PATH")) if p)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(["/usr/bin/python3", "-m", "jupyterhub", "-f", str(self.config)],
                                            cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True,
                                            env={**os.environ, "NODE_PATH": node_path})
        wait_for(self._answers_or_exited, timeout, "the hub answering")
        if self.process.poll() is not None:
            raise RuntimeError(f"the hub exited with {self.process.returncode}:\n{self.log_tail()}")

    def _answers_or_exited(self):
        try:
            return True if self.process.poll() is not None else http("GET", self.url + "/hub/api/", timeout=5)[0] == 200
        except OSError:
            return False

    def log_tail(self, lines=60):
        """The last lines of the hub's log (its servers and kernels log there too), without the
        once-a-second routine (activity posts, the proxy's and the culler's polls) that would hide
        what went wrong."""
        return "\n".join([line for line in self.log_path.read_text(errors="replace").splitlines()
                           if not ROUTINE_LOG_LINE.search(line)][-lines:])

    def stop(self, timeout=60):
        """SIGTERM: the hub stops every server it spawned and its proxy, then exits; its directory goes too."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.workdir, ignore_errors=True)


class WebSocketKernelClient:
    """What run_cell needs of jupyter_client's KernelClient, spoken over a server's kernel websocket
    (/api/kernels/ID/channels, JSON frames with a "channel" key), as JupyterLab does."""

    def __init__(self, loop, url, token, timeout=60):
        self.loop = loop
        self.session = Session(username="student")
        self.channels = {"shell": queue.Queue(), "iopub": queue.Queue()}
        self.closed = False
        request = HTTPRequest(url, headers={"Authorization": f"token {token}"}, connect_timeout=timeout,
                              request_timeout=timeout)
        async def connect():
            return await websocket_connect(request)
        self.connection = asyncio.run_coroutine_threadsafe(connect(), loop).result(timeout)
        asyncio.run_coroutine_threadsafe(self._read(), loop)

    async def _read(self):
        while True:
            frame = await self.connection.read_message()
            if frame is None:
                self.closed = True
                return
            if isinstance(frame, str):
                message = json.loads(frame)
                inbox = self.channels.get(message.get("channel"))
                if inbox is not None:
                    inbox.put(message)

    def execute(self, code, allow_stdin=False):
        message = self.session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                                       "user_expressions": {}, "allow_stdin": allow_stdin,
                                                       "stop_on_error": True})
        message["channel"] = "shell"
        frame = json.dumps(message, default=json_default)
        self.loop.call_soon_threadsafe(self.connection.write_message, frame)
        return message["header"]["msg_id"]

    def get_shell_msg(self, timeout):
        return self._get("shell", timeout)

    def get_iopub_msg(self, timeout):
        return self._get("iopub", timeout)

    def _get(self, channel, timeout):
        """The next message of channel; ConnectionError once the server has closed the socket and
        nothing is left, rather than waiting out a cell's whole timeout."""
        try:
            return self.channels[channel].get(timeout=timeout)
        except queue.Empty:
            if self.closed:
                raise ConnectionError("the server closed the kernel's websocket") from None
            raise

    def stop_channels(self):
        self.loop.call_soon_threadsafe(self.connection.close)


class HubStudent(Student):
    """A student of the class: logs in, starts a server, opens the lesson in it, runs its Q4 cells."""

    def __init__(self, index, hub, io_loop, lesson):
        super().__init__(index)
        self.lesson = lesson
        self.cell, self.prints = lesson.cell, lesson.prints
        self.name = f"student{index}"
        self.hub, self.io_loop = hub, io_loop
        self.token = None
        self.ready_s = None
        self.limits_seen = None
        self.server_pid = None
        self.server_rss = None

    def user_url(self, path):
        return f"{self.hub.url}/user/{self.name}/api/{path}"

    def start(self, startup_timeout):
        started = time.monotonic()
        status, body = http("POST", f"{self.hub.url}/hub/api/users/{self.name}/tokens",
                            body={"auth": {"username": self.name, "password": PASSWORD}, "note": "the class"})
        if status != 201:
            raise RuntimeError(f"{self.name} could not log in: HTTP {status}")
        self.token = body["token"]
        status, _ = http("POST", f"{self.hub.url}/hub/api/users/{self.name}/server", self.token)
        if status not in (201, 202):
            raise RuntimeError(f"{self.name}'s server did not start: HTTP {status}")
        wait_for(self.server_ready, startup_timeout, f"{self.name}'s server")
        kernel_id = self.open_lesson()
        self.kc = WebSocketKernelClient(self.io_loop, self.user_url(f"kernels/{kernel_id}/channels").replace(
            "http://", "ws://", 1), self.token)
        self.pid = wait_for(self.kernel_pid, startup_timeout, f"{self.name}'s kernel process")
        status, _, error = run_cell(self.kc, self.lesson.worker, startup_timeout)
        if status != "ok":
            raise RuntimeError(f"{self.name}: {error}")
        status, _, shown = run_cell(self.kc, self.lesson.limits, startup_timeout)
        self.limits_seen = shown.strip("\"'") if status == "ok" else f"{status}: {shown}"
        self.ready_s = time.monotonic() - started

    def server_ready(self):
        status, user = http("GET", f"{self.hub.url}/hub/api/users/{self.name}", self.token)
        server = (user or {}).get("servers", {}).get("")
        return status == 200 and server and server.get("ready")

    def server_gone(self):
        status, user = http("GET", f"{self.hub.url}/hub/api/users/{self.name}", self.token)
        return status == 200 and not user.get("servers")

    def open_lesson(self):
        """Puts the lesson in the student's home, reads it back and opens it with the lesson's kernel;
        returns the kernel's id. The cells run are the lesson's own Q4 cells."""
        lesson = self.lesson
        status, _ = http("PUT", self.user_url(f"contents/{lesson.name}"), self.token,
                         {"type": "notebook", "format": "json", "content": lesson.notebook})
        if status not in (200, 201):
            raise RuntimeError(f"{self.name} could not save the lesson: HTTP {status}")
        status, opened = http("GET", self.user_url(f"contents/{lesson.name}"), self.token)
        sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                   for c in (opened or {}).get("content", {}).get("cells", []) if c["cell_type"] == "code"]
        if lesson.worker not in sources or lesson.cell not in sources:
            raise RuntimeError(f"{self.name}'s lesson lacks the Q4 cells (HTTP {status})")
        status, session = http("POST", self.user_url("sessions"), self.token,
                               {"path": lesson.name, "type": "notebook", "name": lesson.name,
                                "kernel": {"name": lesson.kernel}})
        if status != 201:
            raise RuntimeError(f"{self.name} could not open the lesson: HTTP {status}")
        return session["kernel"]["id"]

    def kernel_pid(self):
        """The kernel's pid: the child of the student's server among this class's processes."""
        mine = {pid for pid, user in class_processes(self.hub.marker).items() if user == self.name}
        parent_of = classroom_load.parents()
        servers = [pid for pid in mine if parent_of.get(pid) not in mine]
        kernels = [pid for pid in mine if parent_of.get(pid) in servers]
        if len(servers) != 1 or len(kernels) != 1:
            return None
        self.server_pid = servers[0]
        return kernels[0]

    def stop(self):
        """Closes the browser's websocket; the kernel and server stay, idle, for the culler."""
        if self.kc:
            self.kc.stop_channels()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else None


def run(students, seconds, mem_limit=1 << 30, cpu_limit=1, cull_timeout=10, cull_every=1,
        startup_timeout=300, cell_timeout=300, gone_timeout=120, log=sys.stderr, lesson=None):
    """Runs the class on lesson (ProcLab's lesson 04 unless given); returns a report dict. Always stops
    the hub, which stops any server left."""
    lesson = lesson or proclab_lesson()
    names = [f"student{i + 1}" for i in range(students)]
    hub = Hub(names, mem_limit, cpu_limit, cull_timeout, cull_every)
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    class_ = [HubStudent(i + 1, hub, loop, lesson) for i in range(students)]
    sampler = PeakSampler(class_)
    report = {"lesson": lesson.label, "students": students, "seconds": seconds, "cpus": os.cpu_count(), "mem_limit": mem_limit,
              "cpu_limit": cpu_limit, "cull_timeout": cull_timeout, "load_before": os.getloadavg(),
              "used_before_mb": used_memory_mb(), "hub_dir": str(hub.workdir)}
    try:
        hub.start()
        sampler.start()

        def start_work_and_leave(student):
            # each student works as soon as their own server is ready and leaves when done, as in a
            # class: one who waited for the others would sit idle meanwhile, and the culler rightly
            # stops an idle server
            student.start(startup_timeout)
            student.loop(time.monotonic() + seconds, cell_timeout)
            student.stop()
            student.idle_rss = classroom_load.rss_mb(student.pid)
            student.server_rss = classroom_load.rss_mb(student.server_pid)

        with ThreadPoolExecutor(max_workers=students) as pool:
            list(pool.map(start_work_and_leave, class_))
        sampler.stop_event.set()
        idle_from = time.monotonic()
        report["start_all_s"] = max(s.ready_s for s in class_)
        print(f"{students} students were ready within {report['start_all_s']:.1f} s", file=log)
        print(f"load done; the class is idle, waiting for the culler ({cull_timeout} s)", file=log)
        for s in class_:
            wait_for(s.server_gone, gone_timeout, f"the culling of {s.name}'s server")
        report["culled_after_s"] = time.monotonic() - idle_from
        try:
            wait_for(lambda: not class_processes(hub.marker), gone_timeout, "the class's processes ending")
        except TimeoutError:
            pass
        report["left_after_culling"] = sorted(class_processes(hub.marker))
    except Exception:
        print(f"the hub's log ends with:\n{hub.log_tail()}", file=log)
        raise
    finally:
        sampler.stop_event.set()
        for s in class_:
            s.stop()
        hub.stop()
        loop.call_soon_threadsafe(loop.stop)
    cells = [t for s in class_ for t in s.cell_seconds]
    limit_mb = mem_limit / (1 << 20)
    report.update({
        "rounds": sum(s.rounds for s in class_),
        "rounds_per_student": classroom_load.summary([s.rounds for s in class_]),
        "failures": [f for s in class_ for f in s.failures],
        "cell_p50_s": statistics.median(cells) if cells else None,
        "cell_p95_s": percentile(cells, 0.95),
        "ready_s": classroom_load.summary([s.ready_s for s in class_]),
        "limits_seen": {s.name: s.limits_seen for s in class_},
        "idle_kernel_rss_mb": classroom_load.summary([s.idle_rss for s in class_]),
        "server_rss_mb": classroom_load.summary([s.server_rss for s in class_]),
        "peak_student_tree_mb": {s.name: round(sampler.peak_by_student.get(s.index, 0)) for s in class_},
        "over_mem_limit": [s.name for s in class_ if sampler.peak_by_student.get(s.index, 0) > limit_mb],
        "peak_tree_rss_mb": round(sampler.peak_total),
        "peak_processes": sampler.peak_processes,
        "peak_used_mb": round(sampler.peak_used),
    })
    return report


def print_report(report, out=sys.stdout):
    peaks = list(report["peak_student_tree_mb"].values())
    print(f"{report['lesson']} through JupyterHub: {report['students']} students x {report['seconds']} s of the Q4 lesson, "
          f"MEM_LIMIT {report['mem_limit'] >> 20} MiB, CPU_LIMIT {report['cpu_limit']}, {report['cpus']} CPUs, "
          f"load before {report['load_before'][0]:.2f}", file=out)
    rows = [
        ("servers and kernels ready after (s)", f"{report['start_all_s']:.1f}"),
        ("MEM_LIMIT and CPU_LIMIT the kernels saw", ", ".join(sorted(set(report["limits_seen"].values())))),
        ("one student ready after, s (min / median / max)", report["ready_s"]),
        ("Q4 rounds in all (per student min / median / max)", f"{report['rounds']} ({report['rounds_per_student']})"),
        ("failed cells", str(len(report["failures"]))),
        ("Q4 cell time p50 / p95, s", f"{report['cell_p50_s']:.2f} / {report['cell_p95_s']:.2f}"),
        ("peak kernel + children RSS per student, MB (min / median / max)", classroom_load.summary(peaks)),
        ("students over their MEM_LIMIT", str(len(report["over_mem_limit"]))),
        ("kernel RSS right after the load, MB", report["idle_kernel_rss_mb"]),
        ("single-user server (Python) RSS, MB", report["server_rss_mb"]),
        ("peak RSS of all kernels and children, MB", str(report["peak_tree_rss_mb"])),
        ("peak processes (kernels + children)", str(report["peak_processes"])),
        ("peak memory used on the machine, MB", f"{report['peak_used_mb']} (before: {report['used_before_mb']:.0f})"),
        (f"all servers culled after the last student left (timeout {report['cull_timeout']} s), s",
         f"{report['culled_after_s']:.1f}"),
        ("processes left after culling", str(len(report["left_after_culling"]))),
    ]
    classroom_load.print_rows(rows, report["failures"], out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--mem-limit", type=int, default=1 << 30, help="MEM_LIMIT of each student, bytes")
    parser.add_argument("--cpu-limit", type=float, default=1)
    parser.add_argument("--cull-timeout", type=float, default=30)
    parser.add_argument("--json", help="also write the reports as JSON to this file")
    parser.add_argument("--no-python", action="store_true", help="leave out Python's baseline (ipykernel)")
    args = parser.parse_args()
    lessons = [proclab_lesson()] + ([] if args.no_python else [python_lesson()])
    reports = []
    for lesson in lessons:
        reports.append(run(args.students, args.seconds, args.mem_limit, args.cpu_limit, args.cull_timeout, lesson=lesson))
        print_report(reports[-1])
    if args.json:
        with open(args.json, "w") as f:
            json.dump(reports, f, indent=2)
    # Python's baseline is measured, not held to ProcLab's limits: ipykernel does not read MEM_LIMIT
    bad = reports[0]["failures"] or reports[0]["over_mem_limit"] or reports[0]["left_after_culling"]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
