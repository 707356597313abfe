"""Memory of a kernel and of the JVMs it keeps waiting (the WARM start method), beside Python's forkserver.

Starts the installed ProcLab kernel (kernelspec "proclab", or --kernel NAME) and measures, with RSS and
PSS from /proc/PID/smaps_rollup (PSS shares each shared page among the processes that map it, so it is
what a process really adds):
  1. the idle kernel after one trivial cell;
  2. after a cell that starts four processes and joins them (the reservoir learns a burst of four);
  3. after Process.setStartMethod(StartMethod.SPAWN), which retires the waiting JVMs.
Then the same for Python: a parent that starts four processes with the forkserver context, and its
fork server, which waits for the next start as ProcLab's reservoir does.

usage: python3 bench/processes/reservoir_memory.py [--kernel NAME] [--settle SECONDS]
"""
import argparse
import multiprocessing
import os
import time

from jupyter_client.manager import start_new_kernel


def memory(pid):
    """(RSS, PSS) of pid in MB."""
    rss = pss = 0
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) // 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) // 1024
    return rss, pss


def children(pid, marker):
    """Pids of the live children of pid whose command line contains marker."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z" and marker in command:
            found.append(int(entry))
    return found


def row(label, parent, others):
    parent_rss, parent_pss = memory(parent)
    sizes = [memory(pid) for pid in others]
    each = ", ".join(f"{rss}/{pss}" for rss, pss in sizes) or "none"
    total_rss = parent_rss + sum(rss for rss, _ in sizes)
    total_pss = parent_pss + sum(pss for _, pss in sizes)
    print(f"| {label} | {parent_rss} / {parent_pss} MB | {len(sizes)}: {each} | {total_rss} / {total_pss} MB |")


def proclab(kernel, settle):
    km, kc = start_new_kernel(kernel_name=kernel)
    pid = km.provisioner.process.pid

    def run(code):
        reply = kc.execute_interactive(code, timeout=120, output_hook=lambda message: None)
        assert reply["content"]["status"] == "ok", reply["content"]

    try:
        run("1 + 1")
        time.sleep(settle)
        row("ProcLab kernel, idle after one cell", pid, children(pid, b"ChildMain"))
        run("var started = new ArrayList<Process>();\n"
            "for (int i = 0; i < 4; i++) { var p = new Process(() -> { }); p.start(); started.add(p); }\n"
            "for (var p : started) p.join();")
        time.sleep(settle)
        row("ProcLab kernel after a cell that started 4 processes (WARM)", pid, children(pid, b"ChildMain"))
        run("Process.setStartMethod(StartMethod.SPAWN);")
        time.sleep(settle)
        row("ProcLab kernel after setStartMethod(SPAWN)", pid, children(pid, b"ChildMain"))
    finally:
        km.shutdown_kernel(now=True)
        kc.stop_channels()


def nothing():
    pass


def python(settle):
    context = multiprocessing.get_context("forkserver")
    started = [context.Process(target=nothing) for _ in range(4)]
    for process in started:
        process.start()
    for process in started:
        process.join()
    time.sleep(settle)
    row("Python parent after starting 4 processes (forkserver), and its server", os.getpid(),
        children(os.getpid(), b"forkserver"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="proclab")
    parser.add_argument("--settle", type=float, default=8.0, help="seconds to wait before each reading")
    options = parser.parse_args()
    print("| state | parent RSS / PSS | waiting processes: RSS/PSS each (MB) | all RSS / PSS |")
    print("|---|---|---|---|")
    proclab(options.kernel, options.settle)
    python(options.settle)


if __name__ == "__main__":
    main()
