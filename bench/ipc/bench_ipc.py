#!/usr/bin/python3
"""Python baseline for bench/ipc: the same workloads as the Java programs in java/.

Prints one "RESULT python-CONTEXT METRIC SECONDS ITEMS" line per timed run, like the Java programs.
Every run starts fresh child processes; only the messaging is timed: each child announces itself
on a shared counter and waits for the parent's go, and the clock runs from the go until the parent
has received the last item (or, for the Value, until both children said they are done).

    bench_ipc.py queue [--n 100000]   a child puts N small ints on a Queue, the parent gets them
    bench_ipc.py pipe  [--n 100000]   a child sends N small ints through a Pipe, the parent receives them
    bench_ipc.py bytes [--n 300]      a child sends N 1 MiB blobs with send_bytes, the parent recv_bytes them
    bench_ipc.py value [--n 200000]   two children each do N times: with v.get_lock(): v.value += 1

--warmup W (untimed runs, default 1), --reps R (timed runs, default 3),
--contexts spawn,fork (the start methods, default both).
"""
import argparse
import multiprocessing as mp
import time

MIB = 1 << 20
PAUSE = 20e-6


class StartLine:
    """Lines up the children and the parent so that only messaging is timed (see the module doc)."""

    def __init__(self, ctx):
        self.ready = ctx.Value("i", 0)
        self.go = ctx.Value("i", 0)
        self.done = ctx.Value("i", 0)

    def arrive_and_wait(self):
        with self.ready.get_lock():
            self.ready.value += 1
        while not self.go.value:
            time.sleep(PAUSE)

    def go_when_ready(self, children):
        while self.ready.value < children:
            time.sleep(0.001)
        self.go.value = 1
        return time.perf_counter()

    def finished(self):
        with self.done.get_lock():
            self.done.value += 1

    def await_finished(self, children):
        while self.done.value < children:
            time.sleep(PAUSE)
        return time.perf_counter()


def put_ints(queue, line, n):
    line.arrive_and_wait()
    for i in range(n):
        queue.put(i)


def send_ints(connection, line, n):
    line.arrive_and_wait()
    for i in range(n):
        connection.send(i)


def send_blobs(connection, line, n):
    blob = bytes(MIB)
    line.arrive_and_wait()
    for _ in range(n):
        connection.send_bytes(blob)


def increment_locked(value, line, n):
    line.arrive_and_wait()
    for _ in range(n):
        with value.get_lock():
            value.value += 1
    line.finished()


def check(received, expected, what):
    if received != expected:
        raise SystemExit(f"wrong result for {what}: {received} instead of {expected}")


def queue_ints(ctx, n):
    queue, line = ctx.Queue(), StartLine(ctx)
    child = ctx.Process(target=put_ints, args=(queue, line, n))
    child.start()
    t0 = line.go_when_ready(1)
    total = 0
    for _ in range(n):
        total += queue.get()
    elapsed = time.perf_counter() - t0
    child.join()
    check(total, n * (n - 1) // 2, "queue")
    return elapsed, n


def pipe_ints(ctx, n):
    receiving, sending = ctx.Pipe()
    line = StartLine(ctx)
    child = ctx.Process(target=send_ints, args=(sending, line, n))
    child.start()
    t0 = line.go_when_ready(1)
    total = 0
    for _ in range(n):
        total += receiving.recv()
    elapsed = time.perf_counter() - t0
    child.join()
    check(total, n * (n - 1) // 2, "pipe")
    return elapsed, n


def pipe_blobs(ctx, n):
    receiving, sending = ctx.Pipe()
    line = StartLine(ctx)
    child = ctx.Process(target=send_blobs, args=(sending, line, n))
    child.start()
    t0 = line.go_when_ready(1)
    received = 0
    for _ in range(n):
        received += len(receiving.recv_bytes())
    elapsed = time.perf_counter() - t0
    child.join()
    check(received, n * MIB, "bytes")
    return elapsed, n


def locked_value(ctx, n):
    value, line = ctx.Value("i", 0), StartLine(ctx)
    children = [ctx.Process(target=increment_locked, args=(value, line, n)) for _ in range(2)]
    for child in children:
        child.start()
    t0 = line.go_when_ready(2)
    t1 = line.await_finished(2)
    for child in children:
        child.join()
    check(value.value, 2 * n, "value")
    return t1 - t0, 2 * n


BENCHMARKS = {"queue": (queue_ints, "queue.ints", 100_000),
              "pipe": (pipe_ints, "pipe.ints", 100_000),
              "bytes": (pipe_blobs, "pipe.mib", 300),
              "value": (locked_value, "value.locked", 200_000)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmark", choices=BENCHMARKS)
    parser.add_argument("--n", type=int)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--contexts", default="spawn,fork")
    args = parser.parse_args()
    function, metric, default_n = BENCHMARKS[args.benchmark]
    n = default_n if args.n is None else args.n
    for name in args.contexts.split(","):
        ctx = mp.get_context(name)
        for i in range(args.warmup + args.reps):
            seconds, items = function(ctx, n)
            if i >= args.warmup:
                print(f"RESULT python-{name} {metric} {seconds:.9f} {items}", flush=True)


if __name__ == "__main__":
    main()
