#!/usr/bin/env bash
# Regenerates Sources/SOGSFOX (committed) from OpenAPI/openapi.yaml with swift-openapi-generator's
# command-line tool, built from the parent Benchmarks package (which depends on it at 1.14.3).
set -euo pipefail
cd "$(dirname "$0")"
swift build --package-path .. --product swift-openapi-generator
generator="$(swift build --package-path .. --show-bin-path)/swift-openapi-generator"
rm -f Sources/SOGSFOX/*.swift
"$generator" generate OpenAPI/openapi.yaml --config OpenAPI/openapi-generator-config.yaml \
    --output-directory Sources/SOGSFOX
