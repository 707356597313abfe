#!/usr/bin/python3
"""Kernel latency benchmark: the ProcLab kernel side by side with ipykernel, in one run.

Measures, for each kernel:

  start        from KernelManager.start_kernel() to the first kernel_info_reply on the shell
               channel (N starts per kernel, kernels alternated; median, min, max);
  first cell   right after a start (once IOPub is known to be subscribed): `1+1` sent, until both
               its execute_reply and its idle status arrived; ProcLab's JShell starts in the
               background, so this is where the rest of its start-up shows;
  trivial cell `1+1` round trip on a warm kernel: execute_request sent until both execute_reply
               and the idle status on IOPub arrived (warm-up runs, then timed runs with the
               kernels alternated; p50, p90, mean, min, max); in the same loop, an empty cell
               and a kernel_info round trip, the floors under it (no compilation; protocol only).

The client side is a minimal raw ZeroMQ client (jupyter_client.Session for the wire format, no
event loop, no heartbeat thread) so that the figures are the kernels', not the client's.

Needs jupyter_client, pyzmq and ipykernel: on Debian, /usr/bin/python3 with
python3-jupyter-client and python3-ipykernel.  The ProcLab kernelspec must be findable, e.g.
  JUPYTER_PATH=/tmp/bench-spec/share/jupyter /usr/bin/python3 bench/kernel-latency/kernel_latency.py
after `./proclab install --prefix /tmp/bench-spec` (or just `./proclab install --user`).
"""

import argparse
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

# Looking up the native python3 kernelspec imports ipykernel, whose debugger (debugpy) then
# prints a warning about frozen modules; it is harmless and only hides the benchmark's log.
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

try:
    import zmq
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    from jupyter_client.manager import KernelManager
    from jupyter_client.session import Session
    import jupyter_client
except ImportError as e:  # pragma: no cover - environment problem
    sys.exit(f"kernel_latency: {e}; run it with a Python that has jupyter_client and pyzmq "
             "(on Debian: /usr/bin/python3 after apt-get install python3-jupyter-client python3-ipykernel)")

START_TARGET_S = 1.5          # ProcLab start (median) must be <= 1.5 s ...
START_RATIO_TARGET = 2.0      # ... and <= 2x ipykernel's
CELL_RATIO_TARGET = 2.0       # trivial-cell p50 <= 2x ipykernel's
TRIVIAL_CODE = "1+1"
EXPECTED_RESULT = "2"
RECONNECT_IVL_MS = 2          # the client retries connecting every 2 ms while the kernel is not bound yet


class BenchError(RuntimeError):
    pass


# ---------------------------------------------------------------------------------------------
# statistics


def percentile(values, p):
    """Percentile with linear interpolation between closest ranks (numpy's default)."""
    data = sorted(values)
    if not data:
        return float("nan")
    k = (len(data) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def summary(values):
    return {
        "n": len(values),
        "median": statistics.median(values) if values else float("nan"),
        "p50": percentile(values, 50),
        "p90": percentile(values, 90),
        "mean": statistics.fmean(values) if values else float("nan"),
        "min": min(values) if values else float("nan"),
        "max": max(values) if values else float("nan"),
    }


# ---------------------------------------------------------------------------------------------
# kernels under test


class KernelUnderTest:
    """One kernelspec to measure."""

    def __init__(self, label, spec_name, ksm, is_reference=False):
        self.label = label
        self.spec_name = spec_name
        self.ksm = ksm
        self.is_reference = is_reference
        self.argv = ksm.get_kernel_spec(spec_name).argv
        self.info = {}            # from kernel_info_reply
        self.starts = []          # seconds
        self.first_cells = []     # seconds
        self.to_first_result = []  # seconds
        self.cells = []           # seconds
        self.empty_cells = []     # seconds: execute_request with empty code
        self.info_rts = []        # seconds: kernel_info_request round trips
        self.shutdowns = []       # seconds


def proclab_variant(base_spec, name, java, extra_flags, variants_dir):
    """Writes kernelspec `name`: ProcLab's with another java and/or extra JVM flags.

    {resource_dir} is replaced by the base spec's directory, so every variant runs the very same
    jar file (which matters for class-data-sharing archives, which record the class path)."""
    argv = [a.replace("{resource_dir}", base_spec.resource_dir) for a in base_spec.argv]
    if java:
        argv[0] = java
    argv[1:1] = extra_flags
    spec = base_spec.to_dict()
    spec["argv"] = argv
    spec["display_name"] = f"{spec.get('display_name', 'ProcLab')} [{name}]"
    target = os.path.join(variants_dir, name)
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "kernel.json"), "w") as f:
        json.dump(spec, f, indent=1)
    return name


