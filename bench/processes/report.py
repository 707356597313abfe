#!/usr/bin/python3
"""Prints the table of bench/processes/run.sh from its RESULT lines (see README.md)."""
import argparse
import os
import platform
import statistics
import time
from collections import defaultdict

PY_CONTEXTS = ["spawn", "fork", "forkserver"]


def load(path):
    samples = defaultdict(list)  # (who, metric) -> [seconds]
    info = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == "RESULT":
                samples[(parts[1], parts[2])].append(float(parts[3]))
            elif parts and parts[0] == "INFO" and " ".join(parts[1:]) not in info:
                info.append(" ".join(parts[1:]))
    return samples, info


def med(samples, who, metric):
    values = samples.get((who, metric))
    return statistics.median(values) if values else None


def low(samples, who, metric):
    values = samples.get((who, metric))
    return min(values) if values else None


def count(samples, who, metric):
    return len(samples.get((who, metric), []))


def seconds(value):
    if value is None:
        return "—"
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def med_min(samples, who, metric):
    m = med(samples, who, metric)
    return "—" if m is None else f"{seconds(m)} (min {seconds(low(samples, who, metric))}, n={count(samples, who, metric)})"


def rate(samples, who, metric, items):
    m = med(samples, who, metric)
    return None if m is None else items / m


def rate_text(value, samples, who, metric):
    return "—" if value is None else f"{value:,.0f}/s ({seconds(med(samples, who, metric))})"


def verdict(ok, detail=""):
    """PASS or FAIL with the figures; n/a when a figure the target needs was not measured in this run."""
    if ok is None:
        return "n/a" + (f" ({detail})" if detail else "")
    return ("PASS" if ok else "FAIL") + f" ({detail})"


def values(samples, who, metric):
    return samples.get((who, metric), [])


