// swift-tools-version: 6.0
// A consumer of apigen's build plugin, as a user's package would be: the PetStore target holds a
// definition file (Sources/PetStore/petstore.json) and `swift build` generates its code.
import PackageDescription

let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        // apigen itself, three levels up (a user would write `.package(url: …, from: …)`).
        .package(path: "../apigen")
    ],
    targets: [
        .target(
            name: "PetStore",
            dependencies: [.product(name: "APIRuntime", package: "apigen")],
            plugins: [.plugin(name: "APIGen", package: "apigen")]
        ),
        // 101 types and 51 operations: the plugin declares, and apigen writes, every artifact in two parts.
        .target(
            name: "Inventory",
            dependencies: [.product(name: "APIRuntime", package: "apigen")],
            plugins: [.plugin(name: "APIGen", package: "apigen")]
        ),
        .testTarget(
            name: "PetStoreTests",
            dependencies: ["PetStore", "Inventory", .product(name: "APIRuntime", package: "apigen")]),
    ],
    swiftLanguageModes: [.v6]
)
