#!/usr/bin/env python3
"""Fails when a file under Tests/, Sources/, Benchmarks/, Plugins/ or .ci/ names a path outside the
repository: a fresh clone with nothing beside it must build, test and benchmark.

Checked:
  * every symbolic link must point inside the repository;
  * every relative path that climbs with parent steps must land, from the file's own directory, on
    something that exists inside the repository. The one exception is `apigen` one step up: the link
    to the package root that scratch packages get beside them (as Tests/Fixtures/apigen is);
  * no absolute path into a home, work or shared directory, and no path component named `shared`
    (the directory that used to sit beside checkouts; nothing in the repository has that name).
"""
import os
import re
import sys

# The repository: this file's parent directory, or the directory given as the one argument.
ROOT = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SCANNED = ["Tests", "Sources", "Benchmarks", "Plugins", "Integrations", "Examples", ".ci", "Package.swift"]
PARENT = re.compile(r"(?<![\w.])(?:\.\./)+[^\s\"'`)\],;*\\]*|(?<![\w./])\.\.(?:/\.\.)+(?![\w/.])")
ABSOLUTE = re.compile(r"(?<![\w.:/~-])/(?:work|home|Users|root|mnt|srv|shared)(?=/|[\"'\s]|$)")
SHARED = re.compile(r"(?<=[\"'/])shared(?=[\"'/])")
# The link scratch packages get to the package root (`.package(path: "<parent>/apigen")`).
SCRATCH_LINK = re.compile(r"^\.\./apigen(?:/|$)")


def inside(path):
    real = os.path.realpath(path)
    return real == ROOT or real.startswith(ROOT + os.sep)


def files():
    for top in SCANNED:
        start = os.path.join(ROOT, top)
        if os.path.isfile(start) or os.path.islink(start):
            yield start
            continue
        for directory, subdirectories, names in os.walk(start):
            # Build products and editor state are not part of the repository.
            subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(".build") and d != ".swiftpm")
            for name in sorted(names + [d for d in subdirectories if os.path.islink(os.path.join(directory, d))]):
                yield os.path.join(directory, name)


def main():
    problems = []
    for path in files():
        relative = os.path.relpath(path, ROOT)
        if os.path.islink(path):
            if not inside(path):
                problems.append(f"{relative}: a link to {os.readlink(path)}, outside the repository")
            continue
        with open(path, "rb") as f:
            data = f.read()
        if b"\0" in data[:8192]:
            continue
        text = data.decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for match in PARENT.finditer(line):
                token = match.group(0)
                if SCRATCH_LINK.match(token):
                    continue
                target = os.path.join(os.path.dirname(path), token)
                if not (inside(target) and os.path.exists(target)):
                    problems.append(f"{relative}:{number}: '{token}' is outside the repository (or does not exist)")
            if ABSOLUTE.search(line) or SHARED.search(line):
                problems.append(f"{relative}:{number}: '{line.strip()[:120]}' names a path outside the repository")
    problems = list(dict.fromkeys(problems))  # one report per line and kind
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"error: {len(problems)} reference(s) to paths outside the repository", file=sys.stderr)
        return 1
    print("no file names a path outside the repository")
    return 0


if __name__ == "__main__":
    sys.exit(main())
