#!/usr/bin/env bash
# IPC benchmarks: ProcLab (org.proclab.mp: Queue, Pipe, Value) and Python's multiprocessing, side
# by side in one run, alternated round by round; prints one table with medians and the targets.
# See README.md in this directory.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JAR="$REPO/proclab-app/target/proclab-mp.jar"
JAVA_HOME_ARG=""
PYTHON=/usr/bin/python3
ROUNDS=2
ONLY="queue,pipe,bytes,value"
LANGS="java,python"
CONTEXTS="spawn,fork"
CHILD_OPTIONS=""
JVM_ARGS=()
RAW=""
LABEL=""
WAIT_IDLE=0
WARMUP=1
REPS=3
# Sizes, the same in both languages; each run takes about a second in Python on a 2-core machine.
N_QUEUE=100000
N_PIPE=100000
N_BYTES=300
N_VALUE=200000

usage() {
  cat <<USAGE
usage: bench/ipc/run.sh [OPTIONS]

  --jar FILE              the ProcLab library jar to measure (default: $REPO/proclab-app/target/proclab-mp.jar)
  --java-home DIR         JDK for the Java parent, and so for its children (default: java on PATH)
  --python FILE           Python for the baseline (default: /usr/bin/python3)
  --contexts LIST         Python start methods (default: $CONTEXTS)
  --rounds N              rounds; each runs every program once, Java then Python (default: $ROUNDS)
  --warmup N --reps N     untimed and timed runs per program and round (default: $WARMUP, $REPS)
  --only LIST             benchmarks, comma-separated from queue,pipe,bytes,value (default: all)
  --lang LIST             java,python (default: both)
  --sizes Q,P,B,V         items: Queue ints, Pipe ints, 1 MiB blobs, Value increments per process
                          (default: $N_QUEUE,$N_PIPE,$N_BYTES,$N_VALUE)
  --child-options FLAGS   extra JVM options for every child (-Dproclab.child.options=FLAGS)
  --jvm-arg FLAG          extra JVM option for the Java parent (repeatable)
  --raw FILE              also keep the raw RESULT lines in FILE
  --label TEXT            a label printed above the table
  --wait-idle SECONDS     before each round, wait (at most SECONDS) until the CPUs have been less
                          than 15 % busy for 3 s; other work on a 2-core machine distorts everything
USAGE
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) JAR="$(readlink -f "$2")"; shift 2 ;;
    --java-home) JAVA_HOME_ARG="$2"; shift 2 ;;
    --python) PYTHON="$2"; shift 2 ;;
    --contexts) CONTEXTS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --lang) LANGS="$2"; shift 2 ;;
    --sizes) IFS=, read -r N_QUEUE N_PIPE N_BYTES N_VALUE <<< "$2"; shift 2 ;;
    --child-options) CHILD_OPTIONS="$2"; shift 2 ;;
    --jvm-arg) JVM_ARGS+=("$2"); shift 2 ;;
    --raw) RAW="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    --wait-idle) WAIT_IDLE="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

[[ -f "$JAR" ]] || { echo "run.sh: $JAR not found; build it with ./proclab build (or give --jar)" >&2; exit 1; }
if [[ -n "$JAVA_HOME_ARG" ]]; then
  JAVA="$JAVA_HOME_ARG/bin/java"
else
  JAVA="$(readlink -f "$(command -v java)")"
fi
JDK_BIN="$(dirname "$JAVA")"
JAVAC="$JDK_BIN/javac"; [[ -x "$JAVAC" ]] || JAVAC="$(command -v javac)"
JARTOOL="$JDK_BIN/jar"; [[ -x "$JARTOOL" ]] || JARTOOL="$(command -v jar)"
wants() { [[ ",$1," == *",$2,"* ]]; }

