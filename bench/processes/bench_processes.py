#!/usr/bin/python3
"""Python baseline for bench/processes: the same workloads as the Java programs in java/.

Prints one "RESULT python-CONTEXT METRIC SECONDS" (or COUNT) line per timed run, like the Java programs.

    bench_processes.py q3  [--warmup 2] [--reps 10]   spawn, fork, forkserver
    bench_processes.py q4  [--warmup 1] [--reps 5]    spawn, fork, forkserver
    bench_processes.py map [--warmup-seconds 3] [--reps 5] [--warmup-c1 4] [--reps-c1 3]   spawn
                                                      (steady state does not depend on the start method)
    bench_processes.py cpu [--warmup 1] [--reps 3] [--n 55000] [--items 16]
    bench_processes.py floor [--warmup 2] [--reps 5]  python3 itself: hello world, alone and four at once
    bench_processes.py four [--warmup 1] [--reps 3] [--n 40000]   spawn, fork, forkserver: four processes
                                                      started in a loop, ~35 ms of CPU each, joined
    bench_processes.py race [--reps 10] [--increments 100000]    spawn: two processes, unlocked increments
    bench_processes.py exit [--warmup 1] [--reps 3]   spawn: from sys.exit(3) / terminate() to join()

--contexts spawn,fork,forkserver chooses the start methods.
"""
import argparse
import multiprocessing as mp
import subprocess
import sys
import time


def hello():
    print("messaging process running", flush=True)


def square(x):
    return x * x


def double(x):
    return x * 2


def count_primes(n):
    count = 0
    for candidate in range(2, n):
        d = 2
        prime = True
        while d * d <= candidate:
            if candidate % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count


def timed_primes(intervals, slot, n):
    """four: count primes below n, noting the work's start and end (epoch seconds: comparable
    across processes, unlike perf_counter) in intervals[slot] and intervals[slot + 1]."""
    intervals[slot] = time.time()
    count_primes(n)
    intervals[slot + 1] = time.time()


def unlocked_increments(counter, increments, intervals, slot):
    """race: the unlocked read-modify-write; counter is a Value made with lock=False."""
    intervals[slot] = time.time()
    for _ in range(increments):
        counter.value += 1
    intervals[slot + 1] = time.time()


def locked_increments(counter, increments):
    """race: the fix, as ProcLab's getAndAdd(1): each read-modify-write under the Value's lock."""
    for _ in range(increments):
        with counter.get_lock():
            counter.value += 1


def note_time_and_exit(exit_called):
    exit_called.value = time.time()
    sys.exit(3)


def say_running_and_sleep(running):
    running.value = 1
    time.sleep(60)


def overlapping_pairs(intervals):
    """How many pairs of the run intervals [start0, end0, start1, end1, ...] overlap (as Bench.java)."""
    spans = [(intervals[i], intervals[i + 1]) for i in range(0, len(intervals), 2)]
    return sum(1 for a in range(len(spans)) for b in range(a + 1, len(spans))
               if max(spans[a][0], spans[b][0]) < min(spans[a][1], spans[b][1]))


def result(ctx_name, metric, value):
    """value: seconds, or a count (an int, printed as one)."""
    text = value if isinstance(value, int) else f"{value:.9f}"
    print(f"RESULT python-{ctx_name} {metric} {text}", flush=True)


def q3(ctx, name, args):
    """Seed Q3: start + join of a process that prints one line, from a warm parent."""
    for i in range(args.warmup + args.reps):
        t0 = time.perf_counter()
        p = ctx.Process(target=hello)
        p.start()
        p.join()
        elapsed = time.perf_counter() - t0
        assert p.exitcode == 0, p.exitcode
        if i >= args.warmup:
            result(name, "q3", elapsed)


def q4(ctx, name, args):
    """Seed Q4 whole: Pool(4), map square over 1..10, leave the with-block (terminate())."""
    for i in range(args.warmup + args.reps):
        t0 = time.perf_counter()
        with ctx.Pool(4) as pool:
            t1 = time.perf_counter()
            squares = pool.map(square, range(1, 11))
            t2 = time.perf_counter()
        t3 = time.perf_counter()
        assert squares == [x * x for x in range(1, 11)]
        if i >= args.warmup:
            result(name, "q4", t3 - t0)
            result(name, "q4.start", t1 - t0)
            result(name, "q4.map", t2 - t1)
            result(name, "q4.close", t3 - t2)