# ---------------------------------------------------------------------------------------------
# a minimal synchronous client


class RawClient:
    """Shell + IOPub sockets on a kernel's connection info; no threads, no event loop."""

    def __init__(self, ctx, km):
        info = km.get_connection_info()
        self.session = Session(key=km.session.key, signature_scheme=km.session.signature_scheme,
                               username="kernel-latency")
        transport, ip = info["transport"], info["ip"]

        def url(port):
            return f"{transport}://{ip}:{port}" if transport == "tcp" else f"{transport}://{ip}-{port}"

        self.shell = ctx.socket(zmq.DEALER)
        self.iopub = ctx.socket(zmq.SUB)
        for sock in (self.shell, self.iopub):
            sock.linger = 0
            sock.setsockopt(zmq.RECONNECT_IVL, RECONNECT_IVL_MS)
        self.shell.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.shell.connect(url(info["shell_port"]))
        self.iopub.connect(url(info["iopub_port"]))
        self.poller = zmq.Poller()
        self.poller.register(self.shell, zmq.POLLIN)
        self.poller.register(self.iopub, zmq.POLLIN)

    def close(self):
        self.shell.close(linger=0)
        self.iopub.close(linger=0)

    def send(self, msg_type, content):
        return self.session.send(self.shell, msg_type, content)["header"]["msg_id"]

    def poll(self, deadline):
        """Yields (channel, message) until the deadline passes."""
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return
            events = dict(self.poller.poll(max(1, int(remaining * 1000))))
            for sock, channel in ((self.shell, "shell"), (self.iopub, "iopub")):
                if sock in events:
                    while True:
                        _, msg = self.session.recv(sock, mode=zmq.NOBLOCK)
                        if msg is None:
                            break
                        yield channel, msg

    def wait_kernel_info(self, km, timeout, resend_every=1.0):
        """Sends kernel_info_request (again every resend_every s) until a reply comes; returns it."""
        deadline = time.perf_counter() + timeout
        sent = {self.send("kernel_info_request", {})}
        next_send = time.perf_counter() + resend_every
        while time.perf_counter() < deadline:
            for channel, msg in self.poll(min(deadline, next_send)):
                if (channel == "shell" and msg["msg_type"] == "kernel_info_reply"
                        and msg["parent_header"].get("msg_id") in sent):
                    return msg
            if not km.is_alive():
                raise BenchError("the kernel exited while starting")
            if time.perf_counter() >= next_send:
                sent.add(self.send("kernel_info_request", {}))
                next_send = time.perf_counter() + resend_every
        raise BenchError(f"no kernel_info_reply within {timeout} s")

    def wait_iopub(self, timeout):
        """Makes sure IOPub is subscribed: kernel_info_requests until their status shows on IOPub."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            msg_id = self.send("kernel_info_request", {})
            for channel, msg in self.poll(min(deadline, time.perf_counter() + 0.2)):
                if channel == "iopub" and msg["parent_header"].get("msg_id") == msg_id:
                    # drain the rest of this request (reply, idle) so that it cannot disturb what follows
                    self.drain(0.05)
                    return
        raise BenchError(f"IOPub not connected within {timeout} s")

    def drain(self, quiet_for):
        for _ in self.poll(time.perf_counter() + quiet_for):
            pass

    def execute(self, code, timeout):
        """Round trip of one cell: returns (seconds, result text)."""
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True}
        return self.roundtrip("execute_request", content, timeout)

    def roundtrip(self, msg_type, content, timeout):
        """Sends a shell request; returns (seconds until both its reply and its idle status arrived,
        the text/plain execute_result if any)."""
        reply_type = msg_type.replace("_request", "_reply")
        t0 = time.perf_counter()
        msg_id = self.session.send(self.shell, msg_type, content)["header"]["msg_id"]
        got_reply = got_idle = False
        result = None
        status = None
        for channel, msg in self.poll(t0 + timeout):
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if channel == "shell" and kind == reply_type:
                got_reply = True
                status = msg["content"].get("status")
            elif channel == "iopub" and kind == "status" and msg["content"].get("execution_state") == "idle":
                got_idle = True
            elif channel == "iopub" and kind == "execute_result":
                result = msg["content"]["data"].get("text/plain")
            elif channel == "iopub" and kind == "error":
                result = "error: " + msg["content"].get("ename", "") + ": " + msg["content"].get("evalue", "")
            if got_reply and got_idle:
                elapsed = time.perf_counter() - t0
                if status != "ok":
                    raise BenchError(f"{msg_type} {content.get('code', '')!r} failed: status {status}, {result}")
                return elapsed, result
        raise BenchError(f"{msg_type} {content.get('code', '')!r}: no {reply_type} + idle within {timeout} s "
                         f"(reply {got_reply}, idle {got_idle})")


# ---------------------------------------------------------------------------------------------
# the run


class Bench:
    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.runtime_dir = os.path.join(workdir, "runtime")
        os.makedirs(self.runtime_dir)
        self.ctx = zmq.Context()
        self.live = []       # KernelManagers not yet shut down
        self.pids = []       # every kernel process started

    def start(self, kut):
        """Starts a kernel; returns (km, client, start seconds, kernel_info_reply, t0)."""
        km = KernelManager(kernel_name=kut.spec_name, kernel_spec_manager=kut.ksm,
                           connection_file=os.path.join(self.runtime_dir, f"kernel-{uuid.uuid4()}.json"))
        t0 = time.perf_counter()
        km.start_kernel(stdout=subprocess.DEVNULL if self.args.quiet_kernels else None,
                        stderr=subprocess.DEVNULL if self.args.quiet_kernels else None)
        self.live.append(km)
        self.pids.append(km.provisioner.process.pid)
        client = RawClient(self.ctx, km)
        reply = client.wait_kernel_info(km, self.args.timeout)
        elapsed = time.perf_counter() - t0
        return km, client, elapsed, reply, t0

    def stop(self, km, client):
        client.close()
        t0 = time.perf_counter()
        km.shutdown_kernel(now=False)
        elapsed = time.perf_counter() - t0
        self.live.remove(km)
        return elapsed

    def stop_all(self):
        for km in list(self.live):
            try:
                km.shutdown_kernel(now=True)
            except Exception as e:  # noqa: BLE001 - best effort clean-up
                print(f"kernel_latency: could not shut a kernel down: {e}", file=sys.stderr)
            self.live.remove(km)

    def leftovers(self):
        """Processes still running that were started by this run (their argv names our runtime dir)."""
        out = subprocess.run(["pgrep", "-a", "-f", self.runtime_dir], capture_output=True, text=True)
        return [line for line in out.stdout.splitlines() if line.strip()]

    def measure_starts(self, kernels):
        a = self.args
        order = []
        for i in range(a.warmup_starts + a.starts):
            seq = kernels if i % 2 == 0 else list(reversed(kernels))
            order += [(i < a.warmup_starts, k) for k in seq]
        for n, (warmup, kut) in enumerate(order, 1):
            km, client, elapsed, reply, t0 = self.start(kut)
            kut.info = reply["content"]
            client.wait_iopub(a.timeout)
            first, result = client.execute(TRIVIAL_CODE, a.timeout)
            # start -> first result: wall time from start_kernel(), including the IOPub check
            to_result = time.perf_counter() - t0
            if result != EXPECTED_RESULT:
                raise BenchError(f"{kut.label}: {TRIVIAL_CODE} gave {result!r}, expected {EXPECTED_RESULT!r}")
            shutdown = self.stop(km, client)
            tag = "warm-up " if warmup else ""
            self.log(f"  {tag}start {n:2d}/{len(order)} {kut.label:<24} start {elapsed:6.3f} s  "
                     f"first cell {first:6.3f} s  shutdown {shutdown:5.2f} s")
            if not warmup:
                kut.starts.append(elapsed)
                kut.first_cells.append(first)
                kut.to_first_result.append(to_result)
                kut.shutdowns.append(shutdown)

    def measure_cells(self, kernels):
        a = self.args
        running = []
        try:
            for kut in kernels:
                km, client, _, reply, _ = self.start(kut)
                kut.info = reply["content"]
                client.wait_iopub(a.timeout)
                running.append((kut, km, client))
            if a.settle > 0:
                # a student runs a first cell, then reads for a while before the next one
                for kut, _, client in running:
                    client.execute(TRIVIAL_CODE, a.timeout)
                self.log(f"  first cell run; kernels left idle for {a.settle:g} s")
                time.sleep(a.settle)
            for i in range(a.warmup + a.runs):
                seq = running if i % 2 == 0 else list(reversed(running))
                for kut, _, client in seq:
                    elapsed, result = client.execute(TRIVIAL_CODE, a.timeout)
                    if result != EXPECTED_RESULT:
                        raise BenchError(f"{kut.label}: {TRIVIAL_CODE} gave {result!r}")
                    if i >= a.warmup:
                        kut.cells.append(elapsed)
                # the floors under the trivial cell: the protocol alone, and a cell with no code
                for kut, _, client in seq:
                    info, _ = client.roundtrip("kernel_info_request", {}, a.timeout)
                    empty, _ = client.execute("", a.timeout)
                    if i >= a.warmup:
                        kut.info_rts.append(info)
                        kut.empty_cells.append(empty)
                if i + 1 == a.warmup:
                    self.log(f"  {a.warmup} warm-up runs done")
                elif (i + 1 - a.warmup) % 50 == 0 and i >= a.warmup:
                    self.log(f"  {i + 1 - a.warmup}/{a.runs} runs")
        finally:
            for _, km, client in running:
                self.stop(km, client)

    def log(self, text):
        print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# machine load: the figures only mean something on an otherwise idle machine


def cpu_ticks():
    """(busy, total) clock ticks of all CPUs since boot, from /proc/stat; None where unavailable."""
    try:
        with open("/proc/stat") as f:
            vals = [int(v) for v in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    idle = vals[3] + vals[4]
    return sum(vals) - idle, sum(vals)


class LoadMeter:
    """CPU used by *other* processes during the run: all busy CPU time minus this process's and
    its (reaped) kernels' CPU time, as an average number of busy CPUs."""

    def __init__(self):
        self.ticks0 = cpu_ticks()
        self.ours0 = self.ours()
        self.wall0 = time.monotonic()

    @staticmethod
    def ours():
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    def others(self):
        ticks1 = cpu_ticks()
        if self.ticks0 is None or ticks1 is None:
            return None
        hz = os.sysconf("SC_CLK_TCK")
        busy = (ticks1[0] - self.ticks0[0]) / hz
        wall = time.monotonic() - self.wall0
        return max(0.0, (busy - (self.ours() - self.ours0)) / wall)


