// swift-tools-version: 6.0
// Benchmarks over real sockets (issue 11, section 6): sFOX's send-verification operation served on
// 127.0.0.1 by apigen (its generated handler mounted by Integrations/APIGenHummingbird), by
// swift-openapi-generator's code through swift-openapi-hummingbird, and by a hand-written Hummingbird
// route, loaded by wrk; the generated client over URLSession and over AsyncHTTPClient; the same stream of
// server-sent events from apigen's generated handler and from swift-openapi-generator's, each read over
// AsyncHTTPClient and over URLSession. A package of its own, so the root keeps zero dependencies. Run it with `Benchmarks/Sockets/run.sh`; results: Benchmarks/RESULTS.md, section 7.
import PackageDescription

let package = Package(
    name: "SocketBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // apigen itself and its adapters, by path. The root is named through the link Tests/Fixtures/apigen,
        // and the Hummingbird adapter reached through it, so that every path to the root in the graph is
        // the same (the adapter's own `../..`, Integrations/AsyncHTTPClient's `Tests/Fixtures/apigen`):
        // SwiftPM names a package by its path's last component, and two names for the root would clash.
        .package(path: "../../Tests/Fixtures/apigen"),
        .package(path: "../../Tests/Fixtures/apigen/Integrations/APIGenHummingbird"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/swift-server/swift-openapi-hummingbird.git", from: "2.1.0"),
        // The clients over AsyncHTTPClient: apigen's transport (by path) and swift-openapi-generator's.
        .package(path: "../../Integrations/AsyncHTTPClient"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
    ],
    targets: [
        // swift-openapi-generator's output for OpenAPI/openapi.yaml, committed (regenerate-sog.sh).
        .target(
            name: "SOGSFOX",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]
        ),
        // What the servers answer and the clients expect; the client calls and streams; the command line.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "SFOXAPI", package: "apigen"),
            ]
        ),
        // apigen's side of the event stream: `Sources/BenchEvents/benchevents.json`, the same operation as
        // `streamEvents` in OpenAPI/openapi.yaml, generated at build time by apigen's build plugin; and
        // the generated client reading it.
        .target(
            name: "BenchEvents",
            dependencies: ["BenchSupport", .product(name: "APIRuntime", package: "apigen")],
            plugins: [.plugin(name: "APIGen", package: "apigen")]
        ),
        // The servers (`socket-bench serve apigen|sog|hand --port N`) and the clients over URLSession.
        .executableTarget(
            name: "socket-bench",
            dependencies: [
                "BenchSupport", "SOGSFOX", "BenchEvents",
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
        // The clients over AsyncHTTPClient (`socket-clients client|events …`), in a process of their own
        // so that the URLSession runs do not share it with AsyncHTTPClient's event loops.
        .executableTarget(
            name: "socket-clients",
            dependencies: [
                "BenchSupport", "SOGSFOX", "BenchEvents",
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "APIGenAsyncHTTPClient", package: "AsyncHTTPClient"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
            ],
            path: "Sources/SocketClients"
        ),
    ],
    swiftLanguageModes: [.v6]
)
