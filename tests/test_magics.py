"""Magics through the real kernel: discoverable, timed, listing processes, and never a stack trace."""
import re
import time

from conftest import execute, ok


# %lsmagic lists the line and cell magics.
def test_lsmagic_lists_magics(kc):
    out = ok(kc, "%lsmagic")
    assert "Line magics:" in out.stdout and "%ps" in out.stdout
    assert "Cell magics: %%pool  %%spawn  %%time" in out.stdout


# %help explains a magic by name.
def test_help_explains_a_magic(kc):
    assert ok(kc, "%help ps").stdout.startswith("%ps\n")
    assert ok(kc, "%timeline?").stdout.startswith("%timeline [--last | --all]")


# Shift-Tab on a magic's name shows its usage; Tab after `%ti` offers the magics with that prefix.
def test_inspect_and_complete_magic_names(kc):
    kc.inspect("%%spawn -n 2\nSystem.out.println(1);", 4)
    reply = kc.get_shell_msg(timeout=30)["content"]
    assert reply["found"] and reply["data"]["text/plain"].startswith("%%spawn [-n N]"), reply
    kc.complete("%ti", 3)
    reply = kc.get_shell_msg(timeout=30)["content"]
    assert reply["matches"] == ["%time", "%timeline"] and reply["cursor_start"] == 0, reply


# %time runs an expression, shows its value and prints wall and CPU time; %%time times a whole cell.
def test_time_line_and_cell(kc):
    out = ok(kc, "%time 6 * 7")
    assert out.result == "42"
    assert re.match(r"Wall time: [0-9.]+ ms · CPU: kernel [0-9.]+ ms, child processes [0-9.]+ ms\n", out.stdout), out.stdout
    out = ok(kc, "%%time\nint timedSum = 0;\nfor (int i = 1; i <= 10; i++) timedSum += i;\ntimedSum")
    assert out.result == "55" and out.stdout.startswith("Wall time: ")


# Java and line magics mix in one cell, in order; compile errors after a magic name the line the user sees.
def test_magic_lines_between_java(kc):
    out = ok(kc, 'System.out.println("before");\n%time System.out.println("timed")\nSystem.out.println("after");')
    lines = out.stdout.splitlines()
    assert lines[0] == "before" and lines[1] == "timed" and lines[2].startswith("Wall time") and lines[3] == "after"
    error = execute(kc, "%lsmagic\nint broken = ;")
    assert error.status == "error" and error.error["ename"] == "CompilationError"
    assert "line 2" in error.error["evalue"], error.error


# %ps lists a child that ran: its name, pid, that it exited, its exit code and the lines it printed.
def test_ps_lists_children(kc):
    ok(kc, 'var listed = new Process(() -> System.out.println("hi"), "ps-demo");\nlisted.start();\nlisted.join();',
       timeout=60)
    data = [m for m in ok(kc, "%ps").messages if m["msg_type"] == "display_data"][0]["content"]["data"]
    table = data["text/plain"]
    pid = ok(kc, "listed.pid()").result
    row = [line for line in table.splitlines() if line.startswith("ps-demo")]
    assert row and row[0].split()[:4] == ["ps-demo", pid, "exited", "0"], table
    assert table.splitlines()[0].split()[:3] == ["name", "pid", "state"]
    assert "<th>name</th>" in data["text/html"] and f"<td>{pid}</td>" in data["text/html"]


