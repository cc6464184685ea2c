@_spi(Generated) import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI
import XMLCoder

// One benchmark per process, so that each peak-memory figure (measured by the caller with
// /usr/bin/time -v) belongs to one side. Usage: RuntimeBenchmarks <name> [records] [runs]
// Prints one JSON line: {"name": …, "median_ms": …, "runs_ms": […], "bytes": …}.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print(
        "usage: RuntimeBenchmarks <name> [records] [runs]; names: \(Benchmarks.all.keys.sorted().joined(separator: ", "))"
    )
    exit(64)
}
let records = arguments.count > 2 ? Int(arguments[2]) ?? 40_000 : 40_000
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 7 : 7
guard let benchmark = Benchmarks.all[arguments[1]] else {
    print("unknown benchmark \(arguments[1])")
    exit(64)
}
let result = try await benchmark(records, runs)
print(result.json)
