#!/usr/bin/python3
"""Where the shell worker of a ProcLab kernel spends a trivial cell, from a JFR recording.

Record with
  --jvm-arg=-XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile,dumponexit=true
  --jvm-arg=-XX:FlightRecorderOptions:stackdepth=256
then: jfr print --json --stack-depth 300 --events jdk.ExecutionSample REC.jfr > rec.json
      jfrphase.py rec.json
Shares are inclusive (a sample counts for every listed frame on its stack), so they overlap.
"""
import collections
import json
import sys

PHASES = [
    ("Kernel.handleShell (all shell work)", "org.proclab.kernel.Kernel.handleShell"),
    ("JShell.eval", "jdk.jshell.JShell.eval"),
    ("  javac parse", "com.sun.tools.javac.parser.JavacParser.parseCompilationUnit"),
    ("  javac enter", "com.sun.tools.javac.comp.Enter.main"),
    ("    of which imports (TypeEnter)", "com.sun.tools.javac.comp.TypeEnter$ImportsPhase"),
    ("  javac reading class files (ClassFinder.fillIn)", "com.sun.tools.javac.code.ClassFinder.fillIn"),
    ("  javac attribution", "com.sun.tools.javac.comp.Attr.attribClass"),
    ("  javac flow", "com.sun.tools.javac.comp.Flow.analyzeTree"),
    ("  javac desugar", "com.sun.tools.javac.main.JavaCompiler.desugar"),
    ("  javac generate", "com.sun.tools.javac.main.JavaCompiler.generate"),
    ("CellPiece.split (completeness analysis)", "org.proclab.engine.jshell.CellPiece.split"),
    ("ProcLabExecutionControl.load (instrument + define)", "org.proclab.engine.exec.ProcLabExecutionControl.load"),
    ("ProcLabExecutionControl.invoke", "org.proclab.engine.exec.ProcLabExecutionControl.invoke"),
]

data = json.load(open(sys.argv[1]))
total = 0
counts = collections.Counter()
for event in data["recording"]["events"]:
    values = event["values"]
    if (values.get("sampledThread") or {}).get("javaName") != "proclab-shell-worker":
        continue
    frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
              for f in values["stackTrace"]["frames"]]
    total += 1
    for label, needle in PHASES:
        if any(frame.startswith(needle) for frame in frames):
            counts[label] += 1
print(f"shell-worker samples: {total}")
for label, _ in PHASES:
    print(f"  {100.0 * counts[label] / max(total, 1):5.1f}%  {label}")
