"""Queues, pipes, locks and shared memory between notebook cells and child processes, through the
real kernel. Where processes race, the tests compare sets, not orders."""
import glob
import os
import signal
import time

from conftest import (
    assert_interrupted,
    execute,
    fresh_kernel,
    kernel_pid,
    ok,
    run_and_interrupt,
)


def session_dirs(pid):
    """The shared-memory directories of the ProcLab session whose root process is pid."""
    return glob.glob(f"/dev/shm/proclab-{pid}-*") + glob.glob(f"/tmp/proclab-{pid}-*")


# Queue, Semaphore and Process in a cell are ProcLab's; java.util's are still there by full name.
def test_default_imports_name_proclab_types(kc):
    out = ok(kc, "new Queue<Integer>().getClass().getName() + \" \" + new Semaphore(1).getClass().getName()"
                 " + \" \" + java.util.Queue.class.getName()")
    assert out.result == '"org.proclab.mp.Queue org.proclab.mp.Semaphore java.util.Queue"'


# A child puts numbers on a queue; the cell gets every one of them.
def test_queue_from_child_to_cell(kc):
    ok(kc, "var squares = new Queue<Integer>();\n"
           "var producer = new Process(() -> { for (int i = 1; i <= 5; i++) squares.put(i * i); });\n"
           "producer.start();")
    out = ok(kc, "var got = new ArrayList<Integer>();\n"
                 "for (int i = 0; i < 5; i++) got.add(squares.get());\n"
                 "producer.join();\n"
                 "got")
    assert out.result == "[1, 4, 9, 16, 25]"


# A record declared in a cell travels through a queue from a child back to the cell.
def test_notebook_record_through_queue(kc):
    ok(kc, "record Point(int x, int y) implements Serializable { }")
    out = ok(kc, "var points = new Queue<Point>();\n"
                 "var maker = new Process(() -> points.put(new Point(3, 4)));\n"
                 "maker.start();\n"
                 "maker.join();\n"
                 "points.get()")
    assert out.result == "Point[x=3, y=4]"


# Putting something that cannot be serialized fails at the call, naming its type.
def test_queue_put_not_serializable_names_the_type(kc):
    out = execute(kc, "new Queue<Object>().put(new Thread())")
    assert out.status == "error"
    assert "java.lang.Thread" in out.error["evalue"] + "".join(out.error["traceback"])
    assert ok(kc, "6 * 7").result == "42"


# A duplex pipe: the child answers each message the cell sends.
def test_pipe_ping_pong_with_a_child(kc):
    ok(kc, "var pipe = Pipe.open();\n"
           "var mine = pipe.first();\n"
           "var theirs = pipe.second();\n"
           "var echo = new Process(() -> { for (int i = 0; i < 3; i++) { String text = theirs.recv(); theirs.send(text.toUpperCase()); } });\n"
           "echo.start();")
    out = ok(kc, "var answers = new ArrayList<String>();\n"
                 "for (String word : List.of(\"ping\", \"pong\", \"done\")) { mine.send(word); answers.add(mine.recv()); }\n"
                 "echo.join();\n"
                 "answers")
    assert out.result == "[PING, PONG, DONE]"


# Receiving from a pipe whose other end's process has ended is an EOFError, not a hang.
def test_pipe_recv_after_peer_ended_is_eof(kc):
    out = execute(kc, "var lonely = Pipe.open();\n"
                      "var other = lonely.second();\n"
                      "var quitter = new Process(() -> other.send(\"bye\"));\n"
                      "quitter.start();\n"
                      "quitter.join();\n"
                      "System.out.println(lonely.first().<String>recv());\n"
                      "lonely.first().recv();", timeout=60)
    assert out.stdout == "bye\n"
    assert out.status == "error" and out.error["ename"] == "EOFError", out


# The race lesson, as a student writes it (no barrier): two processes started one after the other, updating a
# shared Value without its lock, lose updates in some of up to 10 tries; with the lock, none are lost.
def test_value_race_and_lock(kc):
    ok(kc, "int incrementTwice(boolean locked) throws InterruptedException {\n"
           "    var value = Value.ofInt(0);\n"
           "    Task add = () -> {\n"
           "        for (int i = 0; i < 100_000; i++) {\n"
           "            if (locked) { try (var held = value.lock().hold()) { value.set(value.get() + 1); } }\n"
           "            else { value.set(value.get() + 1); }\n"
           "        }\n"
           "    };\n"
           "    var a = new Process(add);\n"
           "    var b = new Process(add);\n"
           "    a.start(); b.start(); a.join(); b.join();\n"
           "    return value.get();\n"
           "}", timeout=60)
    unlocked = []
    while len(unlocked) < 10 and (not unlocked or unlocked[-1] == 200_000):
        unlocked.append(int(ok(kc, "incrementTwice(false)", timeout=120).result))
    assert unlocked[-1] < 200_000, unlocked
    assert ok(kc, "incrementTwice(true)", timeout=120).result == "200000"