def busy_fraction(seconds):
    a = cpu_ticks()
    time.sleep(seconds)
    b = cpu_ticks()
    if a is None or b is None or b[1] == a[1]:
        return 0.0
    return (b[0] - a[0]) / (b[1] - a[1])


def wait_for_idle(max_wait, log, threshold=0.10, quiet_samples=3):
    """Waits (up to max_wait s) until the CPUs were < threshold busy for quiet_samples seconds."""
    deadline = time.monotonic() + max_wait
    quiet = 0
    waited = False
    while time.monotonic() < deadline:
        busy = busy_fraction(1.0)
        quiet = quiet + 1 if busy < threshold else 0
        if quiet >= quiet_samples:
            return True
        if not waited:
            log(f"kernel_latency: the machine is busy ({busy:.0%} CPU); waiting up to {max_wait:g} s for it to go idle")
            waited = True
    log("kernel_latency: the machine did not go idle; measuring anyway (see 'other load' in the report)")
    return False


# ---------------------------------------------------------------------------------------------
# environment and report


def java_version_of(java):
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
        return " / ".join(line.strip() for line in out.splitlines()[:2])
    except OSError as e:
        return f"unknown ({e})"


def environment(kernels):
    def read(path, key):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return None

    try:  # not imported: importing ipykernel can print debugger warnings
        from importlib.metadata import version
        ipykernel_version = version("ipykernel")
    except Exception:  # noqa: BLE001
        ipykernel_version = None
    env = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "hostname": platform.node(),
        "os": f"{platform.system()} {platform.release()}",
        "cpu": read("/proc/cpuinfo", "model name"),
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_count": os.cpu_count(),
        "mem_total": read("/proc/meminfo", "MemTotal"),
        "loadavg_before": os.getloadavg(),
        "python": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        "jupyter_client": jupyter_client.__version__,
        "pyzmq": zmq.__version__,
        "libzmq": zmq.zmq_version(),
        "ipykernel": ipykernel_version,
        "kernels": {k.label: {"spec": k.spec_name, "argv": k.argv} for k in kernels},
    }
    for k in kernels:
        if not k.is_reference:
            env["kernels"][k.label]["java"] = java_version_of(k.argv[0])
    return env


