"""The limits a kernel is given, through the real kernel: JupyterHub's MEM_LIMIT and CPU_LIMIT size its
children (decision 029)."""
import os

from conftest import execute, fresh_kernel, ok


# Under MEM_LIMIT=700 MB (on any number of cores up to 4: 467 MiB for children, 4 children with a 52 MiB heap)
# a pool larger than what fits is refused at once with the limit and what fits; a small pool still maps, and
# its workers have the smaller heap.
def test_a_small_memory_limit_refuses_a_large_pool_and_runs_a_small_one():
    with fresh_kernel(env={**os.environ, "MEM_LIMIT": "700000000"}) as (_, kc):
        out = execute(kc, "var big = new Pool(16);", timeout=60)
        assert out.status == "error" and out.error["ename"] == "ProcessStartException", out
        assert "Pool(16) needs 16 child JVMs, but this kernel's memory limit of 667 MiB (MEM_LIMIT) leaves room" \
               " for 4 child JVMs" in out.error["evalue"], out.error["evalue"]
        assert "use Pool(4) or fewer" in out.error["evalue"], out.error["evalue"]

        out = ok(kc, "try (var pool = new Pool(2)) {\n"
                     "    System.out.println(pool.map(x -> x * x, List.of(1, 2, 3)));\n"
                     "    System.out.println(pool.map(x -> Runtime.getRuntime().maxMemory() >> 20, List.of(1)).get(0));\n"
                     "}", timeout=120)
        squares, heap_mib = out.stdout.split("\n")[:2]
        assert squares == "[1, 4, 9]", out
        assert int(heap_mib) <= 52, out


# Under CPU_LIMIT=1 a new Pool() has one worker, however many cores the machine has.
def test_new_pool_has_as_many_workers_as_the_cpu_limit():
    with fresh_kernel(env={**os.environ, "CPU_LIMIT": "1"}) as (_, kc):
        out = ok(kc, "try (var pool = new Pool()) {\n"
                     "    System.out.println(pool.workers().size() + \" \" + pool.map(x -> x + 1, List.of(1, 2)));\n"
                     "}", timeout=120)
        assert out.stdout == "1 [2, 3]\n", out
