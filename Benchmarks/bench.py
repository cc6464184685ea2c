#!/usr/bin/env python3
"""apigen's benchmarks, side by side with its peers. See run.sh; writes RESULTS.md.

Every figure is a median over repeated runs in separate processes; peak memory is the maximum
resident set size reported by GNU time (for a build, that of its largest process, the compiler).
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, ".build-bench")
SERVICES = ["sfox", "teamup", "smsend", "authendpoints"]
NOTES_MARKER = "<!-- notes: kept by bench.py -->"


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed(command, cwd=None, env=None, expected=(0,)):
    """Runs a command under GNU time: (seconds, peak RSS in MiB, stdout); `expected` exit statuses."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as report:
        start = time.perf_counter()
        result = subprocess.run(
            ["/usr/bin/time", "-v", "-o", report.name] + command, cwd=cwd, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        if result.returncode not in expected:
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        text = report.read()
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return seconds, peak, result.stdout


def repeat(runs, command, cwd=None, before=None, expected=(0,)):
    """Median seconds and peak MiB over `runs` runs."""
    seconds, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        s, p, _ = timed(command, cwd=cwd, expected=expected)
        seconds.append(s)
        peaks.append(p)
    return statistics.median(seconds), statistics.median(peaks)


def swift_build(package, scratch, extra=(), product=None, target=None, config="debug"):
    command = ["swift", "build", "--package-path", package, "--scratch-path", scratch, "-c", config] + list(extra)
    if product:
        command += ["--product", product]
    if target:
        command += ["--target", target]
    return timed(command)


def fmt(value, unit=""):
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:.0f}{unit}"
    if value >= 10:
        return f"{value:.1f}{unit}"
    return f"{value:.3g}{unit}"


def ratio(theirs, ours):
    if theirs is None or ours in (None, 0):
        return "–"
    return f"{theirs / ours:.1f}×"


