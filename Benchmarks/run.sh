#!/usr/bin/env bash
# Runs every benchmark side by side and writes Benchmarks/RESULTS.md. Takes a while (cold builds,
# compiling two 500-operation APIs): about half an hour on 2 cores. Not part of CI.
#   Benchmarks/run.sh            everything
#   Benchmarks/run.sh --quick    fewer runs, smaller inputs (a smoke test of the harness)
#   Benchmarks/run.sh --only hostile   just the hostile-input rows (apigen alone, no network)
set -euo pipefail
cd "$(dirname "$0")"
exec python3 bench.py "$@"