# %ps also lists the processes that a child started, each right below the process that started it: a
# grandchild with its name (Process-N:1), its exit code, its parent, and the lines it printed, which count
# for the grandchild, not for the child that passed them on.
def test_ps_lists_grandchildren(kc):
    out = ok(kc, 'var elder = new Process(() -> {\n'
                 '    var inner = new Process(() -> {\n'
                 '        System.out.println("one");\n        System.out.println("two");\n        System.exit(3);\n    });\n'
                 '    inner.start();\n    inner.join();\n});\n'
                 'elder.start();\nelder.join();\nelder.name()', timeout=90)
    assert out.stdout == "one\ntwo\n"
    elder = out.result.strip('"')
    data = [m for m in ok(kc, "%ps").messages if m["msg_type"] == "display_data"][0]["content"]["data"]
    lines = data["text/plain"].splitlines()
    assert lines[0].split()[:5] == ["name", "pid", "state", "exit", "code"] and "parent" in lines[0].split()
    at = [i for i, line in enumerate(lines) if line.startswith(elder + " ")]
    assert at, data["text/plain"]
    parent, grandchild = lines[at[0]].split(), lines[at[0] + 1].split()
    assert parent[2:5] == ["exited", "0", "MainProcess"], data["text/plain"]
    assert grandchild[:2] == ["\u2514", elder + ":1"] and grandchild[3:6] == ["exited", "3", elder], data["text/plain"]
    # the lines printed, then the CPU time it used; after System.exit, the figure it had as it began to exit, at least
    assert re.search(r" 0 +(\u2265 )?[\d,]+ ms$", lines[at[0]].rstrip()), data["text/plain"]
    assert re.search(r" 2 +\u2265 [\d,]+ ms$", lines[at[0] + 1].rstrip()), data["text/plain"]
    assert f"<td>\u2514\u00a0{elder}:1</td>" in data["text/html"]


# An unknown magic gets "did you mean", bad arguments get the usage; the kernel goes on.
def test_unknown_magic_and_bad_arguments(kc):
    out = execute(kc, "%tiem 1 + 1")
    assert out.status == "error" and out.error["ename"] == "UnknownMagic"
    assert "Did you mean %time?" in out.error["evalue"]
    out = execute(kc, "%help")
    assert out.error["ename"] == "MagicUsageError" and any("usage: %help NAME" in line for line in out.error["traceback"])
    assert ok(kc, "6 * 7").result == "42"


# jupyter console can tell when a magic is complete: a line magic at once, a cell magic after an empty line.
def test_is_complete_for_magics(kc):
    def status(code):
        kc.is_complete(code)
        return kc.get_shell_msg(timeout=30)["content"]["status"]
    assert status("%lsmagic") == "complete"
    assert status("%%time\nint a = 1;") == "incomplete"
    assert status("%%time\nint a = 1;\n\n") == "complete"


# %%spawn runs the body in N processes, joins them and shows one summary row per process: as text, and
# as an HTML table whose output column tells which process printed which line.
def test_spawn_runs_the_body_in_processes(kc):
    out = ok(kc, '%%spawn -n 3 --name greeter\nSystem.out.println("hello from " + Process.current().name());', timeout=120)
    hellos = sorted(line for line in out.stdout.splitlines() if line.startswith("hello from"))
    assert hellos == ["hello from greeter-1", "hello from greeter-2", "hello from greeter-3"], out.stdout
    summary = [m["content"]["data"] for m in out.messages if m["msg_type"] == "display_data"][0]
    rows = [line.split() for line in summary["text/plain"].splitlines() if line.startswith("greeter-")]
    assert sorted(row[0] for row in rows) == ["greeter-1", "greeter-2", "greeter-3"]
    assert all(row[2] == "0" and row[-1] == "1" for row in rows), summary["text/plain"]
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in summary["text/html"].splitlines() if row.startswith("<tr><td>")]
    assert sorted((cells_of_row[0], cells_of_row[-1]) for cells_of_row in cells) == [
        ("greeter-1", "hello from greeter-1"), ("greeter-2", "hello from greeter-2"), ("greeter-3", "hello from greeter-3")]


# %%pool maps its body over a range; the value is the results in order, after a per-worker breakdown.
def test_pool_maps_over_a_range(kc):
    out = ok(kc, "%%pool 2 --over 1..6\nx * x", timeout=120)
    assert out.result == "[1, 4, 9, 16, 25, 36]"
    items = []
    for line in out.stdout.splitlines():
        assert line.startswith("SpawnPoolWorker-"), out.stdout
        items += [int(item) for item in line.split(": ", 1)[1].split(", ")]
    assert sorted(items) == [1, 2, 3, 4, 5, 6]


# --show-java prints the plain Java a helper cell runs: the bridge to writing it yourself.
def test_show_java(kc):
    out = ok(kc, "%%pool 2 --over List.of(3, 4) --show-java\nx + 1", timeout=120)
    assert out.stdout.startswith("// the Java this cell runs:\n") and "new Pool(2)" in out.stdout
    assert out.result == "[4, 5]"


