"""The limits a kernel is given, through the real kernel: JupyterHub's MEM_LIMIT and CPU_LIMIT size its
children (decision 029); the memory limits the threads its cells may have (decision 030)."""
import os
import time

from conftest import execute, fresh_kernel, ok, run_and_interrupt


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


# Under a hub the limit covers the single-user server too (decision 029, amended): with MEM_LIMIT=700 MB and
# JUPYTERHUB_USER set, the server keeps 128 MiB beside the kernel's 200 MiB, 339 MiB are left and 3 children
# fit, so a Pool(4) is refused with the limit named as shared with the server.
def test_under_a_hub_the_server_has_its_share_of_the_memory_limit():
    with fresh_kernel(env={**os.environ, "MEM_LIMIT": "700000000", "JUPYTERHUB_USER": "student"}) as (_, kc):
        out = execute(kc, "var pool = new Pool(4);", timeout=60)
        assert out.status == "error" and out.error["ename"] == "ProcessStartException", out
        assert "this kernel's memory limit of 667 MiB (MEM_LIMIT, shared with the Jupyter server) leaves room" \
               " for 3 child JVMs" in out.error["evalue"], out.error["evalue"]
        assert "the Jupyter server ~128 MiB" in out.error["evalue"], out.error["evalue"]
        assert "use Pool(3) or fewer" in out.error["evalue"], out.error["evalue"]


# Under CPU_LIMIT=1 a new Pool() has one worker, however many cores the machine has.
def test_new_pool_has_as_many_workers_as_the_cpu_limit():
    with fresh_kernel(env={**os.environ, "CPU_LIMIT": "1"}) as (_, kc):
        out = ok(kc, "try (var pool = new Pool()) {\n"
                     "    System.out.println(pool.workers().size() + \" \" + pool.map(x -> x + 1, List.of(1, 2)));\n"
                     "}", timeout=120)
        assert out.stdout == "1 [2, 3]\n", out


# A cell's live threads, counted in the kernel from the thread group of cell [count] (decision 002: a thread
# belongs to the cell that started it, in the group "cell-N" under the group of all cells' threads).
def cell_threads(kc, count):
    return int(ok(kc, "{\n"
                      "    var groups = new ThreadGroup[10_000];\n"
                      "    int n = Thread.currentThread().getThreadGroup().getParent().enumerate(groups, false);\n"
                      f"    System.out.println(java.util.Arrays.stream(groups, 0, n).filter(g -> g.getName().equals(\"cell-{count}\"))\n"
                      "            .mapToInt(ThreadGroup::activeCount).sum());\n"
                      "}").stdout)


def wait_until_no_threads_of(kc, count, timeout=30):
    """Waits until cell [count] has no live thread left; returns how many are left at the deadline (0: none)."""
    deadline = time.monotonic() + timeout
    left = cell_threads(kc, count)
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = cell_threads(kc, count)
    return left


# A cell that starts threads in an endless loop is stopped when the cells' threads reach the kernel's limit
# (decision 030: a quarter of MEM_LIMIT=700 MB at 128 KiB a thread, 1,335 threads), with an error that names
# the limit; the kernel then works, and no thread of that cell is left.
def test_a_thread_bomb_is_stopped_at_the_thread_limit_named_in_the_error():
    with fresh_kernel(env={**os.environ, "MEM_LIMIT": "700000000"}) as (_, kc):
        ok(kc, "int beforeTheBomb = 21;", timeout=60)
        out = execute(kc, "while (true) {\n"
                          "    new Thread(() -> { try { Thread.sleep(1_000_000); } catch (InterruptedException e) { } }).start();\n"
                          "}", timeout=120)
        assert out.status == "error" and out.error["ename"] == "ThreadLimitError", out
        assert "the kernel's limit of 1,335 live threads (a quarter of its memory limit of 667 MiB (MEM_LIMIT)" \
               in out.error["evalue"], out.error["evalue"]
        assert "was stopped by the kernel" in "\n".join(out.error["traceback"]), out.error
        bomb = out.reply["content"]["execution_count"]
        assert ok(kc, "beforeTheBomb * 2").result == "42"
        assert wait_until_no_threads_of(kc, bomb) == 0


# The stop button ends a cell whose ~3,000 threads sleep, wait on a latch or spin, and every one of them ends;
# the kernel then works. (The 1-s figure is bench/threads's: here the outcome counts, not the time.)
def test_the_stop_button_ends_a_cell_with_thousands_of_threads():
    with fresh_kernel() as (km, kc):
        ok(kc, "var never = new java.util.concurrent.CountDownLatch(1);", timeout=60)
        code = ("{\n"
                "    for (int i = 0; i < 1500; i++) new Thread(() -> { try { Thread.sleep(1_000_000); } catch (InterruptedException e) { } }).start();\n"
                "    for (int i = 0; i < 1450; i++) new Thread(() -> { try { never.await(); } catch (InterruptedException e) { } }).start();\n"
                "    for (int i = 0; i < 50; i++) new Thread(() -> { while (true) { } }).start();\n"
                "    System.out.println(\"3000 threads\");\n"
                "    never.await();\n"
                "}")
        out, _ = run_and_interrupt(kc, code, "3000 threads", km.interrupt_kernel)
        assert out.status == "error" and out.error["ename"] == "Interrupted", out
        assert wait_until_no_threads_of(kc, out.reply["content"]["execution_count"]) == 0
        assert ok(kc, "6 * 7").result == "42"
