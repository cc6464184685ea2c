#!/usr/bin/env bash
# apigen on a directory of real-world OpenAPI documents (issue 12): import, lint, generate and
# compile each `*.json`, beside swift-openapi-generator's generate time. Prints a markdown table.
#   Benchmarks/corpus.sh DIR [--out FILE] [--runs N] [--no-compile] [--no-peer] [--list-warnings]
#   Benchmarks/corpus.sh --perf [--out FILE]   1,000-operation generation, 500-operation compile
# Builds what it needs under .build-corpus/ (release apigen; swift-openapi-generator's CLI once,
# which takes several minutes). Not part of CI. See Benchmarks/corpus.py for the details.
set -euo pipefail
exec python3 "$(dirname "$0")/corpus.py" "$@"
