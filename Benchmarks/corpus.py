#!/usr/bin/env python3
"""apigen on real-world OpenAPI documents (issue 12): import, lint, generate and compile each one.

    Benchmarks/corpus.sh DIR [--out FILE] [--runs N] [--no-compile] [--no-peer]
    Benchmarks/corpus.sh --perf [--out FILE] [--runs N]

For every `*.json` in DIR (YAML files are listed as skipped: `apigen import` reads JSON only):
`apigen import` (operations, types, warnings grouped by their kind tag, the `[kind]` that ends each
warning line), `apigen lint` of the imported definition, `apigen generate` (median wall time of
--runs runs), a debug compile of the generated code in one scratch package that depends on this
repository's APIRuntime (built once, before the first document, and not counted), and
swift-openapi-generator's `generate` (types, client and server) on the same document.

`--perf` measures what issue 12 must not regress instead: generation of the 1,000-operation
synthetic API, and compiling the 500-operation API's generated target (wall time and the peak
resident memory of the largest process, the compiler), the way Benchmarks/bench.py does.

Everything is built and written under `.build-corpus/` in the repository (git ignores it): the
release `apigen`, swift-openapi-generator's CLI (release, once), the scratch packages. The report
is a markdown table on standard output (and in --out); progress goes to standard error.
"""
import argparse
import datetime
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
WORK = os.path.join(ROOT, ".build-corpus")
PEER_VERSION = "1.14.3"
KIND = re.compile(r"\[([a-z0-9-]+)\]$")


def log(message):
    print(message, file=sys.stderr, flush=True)


class Run:
    """One process run under GNU time: exit status, wall seconds, peak RSS (MiB), output."""

    def __init__(self, command, cwd=None):
        with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as report:
            start = time.perf_counter()
            result = subprocess.run(
                ["/usr/bin/time", "-v", "-o", report.name] + command, cwd=cwd,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
            self.seconds = time.perf_counter() - start
            text = report.read()
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        self.peak = int(found.group(1)) / 1024 if found else None
        # CPU seconds (user + system): what the run cost, less sensitive than wall time to a busy machine.
        cpu = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text)
        self.cpu = sum(float(x) for x in cpu) if cpu else None
        self.status = result.returncode
        self.stdout = result.stdout
        self.stderr = result.stderr

    @property
    def ok(self):
        return self.status == 0

    def tail(self, lines=20):
        return "\n".join((self.stdout + self.stderr).strip().splitlines()[-lines:])


def median_run(runs, command, before=None):
    """Median seconds and peak MiB over `runs` runs, and the last run (None when one failed)."""
    seconds, peaks, last = [], [], None
    for _ in range(runs):
        if before:
            before()
        last = Run(command)
        if not last.ok:
            return None, None, last
        seconds.append(last.seconds)
        peaks.append(last.peak or 0)
    return statistics.median(seconds), statistics.median(peaks), last


def fmt(value, unit=""):
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:.0f}{unit}"
    if value >= 10:
        return f"{value:.1f}{unit}"
    return f"{value:.3g}{unit}"


def first_line(text, pattern=r"error"):
    for line in text.splitlines():
        if re.search(pattern, line):
            return line.strip()
    lines = text.strip().splitlines()
    return lines[-1].strip() if lines else ""


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


# Tools


