// swift-tools-version: 6.0
// The example server: in-memory implementations of the four generated services, and the tests that
// drive each service's two-factor flow with the generated clients.
import PackageDescription

let strictSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "TwoFactorServer",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TwoFactorServices", targets: ["TwoFactorServices"]),
        .executable(name: "two-factor-server", targets: ["two-factor-server"]),
    ],
    dependencies: [
        .package(name: "apigen", path: "../.."),
        .package(name: "APIGenHummingbird", path: "../../Integrations/APIGenHummingbird"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "TwoFactorServices",
            dependencies: [
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "TeamUpAPI", package: "apigen"),
                .product(name: "SmsendAPI", package: "apigen"),
                .product(name: "AuthEndpointsAPI", package: "apigen"),
                .product(name: "SFOXAPI", package: "apigen"),
                .product(name: "LoginEventsAPI", package: "apigen"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "TwoFactorServer",
            dependencies: [
                "TwoFactorServices",
                .product(name: "APIRuntime", package: "apigen"),
                .product(name: "APIGenHummingbird", package: "APIGenHummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "two-factor-server", dependencies: ["TwoFactorServer", "TwoFactorServices"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TwoFactorServicesTests",
            dependencies: ["TwoFactorServices", "TwoFactorServer"],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