def timed_map(pool, items):
    t0 = time.perf_counter()
    doubled = pool.map(double, items)
    elapsed = time.perf_counter() - t0
    assert len(doubled) == len(items) and doubled[-1] == 2 * (len(items) - 1)
    return elapsed


def map_throughput(ctx, name, args):
    """Steady-state map of x*2 on an open Pool(2): 200,000 ints (default chunksize), 20,000 at chunksize 1."""
    big = list(range(200_000))
    small = list(range(20_000))
    with ctx.Pool(2) as pool:
        warmup_end = time.perf_counter() + args.warmup_seconds
        maps = 0
        while True:
            elapsed = timed_map(pool, big)
            maps += 1
            if maps == 1:
                result(name, "map200k.first", elapsed)
            elif maps == 10:
                result(name, "map200k.tenth", elapsed)
            if time.perf_counter() >= warmup_end:
                break
        for _ in range(args.reps):
            result(name, "map200k", timed_map(pool, big))
        for i in range(args.warmup_c1 + args.reps_c1):
            t0 = time.perf_counter()
            doubled = pool.map(double, small, chunksize=1)
            elapsed = time.perf_counter() - t0
            assert len(doubled) == len(small) and doubled[-1] == 2 * (len(small) - 1)
            if i == 0:
                result(name, "map20k.c1.first", elapsed)
            if i >= args.warmup_c1:
                result(name, "map20k.c1", elapsed)


def cpu(ctx, name, args):
    """CPU-bound: ITEMS items counting primes below N, serially here and over an open Pool(2)."""
    items = [args.n] * args.items
    with ctx.Pool(2) as pool:
        for i in range(args.warmup + args.reps):
            t0 = time.perf_counter()
            serial = sum(count_primes(x) for x in items)
            t1 = time.perf_counter()
            parallel = sum(pool.map(count_primes, items))
            t2 = time.perf_counter()
            assert serial == parallel
            if i >= args.warmup:
                result(name, "cpu.serial", t1 - t0)
                result(name, "cpu.pool2", t2 - t1)
    print(f"INFO python cpu N={args.n} items={args.items}")


def floor(_ctx, name, args):
    """The floor under any start: this python3 started and waited for, printing one line; alone
    (under Q3; also its exit, from the line to its end) and four at once (under Q4's four workers).
    As java/InterpreterFloor.java for a JVM."""
    hello = [sys.executable, "-c", "print('messaging process running')"]

    def one():
        t0 = time.perf_counter()
        p = subprocess.Popen(hello, stdout=subprocess.PIPE)
        assert p.stdout.readline()
        printed = time.perf_counter()
        assert p.wait() == 0
        end = time.perf_counter()
        p.stdout.close()
        return end - t0, end - printed

    def together(count):
        t0 = time.perf_counter()
        started = [subprocess.Popen(hello, stdout=subprocess.DEVNULL) for _ in range(count)]
        assert all(p.wait() == 0 for p in started)
        return time.perf_counter() - t0

    for i in range(args.warmup + args.reps):
        (alone, exit), four = one(), together(4)
        if i >= args.warmup:
            result(name, "floor.one", alone)
            result(name, "floor.exit", exit)
            result(name, "floor.four", four)


def four(ctx, name, args):
    """Four at once: start four processes in a loop, each counting primes below N (~35 ms), join
    all four (as java/FourAtOnce.java)."""
    for i in range(args.warmup + args.reps):
        intervals = ctx.Array("d", 8)
        processes = []
        started = []
        t0 = time.perf_counter()
        for k in range(4):
            p = ctx.Process(target=timed_primes, args=(intervals, 2 * k, args.n))
            p.start()
            started.append(time.perf_counter() - t0)
            processes.append(p)
        for p in processes:
            p.join()
        whole = time.perf_counter() - t0
        assert all(p.exitcode == 0 for p in processes), [p.exitcode for p in processes]
        run = intervals[:]
        if i >= args.warmup:
            result(name, "four", whole)
            for k in range(4):
                result(name, f"four.start{k + 1}", started[k])
                result(name, "four.work", run[2 * k + 1] - run[2 * k])
            result(name, "four.overlaps", overlapping_pairs(run))
    print(f"INFO python four N={args.n}")


