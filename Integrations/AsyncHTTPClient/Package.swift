// swift-tools-version: 6.0
// APIGenAsyncHTTPClient: a `ClientTransport` for apigen's generated clients over AsyncHTTPClient's
// `HTTPClient`, for servers on Linux where URLSession is not wanted. A separate package, so the root
// package keeps zero dependencies.
import PackageDescription

let package = Package(
    name: "APIGenAsyncHTTPClient",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "APIGenAsyncHTTPClient", targets: ["APIGenAsyncHTTPClient"])
    ],
    dependencies: [
        // apigen itself, through the symlink that gives the root package its name.
        .package(path: "../../Tests/Fixtures/apigen"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // For the tests' HTTP/1 listener and the name-clash check (both already in AHC's graph).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .target(
            name: "APIGenAsyncHTTPClient",
            dependencies: [
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "APIGenAsyncHTTPClientTests",
            dependencies: [
                "APIGenAsyncHTTPClient",
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "TeamUpAPI", package: "apigen"),
                .product(name: "SmsendAPI", package: "apigen"),
                .product(name: "AuthEndpointsAPI", package: "apigen"),
                .product(name: "SFOXAPI", package: "apigen"),
                .product(name: "LoginEventsAPI", package: "apigen"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
