#!/usr/bin/env bash
# The classroom load (issue 7): N ProcLab kernels at once, each running the seed Q4 pool in a loop
# for S seconds; prints failures and the memory of idle kernels and idle child JVMs, and exits 1 if
# any round failed. Needs an installed kernelspec (see README.md here); ./proclab test --stress runs it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KERNELS=20
SECONDS_OF_LOAD=60
JSON=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --kernels) KERNELS="$2"; shift 2 ;;
    --seconds) SECONDS_OF_LOAD="$2"; shift 2 ;;
    --json) JSON="$2"; shift 2 ;;
    -h|--help) echo "usage: bench/load/run.sh [--kernels N (20)] [--seconds S (60)] [--json FILE]"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

args=(--kernels "$KERNELS" --seconds "$SECONDS_OF_LOAD")
[[ -n "$JSON" ]] && args+=(--json "$JSON")
exec /usr/bin/python3 "$HERE/classroom_load.py" "${args[@]}"
