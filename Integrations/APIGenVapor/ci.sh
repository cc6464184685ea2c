#!/usr/bin/env bash
# Builds the Vapor adapter and its tests (a warning in the adapter, its tests, apigen's runtime or the
# generated services fails the build) and runs the tests: every service over real HTTP on 127.0.0.1.
# .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
swift build --build-tests 2>&1 | tee "$log"
if grep -E "^/.*/(Integrations/APIGenVapor/(Sources|Tests)|Sources/APIRuntime|Generated)/.*: warning:" "$log"; then
    echo "error: the Vapor adapter's build has warnings (listed above)" >&2
    exit 1
fi
swift test