class Bench:
    def __init__(self, quick):
        self.quick = quick
        self.rows = {}  # section -> list of rows
        os.makedirs(WORK, exist_ok=True)
        self.apigen = None
        self.theirs = None

    def add(self, section, row):
        self.rows.setdefault(section, []).append(row)
        log(f"  {section}: {row}")
        # Keep what was measured, so a failure later (or `--only`) does not lose it.
        with open(os.path.join(WORK, "rows.json"), "w") as f:
            json.dump(self.rows, f)

    # 2. Cold builds
    def cold_builds(self):
        log("cold builds")
        scratch = os.path.join(WORK, "cold-apigen")
        shutil.rmtree(scratch, ignore_errors=True)
        ours, ours_peak, _ = swift_build(ROOT, scratch, product="apigen", config="release")
        self.apigen = os.path.join(scratch, "release", "apigen")
        consumer = os.path.join(ROOT, "Tests", "Fixtures", "PluginConsumer")
        scratch = os.path.join(WORK, "cold-consumer")
        shutil.rmtree(scratch, ignore_errors=True)
        plugin, plugin_peak, _ = swift_build(consumer, scratch)
        noop, _, _ = swift_build(consumer, scratch)
        noop, _, _ = swift_build(consumer, scratch)  # the second is the no-op one (see the consumer's ci.sh)
        scratch = os.path.join(WORK, "cold-theirs")
        shutil.rmtree(scratch, ignore_errors=True)
        theirs, theirs_peak, _ = swift_build(HERE, scratch, product="swift-openapi-generator", config="release")
        self.theirs = os.path.join(scratch, "release", "swift-openapi-generator")
        self.add("build", ("generator CLI, release, cold", ours, ours_peak, theirs, theirs_peak))
        self.add("build", ("plugin consumer's first build (debug, cold)", plugin, plugin_peak, None, None))
        self.add("build", ("plugin consumer's no-op rebuild", noop, None, None, None))

    # 1. Generation
    def openapi_of(self, service, directory):
        path = os.path.join(directory, f"{service}.openapi.json")
        subprocess.run([self.apigen, "openapi", os.path.join(ROOT, "Definitions", f"{service}.json"), "-o", path], check=True)
        return path

    def synthetic_tool(self):
        """The project's generator of synthetic OpenAPI documents (Tests/APIOpenAPITests/SyntheticOpenAPI.swift)."""
        scratch = os.path.join(WORK, "synthetic-tool")
        if not getattr(self, "synthetic_binary", None):
            swift_build(HERE, scratch, product="SyntheticOpenAPI", config="release")
            self.synthetic_binary = os.path.join(scratch, "release", "SyntheticOpenAPI")
        return self.synthetic_binary

    # 6. Hostile input
    def hostile(self):
        """`apigen lint` on definitions made hostile by one huge string: its time must grow linearly."""
        log("linting hostile definitions")
        runs = 3 if self.quick else 5
        directory = os.path.join(WORK, "hostile")
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(ROOT, "Definitions", "sfox.json")) as f:
            base = json.load(f)
        for megabytes in [1, 5, 10]:
            for what, place in [("an unknown type name", "type"), ("an unknown key", "key")]:
                definition = json.loads(json.dumps(base))
                huge = "Q" * (megabytes * 1_000_000)
                if place == "type":
                    definition["types"][1]["fields"][0]["type"] = huge
                else:
                    definition["types"][1][huge] = 1
                path = os.path.join(directory, f"{place}-{megabytes}mb.json")
                with open(path, "w") as f:
                    json.dump(definition, f)  # on one line, as minified files are
                seconds, peak = repeat(runs, [self.apigen, "lint", path], expected=(1,))
                self.add("hostile", (f"lint, {megabytes} MB file: {what} of {megabytes} MB", seconds, peak, None, None))
            path = os.path.join(directory, f"nesting-{megabytes}mb.json")
            with open(path, "w") as f:
                f.write("[" * (megabytes * 1_000_000))
            seconds, peak = repeat(runs, [self.apigen, "lint", path], expected=(1,))
            self.add("hostile", (f"lint, {megabytes} MB file: {megabytes * 1_000_000:,} nested '['", seconds, peak, None, None))
        # Many unknown names among many types: "did you mean" compares each with every type.
        for count in [1000, 5000, 10000]:
            types = [{"name": f"Thing{i}", "kind": "object", "fields": []} for i in range(count)]
            types.append({"name": "Holder", "kind": "object",
                          "fields": [{"name": f"f{i}", "type": f"Thnig{i}"} for i in range(count)]})
            path = os.path.join(directory, f"unknown-{count}.json")
            with open(path, "w") as f:
                json.dump({"formatVersion": 1, "service": {"name": "Q", "baseURL": "https://q.test"},
                           "types": types, "operations": []}, f)
            seconds, peak = repeat(runs, [self.apigen, "lint", path], expected=(1,))
            self.add("hostile", (f"lint, {count:,} types and {count:,} unknown type names", seconds, peak, None, None))

    def synthetic(self, ops):
        directory = os.path.join(WORK, f"synthetic-{ops}")
        os.makedirs(os.path.join(directory, "Definitions"), exist_ok=True)
        spec = os.path.join(directory, "openapi.json")
        if not os.path.exists(spec):
            subprocess.run([self.synthetic_tool(), "--ops", str(ops), "--schemas", str(2 * ops), "-o", spec], check=True)
        definition = os.path.join(directory, "Definitions", "synthetic.json")
        subprocess.run([self.apigen, "import", spec, "-o", definition, "--name", f"Synthetic{ops}"],
                       check=True, stderr=subprocess.DEVNULL)
        return directory, spec

    def generate_ours(self, definitions_dir, runs):
        out = os.path.join(WORK, "out-ours")
        return repeat(runs, [self.apigen, "generate", "--quiet", "--definitions", definitions_dir, "--output", out],
                      before=lambda: shutil.rmtree(out, ignore_errors=True))

    def generate_theirs(self, spec, runs):
        out = os.path.join(WORK, "out-theirs")
        config = os.path.join(WORK, "openapi-generator-config.yaml")
        with open(config, "w") as f:
            f.write("generate:\n  - types\n  - client\n  - server\naccessModifier: public\n")
        def clean():
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
        return repeat(runs, [self.theirs, "generate", spec, "--config", config, "--output-directory", out], before=clean)

    def generation(self):
        log("generation")
        runs = 3 if self.quick else 7
        docs = os.path.join(WORK, "services")
        os.makedirs(docs, exist_ok=True)
        for service in SERVICES:
            one = os.path.join(docs, service, "Definitions")
            os.makedirs(one, exist_ok=True)
            shutil.copy(os.path.join(ROOT, "Definitions", f"{service}.json"), one)
            ours = self.generate_ours(one, runs)
            theirs = self.generate_theirs(self.openapi_of(service, docs), runs)
            self.add("generation", (service, *ours, *theirs))
        ours = self.generate_ours(os.path.join(ROOT, "Definitions"), runs)
        self.add("generation", ("all four services, one process", *ours, None, None))
        sizes = [50, 500] if self.quick else [50, 500, 2000]
        for ops in sizes:
            directory, spec = self.synthetic(ops)
            ours = self.generate_ours(os.path.join(directory, "Definitions"), runs)
            theirs = self.generate_theirs(spec, 1 if ops >= 2000 else min(runs, 3))
            self.add("generation", (f"synthetic, {ops} operations", *ours, *theirs))
        for ops in ([] if self.quick else [1000, 5000, 10000]):
            directory, _ = self.synthetic(ops)
            ours = self.generate_ours(os.path.join(directory, "Definitions"), 3)
            self.add("generation", (f"synthetic, {ops} operations (ours alone)", *ours, None, None))

    # 3. Compiling the generated code
    def compile_generated(self):
        log("compiling generated code (500 operations)")
        directory, spec = self.synthetic(500)
        # Ours: the generated target alone, APIRuntime prebuilt.
        ours_pkg = os.path.join(WORK, "compile-ours")
        shutil.rmtree(ours_pkg, ignore_errors=True)
        os.makedirs(os.path.join(ours_pkg, "Generated"))
        subprocess.run([self.apigen, "generate", "--quiet", "--definitions", os.path.join(directory, "Definitions"),
                        "--output", os.path.join(ours_pkg, "Generated")], check=True)
        os.symlink(ROOT, os.path.join(WORK, "apigen")) if not os.path.exists(os.path.join(WORK, "apigen")) else None
        with open(os.path.join(ours_pkg, "Package.swift"), "w") as f:
            f.write('''// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "CompileOurs", platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../apigen")],
    targets: [.target(name: "Synthetic500API", dependencies: [.product(name: "APIRuntime", package: "apigen")],
                      path: "Generated/Synthetic500")],
    swiftLanguageModes: [.v6])
''')
        scratch = os.path.join(ours_pkg, ".build")
        swift_build(ours_pkg, scratch, target="APIRuntime")
        ours_s, ours_peak, _ = swift_build(ours_pkg, scratch, target="Synthetic500API")
        ours_lines = sum(sum(1 for _ in open(os.path.join(dp, f))) for dp, _, fs in os.walk(os.path.join(ours_pkg, "Generated")) for f in fs)
        # Theirs: the same API through swift-openapi-generator, OpenAPIRuntime prebuilt.
        theirs_pkg = os.path.join(WORK, "compile-theirs")
        shutil.rmtree(theirs_pkg, ignore_errors=True)
        sources = os.path.join(theirs_pkg, "Sources", "Synthetic500")
        os.makedirs(sources)
        config = os.path.join(WORK, "openapi-generator-config.yaml")
        subprocess.run([self.theirs, "generate", spec, "--config", config, "--output-directory", sources], check=True,
                       stdout=subprocess.DEVNULL)
        with open(os.path.join(theirs_pkg, "Package.swift"), "w") as f:
            f.write('''// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "CompileTheirs", platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4")],
    targets: [.target(name: "Synthetic500", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")])],
    swiftLanguageModes: [.v5])
''')
        scratch = os.path.join(theirs_pkg, ".build")
        swift_build(theirs_pkg, scratch, target="OpenAPIRuntime")
        theirs_s, theirs_peak, _ = swift_build(theirs_pkg, scratch, target="Synthetic500")
        theirs_lines = sum(sum(1 for _ in open(os.path.join(sources, f))) for f in os.listdir(sources))
        self.add("compile", ("500-operation API, debug, target alone", ours_s, ours_peak, theirs_s, theirs_peak))
        self.add("lines", ("lines of generated code per operation", ours_lines / 500, None, theirs_lines / 500, None))

    # 4, 5. Coders and routing at run time
    def runtime(self):
        log("coders and routing")
        scratch = os.path.join(WORK, "runtime")
        swift_build(HERE, scratch, product="RuntimeBenchmarks", config="release")
        binary = os.path.join(scratch, "release", "RuntimeBenchmarks")
        records = "8000" if self.quick else "40000"
        runs = "3" if self.quick else "7"
        def run(name, count=records):
            _, peak, out = timed([binary, name, count, runs])
            result = json.loads(out.strip().splitlines()[-1])
            result["peak_mib"] = peak
            return result
        def merged(results):
            runs = [value for result in results for value in result["runs_ms"]]
            return {"median_ms": statistics.median(runs), "peak_mib": max(r["peak_mib"] for r in results),
                    "bytes": results[0]["bytes"]}
        # XML uses fewer records: XMLCoder reads with XMLParser(data:), which refuses documents over
        # 10 MB on Linux (40,000 records are 11.9 MB of DRF XML; ours reads them, XMLCoder throws).
        xml_records = "6000" if self.quick else "30000"
        for what in ["json-decode", "json-encode", "xml-decode", "xml-encode"]:
            peer = "synthesized" if what.startswith("json") else "xmlcoder"
            count = records if what.startswith("json") else xml_records
            # Alternate ours and theirs over several processes, so that a slow phase of the machine
            # does not land on one side only; the figure is the median over all their runs.
            rounds = [(run(f"{what}-ours", count), run(f"{what}-{peer}", count)) for _ in range(1 if self.quick else 3)]
            ours, theirs = (merged([pair[side] for pair in rounds]) for side in (0, 1))
            label = f"{what.replace('-', ' ')}, {ours['bytes'] / 1e6:.1f} MB, {int(count)} records"
            self.add("coders", (label, ours["median_ms"] / 1000, ours["peak_mib"], theirs["median_ms"] / 1000, theirs["peak_mib"]))
        small = run("teamup-small-json-ours", "10000")
        self.add("coders", ("TeamUp PasswordLoginResponse (oneOf) decode, ×10,000", small["median_ms"] / 1000, small["peak_mib"], None, None))
        served = run("routing-four-services", "9000")
        self.add("routing", ("every operation of the four services, in process", served["requests_per_second"], served["peak_mib"], None, None))
        # Alternated too: the two figures are compared with each other.
        pairs = [(run("routing-10-routes", "200000"), run("routing-1000-routes", "200000")) for _ in range(1 if self.quick else 3)]
        ten = {"ns_per_request": statistics.median(pair[0]["ns_per_request"] for pair in pairs)}
        thousand = {"ns_per_request": statistics.median(pair[1]["ns_per_request"] for pair in pairs)}
        self.add("routing", ("route matching, 10 routes (ns/request)", ten["ns_per_request"], None, None, None))
        self.add("routing", ("route matching, 1,000 routes (ns/request)", thousand["ns_per_request"], None, None, None))
        # Server-sent events decoded as they arrive (16 KiB chunks made on demand): the same peak memory
        # at 100,000 and 1,000,000 events means the reader holds one event, not the stream.
        for count in (["20000"] if self.quick else ["100000", "1000000"]):
            ours, theirs = run("sse-decode-ours", count), run("sse-decode-openapiruntime", count)
            label = f"SSE decode as it arrives, {int(count):,} events, {ours['bytes'] / 1e6:.0f} MB (vs swift-openapi-runtime)"
            self.add("coders", (label, ours["median_ms"] / 1000, ours["peak_mib"], theirs["median_ms"] / 1000, theirs["peak_mib"]))

    def machine(self):
        cpu = "unknown"
        try:
            with open("/proc/cpuinfo") as f:
                cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
        except (OSError, StopIteration):
            pass
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        swift = subprocess.run(["swift", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout.splitlines()[0]
        return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB; {swift}"

    def report(self):
        lines = ["# Benchmarks", "", f"Machine: {self.machine()}  ", f"Date: {time.strftime('%Y-%m-%d')}  ",
                 "Command: `Benchmarks/run.sh`" + (" --quick" if self.quick else ""), "",
                 "Medians over repeated runs, each in its own process; peak memory is the maximum resident set",
                 "size (for builds: of the largest process, the compiler). Ratio = theirs / ours (higher is better for us).", ""]
        titles = {
            "generation": ("1. Generation", "seconds", "apigen", "swift-openapi-generator (types + client + server)"),
            "build": ("2. Cold builds", "seconds", "apigen", "swift-openapi-generator"),
            "compile": ("3. Compiling the generated code", "seconds", "apigen", "swift-openapi-generator"),
            "lines": ("3b. Size of the generated code", "lines", "apigen", "swift-openapi-generator"),
            "coders": ("4. Coders at run time", "seconds", "apigen (generated coders)", "Foundation synthesized Codable / XMLCoder"),
            "routing": ("5. Server routing", "value", "apigen", "–"),
            "hostile": ("6. Hostile input (`apigen lint`, linear in the size)", "seconds", "apigen", "–"),
        }
        for key in ["generation", "build", "compile", "lines", "coders", "routing", "hostile"]:
            if key not in self.rows:
                continue
            title, unit, ours, theirs = titles[key]
            lines += [f"## {title}", "", f"| | {ours} ({unit}) | peak MiB | {theirs} ({unit}) | peak MiB | ratio |", "|---|---|---|---|---|---|"]
            for name, a, ap, b, bp in self.rows[key]:
                lines.append(f"| {name} | {fmt(a)} | {fmt(ap)} | {fmt(b)} | {fmt(bp)} | {ratio(b, a)} |")
            lines.append("")
        return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller inputs")
    parser.add_argument("--only", choices=["build", "generation", "compile", "runtime", "hostile"], action="append")
    parser.add_argument("--output", default=os.path.join(HERE, "RESULTS.md"))
    args = parser.parse_args()
    bench = Bench(args.quick)
    steps = args.only or ["build", "generation", "compile", "runtime", "hostile"]
    saved = os.path.join(WORK, "rows.json")
    if args.only and os.path.exists(saved):
        # Re-measure some steps; keep the other sections from the last run.
        with open(saved) as f:
            bench.rows = {key: [tuple(row) for row in rows] for key, rows in json.load(f).items()}
        for step, sections in {"build": ["build"], "generation": ["generation"], "compile": ["compile", "lines"],
                               "runtime": ["coders", "routing"], "hostile": ["hostile"]}.items():
            if step in steps:
                for section in sections:
                    bench.rows.pop(section, None)
    if "build" in steps:
        bench.cold_builds()
    else:
        bench.apigen = os.path.join(WORK, "cold-apigen", "release", "apigen")
        bench.theirs = os.path.join(WORK, "cold-theirs", "release", "swift-openapi-generator")
        if set(steps) <= {"hostile"}:
            # The hostile-input rows need apigen only (no peer, no network).
            if not os.path.exists(bench.apigen):
                swift_build(ROOT, os.path.join(WORK, "cold-apigen"), product="apigen", config="release")
        elif not (os.path.exists(bench.apigen) and os.path.exists(bench.theirs)):
            sys.exit("run the build step first (Benchmarks/run.sh --only build)")
    if "generation" in steps:
        bench.generation()
    if "compile" in steps:
        bench.compile_generated()
    if "runtime" in steps:
        bench.runtime()
    if "hostile" in steps:
        bench.hostile()
    report = bench.report()
    # Hand-written notes (targets, profiles, before/after) follow the marker and are kept.
    notes = ""
    if os.path.exists(args.output):
        with open(args.output) as f:
            previous = f.read()
        if NOTES_MARKER in previous:
            notes = previous[previous.index(NOTES_MARKER):]
    with open(args.output, "w") as f:
        f.write(report + "\n" + notes)
    print(report)


if __name__ == "__main__":
    main()
