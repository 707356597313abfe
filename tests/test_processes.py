"""Child processes from notebook cells, through the real kernel: Process, Process.current() and Pool.

Where processes race, the tests compare sets, not orders.
"""
import os
import signal
import time

import pytest

from conftest import (
    alive,
    proc_stat,
    assert_interrupted,
    collect,
    describe_alive,
    execute,
    fresh_kernel,
    kernel_pid,
    ok,
    run_and_interrupt,
    send_execute,
    wait_for_stream,
    wait_until_c2_compiled,
    wait_until_gone,
    waiting_jvms,
)

CHILD_MAIN = b"org.proclab.mp.spawn.ChildMain"


def children_of(pid):
    """Pids of the live ProcLab child JVMs whose parent is pid."""
    found = set()
    for entry in os.listdir("/proc"):
        fields = proc_stat(entry) if entry.isdigit() else None
        if fields is None or int(fields[1]) != pid or fields[0] == "Z":
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read()
        except OSError:
            continue
        if CHILD_MAIN in command:
            found.add(int(entry))
    return found


# Seed Q3: the child's line appears, before the parent's, in the cell (Python's notebook loses it).
def test_seed_q3_shows_both_lines_in_order(kc):
    ok(kc, 'void massenger() { System.out.println("messaging process running"); }')
    out = ok(kc, 'var p = new Process(() -> massenger());\np.start();\np.join();\n'
                 'System.out.println("messaging process finished");', timeout=60)
    assert out.stdout == "messaging process running\nmessaging process finished\n"


# A child JVM's class path is ProcLab's library alone, not the kernel's jar: a smaller jar opens faster,
# and the cells' classes come from the kernel (decision 022). The child's task still uses a cell's method.
def test_child_class_path_is_the_library_alone(kc):
    ok(kc, 'String where() { return System.getProperty("java.class.path"); }')
    out = ok(kc, 'var p = new Process(() -> System.out.println(where()));\np.start();\np.join();', timeout=60)
    assert os.path.basename(out.stdout.strip()) == "proclab-mp.jar", out.stdout


# Seed Q4: a Pool(4) squares 1..10 and the list prints in input order.
def test_seed_q4_pool_map(kc):
    ok(kc, "int worker(int n) { return n * n; }")
    out = ok(kc, "try (var pool = new Pool(4)) {\n"
                 "    System.out.println(pool.map(x -> worker(x), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));\n}",
             timeout=90)
    assert out.stdout == "[1, 4, 9, 16, 25, 36, 49, 64, 81, 100]\n"


# Seed Q6: four workers print "Process <name>: <n>" for 1..4, each number exactly once, from pool workers.
def test_seed_q6_pool_for_each(kc):
    ok(kc, 'void printNumber(int n) { System.out.println("Process " + Process.current().name() + ": " + n); }')
    out = ok(kc, "try (var pool = new Pool(4)) {\n    pool.forEach(n -> printNumber(n), List.of(1, 2, 3, 4));\n}",
             timeout=90)
    lines = out.stdout.splitlines()
    assert len(lines) == 4, out.stdout
    assert {line.rsplit(": ", 1)[1] for line in lines} == {"1", "2", "3", "4"}
    assert all(line.startswith("Process SpawnPoolWorker-") for line in lines), out.stdout


# Process.current() is MainProcess (the kernel's pid) in the kernel and the child's own name and pid in a child.
def test_current_process_names_and_pids(kernel, kc):
    km, _ = kernel
    main = ok(kc, "Process.current().name() + \" \" + Process.current().pid()").result.strip('"').split()
    assert main == ["MainProcess", str(kernel_pid(km))]
    out = ok(kc, 'var who = new Process(() -> System.out.println(Process.current().name() + " " + Process.current().pid()));\n'
                 'who.start();\nwho.join();\nwho.name() + " " + who.pid()', timeout=60)
    printed = out.stdout.split()
    assert printed == out.result.strip('"').split()
    assert printed[0].startswith("Process-") and printed[1] != str(kernel_pid(km))


