#!/usr/bin/env bash
# Process benchmarks: ProcLab (org.proclab.mp, child JVMs) and Python's multiprocessing, side by
# side in one run, alternated round by round; prints one table with medians and the targets.
# See README.md in this directory.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JAR="$REPO/proclab-app/target/proclab-mp.jar"
JAVA_HOME_ARG=""
PYTHON=/usr/bin/python3
ROUNDS=2
ONLY="q3,q4,map,cpu,floor,four,race,exit"
LANGS="java,python"
CHILD_OPTIONS=""
CHILD_HEAP=""
JVM_ARGS=()
START_METHOD=spawn
RAW=""
LABEL=""
WAIT_IDLE=0
CHILD_CDS=""
# CPU-bound sizes: the same algorithm and item count in both languages, N chosen per language so
# that the serial run takes about 1-2 s (Python's loop is ~40 times slower than Java's).
JAVA_PRIME_N=600000
PYTHON_PRIME_N=55000
PRIME_ITEMS=16
# Four at once: the same loop per process, N chosen per language so that one process alone takes
# about 35 ms (a fresh JVM's first run of it; Python's loop is much slower).
JAVA_FOUR_N=400000
PYTHON_FOUR_N=40000
# The race: its own rounds, shared out over the rounds of the run (a race is a matter of chance and
# needs more rounds than a timing does).
RACE_ROUNDS=10
RACE_INCREMENTS=100000

usage() {
  cat <<USAGE
usage: bench/processes/run.sh [OPTIONS]

  --jar FILE              the ProcLab library jar to measure (default: $REPO/proclab-app/target/proclab-mp.jar)
  --java-home DIR         JDK for the Java parent, and so for its children (default: java on PATH)
  --python FILE           Python for the baseline (default: /usr/bin/python3)
  --rounds N              rounds; each runs every program once, Java then Python (default: 2)
  --only LIST             benchmarks, comma-separated from q3,q4,map,cpu,floor,four,race,exit
                          (default: all); floor: a hello-world JVM and python3, alone and four at
                          once; four: four processes started in a loop, ~35 ms of CPU each;
                          race: two processes x $RACE_INCREMENTS unlocked increments of a shared int;
                          exit: from System.exit(3) / terminate() in a child to join() returning
  --lang LIST             java,python (default: both)
  --child-options FLAGS   extra JVM options for every child (-Dproclab.child.options=FLAGS)
  --child-cds dump|auto|aot  give children an archive of their classes, made in this run:
                          dump: one child run with -XX:ArchiveClassesAtExit (JDK 17+), then
                          -XX:SharedArchiveFile; auto: -XX:+AutoCreateSharedArchive (JDK 19+),
                          primed by one child run; aot: an AOT cache (JEP 483/514, JDK 25+),
                          trained by one child run with -XX:AOTCacheOutput, then -XX:AOTCache
  --child-heap SIZE       child heap (-Dproclab.child.heap=SIZE, ProcLab's default is 256m)
  --jvm-arg FLAG          extra JVM option for the Java parent (repeatable)
  --start spawn|warm      how ProcLab's processes and pools start (default spawn); warm: from the
                          reservoir of waiting JVMs, refilled before each timed start (and
                          before each race), and the report checks the warm start targets
  --prime-n JAVA,PYTHON   cpu: count primes below N per item (default: $JAVA_PRIME_N,$PYTHON_PRIME_N)
  --four-n JAVA,PYTHON    four: count primes below N per process (default: $JAVA_FOUR_N,$PYTHON_FOUR_N)
  --race-rounds N         race: rounds in all, whatever --rounds is (default: $RACE_ROUNDS)
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
    --rounds) ROUNDS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --lang) LANGS="$2"; shift 2 ;;
    --child-options) CHILD_OPTIONS="$2"; shift 2 ;;
    --child-heap) CHILD_HEAP="$2"; shift 2 ;;
    --child-cds) CHILD_CDS="$2"; shift 2 ;;
    --jvm-arg) JVM_ARGS+=("$2"); shift 2 ;;
    --start) START_METHOD="$2"; shift 2 ;;
    --prime-n) JAVA_PRIME_N="${2%%,*}"; PYTHON_PRIME_N="${2##*,}"; shift 2 ;;
    --four-n) JAVA_FOUR_N="${2%%,*}"; PYTHON_FOUR_N="${2##*,}"; shift 2 ;;
    --race-rounds) RACE_ROUNDS="$2"; shift 2 ;;
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

