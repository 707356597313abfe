"""Behaviour of the ProcLab kernel as a Jupyter front end sees it, over the real wire protocol.

Most tests share one kernel (the module-scoped `kernel` fixture of conftest.py) and use names of
their own so they do not disturb each other; tests that restart or signal a kernel start their own.
"""
import contextlib
import hashlib
import hmac
import json
import os
import re
import signal
import stat
import subprocess
import time
import uuid
from datetime import datetime, timezone

import pytest
import zmq
from jupyter_client.kernelspec import KernelSpecManager

from conftest import (
    KERNEL_NAME,
    assert_interrupted,
    collect,
    execute,
    fresh_kernel,
    interrupt_and_collect,
    jcmd,
    kernel_pid,
    ok,
    proc_stat,
    reply_to,
    run_and_interrupt,
    send_execute,
    shell_request,
    stray_messages,
    wait_for_stray,
    wait_for_stream,
    wait_until_c2_compiled,
)

# What a cell may publish at most (4 MiB), with a little slack for the kernel's own note.
OUTPUT_LIMIT_BYTES = 4_200_000
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plain(text):
    """Text without ANSI colour codes."""
    return ANSI.sub("", text)


def assert_compile_error(outcome):
    assert outcome.status == "error", outcome
    assert outcome.error["ename"] == "CompilationError", outcome


# ---------------------------------------------------------------------------------------------
# State across cells
# ---------------------------------------------------------------------------------------------

# An expression cell publishes busy, execute_input (with its code), execute_result and idle on IOPub in that
# order, all under one execution count; the next cell counts one up.
def test_execute_publishes_in_order_and_counts(kc):
    out = ok(kc, "6*7")
    kinds = [m["msg_type"] if m["msg_type"] != "status" else "status:" + m["content"]["execution_state"]
             for m in out.messages]
    assert kinds == ["status:busy", "execute_input", "execute_result", "status:idle"], out.messages
    count = out.reply["content"]["execution_count"]
    assert out.messages[1]["content"]["code"] == "6*7"
    assert out.messages[1]["content"]["execution_count"] == count
    assert out.messages[2]["content"]["execution_count"] == count
    assert out.result == "42"
    assert ok(kc, "1").reply["content"]["execution_count"] == count + 1


# A variable declared in one cell is readable and writable in later cells.
def test_variable_lives_across_cells(kc):
    ok(kc, "int stateCounter = 40;")
    ok(kc, "stateCounter += 1;")
    assert ok(kc, "stateCounter + 1").result == "42"


# A method declared in one cell can be called from later cells.
def test_method_lives_across_cells(kc):
    ok(kc, "int stateTwice(int x) { return 2 * x; }")
    assert ok(kc, "stateTwice(21)").result == "42"


# Classes and records declared in one cell can be instantiated and used in later cells.
def test_class_and_record_live_across_cells(kc):
    ok(kc, "record StatePoint(int x, int y) { int sum() { return x + y; } }")
    ok(kc, "class StateBox { int value = 3; int get() { return value; } }")
    assert ok(kc, "new StatePoint(40, 2).sum()").result == "42"
    assert ok(kc, "new StateBox().get()").result == "3"
    assert ok(kc, "new StatePoint(1, 2)").result == "StatePoint[x=1, y=2]"


# An import made in one cell applies to later cells (AtomicInteger is not a default import).
def test_import_lives_across_cells(kc):
    ok(kc, "import java.util.concurrent.atomic.AtomicInteger;")
    assert ok(kc, "new AtomicInteger(5).incrementAndGet()").result == "6"


# Redefining a method replaces it, also for methods declared earlier that call it.
def test_method_redefinition_uses_new_definition(kc):
    ok(kc, "int redefValue() { return 1; }")
    ok(kc, "int redefCaller() { return redefValue() * 10; }")
    assert ok(kc, "redefCaller()").result == "10"
    ok(kc, "int redefValue() { return 2; }")
    assert ok(kc, "redefValue()").result == "2"
    assert ok(kc, "redefCaller()").result == "20"


# Redefining a class replaces it: new instances use the new definition.
def test_class_redefinition_uses_new_definition(kc):
    ok(kc, 'class RedefGreeter { String hi() { return "v1"; } }')
    assert ok(kc, "new RedefGreeter().hi()").result == '"v1"'
    ok(kc, 'class RedefGreeter { String hi() { return "v2"; } int extra() { return 5; } }')
    assert ok(kc, "new RedefGreeter().hi()").result == '"v2"'
    assert ok(kc, "new RedefGreeter().extra()").result == "5"


# ---------------------------------------------------------------------------------------------
# What a cell shows
# ---------------------------------------------------------------------------------------------

# Declarations and statements produce no execute_result.
@pytest.mark.parametrize("code", [
    "int showNothingVar = 5;",
    "void showNothingMethod() { }",
    "class ShowNothingClass { }",
    "record ShowNothingRecord(int a) { }",
    "import java.util.concurrent.atomic.AtomicLong;",
    "for (int i = 0; i < 2; i++) { }",
    "if (true) { int unused = 0; }",
    'System.out.println("printed");',
])
def test_declarations_and_statements_show_no_result(kc, code):
    out = ok(kc, code)
    assert out.results == [], out


