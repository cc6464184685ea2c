#!/usr/bin/env python3
"""The socket benchmarks (issue 11, section 6). See run.sh; writes section 7 of Benchmarks/RESULTS.md.

Every server serves sFOX's send-verification on 127.0.0.1 in its own process (a release build of
socket-bench); wrk loads each in turn with the same script, connections and duration. The client and
event-stream comparisons run the same way. Each comparison runs back to back, the order rotated from
one repeat to the next, and each table shows the medians of the repeats. `--only` re-measures some
comparisons and keeps the other tables as they are in RESULTS.md.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(os.path.dirname(HERE), "RESULTS.md")
BEGIN = "<!-- sockets: kept by Sockets/run.sh -->"
END = "<!-- end of sockets -->"

# (name in the tables, `socket-bench serve` variant)
SERVERS = [
    ("apigen: generated sFOX handler, Integrations/APIGenHummingbird", "apigen"),
    ("swift-openapi-generator + swift-openapi-hummingbird", "sog"),
    ("hand-written Hummingbird route", "hand"),
]
# (name in the tables, `client` variant, the executable that has it)
TRANSPORTS = [
    ("URLSessionTransport", "urlsession", "socket-bench"),
    ("AsyncHTTPClientTransport (Integrations/AsyncHTTPClient)", "ahc", "socket-clients"),
]
# (name in the tables, `socket-bench serve` variant, `events` variant, the executable that has it)
# The same events both sides: `{"sequence": n, "status": "pending"|"verified"}`, n from 0, each checked.
STREAMS = [
    ("apigen: generated handler, Integrations/APIGenHummingbird → generated client, "
     "AsyncHTTPClientTransport (streams)", "apigen-events", "apigen-ahc", "socket-clients"),
    ("apigen: generated handler, Integrations/APIGenHummingbird → generated client, "
     "URLSessionTransport (buffered)", "apigen-events", "apigen-urlsession", "socket-bench"),
    ("swift-openapi-generator: swift-openapi-hummingbird → generated client, swift-openapi-async-http-client "
     "(streams), asDecodedServerSentEventsWithJSONData", "sog", "sog-ahc", "socket-clients"),
    ("swift-openapi-generator: swift-openapi-hummingbird → URLSession (buffered), "
     "asDecodedServerSentEventsWithJSONData", "sog", "sog", "socket-bench"),
]


def log(message):
    print(message, file=sys.stderr, flush=True)


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One server process on a free port, checked with a real request before use."""

    def __init__(self, binary, variant):
        self.port = free_port()
        self.variant = variant
        self.process = subprocess.Popen([binary, "serve", variant, "--port", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                self.check()
                return
            except OSError as error:
                if self.process.poll() is not None:
                    raise RuntimeError(f"server {variant} exited: {self.process.stderr.read()[-2000:]}") from error
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"server {variant} did not answer on port {self.port}") from error
                time.sleep(0.2)

    def check(self):
        """One send-verification: 200 with the expected JSON, or an exception. A server of events only
        (`apigen-events`) is checked with a stream of two events instead."""
        if self.variant == "apigen-events":
            url = f"http://127.0.0.1:{self.port}/v1/events?count=2"
            request = urllib.request.Request(url, headers={"Accept": "text/event-stream"})
            with urllib.request.urlopen(request, timeout=5) as response:
                data = [json.loads(line[len("data:"):]) for line in response.read().decode().splitlines()
                        if line.startswith("data:")]
            if data != [{"sequence": 0, "status": "pending"}, {"sequence": 1, "status": "verified"}]:
                raise RuntimeError(f"unexpected events: {data}")
            return
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/v1/enterprise/users/send-verification/user-1",
            data=b'{"type":"email"}', method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json",
                     "Authorization": "Bearer bench-key"})
        with urllib.request.urlopen(request, timeout=5) as response:
            body = json.load(response)
        expected = {"user_id": "user-1", "type": "email", "email": "user-1@example.com"}
        if response.status != 200 or body != {"data": expected}:
            raise RuntimeError(f"unexpected answer {response.status}: {body}")
        # Without a credential: 401 (every server checks the bearer credential).
        request.remove_header("Authorization")
        try:
            urllib.request.urlopen(request, timeout=5)
            raise RuntimeError("a request without a credential was answered 2xx")
        except urllib.error.HTTPError as error:
            if error.code != 401:
                raise RuntimeError(f"a request without a credential was answered {error.code}, not 401")

    def cpu_seconds(self):
        """User + system CPU time the server process has used so far."""
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wrk(port, args, seconds):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--latency",
               "-s", os.path.join(HERE, "post.lua"), f"http://127.0.0.1:{port}"]
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK_JSON "))
    result = json.loads(line[len("WRK_JSON "):])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def client_run(binary, command, variant, port, **options):
    arguments = [binary, command, variant, "--port", str(port)]
    for key, value in options.items():
        arguments += [f"--{key}", str(value)]
    output = subprocess.run(arguments, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def rotated(items, repeat):
    shift = repeat % len(items)
    return items[shift:] + items[:shift]


def ms(microseconds):
    return f"{microseconds / 1000:.2f} ms"


def peak_rss(runs):
    """The largest peak resident set size of the client runs, in MiB (the clients read VmHWM)."""
    values = [r["peak_rss_kib"] for r in runs if r.get("peak_rss_kib") is not None]
    return f"{max(values) / 1024:.1f} MiB" if values else "n/a"


def saved_blocks():
    """The tables of the section now in RESULTS.md, by step, for the steps this run does not measure."""
    if not os.path.exists(RESULTS):
        return {}
    with open(RESULTS) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        return {}
    blocks = {}
    step = None
    for line in text[text.index(BEGIN):text.index(END)].splitlines():
        if line.startswith("### "):
            step = ("servers" if "under wrk" in line else "clients" if "client:" in line
                    else "events" if "Server-sent events" in line else None)
            if step:
                blocks[step] = []
        if step:
            blocks[step].append(line)
    for lines in blocks.values():
        while lines and not lines[-1].strip():
            lines.pop()
    return blocks


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one short repeat of everything (a smoke test)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per server and repeat")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk before each measurement")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=8, help="tasks of the concurrent client runs")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--only", choices=["servers", "clients", "events"], action="append",
                        help="measure only these comparisons (the others keep their tables in RESULTS.md)")
    parser.add_argument("--no-build", action="store_true", help="use the release binaries already built")
    parser.add_argument("--no-write", action="store_true", help="print the tables, leave RESULTS.md alone")
    parser.add_argument("--baseline", metavar="BINARY",
                        help="another socket-bench build (say, of the commit before a change) whose apigen server "
                             "is measured too, in the same rotation, as one more row")
    args = parser.parse_args()
    if args.quick:
        args.repeats, args.duration, args.warmup, args.calls, args.events = 1, 3, 1, 1000, 10_000

    if shutil.which("wrk") is None:
        log("installing wrk (Debian package)")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    steps = args.only or ["servers", "clients", "events"]
    needed = {executable for _, _, executable in TRANSPORTS} if "clients" in steps else set()
    needed |= {executable for _, _, _, executable in STREAMS} if "events" in steps else set()
    products = ["socket-bench"] + sorted(needed - {"socket-bench"})
    for product in [] if args.no_build else products:
        log(f"building {product} (release)")
        subprocess.run(["swift", "build", "-c", "release", "--package-path", HERE, "--product", product],
                       check=True, stdout=sys.stderr)
    binary = os.path.join(HERE, ".build", "release", "socket-bench")

    loads = {"servers": [], "clients": [], "events": []}
    started = {}
    # (name, variant, binary): the table's rows; a baseline build's apigen server is one more.
    servers = [(name, variant, binary) for name, variant in SERVERS]
    if args.baseline:
        servers.insert(1, ("apigen, the `--baseline` build", "apigen",
                           os.path.abspath(args.baseline)))
    served = {name: [] for name, _, _ in servers}
    started["servers"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    for repeat in range(args.repeats if "servers" in steps else 0):
        for name, variant, server_binary in rotated(servers, repeat):
            server = Server(server_binary, variant)
            try:
                wrk(server.port, args, args.warmup)
                loads["servers"].append(load_average())
                cpu = server.cpu_seconds()
                result = wrk(server.port, args, args.duration)
                result["cpu_us"] = (server.cpu_seconds() - cpu) / max(1, result["requests"]) * 1e6
                server.check()
            finally:
                server.stop()
            log(f"repeat {repeat + 1}, {name}: {result['rps']:.0f} requests/s, p50 {ms(result['p50_us'])}, "
                f"p99 {ms(result['p99_us'])}, server CPU {result['cpu_us']:.0f} µs/request, "
                f"non-2xx {result['status_errors']}, load {loads['servers'][-1]}")
            served[name].append(result)

    calls = {}
    started["clients"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    server = Server(binary, "hand") if "clients" in steps else None
    try:
        for repeat in range(args.repeats if server else 0):
            for name, variant, executable in rotated(TRANSPORTS, repeat):
                for concurrency in [1, args.concurrency]:
                    loads["clients"].append(load_average())
                    result = client_run(os.path.join(HERE, ".build", "release", executable), "client", variant,
                                        server.port, calls=args.calls, concurrency=concurrency)
                    log(f"repeat {repeat + 1}, {name}, {concurrency} task(s): {result}")
                    calls.setdefault((variant, concurrency), []).append(result)
    finally:
        if server:
            server.stop()

    streams = {}
    started["events"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    for repeat in range(args.repeats if "events" in steps else 0):
        for name, server_variant, variant, executable in rotated(STREAMS, repeat):
            server = Server(binary, server_variant)
            try:
                loads["events"].append(load_average())
                result = client_run(os.path.join(HERE, ".build", "release", executable), "events", variant,
                                    server.port, events=args.events)
            finally:
                server.stop()
            log(f"repeat {repeat + 1}, {name}: {result}")
            streams.setdefault(variant, []).append(result)

    # The baseline's path is the caller's machine (a worktree, a temporary build): the results name it BASELINE,
    # so the committed file never points outside the repository.
    shown = ["BASELINE" if index > 0 and sys.argv[index] == args.baseline and sys.argv[index - 1] == "--baseline"
             else argument for index, argument in enumerate(sys.argv) if index > 0]
    shown = [argument.replace(args.baseline, "BASELINE") if args.baseline and argument.startswith("--baseline=")
             else argument for argument in shown]
    command = " ".join(["Benchmarks/Sockets/run.sh"] + shown)

    def provenance(step):
        return (f"Measured {started[step]} UTC with `{command}`: medians of {args.repeats} "
                f"repeat(s), the order rotated between repeats; 1-minute load average "
                f"{min(loads[step]):.1f}–{max(loads[step]):.1f} on {os.cpu_count()} cores when the runs started.")

    blocks = saved_blocks()
    if "servers" in steps:
        lines = [
            f"### sFOX's send-verification under wrk ({args.threads} threads, {args.connections} connections, "
            f"{args.duration} s after {args.warmup} s of warm-up)",
            "",
            provenance("servers"),
            "",
            "| server | requests/s (median) | requests/s (all repeats) | p50 | p99 | server CPU per request "
            "| non-2xx | socket errors |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name, _, _ in servers:
            runs = served[name]
            lines.append(
                f"| {name} | {statistics.median(r['rps'] for r in runs):,.0f} | "
                f"{', '.join(format(r['rps'], ',.0f') for r in runs)} | "
                f"{ms(statistics.median(r['p50_us'] for r in runs))} | "
                f"{ms(statistics.median(r['p99_us'] for r in runs))} | "
                f"{statistics.median(r['cpu_us'] for r in runs):.0f} µs | "
                f"{sum(r['status_errors'] for r in runs)} | {sum(r['socket_errors'] for r in runs)} |")
        blocks["servers"] = lines
    if "clients" in steps:
        lines = [f"### The generated sFOX client: {args.calls:,} calls to the hand-written route", "",
                 provenance("clients"), "",
                 "| transport | tasks | seconds (median) | calls/s | failed calls | client peak RSS |",
                 "|---|---|---|---|---|---|"]
        for name, variant, _ in TRANSPORTS:
            for concurrency in [1, args.concurrency]:
                runs = calls[(variant, concurrency)]
                seconds = statistics.median(r["seconds"] for r in runs)
                lines.append(f"| {name} | {concurrency} | {seconds:.2f} | {args.calls / seconds:,.0f} | "
                             f"{sum(r['failures'] for r in runs)} | {peak_rss(runs)} |")
        blocks["clients"] = lines
    if "events" in steps:
        lines = [f"### Server-sent events: one stream of {args.events:,} small JSON events, server to client", "",
                 provenance("events"), "",
                 "| server → client | seconds (median) | events/s | wrong or missing events | client peak RSS |",
                 "|---|---|---|---|---|"]
        for name, _, variant, _ in STREAMS:
            runs = streams[variant]
            seconds = statistics.median(r["seconds"] for r in runs)
            lines.append(f"| {name} | {seconds:.2f} | {args.events / seconds:,.0f} | "
                         f"{sum(r['failures'] for r in runs)} | {peak_rss(runs)} |")
        blocks["events"] = lines
    lines = [
        BEGIN,
        "## 7. Over real sockets (Benchmarks/Sockets)",
        "",
        "Release builds; every server and client runs in its own process on 127.0.0.1, and wrk and the "
        "server share the machine's cores (shared with other builds while measured: see each load average).",
    ]
    for step in ["servers", "clients", "events"]:
        if step in blocks:
            lines += [""] + blocks[step]
    lines.append(END)
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        with open(RESULTS) as f:
            text = f.read()
        if BEGIN in text and END in text:
            text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        with open(RESULTS, "w") as f:
            f.write(text)
        log(f"wrote {RESULTS}")
    failures = sum(r["status_errors"] + r["socket_errors"] for runs in served.values() for r in runs)
    failures += sum(r["failures"] for runs in list(calls.values()) + list(streams.values()) for r in runs)
    if failures:
        sys.exit(f"{failures} failed requests, calls or events (see the tables)")


if __name__ == "__main__":
    main()