def out_of(hits, total):
    return "—" if not total else f"{hits} of {total}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    for option in ["--label", "--java", "--java-options", "--jar", "--python", "--rounds", "--load-before", "--other-cpu",
                   "--start"]:
        parser.add_argument(option, default="")
    parser.add_argument("--race-increments", type=int, default=100_000)
    args = parser.parse_args()
    s, info = load(args.results)

    def table(rows):
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for n, r in enumerate(rows):
            print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
            if n == 0:
                print("|" + "|".join("-" * (w + 2) for w in widths) + "|")

    other = ""
    if args.other_cpu:
        b0, b1, o0, o1, t0, t1, hz = (float(v) for v in args.other_cpu.split())
        wall = t1 - t0
        others = max(0.0, ((b1 - b0) - (o1 - o0)) / hz / wall)
        other = f"; wall {wall:.0f} s; CPU used by other processes during the run: {others:.2f} of {os.cpu_count()} CPUs"
    cpu_model = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu_model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    print()
    if args.label:
        print(f"## {args.label}")
    print(f"processes benchmark, {time.strftime('%Y-%m-%d %H:%M %z')}, {platform.node()}, {os.cpu_count()} CPUs "
          f"({cpu_model}), {platform.system()} {platform.release()}")
    print(f"Java {args.java}; parent options: {args.java_options or '(none)'}; jar {args.jar}; ProcLab start method: {args.start or 'spawn'}")
    print(f"Python {args.python}; rounds {args.rounds}; load average before {args.load_before}{other}")
    for line in info:
        print(f"sizes: {line}")
    print("figures: median (min, number of samples) over all rounds; Java and Python alternated round by round\n")

    py = [f"python-{c}" for c in PY_CONTEXTS]
    header = ["measurement", "ProcLab (Java)", "Python spawn", "Python fork", "Python forkserver"]
    rows = [header]
    rows.append(["Q3 start+join, 1 line"] + [med_min(s, w, "q3") for w in ["java"] + py])
    rows.append(["Q4 whole: Pool(4), map 1..10, close"] + [med_min(s, w, "q4") for w in ["java"] + py])
    for phase, text in [("start", "  Q4: Pool(4) created"), ("map", "  Q4: map"), ("close", "  Q4: leave block")]:
        rows.append([text] + [seconds(med(s, w, "q4." + phase)) for w in ["java"] + py])
    r_java = rate(s, "java", "map200k", 200_000)
    r_py = rate(s, "python-spawn", "map200k", 200_000)
    c_java = rate(s, "java", "map20k.c1", 20_000)
    c_py = rate(s, "python-spawn", "map20k.c1", 20_000)
    rows.append(["map x*2, 200k ints, default chunksize, Pool(2), after 3 s of maps", rate_text(r_java, s, "java", "map200k"),
                 rate_text(r_py, s, "python-spawn", "map200k"), "", ""])
    rows.append(["  first map of 200k on the fresh pool", seconds(med(s, "java", "map200k.first")),
                 seconds(med(s, "python-spawn", "map200k.first")), "", ""])
    rows.append(["  tenth map of 200k", seconds(med(s, "java", "map200k.tenth")),
                 seconds(med(s, "python-spawn", "map200k.tenth")), "", ""])
    rows.append(["map x*2, 20k ints, chunksize 1, Pool(2), warm", rate_text(c_java, s, "java", "map20k.c1"),
                 rate_text(c_py, s, "python-spawn", "map20k.c1"), "", ""])
    rows.append(["  first chunksize-1 map on the pool", seconds(med(s, "java", "map20k.c1.first")),
                 seconds(med(s, "python-spawn", "map20k.c1.first")), "", ""])
    speedup = {}
    for w in ["java", "python-spawn"]:
        serial, pool = med(s, w, "cpu.serial"), med(s, w, "cpu.pool2")
        speedup[w] = serial / pool if serial and pool else None
    rows.append(["CPU-bound: serial", seconds(med(s, "java", "cpu.serial")), seconds(med(s, "python-spawn", "cpu.serial")), "", ""])
    rows.append(["CPU-bound: Pool(2)", seconds(med(s, "java", "cpu.pool2")), seconds(med(s, "python-spawn", "cpu.pool2")), "", ""])
    rows.append(["CPU-bound: speed-up", *(("—" if speedup[w] is None else f"{speedup[w]:.2f}×") for w in ["java", "python-spawn"]), "", ""])
    rows += four_rows(s, ["java"] + py)
    rows += race_rows(s, args.race_increments)
    rows.append(["exit: System.exit(3) / sys.exit(3) in the child until join() returns"]
                + [med_min(s, w, "exit.code") for w in ["java", "python-spawn"]] + ["", ""])
    rows.append(["exit: terminate() of a sleeping child until join() returns"]
                + [med_min(s, w, "exit.terminate") for w in ["java", "python-spawn"]] + ["", ""])
    table(rows)

    print()
    targets = [["target", "result"]] + start_targets(s, warm=args.start == "warm")
    targets.append(["map 200k tasks/s ≥ 2 × Python's (same chunksize, 25,000)",
                    verdict(None if not (r_java and r_py) else r_java >= 2 * r_py,
                            f"{r_java / r_py:.2f} × Python's" if r_java and r_py else "")])
    targets.append(["map chunksize 1 tasks/s ≥ Python's",
                    verdict(None if not (c_java and c_py) else c_java >= c_py,
                            f"{c_java / c_py:.2f} × Python's" if c_java and c_py else "")])
    targets.append(["CPU-bound speed-up on Pool(2) ≥ 1.8×",
                    verdict(None if speedup["java"] is None else speedup["java"] >= 1.8,
                            "" if speedup["java"] is None else f"{speedup['java']:.2f}×"
                            + ("" if speedup["python-spawn"] is None else f"; Python {speedup['python-spawn']:.2f}×"))])
    targets += concurrency_targets(s, warm=args.start == "warm")
    table(targets)
    floor_table(s, table, warm=args.start == "warm")


