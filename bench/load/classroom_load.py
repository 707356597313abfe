"""A classroom on one server: many ProcLab kernels at once, each running the seed Q4 pool in a loop.

Reports failures and memory: the RSS of an idle kernel (fresh, and again after the load), of an
idle child JVM (a Process that sleeps) and of an idle pool worker, and the peak RSS of all the
kernels with their children together. Used by run.sh (the full 20 kernels x 60 s) and, bounded,
by tests/test_reliability.py.

    JUPYTER_PATH=... /usr/bin/python3 bench/load/classroom_load.py --kernels 20 --seconds 60
"""
import argparse
import contextlib
import json
import os
import queue
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = "proclab"
# The seed Q4 cell (notebooks/04-what-is-a-pool.ipynb): a Pool(4) squares 1..10.
Q4_WORKER = "int worker(int num) {\n    return num * num;\n}"
Q4_CELL = ("List<Integer> results;\n"
           "try (var pool = new Pool(4)) {\n"
           "    var numbers = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);\n"
           "    results = pool.map(x -> worker(x), numbers);\n"
           "}\n"
           "System.out.println(results);")
Q4_PRINTS = "[1, 4, 9, 16, 25, 36, 49, 64, 81, 100]\n"


def rss_mb(pid):
    """Resident set size of pid in MB (VmRSS of /proc/PID/status), or None if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def parents():
    """{pid: parent pid} of every process now."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    found[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                pass
    return found


def descendants(pid, parent_of=None):
    """Pids of every live descendant of pid."""
    parent_of = parents() if parent_of is None else parent_of
    children = {}
    for child, parent in parent_of.items():
        children.setdefault(parent, []).append(child)
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def run_cell(kc, code, timeout):
    """Runs code; returns (status, stdout, error text or the cell's value)."""
    msg_id = kc.execute(code, allow_stdin=False)
    stdout, error, idle, reply = [], None, False, None
    deadline = time.monotonic() + timeout
    while not (idle and reply is not None):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return "timeout", "".join(stdout), f"no reply within {timeout} s"
        if reply is None:
            with contextlib.suppress(queue.Empty):
                msg = kc.get_shell_msg(timeout=0.01)
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply = msg
        with contextlib.suppress(queue.Empty):
            msg = kc.get_iopub_msg(timeout=min(0.2, remaining))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream" and content["name"] == "stdout":
                stdout.append(content["text"])
            elif kind == "execute_result":
                error = content["data"].get("text/plain")
            elif kind == "error":
                error = f"{content['ename']}: {content['evalue']}"
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
    return reply["content"]["status"], "".join(stdout), error


class Student:
    """One kernel and its Q4 loop."""

    def __init__(self, index):
        self.index = index
        self.km = self.kc = None
        # the cell each round runs, and what it must print
        self.cell, self.prints = Q4_CELL, Q4_PRINTS
        self.pid = None
        self.rounds = 0
        self.cell_seconds = []
        self.failures = []
        self.fresh_rss = self.idle_rss = self.child_rss = self.worker_rss = None

    def start(self, startup_timeout):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=startup_timeout)
        self.pid = self.km.provisioner.process.pid
        status, _, error = run_cell(self.kc, Q4_WORKER, startup_timeout)
        if status != "ok":
            raise RuntimeError(f"kernel {self.index}: {error}")

    def loop(self, until, cell_timeout):
        while time.monotonic() < until:
            started = time.monotonic()
            status, stdout, error = run_cell(self.kc, self.cell, cell_timeout)
            self.cell_seconds.append(time.monotonic() - started)
            self.rounds += 1
            if status != "ok" or stdout != self.prints:
                self.failures.append(f"kernel {self.index} round {self.rounds}: {status} {error or stdout!r}")

    def measure_child(self, settle, cell_timeout):
        """RSS of a child JVM that sleeps, and of a pool worker that waits for work, once settled."""
        code = ("var idleChild = new Process(() -> Thread.sleep(600_000));\nidleChild.start();\n"
                "var idlePool = new Pool(1);\nidlePool.map(x -> x, List.of(1));\n"
                "idleChild.pid() + \" \" + idlePool.workers().get(0).pid()")
        status, _, shown = run_cell(self.kc, code, cell_timeout)
        if status != "ok":
            self.failures.append(f"kernel {self.index} idle child: {shown}")
            return
        child, worker = (int(p) for p in shown.strip('"').split())
        time.sleep(settle)
        self.child_rss, self.worker_rss = rss_mb(child), rss_mb(worker)
        run_cell(self.kc, "idleChild.kill();\nidleChild.join();\nidlePool.close();", cell_timeout)

    def stop(self):
        with contextlib.suppress(Exception):
            self.kc.stop_channels()
        with contextlib.suppress(Exception):
            self.km.shutdown_kernel(now=False)
        with contextlib.suppress(Exception):
            if self.km.is_alive():
                self.km.shutdown_kernel(now=True)