# A final expression shows its value once, as JShell renders it (Strings with quotes).
@pytest.mark.parametrize("code, shown", [
    ("6*7", "42"),
    ('"hi" + "!"', '"hi!"'),
    ("int showP = 6;\nint showQ = 7;\nshowP * showQ", "42"),
    ("'c'", "'c'"),
    ("true && false", "false"),
])
def test_final_expression_shows_value(kc, code, shown):
    out = ok(kc, code)
    assert len(out.results) == 1, out
    assert out.result == shown


# An expression followed by a declaration shows nothing: only the last snippet counts.
def test_expression_then_declaration_shows_nothing(kc):
    out = ok(kc, "6*7;\nint showAfter = 1;")
    assert out.results == [], out


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------

# A compile error names the cell and line, quotes the line and puts a caret under the spot.
def test_compile_error_shows_line_and_caret(kc):
    out = execute(kc, "int compileOk = 1;\nString compileBad = 42;\n")
    assert_compile_error(out)
    lines = [plain(line) for line in out.error["traceback"]]
    text = "\n".join(lines)
    assert "cell [" in text, text
    quoted = [i for i, line in enumerate(lines) if "String compileBad = 42;" in line]
    assert quoted, text
    assert any(line.strip() == "^" for line in lines), text
    # the caret (on the line after the quoted code) points at the offending expression, 42
    code_line = lines[quoted[0]]
    caret_line = lines[quoted[0] + 1]
    assert caret_line.strip() == "^", text
    assert code_line[caret_line.index("^"):].startswith("42"), text
    assert "line 2" in text, text
    assert "line 2" in out.error["evalue"], out.error["evalue"]


# The line a compile error names is the line of the cell where the error is, wherever the snippet starts.
@pytest.mark.parametrize("code, line", [
    ("String lineBad1 = 42;", 1),
    ("int lineOk2 = 1; String lineBad2 = 42;", 1),
    ("int lineOk3 = 1;\nString lineBad3 = 42;", 2),
    ("\n\nString lineBad4 = 42;", 3),
    ("int lineOk5 = 1;\n\n\nint lineOk6 = 2;\nString lineBad5 = 42;", 5),
    ("void lineMethod() {\n    int x = 1;\n    String y = x;\n}", 3),
])
def test_compile_error_names_the_right_line(kc, code, line):
    out = execute(kc, code)
    assert_compile_error(out)
    text = plain(out.traceback_text)
    assert re.search(r"cell \[\d+\], line %d\b" % line, text), text


# After a compile error the kernel keeps working.
def test_kernel_works_after_compile_error(kc):
    assert_compile_error(execute(kc, "int afterCompile = ;"))
    assert ok(kc, "1 + 1").result == "2"


# A runtime exception shows the user's frames (method and cell) and none of the kernel's.
def test_runtime_exception_traceback_shows_user_code_only(kc):
    ok(kc, "int traceDivide(int a, int b) {\n    return a / b;\n}")
    out = execute(kc, "traceDivide(1, 0)")
    assert out.status == "error"
    assert out.error["ename"] == "ArithmeticException"
    assert out.error["evalue"] == "/ by zero"
    text = plain("\n".join(out.error["traceback"]))
    assert "traceDivide" in text, text
    assert "cell [" in text, text
    for internal in ("org.proclab", "jdk.jshell", "jdk.internal", "REPL.$JShell"):
        assert internal not in text, text
    assert ok(kc, "2 + 2").result == "4"


# An exception with a cause shows both, still without kernel frames.
def test_runtime_exception_with_cause(kc):
    out = execute(kc, 'throw new IllegalStateException("outer", new java.io.IOException("inner"));')
    assert out.status == "error"
    assert out.error["ename"] == "IllegalStateException"
    text = plain("\n".join(out.error["traceback"]))
    assert "Caused by: java.io.IOException: inner" in text, text
    for internal in ("org.proclab", "jdk.jshell", "jdk.internal"):
        assert internal not in text, text


# ---------------------------------------------------------------------------------------------
# System.exit and Runtime.halt
# ---------------------------------------------------------------------------------------------

# System.exit / Runtime.exit / Runtime.halt in a cell become a SystemExit error; the kernel and its state survive.
@pytest.mark.parametrize("code, call", [
    ("System.exit(3);", "System.exit(3)"),
    ("Runtime.getRuntime().halt(4);", "Runtime.halt(4)"),
    ("Runtime.getRuntime().exit(6);", "Runtime.exit(6)"),
])
def test_exit_in_cell_is_an_error_not_the_end(kernel, kc, code, call):
    km, _ = kernel
    ok(kc, "int beforeExit = 11;")
    out = execute(kc, code)
    assert out.status == "error", out
    assert out.error["ename"] == "SystemExit"
    assert call in out.error["evalue"] or call in plain(out.traceback_text), out
    assert km.is_alive()
    assert ok(kc, "beforeExit").result == "11"