def four_rows(s, who):
    """Four processes started in a loop (~35 ms of CPU each), then joined: the whole, when each
    start() returned, and whether the four ran at the same time (pairs of overlapping run intervals)."""
    def starts(w):
        ms = [med(s, w, f"four.start{k}") for k in range(1, 5)]
        return "—" if None in ms else " / ".join(f"{m * 1000:.0f}" for m in ms) + " ms"

    def pairs(w):
        overlaps = values(s, w, "four.overlaps")
        return "—" if not overlaps else f"{sum(overlaps):.0f} of {6 * len(overlaps)}"

    def sequential(w):
        overlaps = values(s, w, "four.overlaps")
        return out_of(sum(1 for v in overlaps if v == 0), len(overlaps))

    return [["four at once: start 4 processes (~35 ms of CPU each) in a loop, join all; whole"]
            + [med_min(s, w, "four") for w in who],
            ["  start() returned, 1st / 2nd / 3rd / 4th, from the loop's start (medians)"] + [starts(w) for w in who],
            ["  each process's work (its run interval)"] + [med_min(s, w, "four.work") for w in who],
            ["  overlapping pairs of run intervals, summed over the runs (of 6 per run)"] + [pairs(w) for w in who],
            ["  runs that ran the four one after another (0 pairs)"] + [sequential(w) for w in who]]


def race_rows(s, increments):
    """Two processes incrementing a shared int: rounds that lost updates, how many, and whether the
    two loops ran at the same time at all."""
    who = ["java", "python-spawn"]

    def lossy(w, metric):
        lost = values(s, w, metric)
        return out_of(sum(1 for v in lost if v > 0), len(lost))

    def mean_lost(w):
        lost = values(s, w, "race.lost")
        return "—" if not lost else f"{statistics.mean(lost):,.0f}"

    def overlapped(w):
        overlaps = values(s, w, "race.overlap")
        return out_of(sum(1 for v in overlaps if v > 0), len(overlaps))

    return [[f"race: 2 × {increments:,} unlocked v.set(v.get() + 1) / v.value += 1; rounds that lost updates"]
            + [lossy(w, "race.lost") for w in who] + ["", ""],
            ["  updates lost per round (mean)"] + [mean_lost(w) for w in who] + ["", ""],
            ["  rounds in which the two loops ran at the same time"] + [overlapped(w) for w in who] + ["", ""],
            ["race: getAndAdd(1) / under get_lock(); rounds that lost updates"]
            + [lossy(w, "race.atomic.lost") for w in who] + ["", ""]]


def start_targets(s, warm):
    """Issue 3's start targets as restated: SPAWN against the floor of the JVM itself, WARM against
    Python's forkserver (its closest relative). The start method not measured in this run is n/a."""
    q3j, q4j = med(s, "java", "q3"), med(s, "java", "q4")
    one, four = med(s, "java", "floor.one"), med(s, "java", "floor.four")
    q3fs, q4fs = med(s, "python-forkserver", "q3"), med(s, "python-forkserver", "q4")
    other = "this run measured {} starts".format("WARM" if warm else "SPAWN")

    def spawn_target(q, floor, margin):
        if warm:
            return verdict(None, other)
        if q is None or floor is None:
            return verdict(None)
        return verdict(q <= floor + margin, f"{seconds(q)} vs {seconds(floor)} + {margin * 1000:.0f} ms")

    def warm_target(q, forkserver, cap=None):
        if not warm:
            return verdict(None, other)
        if q is None or forkserver is None:
            return verdict(None)
        ok = q <= forkserver and (cap is None or q <= cap)
        return verdict(ok, f"{seconds(q)} vs {seconds(forkserver)}" + ("" if cap is None else f" and {seconds(cap)}"))

    return [["Q3 SPAWN median ≤ the floor (a hello-world JVM alone) + 40 ms", spawn_target(q3j, one, 0.040)],
            ["Q3 WARM median ≤ Python forkserver's and ≤ 12 ms", warm_target(q3j, q3fs, 0.012)],
            ["Q4 SPAWN median ≤ the floor (four hello-world JVMs at once) + 100 ms", spawn_target(q4j, four, 0.100)],
            ["Q4 WARM median ≤ Python forkserver's", warm_target(q4j, q4fs)]]