WORK="$(mktemp -d /tmp/proclab-procbench-XXXXXX)"
PARENT_PIDS=()
cleanup() {
  local pid
  for pid in "${PARENT_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The benchmark programs, compiled against the jar into a jar of their own: AppCDS archives
# (see README) accept only jars on the class path.
"$JAVAC" --release 17 -d "$WORK/classes" -cp "$JAR" "$HERE"/java/*.java
"$JARTOOL" cf "$WORK/bench.jar" -C "$WORK/classes" .
cp "$JAR" "$WORK/proclab-mp.jar"
CP="$WORK/proclab-mp.jar:$WORK/bench.jar"

[[ "$START_METHOD" == spawn || "$START_METHOD" == warm ]] || { echo "run.sh: --start wants spawn or warm" >&2; exit 2; }
JAVA_OPTS=("${JVM_ARGS[@]}" "-Dbench.start=$START_METHOD")
[[ -n "$CHILD_HEAP" ]] && JAVA_OPTS+=("-Dproclab.child.heap=$CHILD_HEAP")
# The archive is made here because it is valid only for this class path (jar names, sizes, times).
case "$CHILD_CDS" in
  "") ;;
  dump)
    "$JAVA" "${JAVA_OPTS[@]}" "-Dproclab.child.options=$CHILD_OPTIONS -XX:ArchiveClassesAtExit=$WORK/child.jsa" \
      -cp "$CP" PoolWhole 0 1 1 > /dev/null 2> "$WORK/cds.txt" || true
    [[ -f "$WORK/child.jsa" ]] || { echo "run.sh: no CDS archive was written" >&2; cat "$WORK/cds.txt" >&2; exit 1; }
    CHILD_OPTIONS="$CHILD_OPTIONS -XX:SharedArchiveFile=$WORK/child.jsa" ;;
  auto)
    CHILD_OPTIONS="$CHILD_OPTIONS -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$WORK/child-auto.jsa"
    "$JAVA" "${JAVA_OPTS[@]}" "-Dproclab.child.options=$CHILD_OPTIONS" -cp "$CP" PoolWhole 0 1 1 > /dev/null || true
    [[ -f "$WORK/child-auto.jsa" ]] || { echo "run.sh: no CDS archive was written" >&2; exit 1; } ;;
  aot)
    # ProcLab passes -Xshare:auto, which JDK 25 refuses next to an AOT cache: the children are
    # started through a wrapper that drops it (the wrapper costs a /bin/sh start, ~1-2 ms).
    printf '#!/bin/sh\nfor a do\n  shift\n  [ "$a" = -Xshare:auto ] || set -- "$@" "$a"\ndone\nexec %s "$@"\n' "$JAVA" > "$WORK/java-no-xshare"
    chmod +x "$WORK/java-no-xshare"
    JAVA_OPTS+=("-Dbench.child.java=$WORK/java-no-xshare")
    "$JAVA" "${JAVA_OPTS[@]}" "-Dproclab.child.options=$CHILD_OPTIONS -XX:AOTCacheOutput=$WORK/child.aot" \
      -cp "$CP" PoolWhole 0 1 1 > /dev/null 2> "$WORK/cds.txt" || true
    [[ -f "$WORK/child.aot" ]] || { echo "run.sh: no AOT cache was written" >&2; cat "$WORK/cds.txt" >&2; exit 1; }
    CHILD_OPTIONS="$CHILD_OPTIONS -XX:AOTCache=$WORK/child.aot" ;;
  *) echo "run.sh: --child-cds takes dump, auto or aot" >&2; exit 2 ;;
esac
CHILD_OPTIONS="${CHILD_OPTIONS# }"
[[ -n "$CHILD_OPTIONS" ]] && JAVA_OPTS+=("-Dproclab.child.options=$CHILD_OPTIONS")

RESULTS="$WORK/results.txt"
: > "$RESULTS"

# Runs one program in the background (so an interrupt can stop it by pid) and keeps its
# RESULT/INFO lines; the children's own output ("messaging process running") is dropped.
run_program() {
  "$@" > "$WORK/out.txt" 2> "$WORK/err.txt" &
  PARENT_PIDS=($!)
  if ! wait "${PARENT_PIDS[0]}"; then
    echo "run.sh: failed: $*" >&2
    cat "$WORK/err.txt" >&2
    exit 1
  fi
  PARENT_PIDS=()
  grep -E '^(RESULT|INFO) ' "$WORK/out.txt" >> "$RESULTS" || true
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

java_run() { run_program "$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" "$@"; }
py_run() { run_program "$PYTHON" "$HERE/bench_processes.py" "$@"; }

read -r _ u n s i w q sq st _ < /proc/stat
BUSY0=$((u + n + s + q + sq + st)); START=$(date +%s.%N)
OURS0="$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

for ((round = 1; round <= ROUNDS; round++)); do
  ((WAIT_IDLE > 0)) && wait_idle "$WAIT_IDLE"
  echo "round $round/$ROUNDS ..." >&2
  if wants "$ONLY" q3; then
    wants "$LANGS" java && java_run StartJoin 2 5
    wants "$LANGS" python && py_run q3 --warmup 2 --reps 5
  fi
  if wants "$ONLY" q4; then
    wants "$LANGS" java && java_run PoolWhole 1 4
    wants "$LANGS" python && py_run q4 --warmup 1 --reps 4
  fi
  if wants "$ONLY" floor; then
    wants "$LANGS" java && java_run InterpreterFloor 2 5
    wants "$LANGS" python && py_run floor --warmup 2 --reps 5
  fi
  if wants "$ONLY" map; then
    wants "$LANGS" java && java_run MapThroughput 3 3 4 2
    wants "$LANGS" python && py_run map --warmup-seconds 3 --reps 3 --warmup-c1 4 --reps-c1 2
  fi
  if wants "$ONLY" cpu; then
    wants "$LANGS" java && java_run CpuSpeedup 1 2 "$JAVA_PRIME_N" "$PRIME_ITEMS"
    wants "$LANGS" python && py_run cpu --warmup 1 --reps 2 --n "$PYTHON_PRIME_N" --items "$PRIME_ITEMS"
  fi
  if wants "$ONLY" four; then
    wants "$LANGS" java && java_run FourAtOnce 1 3 "$JAVA_FOUR_N"
    wants "$LANGS" python && py_run four --warmup 1 --reps 3 --n "$PYTHON_FOUR_N"
  fi
  if wants "$ONLY" exit; then
    wants "$LANGS" java && java_run ExitSeen 1 3
    wants "$LANGS" python && py_run exit --warmup 1 --reps 3
  fi
  # This round's share of the race rounds (10 over 3 rounds: 3, 3, 4).
  race_share=$((RACE_ROUNDS * round / ROUNDS - RACE_ROUNDS * (round - 1) / ROUNDS))
  if wants "$ONLY" race && ((race_share > 0)); then
    wants "$LANGS" java && java_run Race "$race_share" "$RACE_INCREMENTS"
    wants "$LANGS" python && py_run race --reps "$race_share" --increments "$RACE_INCREMENTS"
  fi
done

read -r _ u n s i w q sq st _ < /proc/stat
BUSY1=$((u + n + s + q + sq + st)); END=$(date +%s.%N)
OURS1="$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)"

LEFT="$(pgrep -f "$WORK/bench.jar org.proclab.mp.spawn.ChildMain" || true)"
[[ -z "$LEFT" ]] || echo "run.sh: WARNING: child JVMs left over: $LEFT" >&2

[[ -n "$RAW" ]] && cp "$RESULTS" "$RAW"
"$PYTHON" "$HERE/report.py" "$RESULTS" \
  --label="$LABEL" \
  --java "$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.version = //p') ($JAVA)" \
  --java-options="${JAVA_OPTS[*]:-}" \
  --jar "$JAR" \
  --python "$("$PYTHON" -c 'import platform, sys; print(platform.python_version(), sys.executable)')" \
  --rounds "$ROUNDS" \
  --race-increments "$RACE_INCREMENTS" \
  --start "$START_METHOD" \
  --load-before "$LOAD_BEFORE" \
  --other-cpu "$BUSY0 $BUSY1 $OURS0 $OURS1 $START $END $(getconf CLK_TCK)"
