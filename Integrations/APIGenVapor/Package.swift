// swift-tools-version: 6.0
// APIGenVapor: serves any apigen-generated service on a Vapor 4 application or route group.
// Depends on apigen by path today; it moves into a repository of its own unchanged but for that one line.
import PackageDescription

let package = Package(
    name: "APIGenVapor",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "APIGenVapor", targets: ["APIGenVapor"])
    ],
    dependencies: [
        .package(name: "apigen", path: "../.."),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        // Tests only: a client that uploads a chunked body; NIOHTTP1 for the runtime-name check.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        .target(
            name: "APIGenVapor",
            dependencies: [
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
        .testTarget(
            name: "APIGenVaporTests",
            dependencies: [
                "APIGenVapor",
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "SFOXAPI", package: "apigen"),
                .product(name: "TeamUpAPI", package: "apigen"),
                .product(name: "SmsendAPI", package: "apigen"),
                .product(name: "AuthEndpointsAPI", package: "apigen"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
    ],
    swiftLanguageModes: [.v6]
)