def start_and_join(ctx, *targets):
    processes = [ctx.Process(target=target, args=target_args) for target, target_args in targets]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
        assert p.exitcode == 0, p.exitcode


def race(ctx, name, args):
    """The race lesson: two processes x INCREMENTS unlocked `v.value += 1` on a Value('i', lock=False),
    then the same under get_lock() (as java/Race.java with getAndAdd(1)); REPS rounds."""
    n = args.increments
    for _ in range(args.reps):
        counter = ctx.Value("i", 0, lock=False)
        intervals = ctx.Array("d", 4)
        start_and_join(ctx, (unlocked_increments, (counter, n, intervals, 0)),
                       (unlocked_increments, (counter, n, intervals, 2)))
        result(name, "race.lost", 2 * n - counter.value)
        result(name, "race.overlap", overlapping_pairs(intervals[:]))
        locked = ctx.Value("i", 0)
        start_and_join(ctx, (locked_increments, (locked, n)), (locked_increments, (locked, n)))
        result(name, "race.atomic.lost", 2 * n - locked.value)


def exit_seen(ctx, name, args):
    """From the child's sys.exit(3) to join() returning, and from terminate() of a sleeping child to
    join() returning (as java/ExitSeen.java)."""
    for i in range(args.warmup + args.reps):
        exit_called = ctx.Value("d", 0.0)
        p = ctx.Process(target=note_time_and_exit, args=(exit_called,))
        p.start()
        p.join()
        exit_to_join = time.time() - exit_called.value
        assert p.exitcode == 3, p.exitcode

        running = ctx.Value("i", 0)
        p = ctx.Process(target=say_running_and_sleep, args=(running,))
        p.start()
        while running.value == 0:
            time.sleep(0.001)
        t0 = time.perf_counter()
        p.terminate()
        p.join()
        terminate_to_join = time.perf_counter() - t0
        assert p.exitcode == -15, p.exitcode
        if i >= args.warmup:
            result(name, "exit.code", exit_to_join)
            result(name, "exit.terminate", terminate_to_join)


BENCHMARKS = {"q3": (q3, 2, 10, "spawn,fork,forkserver"),
              "q4": (q4, 1, 5, "spawn,fork,forkserver"),
              "map": (map_throughput, 8, 5, "spawn"),
              "cpu": (cpu, 1, 3, "spawn"),
              "floor": (floor, 2, 5, "interpreter"),
              "four": (four, 1, 3, "spawn,fork,forkserver"),
              "race": (race, 0, 10, "spawn"),
              "exit": (exit_seen, 1, 3, "spawn")}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmark", choices=BENCHMARKS)
    parser.add_argument("--warmup", type=int)
    parser.add_argument("--reps", type=int)
    parser.add_argument("--contexts")
    parser.add_argument("--warmup-seconds", type=float, default=3.0,
                        help="map: untimed maps of 200k for this long first (as MapThroughput.java)")
    parser.add_argument("--warmup-c1", type=int, default=4, help="map: untimed runs at chunksize 1")
    parser.add_argument("--reps-c1", type=int, default=3, help="map: timed runs at chunksize 1")
    parser.add_argument("--items", type=int, default=16, help="cpu: item count")
    parser.add_argument("--n", type=int, help="cpu: count primes below N per item (default 55000); "
                        "four: per process (default 40000, ~35 ms)")
    parser.add_argument("--increments", type=int, default=100_000, help="race: increments per process")
    args = parser.parse_args()
    function, warmup, reps, contexts = BENCHMARKS[args.benchmark]
    args.warmup = warmup if args.warmup is None else args.warmup
    args.reps = reps if args.reps is None else args.reps
    if args.n is None:
        args.n = 40_000 if args.benchmark == "four" else 55_000
    for name in (args.contexts or contexts).split(","):
        function(None if name == "interpreter" else mp.get_context(name), name, args)


if __name__ == "__main__":
    main()
