-- wrk script of the socket benchmark: POSTs sFOX's send-verification with a bearer credential and
-- prints one machine-readable line (latencies in microseconds) for sockets.py.
wrk.method = "POST"
wrk.path = "/v1/enterprise/users/send-verification/user-1"
wrk.body = '{"type":"email"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-key"

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        'WRK_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "status_errors": %d, ' ..
        '"socket_errors": %d}\n',
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors.status,
        errors.connect + errors.read + errors.write + errors.timeout))
end