WORK="$(mktemp -d /tmp/proclab-ipcbench-XXXXXX)"
PARENT_PIDS=()
cleanup() {
  local pid
  for pid in "${PARENT_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

RESULTS="$WORK/results.txt"
: > "$RESULTS"

# The Value program is always compiled; the Queue and Pipe programs only when the jar has those
# classes (they are written against their announced API and arrive separately). A program whose
# class is in the jar but that does not compile is an error: the API changed.
"$JARTOOL" tf "$JAR" > "$WORK/jar-contents.txt"
in_jar() { grep -qx "org/proclab/mp/$1.class" "$WORK/jar-contents.txt"; }
SOURCES=("$HERE/java/StartLine.java" "$HERE/java/Runs.java" "$HERE/java/LockedValue.java")
HAVE_QUEUE=false
HAVE_PIPE=false
if in_jar Queue; then
  SOURCES+=("$HERE/java/QueueMessages.java"); HAVE_QUEUE=true
else
  echo "INFO java queue not measured: org.proclab.mp.Queue is not in the jar" >> "$RESULTS"
fi
if in_jar Pipe; then
  SOURCES+=("$HERE/java/PipeMessages.java" "$HERE/java/PipeBlobs.java"); HAVE_PIPE=true
else
  echo "INFO java pipe not measured: org.proclab.mp.Pipe is not in the jar" >> "$RESULTS"
fi
"$JAVAC" --release 17 -d "$WORK/classes" -cp "$JAR" "${SOURCES[@]}"
CP="$JAR:$WORK/classes"

JAVA_OPTS=("${JVM_ARGS[@]}")
[[ -n "$CHILD_OPTIONS" ]] && JAVA_OPTS+=("-Dproclab.child.options=$CHILD_OPTIONS")

# Runs one program in the background (so an interrupt can stop it by pid) and keeps its RESULT lines.
run_program() {
  "$@" > "$WORK/out.txt" 2> "$WORK/err.txt" &
  PARENT_PIDS=($!)
  if ! wait "${PARENT_PIDS[0]}"; then
    echo "run.sh: failed: $*" >&2
    cat "$WORK/err.txt" >&2
    exit 1
  fi
  PARENT_PIDS=()
  grep -E '^RESULT ' "$WORK/out.txt" >> "$RESULTS" || true
}

busy_ticks() { local _c u n s i w q sq st; read -r _c u n s i w q sq st _ < /proc/stat; echo "$((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st))"; }

wait_idle() {
  local deadline=$((SECONDS + $1)) quiet=0 b0 t0 b1 t1
  while ((quiet < 3 && SECONDS < deadline)); do
    read -r b0 t0 < <(busy_ticks); sleep 1; read -r b1 t1 < <(busy_ticks)
    if (((b1 - b0) * 100 < 15 * (t1 - t0))); then quiet=$((quiet + 1)); else quiet=0; fi
  done
  ((quiet >= 3)) || echo "run.sh: the machine did not become idle within $1 s; measuring anyway" >&2
}

java_run() { run_program "$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" "$1" "$WARMUP" "$REPS" "$2"; }
py_run() { run_program "$PYTHON" "$HERE/bench_ipc.py" "$1" --n "$2" --warmup "$WARMUP" --reps "$REPS" --contexts "$CONTEXTS"; }

# One benchmark of a round: the Java program (if it was compiled) then Python.
bench() {
  local name="$1" program="$2" have_java="$3" n="$4"
  wants "$ONLY" "$name" || return 0
  if wants "$LANGS" java && [[ "$have_java" == true ]]; then java_run "$program" "$n"; fi
  if wants "$LANGS" python; then py_run "$name" "$n"; fi
}

# CPU time of this script and of its waited-for children (the programs, and through them their children).
ours() { awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat; }
BUSY0="$(busy_ticks | cut -d' ' -f1)"; START=$(date +%s.%N); OURS0="$(ours)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

for ((round = 1; round <= ROUNDS; round++)); do
  ((WAIT_IDLE > 0)) && wait_idle "$WAIT_IDLE"
  echo "round $round/$ROUNDS ..." >&2
  bench queue QueueMessages "$HAVE_QUEUE" "$N_QUEUE"
  bench pipe PipeMessages "$HAVE_PIPE" "$N_PIPE"
  bench bytes PipeBlobs "$HAVE_PIPE" "$N_BYTES"
  bench value LockedValue true "$N_VALUE"
done

BUSY1="$(busy_ticks | cut -d' ' -f1)"; END=$(date +%s.%N); OURS1="$(ours)"

LEFT="$(pgrep -f "$WORK/classes org.proclab.mp.spawn.ChildMain" || true)"
[[ -z "$LEFT" ]] || echo "run.sh: WARNING: child JVMs left over: $LEFT" >&2

[[ -n "$RAW" ]] && cp "$RESULTS" "$RAW"
"$PYTHON" "$HERE/report.py" "$RESULTS" \
  --label="$LABEL" \
  --java "$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.version = //p') ($JAVA)" \
  --java-options="${JAVA_OPTS[*]:-}" \
  --jar "$JAR" \
  --python "$("$PYTHON" -c 'import platform, sys; print(platform.python_version(), sys.executable)')" \
  --rounds "$ROUNDS" \
  --load-before "$LOAD_BEFORE" \
  --other-cpu "$BUSY0 $BUSY1 $OURS0 $OURS1 $START $END $(getconf CLK_TCK)"