# System.exit in a thread started by a cell is reported on the cell's stderr; the kernel lives on.
def test_exit_in_thread_is_reported_on_stderr(kernel, kc):
    km, _ = kernel
    ok(kc, "int beforeThreadExit = 12;")
    out = ok(kc, "Thread exiter = new Thread(() -> System.exit(5));\nexiter.start();\nexiter.join();")
    assert "System.exit(5)" in out.stderr, out
    assert km.is_alive()
    assert ok(kc, "beforeThreadExit").result == "12"


# ---------------------------------------------------------------------------------------------
# Interrupts
# ---------------------------------------------------------------------------------------------

# Each is one snippet (a block), so the interrupt surely arrives while user code runs.
BLOCKING_CELLS = [
    pytest.param('{\n    System.out.println("spinning");\n    while (true) {}\n}', id="busy-loop"),
    pytest.param('{\n    System.out.println("sleeping");\n    Thread.sleep(60_000);\n}', id="sleep"),
]


# Nested counted loops, which the JIT compiles without safepoint checks unless the JVM is told to keep
# them: countedLoops(2) ends at once, countedLoops(Integer.MAX_VALUE) runs for ages.
COUNTED_LOOPS = ("long countedLoops(int n) {\n    long sum = 0;\n"
                 "    for (int i = 0; i < n; i++) {\n"
                 "        for (int j = 0; j < n; j++) {\n            sum += i ^ j;\n        }\n    }\n"
                 "    return sum;\n}")


