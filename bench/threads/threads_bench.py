"""Threads and the kernel's footprint under a limit (issue 21, decision 030), through real kernels:

1. stop: a cell starts N threads (a third sleep, a third wait on a latch, a few spin, the rest sleep),
   then waits; the stop button (interrupt_request) is pressed. Prints the seconds from the interrupt to
   the cell's execute_reply, and until no thread of the cell is left, for each of R rounds.
2. bomb: under MEM_LIMIT, a cell starts sleeping threads in an endless loop; prints how long until the
   kernel stopped it, the error's first line, and the most threads the kernel process had.
3. idle: an idle kernel's RSS (VmRSS) S seconds after one cell, with the default idle warm-up (the
   variable PROCLAB_WARMUP_SNIPPETS unset), without a limit and under MEM_LIMIT.

Python's baseline runs in the same run, through ipykernel (the `python3` kernelspec, Debian's
python3-ipykernel): the same stop of a cell with N threads (once, in a fresh kernel: Python cannot end
threads, so they stay), and an idle ipykernel's RSS.

Needs the kernelspec on JUPYTER_PATH (see README.md here).
"""
import argparse
import os
import queue
import sys
import threading
import time

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = "proclab"
PYTHON_KERNEL = "python3"
SPINNING = 20


def env_with(**settings):
    env = {k: v for k, v in os.environ.items() if k not in ("PROCLAB_WARMUP_SNIPPETS", "MEM_LIMIT")}
    env.update({k: str(v) for k, v in settings.items()})
    return env


class Kernel:
    def __init__(self, env, name=KERNEL_NAME):
        self.km, self.kc = start_new_kernel(kernel_name=name, startup_timeout=120, env=env)
        provisioner = getattr(self.km, "provisioner", None)
        self.pid = provisioner.process.pid if provisioner is not None else self.km.kernel.pid

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def send(self, code):
        return self.kc.execute(code)

    def wait(self, msg_id, until=None, timeout=120):
        """Reads iopub until msg_id's cell is idle (or, with until, until stdout contains it); returns
        (time, stdout, error content). At idle it also takes the execute_reply off the shell channel
        (self.last_count: its execution count)."""
        stdout, error = "", None
        deadline = time.monotonic() + timeout
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"no answer to {msg_id} in {timeout} s")
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                stdout += msg["content"]["text"]
                if until is not None and until in stdout:
                    return time.monotonic(), stdout, error
            elif msg["msg_type"] == "error":
                error = msg["content"]
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle" and until is None:
                idle_at = time.monotonic()
                reply = self.kc.get_shell_msg(timeout=timeout)
                while reply["parent_header"].get("msg_id") != msg_id:
                    reply = self.kc.get_shell_msg(timeout=timeout)
                self.last_count = reply["content"].get("execution_count")
                return idle_at, stdout, error

    def run(self, code, timeout=120):
        return self.wait(self.send(code), timeout=timeout)

    def status(self, field):
        with open(f"/proc/{self.pid}/status") as status:
            return int(next(line for line in status if line.startswith(field)).split()[1])

    def cell_threads(self, count):
        _, out, _ = self.run("{ var groups = new ThreadGroup[10_000];\n"
                             "  int n = Thread.currentThread().getThreadGroup().getParent().enumerate(groups, false);\n"
                             f"  System.out.println(java.util.Arrays.stream(groups, 0, n).filter(g -> g.getName().equals(\"cell-{count}\"))"
                             ".mapToInt(ThreadGroup::activeCount).sum()); }")
        return int(out)


def thread_mix(threads):
    """How many of the stopped cell's threads sleep and how many wait; SPINNING more spin."""
    sleeping = (threads - SPINNING) // 2
    return sleeping, threads - SPINNING - sleeping


def stop_rounds(threads, rounds):
    kernel = Kernel(env_with(PROCLAB_WARMUP_SNIPPETS=0))
    try:
        kernel.run("var never = new java.util.concurrent.CountDownLatch(1);")
        sleeping, waiting = thread_mix(threads)
        code = ("{\n"
                f"  for (int i = 0; i < {sleeping}; i++) new Thread(() -> {{ try {{ Thread.sleep(1_000_000); }} catch (InterruptedException e) {{ }} }}).start();\n"
                f"  for (int i = 0; i < {waiting}; i++) new Thread(() -> {{ try {{ never.await(); }} catch (InterruptedException e) {{ }} }}).start();\n"
                f"  for (int i = 0; i < {SPINNING}; i++) new Thread(() -> {{ while (true) {{ }} }}).start();\n"
                "  System.out.println(\"all started\");\n  never.await();\n}")
        for round_number in range(1, rounds + 1):
            msg_id = kernel.send(code)
            kernel.wait(msg_id, until="all started")
            peak = kernel.status("Threads")
            pressed = time.monotonic()
            kernel.km.interrupt_kernel()
            replied, _, error = kernel.wait(msg_id)
            count = kernel.last_count
            while kernel.cell_threads(count):
                time.sleep(0.05)
            gone = time.monotonic()
            print(f"stop round {round_number}: {peak} threads in the kernel; reply {replied - pressed:.2f} s after"
                  f" the interrupt ({error and error['ename']}); no thread of the cell left after {gone - pressed:.2f} s",
                  flush=True)
    finally:
        kernel.close()


