// swift-tools-version: 6.0
// Benchmarks over real sockets (issue 11, section 6): sFOX's send-verification operation served on
// 127.0.0.1 by apigen (its generated handler mounted by Integrations/APIGenHummingbird), by
// swift-openapi-generator's code through swift-openapi-hummingbird, and by a hand-written Hummingbird
// route, loaded by wrk; the generated client over URLSession; server-sent events. A package of its own, so the root keeps
// zero dependencies. Run it with `Benchmarks/Sockets/run.sh`; results: Benchmarks/RESULTS.md, section 7.
import PackageDescription

let package = Package(
    name: "SocketBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // apigen itself and its Hummingbird adapter, by path (the adapter names the root the same way).
        .package(name: "apigen", path: "../.."),
        .package(path: "../../Integrations/APIGenHummingbird"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/swift-server/swift-openapi-hummingbird.git", from: "2.1.0"),
    ],
    targets: [
        // swift-openapi-generator's output for OpenAPI/openapi.yaml, committed (regenerate-sog.sh).
        .target(
            name: "SOGSFOX",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]
        ),
        // What the servers answer and the clients expect; the client calls; the command line.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "SFOXAPI", package: "apigen"),
            ]
        ),
        // The servers (`socket-bench serve apigen|sog|hand --port N`) and the clients over URLSession.
        .executableTarget(
            name: "socket-bench",
            dependencies: [
                "BenchSupport", "SOGSFOX",
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "SFOXAPI", package: "apigen"),
                .product(name: "APIGenHummingbird", package: "APIGenHummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
            ],
            path: "Sources/SocketBench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
