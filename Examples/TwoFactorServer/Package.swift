// swift-tools-version: 6.0
// The example server: in-memory implementations of the four generated services, and the tests that
// drive each service's two-factor flow with the generated clients.
import PackageDescription

let strictSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "TwoFactorServer",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TwoFactorServices", targets: ["TwoFactorServices"])
    ],
    dependencies: [
        .package(name: "apigen", path: "../..")
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
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TwoFactorServicesTests",
            dependencies: ["TwoFactorServices"],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