def python_stop(threads):
    """Python's baseline: ipykernel stops the same cell; its threads cannot be ended, so they stay."""
    kernel = Kernel(env_with(), PYTHON_KERNEL)
    try:
        sleeping, waiting = thread_mix(threads)
        _, before, _ = kernel.run("import threading, time\nnever = threading.Event()\nprint(threading.active_count())")
        msg_id = kernel.send(
            "def spin():\n    while True:\n        pass\n"
            f"for _ in range({sleeping}): threading.Thread(target=time.sleep, args=(1_000_000,), daemon=True).start()\n"
            f"for _ in range({waiting}): threading.Thread(target=never.wait, daemon=True).start()\n"
            f"for _ in range({SPINNING}): threading.Thread(target=spin, daemon=True).start()\n"
            "print('all started', flush=True)\nnever.wait()")
        kernel.wait(msg_id, until="all started")
        peak = kernel.status("Threads")
        pressed = time.monotonic()
        kernel.km.interrupt_kernel()
        replied, _, error = kernel.wait(msg_id)
        after = ""
        while not after.strip():  # ipykernel aborts what arrives just after an error; ask again
            _, after, _ = kernel.run("print(threading.active_count())")
        print(f"Python (ipykernel) stop: {peak} threads in the kernel; reply {replied - pressed:.2f} s after the"
              f" interrupt ({error and error['ename']}); {int(after) - int(before)} threads of the cell still there"
              " (Python cannot end a thread)", flush=True)
    finally:
        kernel.close()


def bomb(mem_limit):
    kernel = Kernel(env_with(PROCLAB_WARMUP_SNIPPETS=0, MEM_LIMIT=mem_limit))
    try:
        kernel.run("1")
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], kernel.status("Threads"))
                time.sleep(0.01)

        sampler = threading.Thread(target=sample)
        sampler.start()
        started = time.monotonic()
        ended, _, error = kernel.run("while (true) new Thread(() -> { try { Thread.sleep(1_000_000); }"
                                     " catch (InterruptedException e) { } }).start();")
        done.set()
        sampler.join()
        print(f"bomb under MEM_LIMIT={mem_limit}: stopped after {ended - started:.2f} s, at most {peak[0]} threads"
              f" in the kernel; {error and error['ename']}: {error and error['evalue'][:110]}...", flush=True)
    finally:
        kernel.close()


def idle(settle, mem_limit):
    for label, env, name in (("no limit", env_with(), KERNEL_NAME),
                             (f"MEM_LIMIT={mem_limit}", env_with(MEM_LIMIT=mem_limit), KERNEL_NAME),
                             ("Python (ipykernel)", env_with(), PYTHON_KERNEL)):
        kernel = Kernel(env, name)
        try:
            kernel.run("1 + 1")
            samples = []
            for _ in range(settle // 5):
                time.sleep(5)
                samples.append(kernel.status("VmRSS") // 1024)
            print(f"idle kernel, {label}{', default warm-up' if name == KERNEL_NAME else ''}: RSS {samples[-1]} MB {settle} s after one cell"
                  f" (every 5 s: {samples})", flush=True)
        finally:
            kernel.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=3000, help="threads of the stopped cell (3000)")
    parser.add_argument("--rounds", type=int, default=3, help="stop rounds (3)")
    parser.add_argument("--mem-limit", type=int, default=1 << 30, help="MEM_LIMIT of the bomb and idle kernels (1 GiB)")
    parser.add_argument("--settle", type=int, default=90, help="seconds an idle kernel is left before its RSS is read (90)")
    parser.add_argument("--only", choices=("stop", "bomb", "idle"), help="run one part")
    args = parser.parse_args()
    os.environ.pop("PROCLAB_WARMUP_SNIPPETS", None)
    with open("/proc/loadavg") as load:
        print(f"load average before: {load.read().split()[0]} (other work on the machine shows in the figures)")
    if args.only in (None, "stop"):
        stop_rounds(args.threads, args.rounds)
        python_stop(args.threads)
    if args.only in (None, "bomb"):
        bomb(args.mem_limit)
    if args.only in (None, "idle"):
        idle(args.settle, args.mem_limit)


if __name__ == "__main__":
    sys.exit(main())