def concurrency_targets(s, warm):
    """The targets of the rows that show processes at work together: four at once, the race, the exit.
    The time of four at once is a target for the default start method (WARM) only."""
    targets = []
    fj, fp = med(s, "java", "four"), med(s, "python-spawn", "four")
    targets.append(["four at once (default start method, WARM): whole median ≤ 1.5 × Python spawn's",
                    verdict(None, "this run measured SPAWN starts") if not warm else
                    verdict(None if fj is None or fp is None else fj <= 1.5 * fp,
                            f"{seconds(fj)} vs 1.5 × {seconds(fp)}" if fj is not None and fp is not None else "")])
    pj, pp = values(s, "java", "four.overlaps"), values(s, "python-spawn", "four.overlaps")
    targets.append(["four at once: overlapping pairs, summed over the runs, ≥ Python spawn's",
                    verdict(None if not pj or not pp else sum(pj) >= sum(pp),
                            f"{sum(pj):.0f} vs {sum(pp):.0f}" if pj and pp else "")])
    targets.append(["four at once: no ProcLab run ran the four one after another",
                    verdict(None if not pj else all(v > 0 for v in pj),
                            f"{sum(1 for v in pj if v == 0)} of {len(pj)} sequential" if pj else "")])
    lj, lp = values(s, "java", "race.lost"), values(s, "python-spawn", "race.lost")
    lossy_j, lossy_p = sum(1 for v in lj if v > 0), sum(1 for v in lp if v > 0)
    targets.append(["race: ProcLab loses updates in at least as many rounds as Python spawn",
                    verdict(None if not lj or not lp else lossy_j >= lossy_p,
                            f"{lossy_j} of {len(lj)} vs {lossy_p} of {len(lp)}" if lj and lp else "")])
    aj = values(s, "java", "race.atomic.lost")
    targets.append(["race: getAndAdd(1) loses no updates",
                    verdict(None if not aj else not any(aj),
                            f"{sum(1 for v in aj if v > 0)} of {len(aj)} rounds lost updates" if aj else "")])
    for metric, what in [("exit.code", "System.exit(3) in the child"), ("exit.terminate", "terminate()")]:
        m = med(s, "java", metric)
        targets.append([f"exit: join() returns within 50 ms of {what} (median)",
                        verdict(None if m is None else m <= 0.050, seconds(m) if m is not None else "")])
    return targets


def floor_table(s, table, warm):
    """The floor under the starts: what starting and ending the interpreter alone costs, beside Q3
    and Q4 (spawn), and a bare exit (what is left of a warm start's end)."""
    if med(s, "java", "floor.one") is None and med(s, "python-interpreter", "floor.one") is None:
        return

    def above(total, floor):
        return "—" if total is None or floor is None else seconds(total - floor)

    who = ["java", "python-interpreter"]
    rows = [["start and the floor under it", "Java", "Python"]]
    if not warm:
        for seed, metric, together in [("Q3", "q3", "floor.one"), ("Q4", "q4", "floor.four")]:
            totals = [med(s, "java", metric), med(s, "python-spawn", metric)]
            floors = [med(s, w, together) for w in who]
            what = "one hello-world interpreter" if together == "floor.one" else "four hello-world interpreters at once"
            rows.append([f"{seed} (above; ProcLab / Python spawn)"] + [seconds(t) for t in totals])
            rows.append([f"  floor: {what} (JVM / python3), start + exit"] + [med_min(s, w, together) for w in who])
            rows.append([f"  {seed} above its floor"] + [above(t, f) for t, f in zip(totals, floors)])
    rows.append(["a hello-world interpreter's exit, from its line to the parent seeing it end"]
                + [med_min(s, w, "floor.exit") for w in who])
    print()
    table(rows)

if __name__ == "__main__":
    main()
