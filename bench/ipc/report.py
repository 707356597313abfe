#!/usr/bin/python3
"""Prints the table of bench/ipc/run.sh from its RESULT and INFO lines (see README.md).

RESULT WHO METRIC SECONDS ITEMS: one timed run; its rate is ITEMS / SECONDS.
INFO java NAME not measured: REASON: a Java program run.sh could not compile yet.
"""
import argparse
import os
import platform
import statistics
import time
from collections import defaultdict

WHO = ["java", "python-spawn", "python-fork"]
# metric, what the row says, unit of the rate, benchmark name (for INFO lines), target text
MEASUREMENTS = [
    ("queue.ints", "Queue: small ints, child → parent", "msg/s", "queue", "Queue messages/s"),
    ("pipe.ints", "Pipe: small ints, one way", "msg/s", "pipe", "Pipe small messages/s"),
    ("pipe.mib", "Pipe: 1 MiB blobs, sendBytes/recvBytes", "MiB/s", "pipe", "Pipe throughput, 1 MiB blobs"),
    ("value.locked", "Value: locked increments, 2 processes", "incr/s", "value", "locked Value increments/s"),
]


def load(path):
    rates = defaultdict(list)  # (who, metric) -> [items per second]
    seconds = defaultdict(list)  # (who, metric) -> [seconds]
    not_measured = {}  # benchmark name -> reason
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == "RESULT":
                who, metric, secs, items = parts[1], parts[2], float(parts[3]), int(parts[4])
                rates[(who, metric)].append(items / secs)
                seconds[(who, metric)].append(secs)
            elif parts and parts[0] == "INFO" and parts[1] == "java":
                not_measured[parts[2]] = " ".join(parts[3:])
    return rates, seconds, not_measured


def median(samples, key):
    values = samples.get(key)
    return statistics.median(values) if values else None


def rate_text(rates, seconds, who, metric, unit):
    rate = median(rates, (who, metric))
    if rate is None:
        return "—"
    return f"{rate:,.0f} {unit} ({median(seconds, (who, metric)):.2f} s, n={len(rates[(who, metric)])})"


def ratio_text(java, python):
    return "—" if java is None or python is None else f"{java / python:.2f}×"


def table(rows):
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, r in enumerate(rows):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def other_cpu_text(other_cpu):
    if not other_cpu:
        return ""
    b0, b1, o0, o1, t0, t1, hz = (float(v) for v in other_cpu.split())
    wall = t1 - t0
    others = max(0.0, ((b1 - b0) - (o1 - o0)) / hz / wall)
    return f"; wall {wall:.0f} s; CPU used by other processes during the run: {others:.2f} of {os.cpu_count()} CPUs"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    for option in ["--label", "--java", "--java-options", "--jar", "--python", "--rounds", "--load-before", "--other-cpu"]:
        parser.add_argument(option, default="")
    args = parser.parse_args()
    rates, seconds, not_measured = load(args.results)

    print()
    if args.label:
        print(f"## {args.label}")
    print(f"IPC benchmark, {time.strftime('%Y-%m-%d %H:%M %z')}, {platform.node()}, {os.cpu_count()} CPUs "
          f"({cpu_model()}), {platform.system()} {platform.release()}")
    print(f"Java {args.java}; parent options: {args.java_options or '(none)'}; jar {args.jar}")
    print(f"Python {args.python}; rounds {args.rounds}; load average before {args.load_before}"
          f"{other_cpu_text(args.other_cpu)}")
    print("figures: median rate (median seconds of the timed part, number of runs); fresh child processes per run,"
          " only the messaging timed; Java and Python alternated round by round\n")

    rows = [["measurement", "ProcLab (Java)", "Python spawn", "Python fork", "Java / spawn", "Java / fork"]]
    for metric, text, unit, _, _ in MEASUREMENTS:
        java, spawn, fork = (median(rates, (who, metric)) for who in WHO)
        rows.append([text] + [rate_text(rates, seconds, who, metric, unit) for who in WHO]
                    + [ratio_text(java, spawn), ratio_text(java, fork)])
    table(rows)

    print()
    targets = [["target (issue)", "result"]]
    for metric, _, _, name, target in MEASUREMENTS:
        java, spawn = median(rates, ("java", metric)), median(rates, ("python-spawn", metric))
        if java is not None and spawn is not None:
            result = ("PASS" if java >= spawn else "FAIL") + f" ({java / spawn:.2f} × Python's)"
        elif name in not_measured:
            result = "not measured (" + not_measured[name].removeprefix("not measured: ") + ")"
        else:
            result = "not measured"
        targets.append([f"{target} ≥ Python spawn's", result])
    table(targets)


if __name__ == "__main__":
    main()
