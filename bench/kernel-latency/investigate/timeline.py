#!/usr/bin/python3
"""Start-up timeline of a ProcLab kernel from a JVM class-load log.

Make the log by running the benchmark with
  --jvm-arg=-Xlog:class+load:file=/tmp/cl-%p.log:uptime
then: timeline.py /tmp/cl-PID.log ...
Shows when the JVM reached Main, Jackson, JeroMQ, JShell and javac, when kernel_info was answered
and when the first cell produced its result, and what was loaded in each phase.
"""
import collections
import re
import sys


def category(name, source):
    for prefix, cat in (("com.fasterxml", "jackson"), ("org.zeromq", "jeromq"), ("zmq.", "jeromq"),
                        ("org.objectweb", "asm"), ("org.proclab", "proclab"), ("jdk.jshell", "jshell"),
                        ("com.sun.tools.javac", "javac"), ("com.sun.source", "javac"), ("javax.tools", "javac"),
                        ("javax.lang.model", "javac"), ("jdk.internal.shellsupport", "javac"), ("REPL.", "snippets")):
        if name.startswith(prefix):
            return cat
    return "jdk (CDS)" if "shared objects file" in source else "jdk"


for path in sys.argv[1:]:
    rows = []
    for line in open(path):
        m = re.match(r"\[(\d+\.\d+)s\].*?(\S+) source: (.*)", line)
        if m:
            rows.append((float(m.group(1)), m.group(2), m.group(3)))

    def first(pred):
        return next((t for t, c, s in rows if pred(c)), float("nan"))

    marks = [
        ("org.proclab.Main loaded", first(lambda c: c == "org.proclab.Main")),
        ("first Jackson class (connection file)", first(lambda c: c.startswith("com.fasterxml"))),
        ("first JeroMQ class (sockets)", first(lambda c: c.startswith("org.zeromq") or c.startswith("zmq."))),
        ("first jdk.jshell class (JShell starts)", first(lambda c: c.startswith("jdk.jshell"))),
        ("KernelInfoReply loaded (kernel_info answered)", first(lambda c: c.endswith("protocol.KernelInfoReply"))),
        ("first REPL.$JShell class (first snippet runs)", first(lambda c: c.startswith("REPL."))),
        ("ExecuteResult loaded (first cell's result)", first(lambda c: c.endswith("protocol.ExecuteResult"))),
    ]
    print(f"== {path}: {len(rows)} classes")
    for name, t in marks:
        print(f"  {t:7.3f} s  {name}")
    ki, er = marks[4][1], marks[6][1]
    for label, lo, hi in (("up to kernel_info", 0, ki), ("kernel_info .. first result", ki, er)):
        cnt = collections.Counter(category(c, s) for t, c, s in rows if lo <= t < hi)
        print(f"  loaded {label}: {sum(cnt.values())} = " + ", ".join(f"{k} {v}" for k, v in cnt.most_common()))