# Exit codes follow Python: 0, 1 after an exception (its trace in the cell's stderr), n after System.exit(n),
# -15 after terminate(), -9 after kill().
@pytest.mark.parametrize("task, action, code", [
    pytest.param('() -> System.out.println("fine")', "", "0", id="success"),
    pytest.param('() -> { throw new IllegalStateException("boom"); }', "", "1", id="exception"),
    pytest.param("() -> System.exit(7)", "", "7", id="exit"),
    pytest.param("() -> Thread.sleep(60_000)", "q.terminate();", "-15", id="terminate"),
    pytest.param("() -> Thread.sleep(60_000)", "q.kill();", "-9", id="kill"),
])
def test_exit_codes(kc, task, action, code):
    out = ok(kc, f"var q = new Process({task});\nq.start();\n{action}\nq.join();\nq.exitCode()", timeout=60)
    assert out.result == code
    if code == "1":
        assert "Process Process-" in out.stderr and "IllegalStateException: boom" in out.stderr


# What a child prints arrives while it runs, not only when it is joined: after its early line the child
# waits for a file that the test creates only once that line has arrived.
def test_child_output_is_live(kc, tmp_path):
    gate = tmp_path / "early-line-arrived"
    ok(kc, 'var live = new Process(() -> {\n    System.out.println("early");\n'
           f'    while (!java.nio.file.Files.exists(java.nio.file.Path.of("{gate}"))) Thread.sleep(10);\n'
           '    System.out.println("late");\n});')
    msg_id = send_execute(kc, "live.start();\nlive.join();")
    try:
        prior = wait_for_stream(kc, msg_id, "early", timeout=60)
    except TimeoutError:
        pytest.fail("the early line did not arrive while the child ran")
    finally:
        gate.touch()
    out = collect(kc, msg_id, prior=prior, timeout=60)
    assert out.status == "ok" and out.stdout == "early\nlate\n", out


# A child runs the newest version of a redefined method, and uses records and enums of the notebook.
def test_child_uses_newest_definitions(kc):
    ok(kc, "int version() { return 1; }")
    ok(kc, "int version() { return 2; }")
    ok(kc, "record Point(int x, int y) implements java.io.Serializable {}\nenum Color { RED, GREEN }")
    out = ok(kc, 'var v = new Process(() -> System.out.println(version() + " " + new Point(1, 2) + " " + Color.GREEN));\n'
                 "v.start();\nv.join();", timeout=60)
    assert out.stdout == "2 Point[x=1, y=2] GREEN\n"


# A child gets a copy of the notebook variables it uses: changing the copy does not change the notebook.
def test_child_gets_a_copy_of_variables(kc):
    ok(kc, "int base = 10;\nList<Integer> numbers = new ArrayList<>(List.of(1, 2, 3));")
    out = ok(kc, 'var c = new Process(() -> { numbers.add(99); System.out.println(base + " " + numbers); });\n'
                 "c.start();\nc.join();\nnumbers", timeout=60)
    assert out.stdout == "10 [1, 2, 3, 99]\n"
    assert out.result == "[1, 2, 3]"


# A child can start a process of its own that runs notebook code: the child passes the notebook's
# classes on, with its own current copy of the variables they use; the notebook's value is untouched.
def test_grandchild_runs_notebook_code(kc):
    ok(kc, "int square(int x) { return x * x; }\nrecord Spot(int x, int y) implements java.io.Serializable {}\n"
           "int level = 1;")
    out = ok(kc, "var parent = new Process(() -> {\n    level = 2;\n"
                 '    var inner = new Process(() -> System.out.println(square(5) + " " + new Spot(1, 2) + " " + level));\n'
                 '    inner.start();\n    inner.join();\n    System.out.println("inner exit " + inner.exitCode());\n});\n'
                 "parent.start();\nparent.join();\nlevel", timeout=90)
    assert out.stdout == "25 Spot[x=1, y=2] 2\ninner exit 0\n"
    assert out.result == "1"