# A cell busy in compiled counted loops does not freeze the kernel: once it runs them as C2 code, the
# JVM reaches a safepoint (a collection asked for with jcmd waits for one), control still answers at
# once and interrupt ends the cell within 1 s.
def test_counted_loops_leave_the_kernel_responsive(kernel, kc):
    km, _ = kernel
    pid = kernel_pid(km)
    ok(kc, COUNTED_LOOPS)
    wait_until_c2_compiled(pid, ".countedLoops(",
                           warm_up=lambda: ok(kc, "for (int call = 0; call < 20_000; call++) countedLoops(2);"))
    # the cell prints just before the call that runs the compiled loops
    msg_id = send_execute(kc, '{\n    System.out.println("counting");\n    System.out.println(countedLoops(Integer.MAX_VALUE));\n}')
    prior = wait_for_stream(kc, msg_id, "counting")
    try:
        status, output = jcmd(pid, "GC.run", timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("the kernel reached no safepoint within 20 s while the compiled loops ran")
    assert status == 0, output
    request = kc.session.msg("kernel_info_request", {})
    asked = time.monotonic()
    kc.control_channel.send(request)
    while True:
        reply = kc.get_control_msg(timeout=10)
        if reply["parent_header"].get("msg_id") == request["header"]["msg_id"]:
            break
    assert time.monotonic() - asked < 1.0, f"control answered after {time.monotonic() - asked:.2f} s"
    interrupted = time.monotonic()
    km.interrupt_kernel()
    out = collect(kc, msg_id, prior=prior, timeout=30)
    assert_interrupted(out, out.reply_time - interrupted)
    assert ok(kc, "6 * 7").result == "42"


# interrupt_request (message mode) ends a busy loop or a long sleep within 1 s; earlier state survives.
@pytest.mark.parametrize("code", BLOCKING_CELLS)
def test_interrupt_message_mode(kernel, kc, code):
    km, _ = kernel
    ok(kc, "int survivesInterrupt = 21;")
    marker = code.split('"')[1]
    out, elapsed = run_and_interrupt(kc, code, marker, km.interrupt_kernel)
    assert_interrupted(out, elapsed)
    assert ok(kc, "survivesInterrupt * 2").result == "42"


# Interrupting a cell also stops a spinning thread that the cell started.
def test_interrupt_stops_threads_the_cell_started(kernel, kc):
    km, _ = kernel
    ok(kc, "Thread spinner = null;")
    code = ('{\n'
            '    spinner = new Thread(() -> { while (true) {} });\n'
            '    spinner.start();\n'
            '    System.out.println("spinner started");\n'
            '    spinner.join();\n'
            '}')
    out, elapsed = run_and_interrupt(kc, code, "spinner started", km.interrupt_kernel)
    assert_interrupted(out, elapsed)
    # join waits until the thread ends (at most 5 s), so the answer does not depend on timing
    assert ok(kc, "spinner.join(5000);\nspinner.isAlive()").result == "false"


# The documented rule (docs/decisions/002): a thread belongs to the cell that created it, so interrupting a later
# cell that only started it ends that cell within 1 s but leaves the thread running (as Python leaves threads).
# Own kernel: the thread spins until the kernel ends.
def test_interrupt_leaves_thread_created_by_an_earlier_cell():
    with fresh_kernel() as (km, kc):
        ok(kc, "Thread earlySpinner = new Thread(() -> { while (true) {} });", timeout=60)
        code = '{\n    earlySpinner.start();\n    System.out.println("started");\n    earlySpinner.join();\n}'
        out, elapsed = run_and_interrupt(kc, code, "started", km.interrupt_kernel)
        assert_interrupted(out, elapsed)
        assert ok(kc, "earlySpinner.isAlive()").result == "true"


# An interrupt that arrives while JShell compiles the next snippet of a cell stops the cell: that snippet
# does not run. The spinning snippet is made slow to compile (~0.1-0.3 s) so the interrupt, sent as soon
# as the first snippet's output arrives, lands in its compilation. Own kernel: a lost interrupt spins forever.
def test_interrupt_while_next_snippet_compiles_stops_the_cell():
    body = " ".join(f'String s{i} = "a" + {i};' for i in range(300))
    spin = f"while (true) {{ if (System.nanoTime() == 1) {{ {body} }} }}"
    with fresh_kernel() as (km, kc):
        # warm the compiler up with a snippet of the same shape that ends at once
        ok(kc, f"for (int w = 0; w < 1; w++) {{ if (System.nanoTime() == 1) {{ {body} }} }}", timeout=60)
        code = f'System.out.println("first snippet done");\n{spin}'
        msg_id = send_execute(kc, code)
        prior = wait_for_stream(kc, msg_id, "first snippet done")
        try:
            out, elapsed = interrupt_and_collect(kc, msg_id, prior, km.interrupt_kernel, timeout=5)
        except TimeoutError:
            pytest.fail("the interrupt was lost: the cell still runs 5 s after it (the loop started after the interrupt)")
        assert_interrupted(out, elapsed)


# An interrupt sent as soon as a cell's execute_input arrives, before its code may have started, is not
# lost: the cell ends within 1 s and earlier state survives. Own kernel: a lost interrupt spins forever.
def test_interrupt_right_after_execute_input_is_not_lost():
    with fresh_kernel() as (km, kc):
        ok(kc, "int keptEarly = 1;", timeout=60)
        msg_id = send_execute(kc, "while (true) {}")
        prior = []
        while not any(m["msg_type"] == "execute_input" for m in prior):
            msg = kc.get_iopub_msg(timeout=30)
            (prior if msg["parent_header"].get("msg_id") == msg_id else stray_messages(kc)).append(msg)
        try:
            out, elapsed = interrupt_and_collect(kc, msg_id, prior, km.interrupt_kernel, timeout=5)
        except TimeoutError:
            pytest.fail("the interrupt was lost: the cell still runs 5 s after it")
        assert_interrupted(out, elapsed)
        assert ok(kc, "keptEarly + 1").result == "2"


# An interrupt while no cell runs does no harm. The interrupt_request (what interrupt_kernel sends in
# message mode) goes on the client's control channel, so the test can wait for its answer before the cell.
def test_interrupt_when_idle_is_harmless(kc):
    request = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(request)
    while True:
        reply = kc.get_control_msg(timeout=10)
        if reply["parent_header"].get("msg_id") == request["header"]["msg_id"]:
            break
    assert reply["msg_type"] == "interrupt_reply" and reply["content"]["status"] == "ok", reply
    assert ok(kc, "6*7").result == "42"


@pytest.fixture(scope="module")
def signal_kernel():
    """A kernel of its own for SIGINT, so a signal going wrong cannot break the shared kernel."""
    with fresh_kernel() as (km, kc):
        ok(kc, "int survivesSignal = 21;", timeout=60)
        yield km, kc


# SIGINT to the kernel process (signal mode) ends a busy loop or a long sleep within 1 s; state survives.
@pytest.mark.parametrize("code", BLOCKING_CELLS)
def test_interrupt_signal_mode(signal_kernel, code):
    km, kc = signal_kernel
    pid = kernel_pid(km)
    marker = code.split('"')[1]
    out, elapsed = run_and_interrupt(kc, code, marker, lambda: os.kill(pid, signal.SIGINT))
    assert_interrupted(out, elapsed)
    assert km.is_alive()
    assert ok(kc, "survivesSignal * 2").result == "42"


# ---------------------------------------------------------------------------------------------
# stdin
# ---------------------------------------------------------------------------------------------

# Reading System.in asks the front end with input_request on the stdin channel and gets the answer.
def test_stdin_input_request_and_reply(kc):
    out = execute(kc, "new Scanner(System.in).nextLine()", stdin_reply="Ada")
    assert out.status == "ok", out
    assert len(out.input_requests) == 1
    assert out.input_requests[0]["parent_header"]["msg_id"] == out.msg_id
    assert "Ada" in out.result


# Several reads in one cell each ask again and receive their own answer.
def test_stdin_two_lines(kc):
    answers = iter(["first", "second"])
    out = execute(kc, 'Scanner in = new Scanner(System.in);\nString a = in.nextLine();\nString b = in.nextLine();\na + "+" + b',
                  stdin_reply=lambda request: next(answers))
    assert out.status == "ok", out
    assert out.result == '"first+second"'
    assert len(out.input_requests) == 2


# An interrupt while the cell waits for input ends it within 1 s; a late answer does not leak into the next cell.
def test_interrupt_while_waiting_for_input(kernel, kc):
    km, _ = kernel
    msg_id = send_execute(kc, "String typedLate = new Scanner(System.in).nextLine();", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=30)
    assert request["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    started = time.monotonic()
    km.interrupt_kernel()
    out = collect(kc, msg_id, timeout=30)
    assert_interrupted(out, out.reply_time - started)
    kc.input("stale answer")
    time.sleep(0.3)
    out = execute(kc, "new Scanner(System.in).nextLine()", stdin_reply="fresh answer")
    assert out.result == '"fresh answer"'


# With allow_stdin=False, reading System.in through Scanner fails at once with a message that says why.
def test_stdin_not_allowed_scanner_gives_clear_error(kc):
    started = time.monotonic()
    out = execute(kc, "new Scanner(System.in).nextLine()", allow_stdin=False, timeout=20)
    assert time.monotonic() - started < 10
    assert out.status == "error", out
    assert out.input_requests == []
    said = (plain(out.traceback_text) + "\n" + out.error["evalue"] + "\n" + out.stderr).lower()
    assert "allow_stdin" in said or "stdin" in said or "input" in said, (
        f"the error does not tell the user that input is not available: {out!r}")


# With allow_stdin=False, a BufferedReader read fails at once with the kernel's explanation.
def test_stdin_not_allowed_reader_gives_clear_error(kc):
    started = time.monotonic()
    out = execute(kc, "new BufferedReader(new InputStreamReader(System.in)).readLine()",
                  allow_stdin=False, timeout=20)
    assert time.monotonic() - started < 10
    assert out.status == "error", out
    assert out.input_requests == []
    assert "allow_stdin" in out.error["evalue"] or "input" in out.error["evalue"], out


# ---------------------------------------------------------------------------------------------
# Output of threads
# ---------------------------------------------------------------------------------------------

# Output printed by threads the cell started, while the cell runs, goes to that cell's request.
def test_thread_output_while_cell_runs_goes_to_the_cell(kc):
    code = ("List<Thread> printers = new ArrayList<>();\n"
            "for (int i = 0; i < 4; i++) {\n"
            "    int n = i;\n"
            "    Thread t = new Thread(() -> { for (int j = 0; j < 5; j++) System.out.println(\"t\" + n + \"-\" + j); });\n"
            "    printers.add(t);\n"
            "    t.start();\n"
            "}\n"
            "for (Thread t : printers) t.join();")
    out = ok(kc, code)
    expected = {f"t{n}-{j}" for n in range(4) for j in range(5)}
    lines = out.stdout.splitlines()
    assert set(lines) == expected
    assert len(lines) == 20
    assert not [m for m in stray_messages(kc) if m["msg_type"] == "stream"]


# Documented rule: a thread of cell N that prints after cell N ended still sends with cell N's parent header,
# even while another cell M runs.
def test_late_thread_output_keeps_its_cells_parent(kc):
    ok(kc, "var lateMRuns = new CountDownLatch(1);\nvar lateNPrinted = new CountDownLatch(1);")
    cell_n = ok(kc, 'new Thread(() -> {\n'
                    '    try { lateMRuns.await(60, TimeUnit.SECONDS); } catch (InterruptedException e) { }\n'
                    '    System.out.println("late from N");\n'
                    '    lateNPrinted.countDown();\n'
                    '}).start();')
    assert "late from N" not in cell_n.stdout
    # N's thread prints once M runs, and M ends only after the print
    cell_m = ok(kc, 'lateMRuns.countDown();\nlateNPrinted.await(60, TimeUnit.SECONDS);\nSystem.out.println("from M");')
    assert cell_m.stdout == "from M\n"
    late = wait_for_stray(kc, lambda m: m["msg_type"] == "stream" and "late from N" in m["content"]["text"])
    assert len(late) == 1, stray_messages(kc)
    assert late[0]["parent_header"]["msg_id"] == cell_n.msg_id
    assert late[0]["content"]["name"] == "stdout"


# ---------------------------------------------------------------------------------------------
# Output volume and encoding
# ---------------------------------------------------------------------------------------------

# A cell printing 10 MB sends at most ~4.2 MB and ends with a stderr note; the kernel keeps working.
def test_output_flood_is_bounded(kc):
    code = ('String floodLine = "x".repeat(1023);\n'
            'for (int i = 0; i < 10 * 1024; i++) System.out.println(floodLine);')
    out = execute(kc, code, timeout=120)
    assert out.status == "ok", out
    sent = sum(len(m["content"]["text"].encode("utf-8")) for m in out.messages if m["msg_type"] == "stream")
    assert sent <= OUTPUT_LIMIT_BYTES, sent
    assert len(out.stdout) >= 1_000_000, "too little of the output was shown"
    streams = [m for m in out.messages if m["msg_type"] == "stream"]
    assert streams[-1]["content"]["name"] == "stderr"
    assert "output truncated" in streams[-1]["content"]["text"]
    assert ok(kc, "6*7").result == "42"


# The limit is per cell: the next cell's output is shown in full again.
def test_output_limit_resets_for_next_cell(kc):
    out = ok(kc, 'System.out.print("y".repeat(100_000));')
    assert out.stdout == "y" * 100_000
    assert "truncated" not in out.stderr


UTF8_TEXT = "héllo ✓ 😀"


# UTF-8 text (accents, symbols, emoji outside the BMP) printed by a cell arrives intact.
def test_utf8_output_intact(kc):
    out = ok(kc, f'System.out.println("{UTF8_TEXT}");')
    assert out.stdout == UTF8_TEXT + "\n"


# UTF-8 written one byte at a time (characters split across writes) still arrives intact.
def test_utf8_output_byte_by_byte(kc):
    out = ok(kc, f'for (byte b : "{UTF8_TEXT}\\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)) System.out.write(b);\n'
                 'System.out.flush();')
    assert out.stdout == UTF8_TEXT + "\n"


# UTF-8 in values and on stderr arrives intact too.
def test_utf8_result_and_stderr(kc):
    assert ok(kc, f'"{UTF8_TEXT}"').result == f'"{UTF8_TEXT}"'
    assert ok(kc, f'System.err.println("{UTF8_TEXT}");').stderr == UTF8_TEXT + "\n"


# ---------------------------------------------------------------------------------------------
# Other requests
# ---------------------------------------------------------------------------------------------

# is_complete answers complete, incomplete (with an indent) and invalid as Java demands.
@pytest.mark.parametrize("code, status", [
    ("int a = 1;", "complete"),
    ("6*7", "complete"),
    ("void f() { }", "complete"),
    ("for (int i = 0; i < 3; i++) {", "incomplete"),
    ("class A {\n    int x;", "incomplete"),
    ("1 +", "incomplete"),
    ("}", "invalid"),
    ("int x = );", "invalid"),
])
def test_is_complete(kc, code, status):
    reply = shell_request(kc, lambda c: c.is_complete(code))
    assert reply["content"]["status"] == status
    if status == "incomplete":
        assert isinstance(reply["content"].get("indent"), str)


# history_request tail returns the latest cells, oldest first.
def test_history_tail(kc):
    ok(kc, "int historyOne = 1;")
    ok(kc, "int historyTwo = 2;")
    reply = shell_request(kc, lambda c: c.history(hist_access_type="tail", n=2, output=False, raw=True))
    assert reply["content"]["status"] == "ok"
    history = reply["content"]["history"]
    assert [entry[2] for entry in history] == ["int historyOne = 1;", "int historyTwo = 2;"]
    assert history[0][1] + 1 == history[1][1]


# comm_info_request is answered with status ok and no comms.
def test_comm_info(kc):
    reply = shell_request(kc, lambda c: c.comm_info())
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["comms"] == {}


# kernel_info describes Java: protocol 5.3, the implementation, name, mimetype, file extension, a banner and
# help links; control answers kernel_info too.
def test_kernel_info(kc):
    reply = shell_request(kc, lambda c: c.kernel_info())
    content = reply["content"]
    assert content["status"] == "ok"
    assert content["protocol_version"] == "5.3"
    assert content["implementation"] == "proclab"
    info = content["language_info"]
    assert info["name"] == "java"
    assert info["mimetype"] == "text/x-java"
    assert info["file_extension"] == ".java"
    assert content["banner"].strip()
    assert content["help_links"]
    for link in content["help_links"]:
        assert link["text"] and link["url"].startswith("https://")
    request = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(request)
    control = reply_to(request["header"]["msg_id"], kc.get_control_msg, 10)
    assert control["msg_type"] == "kernel_info_reply" and control["content"]["status"] == "ok", control


# A kernel installed with --course-url (kernel.json's env) links the published course first in the Help menu.
def test_kernel_info_links_a_published_course():
    url = "https://hub.example.org/proclab/00-start-here.ipynb"
    with fresh_kernel(env={**os.environ, "PROCLAB_COURSE_URL": url}) as (_, kc):
        links = shell_request(kc, lambda c: c.kernel_info())["content"]["help_links"]
    assert links[0] == {"text": "ProcLab course (start here)", "url": url}, links


# A kernel without a debugger says so in kernel_info and in its kernelspec, and answers a front end that asks
# anyway at once (JupyterLab waits for each answer): every request fails, saying why; debugInfo also gives the
# state of a debugger that is not running and has no breakpoints, with the fields JupyterLab reads.
def test_a_debug_request_is_answered_as_by_a_kernel_without_debugger(kc):
    assert shell_request(kc, lambda c: c.kernel_info())["content"]["debugger"] is False
    assert "debugger" not in KernelSpecManager().get_kernel_spec(KERNEL_NAME).metadata
    for seq, command in enumerate(["debugInfo", "initialize"], start=1):
        msg = kc.session.msg("debug_request", {"type": "request", "seq": seq, "command": command, "arguments": {}})
        kc.control_channel.send(msg)
        reply = reply_to(msg["header"]["msg_id"], kc.get_control_msg, 30)
        assert reply["msg_type"] == "debug_reply", reply
        content = reply["content"]
        assert content["type"] == "response" and content["request_seq"] == seq and content["command"] == command
        assert content["success"] is False and "no debugger" in content["message"], content
        if command == "debugInfo":
            body = content["body"]
            assert body["isStarted"] is False and body["breakpoints"] == [] == body["stoppedThreads"], content
            assert body["hashMethod"] == "Murmur2" and isinstance(body["hashSeed"], int), content


# ---------------------------------------------------------------------------------------------
# Security of the wire protocol
# ---------------------------------------------------------------------------------------------

class RawShell:
    """A DEALER socket on the kernel's shell (or control) port, sending hand-built multipart messages."""

    def __init__(self, connection_file, channel="shell"):
        with open(connection_file) as f:
            self.info = json.load(f)
        self.key = self.info["key"].encode()
        self.context = zmq.Context()
        self.socket = self.context.socket(zmq.DEALER)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
        url = f"{self.info['transport']}://{self.info['ip']}:{self.info[channel + '_port']}"
        self.socket.connect(url)
        self.session = uuid.uuid4().hex

    def header(self, msg_type, msg_id=None):
        return {"msg_id": msg_id or uuid.uuid4().hex, "session": self.session, "username": "harness",
                "date": datetime.now(timezone.utc).isoformat(), "msg_type": msg_type, "version": "5.3"}

    def sign(self, *frames):
        mac = hmac.new(self.key, digestmod=hashlib.sha256)
        for frame in frames:
            mac.update(frame)
        return mac.hexdigest().encode()

    def send_frames(self, header, content, signature=None, raw_header=None):
        header_bytes = raw_header if raw_header is not None else json.dumps(header).encode()
        parent, metadata = b"{}", b"{}"
        content_bytes = json.dumps(content).encode()
        if signature is None:
            signature = self.sign(header_bytes, parent, metadata, content_bytes)
        # DEALER adds our identity on the kernel's ROUTER side; the frames are the rest
        self.socket.send_multipart([b"<IDS|MSG>", signature, header_bytes, parent, metadata, content_bytes])

    def request(self, msg_type, content, timeout=20, earlier=None):
        """Sends a correctly signed request and returns the parsed reply content; the headers of the
        other messages that came before the reply go to the list `earlier`, if given."""
        header = self.header(msg_type)
        self.send_frames(header, content)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.socket.poll(int(max(1, (deadline - time.monotonic()) * 1000))):
                frames = self.socket.recv_multipart()
                index = frames.index(b"<IDS|MSG>")
                sig, h, p, m, c = frames[index + 1:index + 6]
                assert sig == self.sign(h, p, m, c), "the kernel's reply is not signed with the key"
                if json.loads(p).get("msg_id") == header["msg_id"]:
                    return json.loads(h), json.loads(c)
                if earlier is not None:
                    earlier.append(json.loads(h))
        raise TimeoutError(f"no reply to {msg_type}")

    def close(self):
        self.socket.close(0)
        self.context.term()


def execute_content(code):
    return {"code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}


# Control for the tests below: the same hand-built message, correctly signed, is executed.
def test_correctly_signed_raw_message_is_executed(kernel, kc):
    km, _ = kernel
    raw = RawShell(km.connection_file)
    try:
        header, reply = raw.request("execute_request", execute_content("int rawSigned = 42;"))
        assert header["msg_type"] == "execute_reply"
        assert reply["status"] == "ok", reply
    finally:
        raw.close()
    assert ok(kc, "rawSigned").result == "42"


# A message with a wrong HMAC is never executed; the kernel keeps answering properly signed ones.
def test_wrong_signature_is_not_executed(kernel, kc):
    km, _ = kernel
    raw = RawShell(km.connection_file)
    try:
        forged = raw.header("execute_request")
        content = execute_content("int hacked = 1;")
        raw.send_frames(forged, content, signature=b"0" * 64)
        # also signed with another key
        other = hmac.new(b"not-the-key", digestmod=hashlib.sha256)
        for frame in (json.dumps(forged).encode(), b"{}", b"{}", json.dumps(content).encode()):
            other.update(frame)
        raw.send_frames(raw.header("execute_request"), content, signature=other.hexdigest().encode())
        # the shell handles requests in order: once this one is answered, the forged ones were dropped
        header, reply = raw.request("kernel_info_request", {})
        assert header["msg_type"] == "kernel_info_reply"
        assert reply["status"] == "ok"
    finally:
        raw.close()
    assert_compile_error(execute(kc, "hacked"))
    assert not [m for m in stray_messages(kc)
                if m["parent_header"].get("msg_id") == forged["msg_id"]]
    assert ok(kc, "6*7").result == "42"


# A forged shutdown_request on the control channel does not stop the kernel.
def test_wrong_signature_shutdown_is_ignored(kernel, kc):
    km, _ = kernel
    raw = RawShell(km.connection_file, channel="control")
    earlier = []
    try:
        raw.send_frames(raw.header("shutdown_request"), {"restart": False}, signature=b"f" * 64)
        # control requests are handled and answered in order: had the forged one been taken, its
        # shutdown_reply would have come before this reply
        header, reply = raw.request("kernel_info_request", {}, earlier=earlier)
        assert reply["status"] == "ok"
    finally:
        raw.close()
    assert not earlier, earlier
    assert km.is_alive()
    assert ok(kc, "6*7").result == "42"


# A correctly signed message with malformed JSON is dropped; the kernel keeps working.
def test_malformed_json_is_dropped(kernel, kc):
    km, _ = kernel
    raw = RawShell(km.connection_file)
    try:
        raw.send_frames(None, execute_content("int malformedRan = 1;"),
                        raw_header=b'{"msg_id": "broken", "msg_type": "execute_request", ')
        header, reply = raw.request("kernel_info_request", {})
        assert reply["status"] == "ok"
    finally:
        raw.close()
    assert km.is_alive()
    assert_compile_error(execute(kc, "malformedRan"))
    assert ok(kc, "6*7").result == "42"


# A correctly signed request of an unknown type does not crash the kernel.
def test_unknown_message_type_no_crash(kernel, kc):
    km, _ = kernel
    raw = RawShell(km.connection_file)
    try:
        raw.send_frames(raw.header("no_such_request"), {"anything": 1})
        header, reply = raw.request("kernel_info_request", {})
        assert reply["status"] == "ok"
    finally:
        raw.close()
    assert km.is_alive()
    assert ok(kc, "6*7").result == "42"


# ---------------------------------------------------------------------------------------------
# Restart and installation
# ---------------------------------------------------------------------------------------------

# restart_kernel gives a working, fresh kernel: earlier variables are gone.
def test_restart_gives_fresh_kernel():
    with fresh_kernel() as (km, kc):
        ok(kc, "int survivor = 1;", timeout=60)
        old_pid = kernel_pid(km)
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=60)
        assert kernel_pid(km) != old_pid
        assert km.is_alive()
        out = execute(kc, "survivor", timeout=60)
        assert_compile_error(out)
        assert ok(kc, "6*7").result == "42"


def busiest_processes(seconds=1.0):
    """The processes that used more than a fifth of a CPU over the next `seconds`, busiest first."""
    def cpu_ticks():
        ticks = {}
        for pid in os.listdir("/proc"):
            fields = proc_stat(pid) if pid.isdigit() else None
            if fields is not None:
                ticks[pid] = int(fields[11]) + int(fields[12])
        return ticks
    before = cpu_ticks()
    time.sleep(seconds)
    after = cpu_ticks()
    hz = os.sysconf("SC_CLK_TCK")
    busy = sorted(((after[pid] - before.get(pid, after[pid])) / hz / seconds, pid) for pid in after)
    lines = []
    for share, pid in reversed(busy):
        if share > 0.2:
            with contextlib.suppress(OSError):
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    command = f.read().replace(b"\0", b" ").decode(errors="replace")
                lines.append(f"{share:.0%} {pid} {command[:160]}")
    return lines


# Between cells the kernel warms its compiler up with hidden snippets that leave no trace in the session.
# It pauses while other processes keep the machine busy (by design); a failure says which were busy.
def test_idle_compiler_warm_up_leaves_no_trace(tmp_path):
    log_path = tmp_path / "kernel-stderr.log"
    env = {**os.environ, "PROCLAB_WARMUP_SNIPPETS": "20"}
    with open(log_path, "w") as log, fresh_kernel(env=env, stderr=log) as (km, kc):
        ok(kc, "int kept = 7;", timeout=60)
        deadline = time.monotonic() + 120
        while "compiler warm-up done: 20 snippets" not in log_path.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        log_text = log_path.read_text()
        assert "compiler warm-up done: 20 snippets" in log_text, \
            f"kernel log: {log_text!r}; busy processes now: {busiest_processes()}"
        assert_compile_error(execute(kc, "$proclabWarmUpValue"))
        out = ok(kc, "kept + 1")
        assert out.result == "8" and out.stdout == "" and out.stderr == ""


# The installed kernelspec directory and its files are not world-writable.
def test_kernelspec_not_world_writable():
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    resource_dir = spec.resource_dir
    paths = [resource_dir] + [os.path.join(resource_dir, name) for name in os.listdir(resource_dir)]
    assert "kernel.json" in os.listdir(resource_dir)
    for path in paths:
        mode = os.stat(path).st_mode
        assert not mode & stat.S_IWOTH, f"{path} is world-writable ({stat.filemode(mode)})"


# The kernelspec runs the kernel with the one list of kernel JVM options (KernelJvmOptions; no
# placeholder left behind), and the running kernel really has them.
def test_kernelspec_runs_the_kernel_with_the_launchers_jvm_options():
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    assert not any("@" in word for word in spec.argv), spec.argv
    wanted = ["-XX:+UseSerialGC", "-XX:+UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=1000", "-Xms16m",
              "-Dfile.encoding=UTF-8"]
    assert set(wanted) <= set(spec.argv), spec.argv
    with fresh_kernel() as (_, kc):
        arguments = ok(kc, "java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()",
                       timeout=60).result
    assert all(flag in arguments for flag in wanted), arguments


# Installing makes a class-data archive of a scripted session, and the kernel maps its classes from it
# instead of loading them from the jar (docs/decisions/014).
def test_kernel_maps_its_classes_from_the_installed_archive(tmp_path):
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    archive = os.path.join(spec.resource_dir, "proclab.jsa")
    assert os.path.getsize(archive) > 0
    assert "-XX:SharedArchiveFile={resource_dir}/proclab.jsa" in spec.argv
    log = tmp_path / "classes-%p.log"
    env = {**os.environ, "JAVA_TOOL_OPTIONS": f"-Xlog:class+load=info:file={log}"}
    with fresh_kernel(env=env) as (km, kc):
        assert ok(kc, "6 * 7", timeout=60).result == "42"
        pid = kernel_pid(km)
    loaded = (tmp_path / f"classes-{pid}.log").read_text()
    kernel_class = re.search(r"org\.proclab\.kernel\.Kernel source: (.*)", loaded)
    assert kernel_class and "shared objects file" in kernel_class.group(1), kernel_class