# %explain on: after a cell that ran processes, a panel says in plain language who started what and how it ended;
# a pool worker says how many tasks it ran and how many items they held (a task is a chunk).
def test_explain_panel(kc):
    ok(kc, "%explain on")
    try:
        out = ok(kc, 'var explained = new Process(() -> System.out.println("hi"), "explained-1");\n'
                     'explained.start();\nexplained.join();', timeout=60)
        displays = [m for m in out.messages if m["msg_type"] == "display_data"]
        assert len(displays) == 1, out.messages
        plain = displays[0]["content"]["data"]["text/plain"]
        assert "MainProcess (pid" in plain and "started explained-1 (pid" in plain
        assert "explained-1 printed 1 line and exited with code 0 (success) after" in plain
        assert re.search(r"; join\(\) waited [\d,]+ ms\.", plain), plain
        assert displays[0]["content"]["data"]["text/markdown"].startswith("**What happened**")
        failed = ok(kc, 'var crashed = new Process(() -> System.exit(3), "explained-2");\ncrashed.start();\ncrashed.join();',
                    timeout=60)
        text = [m for m in failed.messages if m["msg_type"] == "display_data"][0]["content"]["data"]["text/plain"]
        assert "exited with code 3 (it called System.exit(3) or Runtime.halt(3))" in text
        pooled = ok(kc, "try (var pool = new Pool(1)) { pool.map(x -> x, List.of(1, 2, 3, 4), 2); }", timeout=60)
        told = [m for m in pooled.messages if m["msg_type"] == "display_data"][-1]["content"]["data"]["text/plain"]
        assert "ran 2 tasks (4 items), printed 0 lines" in told, told
        quiet = ok(kc, "1 + 1")
        assert not [m for m in quiet.messages if m["msg_type"] == "display_data"]
    finally:
        ok(kc, "%explain off")


# %timeline draws the previous cell's processes as SVG (one lane each, hover titles, a key that names its marks)
# with a text fallback that has a key too.
def test_timeline_of_the_previous_cell(kc):
    ok(kc, 'var drawn = new ArrayList<Process>();\nfor (int i = 0; i < 2; i++) drawn.add(new Process(() -> Thread.sleep(50)));\n'
           'drawn.forEach(Process::start);\nfor (Process p : drawn) p.join();', timeout=60)
    out = ok(kc, "%timeline")
    data = [m for m in out.messages if m["msg_type"] == "display_data"][0]["content"]["data"]
    assert data["image/svg+xml"].startswith("<svg") and len(re.findall(r"<rect[^>]*><title>", data["image/svg+xml"])) == 2
    assert ">start to exit, exit code 0</text>" in data["image/svg+xml"], data["image/svg+xml"]
    assert data["text/plain"].splitlines()[-1].startswith("Key: === start to exit"), data["text/plain"]
    names = ok(kc, "drawn.get(0).name() + \" \" + drawn.get(1).name()").result.strip('"').split()
    assert all(name + " |" in data["text/plain"] for name in names), data["text/plain"]
    assert "exit code 0" in data["text/plain"]
    nothing = ok(kc, "%timeline")
    assert "No processes to draw in the previous cell" in nothing.stdout
    bad = execute(kc, "%timeline --sideways")
    assert bad.error["ename"] == "MagicUsageError"