class PeakSampler(threading.Thread):
    """Samples, once a second, the RSS of all kernels with all their descendants, and the machine's used memory.

    Also keeps each kernel's own peak (its process tree's summed RSS, by student index), which a
    per-student memory limit is checked against.
    """

    def __init__(self, students):
        super().__init__(daemon=True)
        self.students = students
        self.peak_total = 0.0
        self.peak_by_student = {}
        self.peak_processes = 0
        self.peak_used = 0.0
        self.stop_event = threading.Event()

    def run(self):
        while not self.stop_event.wait(1.0):
            parent_of = parents()
            pids = set()
            total = 0.0
            for s in self.students:
                if s.pid:
                    tree = {s.pid} | descendants(s.pid, parent_of)
                    tree_rss = sum(r for r in (rss_mb(p) for p in tree) if r is not None)
                    self.peak_by_student[s.index] = max(self.peak_by_student.get(s.index, 0.0), tree_rss)
                    pids |= tree
                    total += tree_rss
            self.peak_total = max(self.peak_total, total)
            self.peak_processes = max(self.peak_processes, len(pids))
            self.peak_used = max(self.peak_used, used_memory_mb())


def used_memory_mb():
    info = {}
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            key, value = line.split(":", 1)
            info[key] = int(value.split()[0])
    return (info["MemTotal"] - info["MemAvailable"]) / 1024


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return f"{min(values):.0f} / {statistics.median(values):.0f} / {max(values):.0f}"


def run(kernels, seconds, measured=3, startup_timeout=300, cell_timeout=300, settle=6.0, log=sys.stderr):
    """Runs the classroom; returns a report dict (see the keys below). Always stops every kernel.

    measured: in how many kernels the idle child and pool worker are measured, after the load.
    """
    students = [Student(i + 1) for i in range(kernels)]
    sampler = PeakSampler(students)
    report = {"kernels": kernels, "seconds": seconds, "cpus": os.cpu_count(),
              "load_before": os.getloadavg(), "used_before_mb": used_memory_mb()}
    try:
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=kernels) as pool:
            list(pool.map(lambda s: s.start(startup_timeout), students))
        report["start_all_s"] = time.monotonic() - started
        print(f"{kernels} kernels ready in {report['start_all_s']:.1f} s", file=log)
        time.sleep(settle)
        for s in students:
            s.fresh_rss = rss_mb(s.pid)
        sampler.start()
        until = time.monotonic() + seconds
        with ThreadPoolExecutor(max_workers=kernels) as pool:
            list(pool.map(lambda s: s.loop(until, cell_timeout), students))
        report["load_s"] = time.monotonic() - (until - seconds)
        sampler.stop_event.set()
        print(f"load done in {report['load_s']:.1f} s", file=log)
        time.sleep(settle)
        for s in students:
            s.idle_rss = rss_mb(s.pid)
        # idle children are measured on a quiet machine, a few kernels at a time
        for s in students[:measured]:
            s.measure_child(settle, cell_timeout)
    finally:
        sampler.stop_event.set()
        with ThreadPoolExecutor(max_workers=max(1, kernels)) as pool:
            list(pool.map(lambda s: s.stop(), students))
    report.update({
        "rounds": sum(s.rounds for s in students),
        "rounds_per_kernel": summary([s.rounds for s in students]),
        "failures": [f for s in students for f in s.failures],
        "fresh_kernel_rss_mb": summary([s.fresh_rss for s in students]),
        "idle_kernel_rss_mb": summary([s.idle_rss for s in students]),
        "idle_kernel_rss_max_mb": max((s.idle_rss or 0) for s in students),
        "idle_child_rss_mb": summary([s.child_rss for s in students]),
        "idle_child_rss_max_mb": max((s.child_rss or 0) for s in students),
        "idle_worker_rss_mb": summary([s.worker_rss for s in students]),
        "peak_tree_rss_mb": round(sampler.peak_total),
        "peak_processes": sampler.peak_processes,
        "peak_used_mb": round(sampler.peak_used),
        "kernel_pids": [s.pid for s in students if s.pid],
    })
    return report


def print_report(report, out=sys.stdout):
    print(f"ProcLab classroom load: {report['kernels']} kernels x {report['seconds']} s of the seed Q4 pool, "
          f"{report['cpus']} CPUs, load before {report['load_before'][0]:.2f}", file=out)
    rows = [
        ("kernels ready after (s)", f"{report['start_all_s']:.1f}"),
        ("Q4 rounds in all (per kernel min / median / max)", f"{report['rounds']} ({report['rounds_per_kernel']})"),
        ("failures", str(len(report["failures"]))),
        ("fresh idle kernel RSS, MB (min / median / max)", report["fresh_kernel_rss_mb"]),
        ("idle kernel RSS after the load, MB", report["idle_kernel_rss_mb"]),
        ("idle child JVM RSS (a sleeping Process), MB", report["idle_child_rss_mb"]),
        ("idle pool worker RSS, MB", report["idle_worker_rss_mb"]),
        ("peak RSS of all kernels and children, MB", str(report["peak_tree_rss_mb"])),
        ("peak processes (kernels + children)", str(report["peak_processes"])),
        ("peak memory used on the machine, MB", f"{report['peak_used_mb']} (before: {report['used_before_mb']:.0f})"),
    ]
    print_rows(rows, report["failures"], out)


def print_rows(rows, failures, out):
    """Prints (name, value) rows aligned, then the first ten failures."""
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"  {name.ljust(width)}  {value}", file=out)
    for failure in failures[:10]:
        print(f"  FAILURE: {failure}", file=out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernels", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", help="also write the report as JSON to this file")
    args = parser.parse_args()
    os.environ.setdefault("PROCLAB_WARMUP_SNIPPETS", "0")
    report = run(args.kernels, args.seconds)
    print_report(report)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    sys.exit(1 if report["failures"] else 0)


if __name__ == "__main__":
    main()
