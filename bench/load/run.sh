#!/usr/bin/env bash
# The classroom load (issue 7): N ProcLab kernels at once, each running the seed Q4 pool in a loop
# for S seconds; prints failures and the memory of idle kernels and idle child JVMs, and exits 1 if
# any round failed. Needs an installed kernelspec (see README.md here); ./proclab test --stress runs it.
# With --hub (issue 21): N students through a real JupyterHub (30 by default), see hub_load.py.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KERNELS=20
SECONDS_OF_LOAD=60
JSON=""
HUB=""
KERNELS_GIVEN=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --kernels) KERNELS="$2"; KERNELS_GIVEN=1; shift 2 ;;
    --seconds) SECONDS_OF_LOAD="$2"; shift 2 ;;
    --json) JSON="$2"; shift 2 ;;
    --hub) HUB=1; shift ;;
    -h|--help) echo "usage: bench/load/run.sh [--hub] [--kernels N (20, or 30 students with --hub)] [--seconds S (60)] [--json FILE]"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if [[ -n "$HUB" ]]; then
  [[ "$KERNELS_GIVEN" ]] || KERNELS=30
  args=(--students "$KERNELS" --seconds "$SECONDS_OF_LOAD")
  script=hub_load.py
else
  args=(--kernels "$KERNELS" --seconds "$SECONDS_OF_LOAD")
  script=classroom_load.py
fi
[[ -n "$JSON" ]] && args+=(--json "$JSON")
exec /usr/bin/python3 "$HERE/$script" "${args[@]}"