# A long pool map draws a progress bar in the cell and updates it in place up to 100%.
def test_progress_bar_for_a_long_map(kc):
    out = ok(kc, "try (var pool = new Pool(2)) {\n"
                 "    pool.map(x -> { Thread.sleep(1); return x; }, IntStream.range(0, 3000).boxed().toList(), 100);\n"
                 "}", timeout=120)
    shown = [m for m in out.messages if m["msg_type"] == "display_data"]
    updates = [m for m in out.messages if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1 and updates, [m["msg_type"] for m in out.messages]
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    assert shown[0]["content"]["data"]["text/plain"].startswith("Pool(2): [")
    final = updates[-1]["content"]["data"]
    assert "100% · 3,000 / 3,000 items" in final["text/plain"] and "<progress" in final["text/html"]


# In %timeline, a pool worker's lane holds one box per task it ran, labelled with its items.
def test_timeline_shows_pool_tasks(kc):
    ok(kc, "try (var pool = new Pool(2)) {\n    pool.map(x -> { Thread.sleep(20); return x; }, List.of(1, 2, 3, 4), 1);\n}",
       timeout=120)
    svg = [m for m in ok(kc, "%timeline").messages if m["msg_type"] == "display_data"][0]["content"]["data"]["image/svg+xml"]
    labels = sorted(re.findall(r"<title>(item \d+): ", svg))
    assert labels == ["item 1", "item 2", "item 3", "item 4"], svg


# %vars lists the notebook's variables with their types and short values, as a table.
def test_vars_lists_variables(kc):
    ok(kc, 'int varsAnswer = 42;\nString varsGreeting = "hi";\nvar varsLong = "x".repeat(200);')
    data = [m for m in ok(kc, "%vars").messages if m["msg_type"] == "display_data"][0]["content"]["data"]
    rows = {line.split()[0]: line.split() for line in data["text/plain"].splitlines()}
    assert rows["name"] == ["name", "type", "value"], data["text/plain"]
    assert rows["varsAnswer"] == ["varsAnswer", "int", "42"] and rows["varsGreeting"] == ["varsGreeting", "String", '"hi"']
    assert rows["varsLong"][2].endswith("\u2026") and len(rows["varsLong"][2]) == 60, rows["varsLong"]
    assert "<td>varsGreeting</td>" in data["text/html"]


def _locks_text(kc):
    return [m for m in ok(kc, "%locks").messages if m["msg_type"] == "display_data"][0]["content"]["data"]["text/plain"]


# Two processes that take two locks in opposite orders: %locks shows who holds and waits for which lock and
# names the cycle as a deadlock, and so does %explain after the first cell that ends with it (only that one);
# terminating one side breaks it.
def test_locks_names_a_deadlock_until_it_is_broken(kc):
    ok(kc, "var lockA = new Lock();\nvar lockB = new Lock();\nvar bothHoldOne = new Barrier(2);\n"
           "void takeBoth(Lock first, Lock second) throws Exception {\n"
           "    first.acquire();\n    bothHoldOne.await();\n    second.acquire();\n"
           "    second.release();\n    first.release();\n}\n"
           'var one = new Process(() -> takeBoth(lockA, lockB), "one");\n'
           'var two = new Process(() -> takeBoth(lockB, lockA), "two");\n'
           "one.start();\ntwo.start();", timeout=60)
    try:
        deadline = time.monotonic() + 60
        text = _locks_text(kc)
        while "Deadlock:" not in text and time.monotonic() < deadline:
            time.sleep(0.5)
            text = _locks_text(kc)
        pid_one, pid_two = ok(kc, "one.pid()").result, ok(kc, "two.pid()").result
        assert f"one (pid {pid_one}, thread " in text and "holds lockA and waits for lockB" in text, text
        assert f"two (pid {pid_two}, thread " in text and "holds lockB and waits for lockA" in text, text
        row_a = [line for line in text.splitlines() if line.startswith("lockA ")][0]
        assert row_a.startswith(f"lockA (Lock): locked by one (pid {pid_one}, thread ") and f"; waiting: two (pid {pid_two}" in row_a, text
        explained = ok(kc, "%explain on")
        panel = [m for m in explained.messages if m["msg_type"] == "display_data"][0]["content"]["data"]["text/plain"]
        assert "Deadlock: " in panel and "holds lockB and waits for lockA" in panel, panel
        again = ok(kc, "one.isAlive()")
        assert again.result == "true" and not [m for m in again.messages if m["msg_type"] == "display_data"], again
    finally:
        ok(kc, "%explain off")
        ok(kc, "two.terminate();\ntwo.join();\none.join();", timeout=60)
    assert ok(kc, "one.exitCode()").result == "0"
    after = _locks_text(kc)
    assert "Deadlock" not in after and "lockA (Lock): free" in after.splitlines(), after
