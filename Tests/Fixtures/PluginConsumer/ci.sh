#!/usr/bin/env bash
# Builds this consumer of apigen's build plugin the way a user would, checks that the plugin
# regenerates only when a definition changes, and runs the consumer's tests (the generated client
# against the generated server). .ci/run calls it; it prints the build times it measured.
set -euo pipefail
cd "$(dirname "$0")"
definition=Sources/PetStore/petstore.json
backup=$(mktemp)
cp "$definition" "$backup"
trap 'cp "$backup" "$definition"' EXIT

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
log=$(mktemp)

t0=$(now); swift build 2>&1 | tee "$log" >/dev/null; t1=$(now)
grep -q "apigen: generating Swift for petstore.json" "$log" || { cat "$log"; echo "error: the plugin did not run on the first build" >&2; exit 1; }
if grep -E ": warning:" "$log"; then echo "error: the consumer build has warnings" >&2; exit 1; fi
echo "plugin consumer: first build $(elapsed "$t0" "$t1") s"
# The large definition is generated in parts, and every part the plugin declared exists.
parts=$(find .build/plugins/outputs -name 'inventory.*+2.swift' | wc -l)
[ "$parts" -eq 6 ] || { echo "error: expected 6 second-part files for inventory.json, found $parts" >&2; exit 1; }

# On Linux the toolchain relinks the plugin's tool once after a fresh build (swift-build#1071), so
# the plugin runs again; apigen rewrites no file whose bytes are unchanged, so nothing recompiles.
swift build 2>&1 | tee "$log" >/dev/null
if grep -E "Compiling PetStore" "$log"; then echo "error: the second build recompiled generated code" >&2; exit 1; fi

t0=$(now); swift build 2>&1 | tee "$log" >/dev/null; t1=$(now)
if grep -E "apigen: generating|Compiling [A-Za-z]+ [^ ]+\.swift" "$log"; then echo "error: a no-op rebuild regenerated or recompiled" >&2; exit 1; fi
echo "plugin consumer: no-op rebuild $(elapsed "$t0" "$t1") s"

# A one-field documentation edit regenerates, and recompiles only the file that changed.
sed -i.orig 's/"doc": "A pet for sale."/"doc": "A pet for sale, with its name."/' "$definition" && rm -f "$definition.orig"
t0=$(now); swift build 2>&1 | tee "$log" >/dev/null; t1=$(now)
grep -q "apigen: generating Swift for petstore.json" "$log" || { cat "$log"; echo "error: an edited definition was not regenerated" >&2; exit 1; }
grep -q "Compiling PetStore petstore.Models.swift" "$log" || { cat "$log"; echo "error: the changed file was not recompiled" >&2; exit 1; }
if grep -q "Compiling PetStore petstore.Client.swift" "$log"; then echo "error: an unchanged generated file was recompiled" >&2; exit 1; fi
echo "plugin consumer: rebuild after a definition edit $(elapsed "$t0" "$t1") s"
cp "$backup" "$definition"

swift test