def build_apigen():
    """The release `apigen` of this repository (SwiftPM rebuilds only what changed)."""
    log("building apigen (release)")
    run = Run(["swift", "build", "--package-path", ROOT, "-c", "release", "--product", "apigen"])
    if not run.ok:
        sys.exit(f"error: apigen does not build:\n{run.tail()}")
    bin_path = subprocess.run(
        ["swift", "build", "--package-path", ROOT, "-c", "release", "--show-bin-path"],
        check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    return os.path.join(bin_path, "apigen")


def build_peer():
    """swift-openapi-generator's CLI, release, in a scratch package of its own (built once)."""
    package = os.path.join(WORK, "sog")
    binary = os.path.join(package, ".build", "release", "swift-openapi-generator")
    if os.path.exists(binary):
        return binary, None
    log(f"building swift-openapi-generator {PEER_VERSION} (release, once; several minutes)")
    os.makedirs(os.path.join(package, "Placeholder"), exist_ok=True)
    with open(os.path.join(package, "Package.swift"), "w") as f:
        f.write(f'''// swift-tools-version: 6.0
// Written by Benchmarks/corpus.py: builds swift-openapi-generator's CLI for the comparison column.
import PackageDescription
let package = Package(
    name: "CorpusPeer",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator", exact: "{PEER_VERSION}")],
    targets: [.executableTarget(name: "Placeholder", path: "Placeholder")]
)
''')
    with open(os.path.join(package, "Placeholder", "main.swift"), "w") as f:
        f.write("// Unused: the package exists to build swift-openapi-generator's CLI.\n")
    run = Run(["swift", "build", "--package-path", package, "-c", "release", "--product", "swift-openapi-generator"])
    if not run.ok:
        return None, f"swift-openapi-generator does not build: {first_line(run.tail())}"
    return binary, None


def peer_config():
    path = os.path.join(WORK, "peer-config.yaml")
    with open(path, "w") as f:
        f.write("generate:\n  - types\n  - client\n  - server\naccessModifier: public\n")
    return path


class ScratchPackage:
    """One package that compiles generated code against this repository's APIRuntime; the runtime
    is built once, then each document's code replaces the target's sources."""

    def __init__(self, name, target):
        self.directory = os.path.join(WORK, name)
        self.target = target
        self.sources = os.path.join(self.directory, "Sources", target)
        os.makedirs(self.sources, exist_ok=True)
        manifest = f'''// swift-tools-version: 6.0
// Written by Benchmarks/corpus.py: compiles generated code against the repository's APIRuntime.
import PackageDescription
let package = Package(
    name: "{name}",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: {json.dumps(os.path.join(ROOT, "Tests", "Fixtures", "apigen"))})],
    targets: [.target(name: "{target}", dependencies: [.product(name: "APIRuntime", package: "apigen")])],
    swiftLanguageModes: [.v6]
)
'''
        path = os.path.join(self.directory, "Package.swift")
        if not os.path.exists(path) or open(path).read() != manifest:
            with open(path, "w") as f:
                f.write(manifest)
        self.runtime_built = False

    def replace_sources(self, generated):
        shutil.rmtree(self.sources, ignore_errors=True)
        shutil.copytree(generated, self.sources)

    def compile(self):
        """Builds the target: (Run, warnings in the generated code, errors)."""
        if not self.runtime_built:
            log("  building APIRuntime in the scratch package (once)")
            runtime = Run(["swift", "build", "--package-path", self.directory, "--target", "APIRuntime"])
            if not runtime.ok:
                sys.exit(f"error: APIRuntime does not build in {self.directory}:\n{runtime.tail()}")
            self.runtime_built = True
        run = Run(["swift", "build", "--package-path", self.directory, "--target", self.target])
        output = run.stdout + run.stderr
        ours = [line for line in output.splitlines() if self.sources in line]
        warnings = sorted({line for line in ours if ": warning:" in line})
        errors = sorted({line for line in ours if ": error:" in line})
        return run, warnings, errors


# The corpus


def import_document(apigen, document, directory):
    """`apigen import`: (definition path or None, warnings [(kind, line)], error text)."""
    definitions = os.path.join(directory, "Definitions")
    os.makedirs(definitions, exist_ok=True)
    stem = os.path.splitext(os.path.basename(document))[0]
    definition = os.path.join(definitions, f"{stem}.json")
    run = Run([apigen, "import", document, "-o", definition])
    warnings = []
    for line in run.stderr.splitlines():
        if ": warning: " in line:
            found = KIND.search(line)
            warnings.append((found.group(1) if found else "untagged", line))
    if not run.ok:
        return None, warnings, first_line(run.stderr)
    return definition, warnings, None


def measure_document(args, tools, document, scratch):
    name = os.path.splitext(os.path.basename(document))[0]
    log(f"{name}")
    row = {"document": name, "notes": []}
    try:
        with open(document) as f:
            row["openapi"] = str(json.load(f).get("openapi", "?"))
    except (ValueError, OSError, AttributeError) as error:
        row["openapi"] = "?"
        row["notes"].append(f"not read as JSON: {error}")
    directory = os.path.join(WORK, "documents", name)
    shutil.rmtree(directory, ignore_errors=True)
    definition, warnings, error = import_document(tools["apigen"], document, directory)
    row["warnings"] = warnings
    if definition is None:
        row["import"] = "failed"
        row["notes"].append(f"import: {error}")
        return row
    row["import"] = "ok"
    with open(definition) as f:
        imported = json.load(f)
    row["operations"] = len(imported.get("operations", []))
    row["types"] = len(imported.get("types", []))
    # Lint.
    lint = Run([tools["apigen"], "lint", definition])
    lines = (lint.stdout + lint.stderr).splitlines()
    row["lint_warnings"] = sum(1 for line in lines if ": warning:" in line)
    row["lint_errors"] = sum(1 for line in lines if ": error:" in line)
    for line in lines:
        if ": warning:" in line or ": error:" in line:
            row["notes"].append(f"lint: {line.replace(directory + '/', '')}")
    # Generate (ours).
    generated = os.path.join(directory, "Generated")
    seconds, peak, last = median_run(
        args.runs,
        [tools["apigen"], "generate", "--quiet", "--definitions", os.path.dirname(definition), "--output", generated],
        before=lambda: shutil.rmtree(generated, ignore_errors=True))
    row["generate"], row["generate_peak"] = seconds, peak
    if seconds is None:
        row["notes"].append(f"generate: {first_line(last.stderr)}")
        return row
    row["lines"] = sum(
        sum(1 for _ in open(os.path.join(d, f))) for d, _, fs in os.walk(generated) for f in fs if f.endswith(".swift"))
    # Generate (theirs).
    if tools.get("peer"):
        out = os.path.join(WORK, "peer-out", name)

        def clean():
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)

        seconds, peak, last = median_run(
            args.runs, [tools["peer"], "generate", document, "--config", tools["peer_config"], "--output-directory", out],
            before=clean)
        row["peer"], row["peer_peak"] = seconds, peak
        if seconds is None:
            row["peer_failed"] = True
            row["notes"].append(f"swift-openapi-generator: {first_line(last.stdout + last.stderr)}")
    # Compile.
    if scratch:
        scratch.replace_sources(generated)
        run, compile_warnings, errors = scratch.compile()
        row["compile"] = "OK" if run.ok else "FAILED"
        row["compile_seconds"], row["compile_peak"] = run.seconds, run.peak
        row["compile_warnings"] = len(compile_warnings)
        for line in (errors[:5] + compile_warnings[:5]):
            row["notes"].append(f"compile: {line.replace(scratch.sources + '/', '')}")
        if not run.ok and not errors:
            row["notes"].append(f"compile: {first_line(run.tail())}")
    return row


