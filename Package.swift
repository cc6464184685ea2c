// swift-tools-version: 6.0
// apigen: a dependency-free Swift code generator for declarative JSON API definitions.
// The root package depends on the Swift toolchain only (see Benchmarks/ for comparisons with peers).
import PackageDescription

/// One library per service, compiled from the generator's committed output in `Generated/<Service>`.
/// Adding a service: put `Definitions/<name>.json` in place, run `swift run apigen generate`,
/// then add its `(target name, directory)` pair here (`apigen generate` prints the exact line).
let services: [(target: String, directory: String)] = [
    ("AuthEndpointsAPI", "AuthEndpoints"),
    ("LoginEventsAPI", "LoginEvents"),
    ("SFOXAPI", "SFOX"),
    ("SmsendAPI", "Smsend"),
    ("TeamUpAPI", "TeamUp"),
]

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

var products: [Product] = [
    .executable(name: "apigen", targets: ["apigen"]),
    .library(name: "APIRuntime", targets: ["APIRuntime"]),
    .library(name: "APIGenerator", targets: ["APIGenerator"]),
    .plugin(name: "APIGen", targets: ["APIGen"]),
    .plugin(name: "GenerateAPIs", targets: ["GenerateAPIs"]),
]
var targets: [Target] = [
    .target(name: "APIRuntime", swiftSettings: strictSettings),
    .target(name: "APIDefinition", swiftSettings: strictSettings),
    .target(name: "APIGenerator", dependencies: ["APIDefinition"], swiftSettings: strictSettings),
    .target(name: "APIOpenAPI", dependencies: ["APIDefinition"], swiftSettings: strictSettings),
    .plugin(name: "APIGen", capability: .buildTool(), dependencies: ["apigen"]),
    .plugin(
        name: "GenerateAPIs",
        capability: .command(
            intent: .custom(verb: "generate-apis", description: "Regenerate Generated/ from Definitions/"),
            permissions: [.writeToPackageDirectory(reason: "apigen writes the generated sources into Generated/")]),
        dependencies: ["apigen"]),
    // The command line's tables, parser and subcommands, in a library so that tests run it in process.
    .target(
        name: "APIGenCLI", dependencies: ["APIDefinition", "APIGenerator", "APIOpenAPI"],
        swiftSettings: strictSettings),
    .executableTarget(name: "apigen", dependencies: ["APIGenCLI"], swiftSettings: strictSettings),

    // Fixture output for the awkward cases, generated from Tests/Fixtures/Definitions and compiled
    // here so that the golden files are proven to build.
    .target(
        name: "AwkwardAPI", dependencies: ["APIRuntime"], path: "Tests/Fixtures/Generated/Awkward",
        swiftSettings: strictSettings),
    // Fixture output for a service-level error body (Tests/Fixtures/Definitions/problems.json).
    .target(
        name: "ProblemsAPI", dependencies: ["APIRuntime"], path: "Tests/Fixtures/Generated/Problems",
        swiftSettings: strictSettings),

    // The seeded random generator, fuzz seed and time budget every generative test shares.
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),

    .testTarget(
        name: "APIRuntimeTests", dependencies: ["APIRuntime", "TestSupport"], swiftSettings: strictSettings),
    .testTarget(
        name: "APIDefinitionTests", dependencies: ["APIDefinition", "TestSupport"], swiftSettings: strictSettings),
    .testTarget(
        name: "APIGeneratorTests",
        dependencies: [
            "APIDefinition", "APIGenerator", "APIOpenAPI", "APIGenCLI", "apigen", "AwkwardAPI", "ProblemsAPI",
            "APIRuntime", "TestSupport",
        ],
        swiftSettings: strictSettings),
    // The OpenAPI importer and exporter. Support.swift, PythonEnvironment.swift (and, the other way,
    // APIGeneratorTests' SyntheticOpenAPI.swift) are links to the one copy the two targets share.
    .testTarget(
        name: "APIOpenAPITests", dependencies: ["APIDefinition", "APIGenerator", "APIOpenAPI", "TestSupport"],
        swiftSettings: strictSettings),
    .testTarget(
        name: "EndToEndTests",
        dependencies: ["APIRuntime", "TestSupport"] + services.map { .target(name: $0.target) },
        resources: [.copy("Resources")],
        swiftSettings: strictSettings),
]
for service in services {
    products.append(.library(name: service.target, targets: [service.target]))
    targets.append(
        .target(
            name: service.target, dependencies: ["APIRuntime"], path: "Generated/\(service.directory)",
            swiftSettings: strictSettings))
}

let package = Package(
    name: "apigen",
    platforms: [.macOS(.v13)],
    products: products,
    targets: targets,
    swiftLanguageModes: [.v6]
)
