// swift-tools-version: 6.0
// APIGenHummingbird: serves any apigen-generated service on a Hummingbird 2 router.
// A package of its own so that the root package stays dependency-free; it depends on the root by path
// and can move into a repository of its own unchanged (replace the path with the repository's URL).
import PackageDescription

let package = Package(
    name: "APIGenHummingbird",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "APIGenHummingbird", targets: ["APIGenHummingbird"])
    ],
    dependencies: [
        .package(name: "apigen", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // Tests only: running the application and shutting it down.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "APIGenHummingbird",
            dependencies: [
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
        .testTarget(
            name: "APIGenHummingbirdTests",
            dependencies: [
                "APIGenHummingbird",
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "TeamUpAPI", package: "apigen"),
                .product(name: "SmsendAPI", package: "apigen"),
                .product(name: "AuthEndpointsAPI", package: "apigen"),
                .product(name: "SFOXAPI", package: "apigen"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
    ],
    swiftLanguageModes: [.v6]
)
