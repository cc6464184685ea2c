// swift-tools-version: 6.0
// Benchmarks: apigen side by side with swift-openapi-generator, and apigen's runtime side by side
// with Foundation's synthesized Codable and CoreOffice/XMLCoder. A separate package, so the root
// package keeps zero dependencies. Run everything with `Benchmarks/run.sh`; results: RESULTS.md.
import PackageDescription

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // apigen itself, through the symlink that gives it its package name.
        .package(path: "../Tests/Fixtures/apigen"),
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", exact: "0.18.2"),
    ],
    targets: [
        .executableTarget(
            name: "RuntimeBenchmarks",
            dependencies: [
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "TeamUpAPI", package: "apigen"),
                .product(name: "SFOXAPI", package: "apigen"),
                .product(name: "SmsendAPI", package: "apigen"),
                .product(name: "AuthEndpointsAPI", package: "apigen"),
                .product(name: "XMLCoder", package: "XMLCoder"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        // The synthetic OpenAPI documents of the generation benchmarks (the tests' generator).
        .executableTarget(name: "SyntheticOpenAPI"),
    ],
    swiftLanguageModes: [.v6]
)