# Processes a child starts are numbered below it, as Python names them: Process-N's first is Process-N:1,
# and a pool worker SpawnPoolWorker-N's is Process-N:1 too; a custom name still takes a number.
def test_grandchildren_are_numbered_below_their_parent(kc):
    out = ok(kc, 'var elder = new Process(() -> {\n'
                 '    new Process(() -> { }, "custom");\n'
                 '    var inner = new Process(() -> System.out.println(Process.current().name()));\n'
                 '    inner.start();\n    inner.join();\n});\n'
                 'elder.start();\nelder.join();\nelder.name()', timeout=90)
    assert out.stdout == out.result.strip('"') + ":2\n", out.stderr
    out = ok(kc, 'String names;\ntry (var pool = new Pool(1)) {\n'
                 '    names = pool.apply(() -> Process.current().name() + " " + new Process(() -> { }).name());\n'
                 '}\nnames', timeout=90)
    worker, inner = out.result.strip('"').split()
    assert worker.startswith("SpawnPoolWorker-") and inner == "Process-" + worker.split("-")[1] + ":1"


# A captured value that cannot be serialized fails at start(), naming the variable and its type; no child starts
# (the JVMs the kernel keeps waiting may refill meanwhile).
def test_non_serializable_capture_fails_at_start(kernel, kc):
    km, _ = kernel
    before = children_of(kernel_pid(km))
    out = execute(kc, "{\n    Thread local = new Thread();\n    new Process(() -> System.out.println(local)).start();\n}")
    assert out.status == "error"
    assert out.error["ename"] == "NotSerializableValueException"
    assert "variable local of type java.lang.Thread" in out.error["evalue"]
    assert not children_of(kernel_pid(km)) - before - waiting_jvms(kc), "a child started"
    assert ok(kc, "1 + 1").result == "2"


# Misuse gets Python-like errors: starting twice, joining before start.
@pytest.mark.parametrize("code, words", [
    pytest.param('var twice = new Process(() -> {});\ntwice.start();\ntwice.start();', "twice", id="start-twice"),
    pytest.param("new Process(() -> {}).join();", "start", id="join-before-start"),
])
def test_misuse_errors(kc, code, words):
    out = execute(kc, code, timeout=60)
    assert out.status == "error" and out.error["ename"] == "IllegalStateException"
    assert words in out.error["evalue"]


# An exception in a pool task fails map() with the task's exception type and message.
def test_pool_task_exception(kc):
    out = execute(kc, "try (var pool = new Pool(2)) {\n    pool.map(x -> 10 / x, List.of(1, 0, 2));\n}", timeout=90)
    assert out.status == "error"
    assert out.error["ename"] == "ArithmeticException" and out.error["evalue"] == "/ by zero"


# A pool worker killed mid-task fails the call within 1 s, naming the worker and the signal; the pool stays usable.
def test_pool_worker_killed_mid_task(kc):
    ok(kc, "var shared = new Pool(2);", timeout=90)
    out = ok(kc, "var slowRuns = new Event();\n"
                 "var slow = shared.applyAsync(() -> { slowRuns.set(); Thread.sleep(60_000); return 1; });\n"
                 "slowRuns.await();\n"
                 "var victim = shared.workers().stream().filter(w -> w.isAlive()).toList();\n"
                 "victim.size()", timeout=60)
    assert out.result == "2"
    failed = execute(kc, "long killedAt = System.nanoTime();\n"
                         "for (var w : shared.workers()) w.kill();\n"
                         "try { slow.get(); } catch (RuntimeException e) {\n"
                         "    System.out.println(e.getClass().getSimpleName() + \": \" + e.getMessage());\n"
                         "    System.out.println((System.nanoTime() - killedAt) / 1_000_000 + \" ms\");\n}", timeout=60)
    message, took = failed.stdout.splitlines()
    assert message.startswith("ChildDiedException: SpawnPoolWorker-") and "SIGKILL" in message
    assert int(took.split()[0]) < 1000
    assert ok(kc, "shared.map(x -> x + 1, List.of(1, 2, 3))", timeout=90).result == "[2, 3, 4]"
    ok(kc, "shared.close();", timeout=60)


# Interrupting a cell that joins a child returns within 1 s and kills the children that cell started.
def test_interrupt_during_join_kills_children(kernel, kc):
    km, _ = kernel
    code = ('{\n    var sleeper = new Process(() -> Thread.sleep(60_000));\n    sleeper.start();\n'
            '    System.out.println("joining");\n    sleeper.join();\n}')
    out, elapsed = run_and_interrupt(kc, code, "joining", km.interrupt_kernel)
    assert_interrupted(out, elapsed)
    left = children_of(kernel_pid(km)) - waiting_jvms(kc)
    assert wait_until_gone(left, 2), describe_alive(left, kc)


