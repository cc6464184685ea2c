import Foundation
import TestSupport
import Testing

/// Adding a service as the README's walkthrough says: put a definition in `Definitions/`, run the
/// generator, add the one line it prints to `Package.swift`, build, and call the new API.
@Suite("Adding a service")
struct AddingAServiceTests {
    static let manifest = """
        // swift-tools-version: 6.0
        import PackageDescription

        let services: [(target: String, directory: String)] = [
        ]

        let package = Package(
            name: "App",
            platforms: [.macOS(.v13)],
            dependencies: [.package(path: "../apigen")],
            targets: services.map {
                .target(
                    name: $0.target, dependencies: [.product(name: "APIRuntime", package: "apigen")],
                    path: "Generated/\\($0.directory)")
            } + [
                .executableTarget(
                    name: "Caller",
                    dependencies: services.map { .target(name: $0.target) } + [.product(name: "APIRuntime", package: "apigen")])
            ],
            swiftLanguageModes: [.v6]
        )

        """

    @Test(.timeLimit(.minutes(10)))
    func aNewDefinitionBecomesALibraryWithOneLine() throws {
        let scratch = try TestSupport.scratchDirectory()
        let app = scratch + "/App"
        let files = FileManager.default
        // The package the app depends on, under the name its manifest uses.
        try files.createSymbolicLink(atPath: scratch + "/apigen", withDestinationPath: TestSupport.packageRoot.path)
        try files.createDirectory(atPath: app + "/Definitions", withIntermediateDirectories: true)
        try files.createDirectory(atPath: app + "/Sources/Caller", withIntermediateDirectories: true)
        try Self.manifest.write(toFile: app + "/Package.swift", atomically: true, encoding: .utf8)
        try files.copyItem(
            atPath: TestSupport.path("Tests/Fixtures/NewService/library.json"),
            toPath: app + "/Definitions/library.json")
        try files.copyItem(
            atPath: TestSupport.path("Tests/Fixtures/NewService/main.swift"), toPath: app + "/Sources/Caller/main.swift"
        )

        // 1. Generate: the tool says exactly which line is missing from Package.swift.
        let generate = try TestSupport.runApigen(["generate"], in: app)
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(generate.stdout.contains("wrote Generated/Library/Client.swift"))
        let line = try #require(
            generate.stdout.split(separator: "\n").first { $0.hasPrefix("    (\"LibraryAPI\"") },
            "apigen did not print the line to add: \(generate.stdout)")
        #expect(line == #"    ("LibraryAPI", "Library"),"#)

        // 2. Add that one line, as the user would.
        let manifest = try String(contentsOfFile: app + "/Package.swift", encoding: .utf8)
        let edited = manifest.replacingOccurrences(
            of: "let services: [(target: String, directory: String)] = [\n",
            with: "let services: [(target: String, directory: String)] = [\n\(line)\n")
        #expect(edited != manifest)
        try edited.write(toFile: app + "/Package.swift", atomically: true, encoding: .utf8)
        let again = try TestSupport.runApigen(["generate"], in: app)
        #expect(!again.stdout.contains("has no target yet"), "\(again.stdout)")

        // 3. Build and call it.
        let build = try ScratchPackage.run(["swift", "build", "--package-path", app], in: app)
        #expect(build.status == 0, "\(build.output)")
        let call = try ScratchPackage.run([app + "/.build/debug/Caller"], in: app)
        #expect(call.status == 0, "\(call.output)")
        #expect(call.output.contains("found: Dune by Frank Herbert, on loan: false"), "\(call.output)")
        #expect(call.output.contains("missing: notFound("), "\(call.output)")
    }
}
