#!/usr/bin/env bash
# Threads and the kernel's footprint under a limit (issue 21, decision 030): how long the stop button takes
# on a cell with thousands of threads, a thread bomb under MEM_LIMIT, and an idle kernel's RSS with and
# without a limit. Needs an installed kernelspec on JUPYTER_PATH (see README.md here).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec /usr/bin/python3 "$HERE/threads_bench.py" "$@"