# Interrupting a cell in the middle of a pool map returns within 1 s.
def test_interrupt_during_map(kernel, kc):
    km, _ = kernel
    code = ('try (var pool = new Pool(2)) {\n    System.out.println("mapping");\n'
            '    pool.map(x -> { Thread.sleep(60_000); return x; }, List.of(1, 2));\n}')
    out, elapsed = run_and_interrupt(kc, code, "mapping", km.interrupt_kernel)
    assert_interrupted(out, elapsed)


# A cell that starts processes without end hits the limit of live children with a clear error; the kernel lives.
def test_process_bomb_hits_the_limit():
    with fresh_kernel() as (km, kc):
        out = execute(kc, "while (true) { new Process(() -> Thread.sleep(60_000)).start(); }", timeout=180)
        assert out.status == "error" and out.error["ename"] == "ProcessStartException"
        assert "limit" in out.error["evalue"]
        assert ok(kc, "6 * 7").result == "42"
        assert len(children_of(kernel_pid(km))) <= 4 * os.cpu_count()


# The stop button in the very first cell that starts a process does not break later ones: the socket that
# children connect back to, set up for that first process, is not the cell's to stop.
def test_interrupting_the_first_process_cell_leaves_processes_working():
    with fresh_kernel() as (km, kc):
        out, elapsed = run_and_interrupt(kc, 'var first = new Process(() -> Thread.sleep(60_000));\nfirst.start();\n'
                                             'System.out.println("joining");\nfirst.join();', "joining",
                                         km.interrupt_kernel)
        assert_interrupted(out, elapsed)
        out = ok(kc, 'var second = new Process(() -> System.out.println("still works"));\nsecond.start();\n'
                     'second.join();\nsecond.exitCode()', timeout=60)
        assert out.stdout == "still works\n" and out.result == "0", out


# terminate() ends a child busy in compiled counted loops (no safepoint checks unless the child's JVM keeps
# them) with -15 as promptly as any other child. The child calls the loops' method with short loops until
# its JIT has C2 code for it; then it goes on to a call that runs for ages, and is terminated in it.
def test_terminate_ends_a_child_busy_in_counted_loops(kc):
    ok(kc, "long countedLoops(int n) {\n    long sum = 0;\n"
           "    for (int i = 0; i < n; i++) {\n"
           "        for (int j = 0; j < n; j++) {\n            sum += i ^ j;\n        }\n    }\n"
           "    return sum;\n}")
    out = ok(kc, "var counterGo = new Event();\nvar counterCounts = new Event();\n"
                 "var counter = new Process(() -> {\n"
                 "    while (!counterGo.isSet()) countedLoops(2);\n    counterCounts.set();\n"
                 "    System.out.println(countedLoops(Integer.MAX_VALUE));\n});\n"
                 'counter.start();\n"" + counter.pid()', timeout=60)
    wait_until_c2_compiled(int(out.result.strip('"')), ".countedLoops(")
    out = ok(kc, "counterGo.set();\ncounterCounts.await();\ncounter.terminate();\n"
                 "counter.join(java.time.Duration.ofSeconds(2));\ncounter.exitCode()", timeout=60)
    assert out.result == "-15", out


# When the kernel is killed with SIGKILL, every child it started exits within 2 s, and so do the
# processes those children started.
def test_children_die_with_the_kernel():
    with fresh_kernel() as (km, kc):
        ok(kc, "for (int i = 0; i < 2; i++) { new Process(() -> Thread.sleep(60_000)).start(); }\n"
               "new Process(() -> { var inner = new Process(() -> Thread.sleep(60_000)); inner.start(); inner.join(); })"
               ".start();", timeout=90)
        children = children_of(kernel_pid(km)) - waiting_jvms(kc)
        assert len(children) == 3
        grandchildren, deadline = set(), time.monotonic() + 30
        while not grandchildren and time.monotonic() < deadline:
            time.sleep(0.1)
            grandchildren = set().union(*(children_of(child) for child in children))
        assert len(grandchildren) == 1
        os.kill(kernel_pid(km), signal.SIGKILL)
        assert wait_until_gone(children, 2), "children outlived the kernel"
        assert wait_until_gone(grandchildren, 2), "a child's child outlived the kernel"