def corpus_report(args, rows, skipped, tools):
    lines = [
        f"Command: `Benchmarks/corpus.sh DIR{' ' + ' '.join(args.extra) if args.extra else ''}`, "
        f"DIR: `{os.path.basename(os.path.abspath(args.directory))}/` ({len(rows)} documents)  ",
        f"Date: {datetime.date.today().isoformat()}; {machine()}  ",
        f"apigen and swift-openapi-generator {PEER_VERSION} generate: median wall time of {args.runs} run(s), release builds; "
        "compile: `swift build --target` of the generated code alone (debug, APIRuntime prebuilt), wall time and "
        "peak memory of the largest process.",
        "",
        "| document | OpenAPI | operations | types | import warnings (by kind) | lint warnings | compiles | "
        "compile warnings | compile s | compile peak MiB | apigen generate s | swift-openapi-generator generate s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    totals = {"operations": 0, "types": 0, "warnings": 0, "lint": 0, "compiled": 0, "compile_warnings": 0}
    kinds_by_document = {}
    for row in rows:
        counts = {}
        for kind, _ in row["warnings"]:
            counts[kind] = counts.get(kind, 0) + 1
        kinds_by_document[row["document"]] = counts
        by_kind = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        warnings = f"{len(row['warnings'])}" + (f" ({by_kind})" if by_kind else "")
        if row["import"] != "ok":
            lines.append(f"| {row['document']} | {row['openapi']} | – | – | {cell(warnings)} | – | import failed | – | – | – | – | – |")
            continue
        if not tools.get("peer"):
            peer = tools.get("peer_problem") or "not run"
        elif row.get("peer_failed"):
            peer = "fails"
        else:
            peer = fmt(row.get("peer"))
        compiles = row.get("compile", "not run")
        lint = f"{row['lint_warnings']}" + (f" (+{row['lint_errors']} errors)" if row["lint_errors"] else "")
        lines.append(
            f"| {row['document']} | {row['openapi']} | {row['operations']} | {row['types']} | {cell(warnings)} | {lint} | "
            f"{compiles} | {row.get('compile_warnings', '–')} | {fmt(row.get('compile_seconds'))} | "
            f"{fmt(row.get('compile_peak'))} | {fmt(row.get('generate'))} | {cell(peer)} |")
        totals["operations"] += row["operations"]
        totals["types"] += row["types"]
        totals["lint"] += row["lint_warnings"]
        totals["compiled"] += 1 if compiles == "OK" else 0
        totals["compile_warnings"] += row.get("compile_warnings", 0)
    totals["warnings"] = sum(len(row["warnings"]) for row in rows)
    lines.append(
        f"| **all {len(rows)}** | | {totals['operations']} | {totals['types']} | {totals['warnings']} | {totals['lint']} | "
        f"{'not run' if args.no_compile else str(totals['compiled']) + ' of ' + str(len(rows))} | "
        f"{'–' if args.no_compile else totals['compile_warnings']} | | | | |")
    for name, reason in skipped:
        lines.append(f"| {name} | | | | skipped: {cell(reason)} | | | | | | | |")
    # Warnings by kind, one column per document.
    kinds = sorted({kind for counts in kinds_by_document.values() for kind in counts},
                   key=lambda kind: (-sum(c.get(kind, 0) for c in kinds_by_document.values()), kind))
    if kinds:
        documents = [row["document"] for row in rows]
        lines += ["", "Import warnings by kind:", "",
                  "| kind | documents | total | " + " | ".join(documents) + " |",
                  "|---|---|---|" + "---|" * len(documents)]
        for kind in kinds:
            per = [kinds_by_document[d].get(kind, 0) for d in documents]
            lines.append(f"| {kind} | {sum(1 for n in per if n)} | {sum(per)} | " +
                         " | ".join(str(n) if n else "" for n in per) + " |")
    notes = [(row["document"], note) for row in rows for note in row["notes"]]
    if notes:
        lines += ["", "Problems:", ""]
        lines += [f"- {document}: `{note}`" for document, note in notes]
    if args.list_warnings:
        lines += ["", "Every import warning:", ""]
        for row in rows:
            for kind, line in row["warnings"]:
                text = KIND.sub("", line.split(": ", 1)[-1]).rstrip()
                lines.append(f"- {row['document']} [{kind}]: {text}")
    # The report names no path of this machine: the corpus is DIR, the repository is `.`.
    text = "\n".join(lines) + "\n"
    return text.replace(os.path.abspath(args.directory) + "/", "DIR/").replace(ROOT + "/", "")


# Performance (--perf)


def synthetic_tool():
    """The project's generator of synthetic OpenAPI documents (Benchmarks/Sources/SyntheticOpenAPI, the
    tests' generator), compiled with swiftc: it has no dependencies."""
    binary = os.path.join(WORK, "SyntheticOpenAPI")
    sources = os.path.join(HERE, "Sources", "SyntheticOpenAPI")
    files = sorted(os.path.join(sources, f) for f in os.listdir(sources) if f.endswith(".swift"))
    newest = max(os.path.getmtime(os.path.realpath(f)) for f in files)
    if not os.path.exists(binary) or os.path.getmtime(binary) < newest:
        log("building the synthetic OpenAPI generator")
        subprocess.run(["swiftc", "-O", "-swift-version", "6", "-module-name", "SyntheticOpenAPI", "-o", binary] + files,
                       check=True)
    return binary


def synthetic_definitions(apigen, operations):
    """The synthetic API of `operations` operations (and twice as many schemas), imported."""
    directory = os.path.join(WORK, f"synthetic-{operations}")
    definitions = os.path.join(directory, "Definitions")
    os.makedirs(definitions, exist_ok=True)
    spec = os.path.join(directory, "openapi.json")
    subprocess.run([synthetic_tool(), "--ops", str(operations), "--schemas", str(2 * operations), "-o", spec], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([apigen, "import", spec, "-o", os.path.join(definitions, "synthetic.json"),
                    "--name", f"Synthetic{operations}"], check=True, stderr=subprocess.DEVNULL)
    return definitions


def perf_report(args, apigen):
    lines = [
        f"Command: `Benchmarks/corpus.sh --perf{' ' + ' '.join(args.extra) if args.extra else ''}`  ",
        f"Date: {datetime.date.today().isoformat()}; {machine()}",
        "",
        "| measurement | seconds | peak MiB | runs (seconds) | CPU seconds (user + system) | target |",
        "|---|---|---|---|---|---|",
    ]
    log("generation, 1,000 operations")
    definitions = synthetic_definitions(apigen, 1000)
    out = os.path.join(WORK, "synthetic-1000", "Generated")
    samples, peaks, cpus = [], [], []
    for _ in range(args.runs):
        shutil.rmtree(out, ignore_errors=True)
        run = Run([apigen, "generate", "--quiet", "--definitions", definitions, "--output", out])
        if not run.ok:
            sys.exit(f"error: generate failed:\n{run.tail()}")
        samples.append(run.seconds)
        peaks.append(run.peak or 0)
        cpus.append(run.cpu or 0)
    median = statistics.median(samples)
    lines.append(f"| generation, 1,000-operation synthetic API (release `apigen generate`, median) | {fmt(median)} | "
                 f"{fmt(statistics.median(peaks))} | {', '.join(f'{s:.2f}' for s in samples)} | "
                 f"{fmt(statistics.median(cpus))} (median) | < 0.5 s |")
    if not args.no_compile:
        log("compiling the 500-operation API (a few minutes)")
        definitions = synthetic_definitions(apigen, 500)
        generated = os.path.join(WORK, "synthetic-500", "Generated")
        shutil.rmtree(generated, ignore_errors=True)
        subprocess.run([apigen, "generate", "--quiet", "--definitions", definitions, "--output", generated], check=True)
        scratch = ScratchPackage("perf-compile", "Synthetic500API")
        scratch.replace_sources(os.path.join(generated, "Synthetic500"))
        run, warnings, errors = scratch.compile()
        status = "" if run.ok else f" (FAILED: {cell(errors[0] if errors else first_line(run.tail()))})"
        lines.append(f"| compiling the 500-operation API's generated target (debug, target alone){status} | "
                     f"{fmt(run.seconds)} | {fmt(run.peak)} | 1 run; {len(warnings)} warnings | {fmt(run.cpu)} | ≤ 182 s, ≤ 707 MiB |")
    return "\n".join(lines) + "\n"


def machine():
    cores = os.cpu_count()
    try:
        swift = subprocess.run(["swift", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        swift = "swift ?"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{platform.system()} {platform.machine()}, {cores} cores; {swift}; load average at the end {load}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", nargs="?", help="a directory of OpenAPI documents (*.json)")
    parser.add_argument("--perf", action="store_true", help="the synthetic generation and compile measurements")
    parser.add_argument("--out", help="also write the report to this file")
    parser.add_argument("--runs", type=int, default=3, help="generate runs per document (median; default 3)")
    parser.add_argument("--no-compile", action="store_true", help="skip compiling the generated code")
    parser.add_argument("--no-peer", action="store_true", help="skip swift-openapi-generator")
    parser.add_argument("--list-warnings", action="store_true", help="list every import warning after the tables")
    args = parser.parse_args()
    # The options that change what is measured, for the report's command line.
    args.extra = ([f"--runs {args.runs}"] if args.runs != 3 else []) + [
        flag for flag, on in (("--no-compile", args.no_compile), ("--no-peer", args.no_peer)) if on]
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if bool(args.perf) == bool(args.directory):
        parser.error("give a directory of OpenAPI documents, or --perf")
    os.makedirs(WORK, exist_ok=True)
    apigen = build_apigen()
    if args.perf:
        report = perf_report(args, apigen)
    else:
        if not os.path.isdir(args.directory):
            parser.error(f"'{args.directory}' is not a directory")
        directory = os.path.abspath(args.directory)
        names = sorted(os.listdir(directory))
        documents = [os.path.join(directory, n) for n in names if n.endswith(".json")]
        skipped = [(n, "apigen import reads JSON only (convert YAML to JSON first)")
                   for n in names if n.endswith((".yaml", ".yml"))]
        if not documents:
            parser.error(f"no *.json in '{args.directory}'")
        tools = {"apigen": apigen}
        if not args.no_peer:
            tools["peer"], tools["peer_problem"] = build_peer()
            tools["peer_config"] = peer_config()
        else:
            tools["peer_problem"] = "not run (--no-peer)"
        scratch = None if args.no_compile else ScratchPackage("compile", "CorpusAPI")
        rows = [measure_document(args, tools, document, scratch) for document in documents]
        report = corpus_report(args, rows, skipped, tools)
    if args.out:
        with open(args.out, "w") as f:
            f.write(report)
    print(report, end="")


if __name__ == "__main__":
    main()
