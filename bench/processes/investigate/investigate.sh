#!/usr/bin/env bash
# Investigations (b) and (c) of docs/benchmarks.md: where a start, a pool and a map spend their
# time. Compiles StartPhases and MapParts against the jar and runs them several times.
# usage: bench/processes/investigate/investigate.sh [--jar JAR] [--java-home DIR] [--child-options "FLAGS"] [--reps N]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/../../../proclab-app/target/proclab-mp.jar"
JAVA="$(readlink -f "$(command -v java)")"
CHILD_OPTIONS=""
REPS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) JAR="$(readlink -f "$2")"; shift 2 ;;
    --java-home) JAVA="$2/bin/java"; shift 2 ;;
    --child-options) CHILD_OPTIONS="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    *) echo "investigate.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d /tmp/proclab-investigate-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
"$(dirname "$JAVA")/javac" --release 17 -d "$WORK/classes" -cp "$JAR" "$HERE"/*.java "$HERE/../java/Bench.java"
"$(dirname "$JAVA")/jar" cf "$WORK/inv.jar" -C "$WORK/classes" .
cp "$JAR" "$WORK/proclab-mp.jar"
CP="$WORK/proclab-mp.jar:$WORK/inv.jar"
J=("$JAVA" "-Dproclab.child.options=$CHILD_OPTIONS" -cp "$CP")
# what ProcLab gives every child (SpawnConfig.jvmOptions), for the fresh-JVM measurements
CHILD_FLAGS=(-Xmx256m -XX:+UseSerialGC -Xshare:auto $CHILD_OPTIONS)

echo "== (c) starts: phases of Q3, a bare JVM, Pool(1), Pool(2), Pool(4) (medians over $REPS runs each)"
for ((r = 1; r <= REPS; r++)); do
  "${J[@]}" StartPhases q3 2 5 | grep PHASE
  "${J[@]}" StartPhases bare 2 5 | grep PHASE
  for n in 1 2 4; do "${J[@]}" StartPhases pool "$n" 1 3 | grep PHASE; done
done > "$WORK/phases.txt"
/usr/bin/python3 - "$WORK/phases.txt" <<'PY'
import sys, statistics, collections
values = collections.OrderedDict()
for line in open(sys.argv[1]):
    name, rest = line[6:59].strip(), line[59:].split()
    values.setdefault(name, []).append(float(rest[0]))
for name, v in values.items():
    print(f"  {name:52s} {statistics.median(v):8.1f} ms  (medians of {len(v)} runs: {' '.join(f'{x:.0f}' for x in v)})")
PY

echo "== (b) parts of a map, in a warm JVM (median over $REPS JVMs of each part's median)"
for ((r = 1; r <= REPS; r++)); do "${J[@]}" MapParts warm; done > "$WORK/warm.txt"
for ((r = 1; r <= REPS; r++)); do "${J[@]}" MapParts pool; done > "$WORK/pool.txt"
/usr/bin/python3 - "$WORK/warm.txt" "$WORK/pool.txt" <<'PY'
import sys, statistics, collections
for path in sys.argv[1:]:
    values = collections.OrderedDict()
    for line in open(path):
        if line.startswith("PART "):
            name, number = line[5:].rsplit(None, 2)[0].strip(), float(line.rsplit(None, 2)[1])
            values.setdefault(name, []).append(number)
        elif line.startswith("--") or line.startswith("INFO"):
            values.setdefault(line.strip(), None)
    for name, v in values.items():
        print(f"  {name}" if v is None else f"  {name:76s} {statistics.median(v):9.3f} ms")
PY

echo "== (b) a fresh JVM's first chunk (the child's flags; 7 JVMs each; medians)"
"${J[@]}" MapParts write-job "$WORK/job25k.bin" 25000
"${J[@]}" MapParts write-job "$WORK/job3.bin" 3
for job in job3 job25k; do
  for i in 1 2 3 4 5 6 7; do
    "$JAVA" "-Dlaunched=$(date +%s%3N)" "${CHILD_FLAGS[@]}" -cp "$CP" MapParts cold-child "$WORK/$job.bin"
  done > "$WORK/cold-$job.txt"
  /usr/bin/python3 - "$WORK/cold-$job.txt" "$job" <<'PY'
import sys, statistics
rows = [line.split()[1:] for line in open(sys.argv[1]) if line.startswith("COLD")]
keys = rows[0][0::2]
cols = {k: [float(r[2 * i + 1]) for r in rows] for i, k in enumerate(keys)}
print(f"  {sys.argv[2]}: " + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in cols.items() if k != "bytes") + " (ms)")
PY
done
LEFT="$(pgrep -f "$WORK/inv.jar org.proclab.mp.spawn.ChildMain" || true)"
[[ -z "$LEFT" ]] || echo "investigate.sh: WARNING: child JVMs left over: $LEFT" >&2