# Shutting down or restarting the kernel leaves no child behind.
def test_restart_and_shutdown_leave_no_child():
    with fresh_kernel() as (km, kc):
        ok(kc, "new Process(() -> Thread.sleep(60_000)).start();", timeout=60)
        first = children_of(kernel_pid(km))
        assert len(first - waiting_jvms(kc)) == 1
        km.restart_kernel(now=False)
        assert wait_until_gone(first, 2)
        kc.wait_for_ready(timeout=60)
        ok(kc, "new Process(() -> Thread.sleep(60_000)).start();", timeout=60)
        second = children_of(kernel_pid(km))
        assert len(second - waiting_jvms(kc)) == 1
    assert wait_until_gone(second, 2)


# The WARM start method (like forkserver) runs processes and pools from JVMs the kernel keeps waiting;
# those waiting JVMs die with the kernel too, within 2 s of a kill -9.
def test_warm_start_method_and_its_reservoir():
    with fresh_kernel() as (km, kc):
        ok(kc, "Process.setStartMethod(StartMethod.WARM);")
        ok(kc, 'void massenger() { System.out.println("messaging process running"); }')
        waiting = ok(kc, "long until = System.currentTimeMillis() + 30_000;\n"
                         "while (MpContext.defaultContext().reservoir().readyCount() == 0 && System.currentTimeMillis() < until) {\n"
                         "    Thread.sleep(50);\n}\nMpContext.defaultContext().reservoir().readyCount() > 0", timeout=60)
        assert waiting.result == "true"
        out = ok(kc, 'var p = new Process(() -> massenger());\np.start();\np.join();\n'
                     'System.out.println("messaging process finished");\np.exitCode()', timeout=60)
        assert out.stdout == "messaging process running\nmessaging process finished\n"
        assert out.result == "0"
        out = ok(kc, "try (var pool = new Pool(2, StartMethod.WARM)) {\n"
                     "    System.out.println(pool.map(x -> x * x, List.of(1, 2, 3)));\n}", timeout=90)
        assert out.stdout == "[1, 4, 9]\n"
        refilled = ok(kc, "var reservoir = MpContext.defaultContext().reservoir();\n"
                          "long refilledBy = System.currentTimeMillis() + 30_000;\n"
                          "while (reservoir.readyCount() < reservoir.target() && System.currentTimeMillis() < refilledBy) {\n"
                          "    Thread.sleep(50);\n}\nreservoir.readyCount() + \" of \" + reservoir.target()", timeout=60)
        ready, target = (int(n) for n in refilled.result.strip('"').split(" of "))
        assert ready >= target > 0, f"the reservoir holds {ready} of {target} waiting JVMs"
        children = children_of(kernel_pid(km))
        assert children, "the reservoir should hold waiting JVMs"
        os.kill(kernel_pid(km), signal.SIGKILL)
        assert wait_until_gone(children, 2), "waiting JVMs outlived the kernel"


# When a cell ends, its daemon children end with it, and a note names the non-daemon ones still running.
def test_daemon_children_end_with_their_cell(kernel, kc):
    km, _ = kernel
    out = ok(kc, "var d = new Process(() -> Thread.sleep(60_000)).daemon(true);\nd.start();\n"
                 "var n = new Process(() -> Thread.sleep(60_000));\nn.start();\nd.pid() + \" \" + n.pid()", timeout=60)
    daemon_pid, other_pid = (int(p) for p in out.result.strip('"').split())
    assert "Note: " + "Process-" in out.stderr and str(other_pid) in out.stderr and str(daemon_pid) not in out.stderr
    assert wait_until_gone({daemon_pid}, 5)
    assert alive(other_pid)
    assert ok(kc, "n.terminate();\nn.join();\nd.exitCode() + \" \" + n.exitCode()").result == '"-15 -15"'
