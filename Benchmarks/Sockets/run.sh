#!/usr/bin/env bash
# The socket benchmarks: sFOX's operation served over loopback by apigen (Hummingbird adapter),
# swift-openapi-generator (swift-openapi-hummingbird) and a hand-written Hummingbird route, loaded by
# wrk; the generated client over URLSession and over AsyncHTTPClient; the same stream of server-sent
# events from apigen's and swift-openapi-generator's handlers, read over AsyncHTTPClient and URLSession.
# Installs wrk (apt-get) if it is missing, builds in release (socket-bench: servers and URLSession
# clients; socket-clients: AsyncHTTPClient clients), writes section 7 of Benchmarks/RESULTS.md. About
# 25 minutes after the build (the first release build takes 20–30 minutes on 2 cores; most of the run is
# swift-openapi-runtime decoding a buffered stream, see RESULTS.md). Not part of CI.
#   Benchmarks/Sockets/run.sh            3 repeats, 15 s of wrk per server and repeat
#   Benchmarks/Sockets/run.sh --quick    one short repeat (a smoke test of the harness)
#   Benchmarks/Sockets/run.sh --only servers --baseline OTHER/socket-bench   the wrk comparison only, with
#       the apigen server of another build (say, before a change) measured in the same rotation
#   Benchmarks/Sockets/run.sh --only clients --only events    those tables only (the others are kept)
set -euo pipefail
cd "$(dirname "$0")"
exec python3 sockets.py "$@"
