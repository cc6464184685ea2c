#!/usr/bin/env bash
# The socket benchmarks: sFOX's operation served over loopback by apigen (Hummingbird adapter),
# swift-openapi-generator (swift-openapi-hummingbird) and a hand-written Hummingbird route, loaded by
# wrk; the generated client over URLSession; server-sent events. Installs wrk (apt-get) if it is
# missing, builds in release, writes section 7 of Benchmarks/RESULTS.md. About 15 minutes after the
# build (the first release build takes 15–25 minutes on 2 cores). Not part of CI.
#   Benchmarks/Sockets/run.sh            3 repeats, 15 s of wrk per server and repeat
#   Benchmarks/Sockets/run.sh --quick    one short repeat (a smoke test of the harness)
#   Benchmarks/Sockets/run.sh --only servers --baseline OTHER/socket-bench   the wrk comparison only, with
#       the apigen server of another build (say, before a change) measured in the same rotation
set -euo pipefail
cd "$(dirname "$0")"
exec python3 sockets.py "$@"