def fmt_s(v):
    return f"{v:.3f}"


def fmt_ms(v):
    return f"{v * 1000:.2f}"


def report(kernels, reference, args):
    rows = []
    stats = {}
    for k in kernels:
        stats[k.label] = {
            "start_s": summary(k.starts),
            "first_cell_s": summary(k.first_cells),
            "start_to_first_result_s": summary(k.to_first_result),
            "shutdown_s": summary(k.shutdowns),
            "trivial_cell_s": summary(k.cells),
            "empty_cell_s": summary(k.empty_cells),
            "kernel_info_roundtrip_s": summary(k.info_rts),
        }
    subjects = [k for k in kernels if k is not reference]
    cols = [k.label for k in kernels] + [f"{k.label}/{reference.label}" for k in subjects]

    def add(name, key, stat, fmt):
        vals = [fmt(stats[k.label][key][stat]) for k in kernels]
        ratios = [f"{stats[k.label][key][stat] / stats[reference.label][key][stat]:.2f}x" for k in subjects]
        rows.append([name] + vals + ratios)

    def add_range(name, key, fmt):
        rows.append([name] + [f"{fmt(stats[k.label][key]['min'])}-{fmt(stats[k.label][key]['max'])}"
                              for k in kernels] + [""] * len(subjects))

    n_starts = len(reference.starts)
    add(f"start to kernel_info_reply, median (s, n={n_starts})", "start_s", "median", fmt_s)
    add_range("  min-max (s)", "start_s", fmt_s)
    add("first cell after start, median (s)", "first_cell_s", "median", fmt_s)
    add("start to first result, median (s)", "start_to_first_result_s", "median", fmt_s)
    add_range("  min-max (s)", "start_to_first_result_s", fmt_s)
    add(f"trivial cell '1+1' p50 (ms, n={len(reference.cells)})", "trivial_cell_s", "p50", fmt_ms)
    add("trivial cell p90 (ms)", "trivial_cell_s", "p90", fmt_ms)
    add("trivial cell mean (ms)", "trivial_cell_s", "mean", fmt_ms)
    add_range("  min-max (ms)", "trivial_cell_s", fmt_ms)
    add("empty cell '' p50 (ms)", "empty_cell_s", "p50", fmt_ms)
    add("kernel_info round trip p50 (ms)", "kernel_info_roundtrip_s", "p50", fmt_ms)
    add("shutdown, median (s)", "shutdown_s", "median", fmt_s)

    header = ["metric"] + cols
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    line = "  ".join(h.ljust(widths[0]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(header))
    print()
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(r)))

    # targets, for the main ProcLab kernel (the first subject)
    main = subjects[0]
    ms, rs = stats[main.label], stats[reference.label]
    targets = [
        (f"{main.label} start median <= {START_TARGET_S} s",
         fmt_s(ms["start_s"]["median"]) + " s", ms["start_s"]["median"] <= START_TARGET_S),
        (f"{main.label} start median <= {START_RATIO_TARGET:g}x {reference.label}'s",
         f"{ms['start_s']['median'] / rs['start_s']['median']:.2f}x",
         ms["start_s"]["median"] <= START_RATIO_TARGET * rs["start_s"]["median"]),
        (f"{main.label} trivial-cell p50 <= {CELL_RATIO_TARGET:g}x {reference.label}'s",
         f"{ms['trivial_cell_s']['p50'] / rs['trivial_cell_s']['p50']:.2f}x",
         ms["trivial_cell_s"]["p50"] <= CELL_RATIO_TARGET * rs["trivial_cell_s"]["p50"]),
    ]
    print()
    print("targets:")
    for name, value, ok in targets:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}  (measured: {value})")
    return stats, [{"target": n, "measured": v, "pass": ok} for n, v, ok in targets]


