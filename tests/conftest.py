"""Shared fixtures and helpers for the ProcLab Jupyter harness.

Run with Debian's Python (where apt installed Jupyter) and the kernelspec on JUPYTER_PATH:

    ./proclab install --prefix /tmp/spec
    JUPYTER_PATH=/tmp/spec/share/jupyter /usr/bin/python3 -m pytest -p no:cacheprovider -q tests
"""
import contextlib
import os
import queue
import subprocess
import time

import nbformat
import pytest
from jupyter_client.channels import ZMQSocketChannel
from jupyter_client.manager import start_new_kernel

# tests/browser runs in .venv with its own pytest session (./proclab test starts it, with
# --confcutdir=tests/browser): Debian's Python has no Playwright.
collect_ignore = ["browser"]

# Kernels here skip the idle compiler warm-up (it would spend CPU between tests and make timings
# noisier); test_kernel_behaviour.py turns it on for the test that checks it.
os.environ.setdefault("PROCLAB_WARMUP_SNIPPETS", "0")

KERNEL_NAME = "proclab"

# The longest a missed wake-up may hold back a message from a kernel client (below).
POLL_SLICE_SECONDS = 1.0


def _poll_channels_in_slices():
    """Make the kernel clients' channels wait in slices, so a message the poll was not woken for is
    found a slice later instead of when the wait gives up.

    jupyter_client 7 waits for every message (nbclient's and the blocking client's alike) with an
    asyncio poll, and Debian 12's pyzmq 24 sometimes misses its wake-up on a socket whose message
    has already arrived: the message is seen only when the timeout ends. A lesson took 124 s in CI
    with nbclient's timeout=120; here a cell took 299.98 s of a 300 s timeout while the kernel, per
    jstack, had long answered and sat idle. Jupyter servers read their sockets through callbacks
    and are not affected.
    """
    wait = ZMQSocketChannel.get_msg

    async def get_msg_in_slices(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = POLL_SLICE_SECONDS if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return await wait(self, min(left, POLL_SLICE_SECONDS))
            except queue.Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    ZMQSocketChannel.get_msg = get_msg_in_slices


_poll_channels_in_slices()


def proclab_notebook(*sources):
    """A new notebook for the ProcLab kernel, with one code cell for each source."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (ProcLab)", "language": "java"}
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    return notebook
STARTUP_TIMEOUT = 60
DEFAULT_TIMEOUT = 30
# The kernel must answer an interrupt within this many seconds (from the interrupt to the reply).
INTERRUPT_LIMIT = 1.0


class Outcome:
    """Everything one execute_request produced.

    status   -- the execute_reply status ("ok", "error", "aborted")
    stdout   -- the concatenated text of the cell's stdout stream messages
    stderr   -- the concatenated text of the cell's stderr stream messages
    result   -- text/plain of the execute_result, or None
    error    -- {"ename", "evalue", "traceback"} of the error message (or of the reply), or None
    messages -- every iopub message whose parent is this request, in arrival order
    reply    -- the execute_reply message
    input_requests -- the input_request messages the cell sent on the stdin channel
    msg_id   -- the request's msg_id
    """

    def __init__(self, msg_id):
        self.msg_id = msg_id
        self.messages = []
        self.reply = None
        self.input_requests = []
        self.reply_time = None

    @property
    def status(self):
        return self.reply["content"]["status"] if self.reply else None

    def _stream(self, name):
        return "".join(m["content"]["text"] for m in self.messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == name)

    @property
    def stdout(self):
        return self._stream("stdout")

    @property
    def stderr(self):
        return self._stream("stderr")

    @property
    def result(self):
        for m in self.messages:
            if m["msg_type"] == "execute_result":
                return m["content"]["data"].get("text/plain")
        return None

    @property
    def results(self):
        return [m for m in self.messages if m["msg_type"] == "execute_result"]

    @property
    def error(self):
        for m in self.messages:
            if m["msg_type"] == "error":
                c = m["content"]
                return {"ename": c["ename"], "evalue": c["evalue"], "traceback": c["traceback"]}
        if self.reply and self.reply["content"]["status"] == "error":
            c = self.reply["content"]
            return {"ename": c.get("ename"), "evalue": c.get("evalue"), "traceback": c.get("traceback", [])}
        return None

    @property
    def traceback_text(self):
        err = self.error
        return "\n".join(err["traceback"]) if err else ""

    def __repr__(self):
        return (f"Outcome(status={self.status!r}, result={self.result!r}, stdout={self.stdout[:200]!r}, "
                f"stderr={self.stderr[:200]!r}, error={self.error!r})")


def stray_messages(kc):
    """Iopub messages that arrived while waiting for some other request (e.g. late thread output)."""
    if not hasattr(kc, "_proclab_stray"):
        kc._proclab_stray = []
    return kc._proclab_stray


def _drain_stray(kc):
    """Moves every queued iopub message into the stray list."""
    strays = stray_messages(kc)
    while True:
        try:
            strays.append(kc.get_iopub_msg(timeout=0.05))
        except queue.Empty:
            return


def wait_for_stray(kc, wanted, timeout=DEFAULT_TIMEOUT):
    """Reads iopub until a message with another request's parent that satisfies wanted(msg) is among
    stray_messages(kc) (it may be there already); returns the ones that do."""
    strays = stray_messages(kc)
    deadline = time.monotonic() + timeout
    while not any(wanted(m) for m in strays):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no such iopub message within {timeout}s; strays: {strays!r}")
        with contextlib.suppress(queue.Empty):
            strays.append(kc.get_iopub_msg(timeout=remaining))
    return [m for m in strays if wanted(m)]


def send_execute(kc, code, allow_stdin=None, **kwargs):
    """Sends an execute_request without waiting; returns its msg_id."""
    if allow_stdin is None:
        allow_stdin = kc.allow_stdin
    return kc.execute(code, allow_stdin=allow_stdin, **kwargs)


def collect(kc, msg_id, stdin_reply=None, timeout=DEFAULT_TIMEOUT, prior=()):
    """Collects the iopub messages and the shell reply of request msg_id.

    Waits until both the execute_reply and the iopub idle status for the request arrived.
    stdin_reply: a string (answer to every input_request) or a callable(input_request) -> str.
    prior: iopub messages of this request already read (e.g. by wait_for_stream).
    Iopub messages with another parent are kept in stray_messages(kc).
    """
    outcome = Outcome(msg_id)
    outcome.messages.extend(prior)
    deadline = time.monotonic() + timeout
    idle = any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle" for m in prior)
    strays = stray_messages(kc)
    while not (idle and outcome.reply is not None):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no reply/idle for {msg_id} within {timeout}s: {outcome!r}")
        progressed = False
        # stdin channel: answer input requests
        try:
            msg = kc.get_stdin_msg(timeout=0.0)
        except queue.Empty:
            msg = None
        if msg is not None:
            progressed = True
            if msg["msg_type"] == "input_request" and msg["parent_header"].get("msg_id") == msg_id:
                outcome.input_requests.append(msg)
                if stdin_reply is not None:
                    answer = stdin_reply(msg) if callable(stdin_reply) else stdin_reply
                    kc.input(answer)
        # shell channel: the reply
        if outcome.reply is None:
            try:
                msg = kc.get_shell_msg(timeout=0.0)
            except queue.Empty:
                msg = None
            if msg is not None:
                progressed = True
                if msg["parent_header"].get("msg_id") == msg_id:
                    outcome.reply = msg
                    outcome.reply_time = time.monotonic()
        # iopub
        try:
            msg = kc.get_iopub_msg(timeout=0.0 if progressed else min(0.02, max(remaining, 0.001)))
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            strays.append(msg)
            continue
        outcome.messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    return outcome


def wait_for_stream(kc, msg_id, text, timeout=DEFAULT_TIMEOUT):
    """Reads iopub until request msg_id has printed `text`; returns the messages read for it.

    Use it to know that a cell really runs before interrupting it. Pass the result as
    collect(..., prior=...). Fails if the request goes idle without printing `text`.
    """
    read = []
    printed = ""
    deadline = time.monotonic() + timeout
    strays = stray_messages(kc)
    while text not in printed:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"request {msg_id} did not print {text!r} within {timeout}s")
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            strays.append(msg)
            continue
        read.append(msg)
        if msg["msg_type"] == "stream":
            printed += msg["content"]["text"]
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            raise AssertionError(f"request {msg_id} ended without printing {text!r}: {read!r}")
    return read


def execute(kc, code, stdin_reply=None, timeout=DEFAULT_TIMEOUT, allow_stdin=None, **kwargs):
    """Runs one cell and returns its Outcome (see Outcome for the fields).

    allow_stdin defaults to True when stdin_reply is given, else to the client's setting.
    """
    if allow_stdin is None and stdin_reply is not None:
        allow_stdin = True
    msg_id = send_execute(kc, code, allow_stdin=allow_stdin, **kwargs)
    return collect(kc, msg_id, stdin_reply=stdin_reply, timeout=timeout)


def ok(kc, code, timeout=DEFAULT_TIMEOUT, **kwargs):
    """Runs a cell that must succeed; returns its Outcome."""
    out = execute(kc, code, timeout=timeout, **kwargs)
    assert out.status == "ok", f"cell failed: {code!r} -> {out!r}"
    return out


def shell_request(kc, send, timeout=DEFAULT_TIMEOUT):
    """Sends a shell request via send(kc) -> msg_id and returns the matching reply."""
    return reply_to(send(kc), kc.get_shell_msg, timeout)


def reply_to(msg_id, get_msg, timeout=DEFAULT_TIMEOUT):
    """Reads a channel with get_msg (e.g. kc.get_control_msg) until the reply to msg_id comes; returns it."""
    deadline = time.monotonic() + timeout
    while True:
        msg = get_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def kernel_pid(km):
    provisioner = getattr(km, "provisioner", None)
    if provisioner is not None and getattr(provisioner, "process", None) is not None:
        return provisioner.process.pid
    return km.kernel.pid


def start_kernel(**kwargs):
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=STARTUP_TIMEOUT, **kwargs)
    kc.allow_stdin = False
    return km, kc


def stop_kernel(km, kc):
    with contextlib.suppress(Exception):
        kc.stop_channels()
    try:
        km.shutdown_kernel(now=False)
    except Exception:
        km.shutdown_kernel(now=True)
    # make sure the process is really gone
    with contextlib.suppress(Exception):
        if km.is_alive():
            km.shutdown_kernel(now=True)


@contextlib.contextmanager
def fresh_kernel(**kwargs):
    """A kernel of its own for tests that restart, signal or otherwise disturb it."""
    km, kc = start_kernel(**kwargs)
    try:
        yield km, kc
    finally:
        stop_kernel(km, kc)


def pytest_configure(config):
    config.addinivalue_line("markers", "network: needs Maven Central; skipped when PROCLAB_OFFLINE=1")


def pytest_collection_modifyitems(config, items):
    """PROCLAB_OFFLINE=1 (or ./proclab test --offline) skips the tests that download from Maven Central."""
    if os.environ.get("PROCLAB_OFFLINE") != "1":
        return
    skip = pytest.mark.skip(reason="PROCLAB_OFFLINE=1: no network tests")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="module")
def kernel():
    """One kernel (manager, client) shared by the tests of a module."""
    km, kc = start_kernel()
    # the first cell waits for JShell to start; do it here so no test pays for it
    ok(kc, "int proclabWarmUp = 1;", timeout=STARTUP_TIMEOUT)
    try:
        yield km, kc
    finally:
        stop_kernel(km, kc)


@pytest.fixture
def kc(kernel):
    """The shared kernel's client, with leftover iopub messages moved aside."""
    _, client = kernel
    _drain_stray(client)
    stray_messages(client).clear()
    return client


@pytest.fixture
def km(kernel):
    return kernel[0]


def run_and_interrupt(kc, code, marker, interrupt, marker_timeout=DEFAULT_TIMEOUT):
    """Runs code that prints marker (within marker_timeout seconds), then blocks; interrupts once marker arrived.

    Returns (outcome, seconds from the interrupt to the execute_reply).
    """
    msg_id = send_execute(kc, code)
    return interrupt_and_collect(kc, msg_id, wait_for_stream(kc, msg_id, marker, timeout=marker_timeout), interrupt)


def interrupt_and_collect(kc, msg_id, prior, interrupt, timeout=30):
    """Interrupts the running request msg_id, whose messages read so far are prior, and collects the rest.

    Returns (outcome, seconds from the interrupt to the execute_reply); TimeoutError if the cell does not
    end within timeout seconds.
    """
    started = time.monotonic()
    interrupt()
    out = collect(kc, msg_id, prior=prior, timeout=timeout)
    return out, out.reply_time - started


def assert_interrupted(out, elapsed):
    assert out.status == "error", out
    assert out.error["ename"] == "Interrupted", out
    assert elapsed < INTERRUPT_LIMIT, f"the interrupt took {elapsed:.3f}s"


def proc_stat(pid):
    """The fields of /proc/PID/stat after the command (state, parent pid, ...), or None when pid is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def alive(pid):
    """Whether the process pid exists and is not a zombie."""
    fields = proc_stat(pid)
    return fields is not None and fields[0] != "Z"


def waiting_jvms(kc):
    """Pids of the JVMs waiting in the kernel's reservoirs (the WARM start method): children of the kernel
    that run no one's task."""
    listed = ok(kc, "org.proclab.mp.spawn.Reservoir.allWaitingPids()").result
    return {int(pid) for pid in listed.strip("[]").split(",") if pid.strip()}


def jcmd(pid, *command, timeout=60):
    """Runs a jcmd diagnostic command in JVM pid, with the jcmd of the JDK that runs it; returns
    (exit status, output). Raises subprocess.TimeoutExpired if it takes longer than timeout."""
    tool = os.path.join(os.path.dirname(os.readlink(f"/proc/{pid}/exe")), "jcmd")
    done = subprocess.run([tool, str(pid), *command], capture_output=True, text=True, timeout=timeout)
    return done.returncode, done.stdout + done.stderr


def wait_until_c2_compiled(pid, method_part, warm_up=lambda: None, timeout=60):
    """Calls warm_up() until JVM pid has C2 code (level 4, in use) for a method whose name (as in
    "REPL.$JShell$12.spin(I)J") contains method_part, as its JIT's code list shows; for a test that
    needs a hot loop compiled, instead of letting the loop run "long enough". Warm the method up with
    many calls of short loops, until it is compiled: the JIT then compiles the whole method (not only
    a long-running loop, which a running call may still be slow to switch to), and the next call runs
    C2 code."""
    deadline = time.monotonic() + timeout
    while True:
        warm_up()
        _, listing = jcmd(pid, "Compiler.codelist")
        # lines: compile id, level, state (0: in use), method, addresses
        if any(len(fields) > 3 and fields[1:3] == ["4", "0"] and method_part in fields[3]
               for fields in (line.split() for line in listing.splitlines())):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"JVM {pid} has no C2 code for {method_part} after {timeout}s:\n{listing}")
        time.sleep(0.2)


def describe_alive(pids, kc=None):
    """What the live ones of pids are, for a failure message: state, age, the child's purpose (WAIT for a
    JVM started for a reservoir, WORK for one started for a task) and, with kc, the kernel's %ps."""
    with open("/proc/uptime") as since_boot:
        uptime = float(since_boot.read().split()[0])
    ticks = os.sysconf("SC_CLK_TCK")
    lines = []
    for pid in sorted(p for p in pids if alive(p)):
        fields = proc_stat(pid)
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                purpose = cmdline.read().split(b"\0")[-2].decode()
        except (OSError, IndexError):
            purpose = "?"
        if fields is not None:
            lines.append(f"pid {pid}: state {fields[0]}, {purpose}, "
                         f"{uptime - int(fields[19]) / ticks:.1f} s old")
    if kc is not None:
        lines.extend(m["content"]["data"].get("text/plain", "") for m in execute(kc, "%ps").messages
                     if m["msg_type"] == "display_data")
    return "\n".join(lines)


def wait_until_gone(pids, seconds):
    """True when none of pids is alive within seconds."""
    deadline = time.monotonic() + seconds
    while any(alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
