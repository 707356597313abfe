#!/usr/bin/env bash
# Investigation (a): the children's JVM options. Runs ../run.sh (Java only: Q3, Q4 and the map
# throughput) once per variant per round, variants alternated, and prints the medians per variant.
# usage: bench/processes/investigate/flags.sh [--jar JAR] [--rounds N] [--out DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/../../../proclab-app/target/proclab-mp.jar"
ROUNDS=3
OUT=""
J25=/usr/lib/jvm/temurin-25-jdk-amd64
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) JAR="$(readlink -f "$2")"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --out) OUT="$2"; mkdir -p "$OUT"; shift 2 ;;
    *) echo "flags.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

[[ -n "$OUT" ]] || OUT="$(mktemp -d /tmp/proclab-flags-XXXXXX)"

# label | options for run.sh
VARIANTS=(
  "17 default|"
  "17 C1 only (TieredStopAtLevel=1)|--child-options -XX:TieredStopAtLevel=1"
  "17 AppCDS (ArchiveClassesAtExit)|--child-cds dump"
  "17 AppCDS + C1|--child-cds dump --child-options -XX:TieredStopAtLevel=1"
  "17 AppCDS + C1 + -XX:-UsePerfData|--child-cds dump --child-options -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
  "17 -Xshare:off|--child-options -Xshare:off"
  "17 G1 instead of Serial|--child-options -XX:-UseSerialGC -XX:+UseG1GC"
  "25 default|--java-home $J25"
  "25 AutoCreateSharedArchive|--java-home $J25 --child-cds auto"
  "25 AutoCreateSharedArchive + C1|--java-home $J25 --child-cds auto --child-options -XX:TieredStopAtLevel=1"
  "25 AOT cache (JEP 483/514, no -Xshare:auto)|--java-home $J25 --child-cds aot"
  "25 AOT cache + C1|--java-home $J25 --child-cds aot --child-options -XX:TieredStopAtLevel=1"
)

for ((round = 1; round <= ROUNDS; round++)); do
  for i in "${!VARIANTS[@]}"; do
    label="${VARIANTS[$i]%%|*}"
    read -r -a opts <<< "${VARIANTS[$i]#*|}"
    # --child-options takes one word with spaces: re-join what follows it
    args=(); j=0
    while ((j < ${#opts[@]})); do
      if [[ "${opts[$j]}" == --child-options ]]; then
        words=(); j=$((j + 1))
        while ((j < ${#opts[@]})) && [[ "${opts[$j]}" != --* ]]; do words+=("${opts[$j]}"); j=$((j + 1)); done
        args+=(--child-options "${words[*]}")
      else
        args+=("${opts[$j]}"); j=$((j + 1))
      fi
    done
    echo "round $round/$ROUNDS: $label" >&2
    "$HERE/../run.sh" --jar "$JAR" --lang java --only q3,q4,map --rounds 1 "${args[@]}" \
      --raw "$OUT/v$(printf %02d "$i")__r$round.txt" > /dev/null 2> "$OUT/log.txt" || { cat "$OUT/log.txt" >&2; exit 1; }
    echo "$label" > "$OUT/v$(printf %02d "$i").label"
  done
done
/usr/bin/python3 "$HERE/summarize.py" "$OUT"
echo "raw results: $OUT" >&2