# ---------------------------------------------------------------------------------------------


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Start time and trivial-cell round trip of the ProcLab kernel next to ipykernel.")
    p.add_argument("--runs", type=int, default=200, help="timed '1+1' round trips per kernel (default 200)")
    p.add_argument("--warmup", type=int, default=20, help="untimed '1+1' runs per kernel first (default 20)")
    p.add_argument("--settle", type=float, default=45, metavar="SECONDS",
                   help="before the trivial-cell runs, run one cell on each kernel and leave them idle this long "
                        "(a student reading the notebook; ProcLab warms its compiler up then); 0 measures kernels "
                        "that never had an idle moment (default 45)")
    p.add_argument("--starts", type=int, default=5, help="timed starts per kernel (default 5)")
    p.add_argument("--warmup-starts", type=int, default=1,
                   help="untimed starts per kernel first, to warm the file cache (default 1)")
    p.add_argument("--java-home", help="run the ProcLab kernel with this JDK (a temporary kernelspec variant)")
    p.add_argument("--jvm-arg", action="append", default=[], metavar="FLAG",
                   help="extra JVM flag for the ProcLab kernel (repeatable)")
    p.add_argument("--variant", action="append", default=[], metavar="LABEL=FLAGS",
                   help="also measure a ProcLab variant with these extra JVM flags (shell-quoted), "
                        "e.g. 'c1=-XX:TieredStopAtLevel=1'; repeatable; no targets apply to variants")
    p.add_argument("--extra-kernel", action="append", default=[], metavar="LABEL=KERNELSPEC",
                   help="also measure another installed kernelspec (e.g. a ProcLab build under test); repeatable")
    p.add_argument("--proclab-kernel", default="proclab", help="ProcLab kernelspec name (default proclab)")
    p.add_argument("--python-kernel", default="python3", help="ipykernel kernelspec name (default python3)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for any one answer (default 60)")
    p.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                   help="first wait up to SECONDS for the CPUs to be idle (< 10%% busy for 3 s)")
    p.add_argument("--json", metavar="OUT", help="write machine-readable results (with every sample) here")
    p.add_argument("--check", action="store_true", help="exit with status 1 when a target fails")
    p.add_argument("--show-kernel-output", dest="quiet_kernels", action="store_false",
                   help="let the kernels' stdout/stderr through (hidden by default)")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    if args.runs < 1 or args.starts < 1 or args.warmup < 0 or args.warmup_starts < 0:
        sys.exit("kernel_latency: --runs and --starts must be >= 1, warm-ups >= 0")
    workdir = tempfile.mkdtemp(prefix="kernel-latency-")
    variants_dir = os.path.join(workdir, "kernels")
    os.makedirs(variants_dir)
    ksm = KernelSpecManager()
    ksm.kernel_dirs = [variants_dir] + list(ksm.kernel_dirs)
    bench = Bench(args, workdir)
    failed = False
    try:
        try:
            base = ksm.get_kernel_spec(args.proclab_kernel)
            ksm.get_kernel_spec(args.python_kernel)
        except NoSuchKernel as e:
            sys.exit(f"kernel_latency: {e}. Install ProcLab's kernelspec (./proclab install --user, or "
                     "--prefix DIR and JUPYTER_PATH=DIR/share/jupyter) and ipykernel's.")
        java = None
        if args.java_home:
            java = os.path.join(args.java_home, "bin", "java")
            if not os.access(java, os.X_OK):
                sys.exit(f"kernel_latency: no executable {java}")
        main_spec = args.proclab_kernel
        if java or args.jvm_arg:
            main_spec = proclab_variant(base, "proclab-bench", java, args.jvm_arg, variants_dir)
        main_label = "ProcLab"
        kernels = [KernelUnderTest(main_label, main_spec, ksm)]
        for v in args.variant:
            label, sep, flags = v.partition("=")
            if not sep or not label:
                sys.exit(f"kernel_latency: --variant wants LABEL=FLAGS, got {v!r}")
            name = proclab_variant(base, f"proclab-variant-{len(kernels)}", java,
                                   args.jvm_arg + shlex.split(flags), variants_dir)
            kernels.append(KernelUnderTest(f"ProcLab[{label}]", name, ksm))
        for extra in args.extra_kernel:
            label, sep, name = extra.partition("=")
            if not sep or not label or not name:
                sys.exit(f"kernel_latency: --extra-kernel wants LABEL=KERNELSPEC, got {extra!r}")
            try:
                kernels.append(KernelUnderTest(label, name, ksm))
            except NoSuchKernel as e:
                sys.exit(f"kernel_latency: {e}")
        reference = KernelUnderTest("ipykernel", args.python_kernel, ksm, is_reference=True)
        kernels.append(reference)

        if args.wait_idle > 0:
            wait_for_idle(args.wait_idle, bench.log)
        env = environment(kernels)
        load = LoadMeter()
        bench.log(f"kernel_latency: {len(kernels)} kernels; {args.starts} starts each "
                  f"(+{args.warmup_starts} warm-up), {args.runs} '1+1' runs each (+{args.warmup} warm-up)")
        for k in kernels:
            bench.log(f"  {k.label}: {' '.join(k.argv)}")
        bench.log("start times:")
        bench.measure_starts(kernels)
        bench.log("trivial cell round trips:")
        bench.measure_cells(kernels)
        env["loadavg_after"] = os.getloadavg()
        env["other_cpu_load"] = load.others()

        print(f"\nkernel latency, {env['date']}, {env['nproc']} CPUs ({env['cpu']}), {env['os']}, "
              f"Python {platform.python_version()}, jupyter_client {env['jupyter_client']}, "
              f"ipykernel {env['ipykernel']}")
        for k in kernels:
            lang = k.info.get("language_info", {})
            what = (f"{k.info.get('implementation', '?')} {k.info.get('implementation_version', '?')}, "
                    f"{lang.get('name', '?')} {lang.get('version', '?')}")
            print(f"  {k.label:<20} {what}  [{k.argv[0]}{' ' + ' '.join(a for a in k.argv[1:] if a.startswith('-XX')) if not k.is_reference else ''}]")
        stats, targets = report(kernels, reference, args)
        other = env["other_cpu_load"]
        if other is not None:
            note = ("" if other < 0.15 else
                    "  <-- WARNING: the machine was not idle; the figures are disturbed (use --wait-idle)")
            print(f"\nother processes used {other:.2f} of {env['nproc']} CPUs on average during the run{note}")
        failed = not all(t["pass"] for t in targets)
    finally:
        bench.stop_all()
        leftovers = bench.leftovers()
        bench.ctx.destroy(linger=0)
        if leftovers:
            print("kernel_latency: LEFTOVER kernel processes:\n  " + "\n  ".join(leftovers), file=sys.stderr)
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\nkernel processes started: {len(bench.pids)}; still running after the run (pgrep): {len(leftovers)}")
    if args.json:
        out = {
            "environment": env,
            "settings": {"runs": args.runs, "warmup": args.warmup, "settle": args.settle, "starts": args.starts,
                         "warmup_starts": args.warmup_starts, "code": TRIVIAL_CODE},
            "kernels": {k.label: {"spec": k.spec_name, "argv": k.argv, "kernel_info": k.info,
                                  "stats": stats[k.label],
                                  "samples": {"start_s": k.starts, "first_cell_s": k.first_cells,
                                              "start_to_first_result_s": k.to_first_result,
                                              "shutdown_s": k.shutdowns, "trivial_cell_s": k.cells,
                                              "empty_cell_s": k.empty_cells,
                                              "kernel_info_roundtrip_s": k.info_rts}}
                        for k in kernels},
            "targets": targets,
            "leftover_processes": leftovers,
        }
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1, default=str)
        print(f"results written to {args.json}")
    if leftovers:
        return 2
    return 1 if (failed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
