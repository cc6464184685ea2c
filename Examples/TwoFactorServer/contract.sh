#!/usr/bin/env bash
# Contract tests over real HTTP: start the example server, export each service's OpenAPI document with
# `apigen openapi`, and run schemathesis against every operation with all its checks.
#
# Bounded: CONTRACT_MAX_EXAMPLES examples per operation (default 50), CONTRACT_TIME_LIMIT seconds per
# service (default 300). The seed is printed; APIGEN_FUZZ_SEED=<seed> repeats a run. SCRATCH_PATH
# names the build directory of the example (default: its own .build), as `swift build --scratch-path`.
# Exits non-zero when any check fails for any service.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="${SCRATCH_PATH:-$here/.build}"
work="$scratch/contract"
venv="$here/.build-venv"
seed="${APIGEN_FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
max_examples="${CONTRACT_MAX_EXAMPLES:-50}"
time_limit="${CONTRACT_TIME_LIMIT:-300}"
schemathesis_version="4.32.5"

echo "== contract: seed $seed (repeat with APIGEN_FUZZ_SEED=$seed), $max_examples examples per operation"
mkdir -p "$work"

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$schemathesis_version"; then
    echo "== contract: installing schemathesis $schemathesis_version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

echo "== contract: exporting the OpenAPI documents"
swift build --package-path "$root" --product apigen
apigen="$(swift build --package-path "$root" --show-bin-path)/apigen"
for service in teamup smsend authendpoints sfox loginevents; do
    "$apigen" openapi "$root/Definitions/$service.json" --output "$work/$service.openapi.json"
done

echo "== contract: building and starting the example server"
swift build --package-path "$here" --scratch-path "$scratch" --product two-factor-server
server="$(swift build --package-path "$here" --scratch-path "$scratch" --show-bin-path)/two-factor-server"
"$server" --host 127.0.0.1 --port 0 > "$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
base=""
for _ in $(seq 1 300); do
    base="$(grep -Eo '^http://127\.0\.0\.1:[0-9]+$' "$work/server.log" | head -n 1 || true)"
    [ -n "$base" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "error: the server exited" >&2; exit 1; }
    sleep 0.2
done
[ -n "$base" ] || { echo "error: the server printed no URL within 60 s" >&2; exit 1; }
cat "$work/server.log"

# Each service: its OpenAPI document, its base path on the server, and the demo credentials (values
# from TwoFactorServices' DemoServices) as headers.
run_service() {
    local name="$1" path="$2"
    shift 2
    echo "== contract: $name at $base$path"
    local status=0
    set -o pipefail
    timeout --signal=INT "$time_limit" "$venv/bin/schemathesis" --config-file "$here/schemathesis.toml" \
        run "$work/$name.openapi.json" \
        --url "$base$path" --checks all --max-examples "$max_examples" --seed "$seed" \
        --workers 1 --no-color --generation-database none \
        --report junit --report-junit-path "$work/$name.junit.xml" "$@" 2>&1 | tee "$work/$name.log" \
        || status=$?
    if [ "$status" -ne 0 ]; then
        echo "error: schemathesis found failures in $name (exit $status; seed $seed)" >&2
        failed+=("$name")
    fi
}

failed=()
rm -f "$work"/*.junit.xml "$work"/teamup.log "$work"/smsend.log "$work"/authendpoints.log "$work"/sfox.log
run_service teamup /api/v2
run_service smsend /API/v1.0/REST -H "user_key: demo-user-key" -H "Session_key: demo-session-key"
run_service authendpoints "" -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGFuIn0.ZGVtby1zaWduYXR1cmU"
run_service sfox /v1 -H "Authorization: Bearer demo-enterprise-api-key"
# The streaming operations (server-sent events, JSON Lines, JSON Text Sequence; an OpenAPI 3.2 export).
run_service loginevents /api/v2/events

python3 - "$work" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
tests = failures = errors = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.junit.xml")):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        tests += int(suite.get("tests", 0)); failures += int(suite.get("failures", 0)); errors += int(suite.get("errors", 0))
import re
requests = sum(int(m) for path in glob.glob(sys.argv[1] + "/*.log")
               for m in re.findall(r"^\s*(\d+) generated", open(path, errors="replace").read(), re.M))
print(f"contract: {tests} operations tested, {requests} requests generated, {failures} failed, {errors} errors")
PY
if [ "${#failed[@]}" -ne 0 ]; then
    echo "error: contract failures in: ${failed[*]} (seed $seed)" >&2
    exit 1
fi
echo "== contract: no failures (seed $seed)"