# Interrupting a cell that waits on an empty queue returns within the limit and the kernel goes on.
def test_interrupt_during_queue_get(kernel, kc):
    km, _ = kernel
    code = 'var empty = new Queue<String>();\nSystem.out.println("waiting");\nempty.get();'
    out, elapsed = run_and_interrupt(kc, code, "waiting", km.interrupt_kernel)
    assert_interrupted(out, elapsed)
    assert ok(kc, "6 * 7").result == "42"


# Interrupting a cell that waits for a lock held by a child returns within the limit.
def test_interrupt_during_lock_acquire(kernel, kc):
    km, _ = kernel
    ok(kc, "var busy = new Lock();\nvar holder = new Process(() -> { busy.acquire(); Thread.sleep(60_000); });\n"
           "holder.start();\nwhile (!busy.locked()) Thread.sleep(10);", timeout=60)
    out, elapsed = run_and_interrupt(kc, 'System.out.println("acquiring");\nbusy.acquire();', "acquiring",
                                     km.interrupt_kernel)
    assert_interrupted(out, elapsed)
    ok(kc, "holder.kill(); holder.join();")


# A kernel's shared memory and socket directories are removed when it shuts down, and what a killed
# kernel left is swept by the next one.
def test_shared_memory_is_cleaned_up():
    with fresh_kernel() as (km, kc):
        ok(kc, "var keep = Value.ofInt(7);\nvar child = new Process(() -> { });\nchild.start();\nchild.join();", timeout=60)
        killed = kernel_pid(km)
        assert len(session_dirs(killed)) == 2, session_dirs(killed)
        os.kill(killed, signal.SIGKILL)
    assert session_dirs(killed), "a SIGKILLed kernel cannot clean up; the next one sweeps"
    with fresh_kernel() as (km, kc):
        ok(kc, "var other = Value.ofInt(1);\nvar child = new Process(() -> { });\nchild.start();\nchild.join();", timeout=60)
        deadline = time.monotonic() + 10
        while session_dirs(killed) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not session_dirs(killed)
        pid = kernel_pid(km)
        assert session_dirs(pid)
    assert not session_dirs(pid)


# Event, Barrier, Semaphore and RLock captured by children of a cell: the children wait for the cell's event,
# meet at the barrier, never exceed the semaphore, and re-enter the RLock.
def test_synchronization_primitives_across_children(kc):
    out = ok(kc, "var go = new Event();\n"
                 "var meet = new Barrier(3);\n"
                 "var seats = new Semaphore(1);\n"
                 "var inside = Value.ofInt(0);\n"
                 "var most = Value.ofInt(0);\n"
                 "var nested = new RLock();\n"
                 "var arrivals = new Queue<Integer>();\n"
                 "List<Process> children = new ArrayList<>();\n"
                 "for (int i = 0; i < 3; i++) {\n"
                 "    children.add(new Process(() -> {\n"
                 "        go.await();\n"
                 "        arrivals.put(meet.await());\n"
                 "        try (var seat = seats.hold(); var outer = nested.hold(); var inner = nested.hold()) {\n"
                 "            int now = inside.getAndAdd(1) + 1;\n"
                 "            if (now > most.get()) most.set(now);\n"
                 "            Thread.sleep(20);\n"
                 "            inside.getAndAdd(-1);\n"
                 "        }\n"
                 "    }));\n"
                 "}\n"
                 "children.forEach(Process::start);\n"
                 "go.set();\n"
                 "Set<Integer> indices = new TreeSet<>();\n"
                 "for (int i = 0; i < 3; i++) indices.add(arrivals.get());\n"
                 "for (Process child : children) child.join();\n"
                 "indices + \" \" + most.get() + \" \" + children.stream().map(Process::exitCode).toList()",
             timeout=120)
    assert out.result == '"[0, 1, 2] 1 [0, 0, 0]"', out


# Pool workers get the same shared objects: they add into one Value and one Array, and consume a JoinableQueue.
def test_pool_workers_share_values_arrays_and_queues(kc):
    out = ok(kc, "var total = Value.ofLong(0);\n"
                 "var perItem = Array.ofInt(5);\n"
                 "var jobs = new JoinableQueue<Integer>();\n"
                 "for (int i = 0; i < 5; i++) jobs.put(i);\n"
                 "try (var pool = new Pool(2)) {\n"
                 "    pool.map(x -> { total.getAndAdd(x); perItem.set(x, x * x); int job = jobs.get(); jobs.taskDone(); return job; },\n"
                 "             List.of(0, 1, 2, 3, 4));\n"
                 "}\n"
                 "jobs.join();\n"
                 "total.get() + \" \" + perItem + \" \" + jobs.isEmpty()",
             timeout=120)
    assert out.result == '"10 [0, 1, 4, 9, 16] true"', out
