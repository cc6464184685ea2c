import APIGenerator
import Foundation
import Testing

/// `apigen generate` leaves nothing half-made behind, and says "has no target yet" only when no
/// target of the package compiles the service's directory.
@Suite("apigen generate output")
struct GenerateOutputTests {
    /// A scratch project with the sFOX definition under two service names, `Alpha` and `Zeta`.
    func twoServices() throws -> String {
        let root = try TestSupport.scratchDirectory()
        try FileManager.default.createDirectory(atPath: root + "/Definitions", withIntermediateDirectories: true)
        let sfox = try String(contentsOfFile: TestSupport.path("Definitions/sfox.json"), encoding: .utf8)
        for (file, name) in [("a.json", "Alpha"), ("z.json", "Zeta")] {
            let text = sfox.replacingOccurrences(of: #""name": "SFOX","#, with: "\"name\": \"\(name)\",")
            #expect(text != sfox)
            try text.write(toFile: root + "/Definitions/" + file, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func aFailedWriteLeavesNoDirectoryOrTemporaryFileBehind() throws {
        let root = try twoServices()
        // `Zeta` cannot become a directory: a file has its name. `Alpha` is written first.
        try FileManager.default.createDirectory(atPath: root + "/Out", withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: URL(fileURLWithPath: root + "/Out/Zeta"))
        let result = try TestSupport.runApigen(["generate", "--output", "Out"], in: root)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("error: "), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/Out") == ["Zeta"])
        // And without the obstacle, both services are written.
        try FileManager.default.removeItem(atPath: root + "/Out/Zeta")
        let again = try TestSupport.runApigen(["generate", "--output", "Out"], in: root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/Out").sorted() == ["Alpha", "Zeta"])
    }

    @Test func serviceNamesThatDifferOnlyInCaseClash() throws {
        let root = try twoServices()
        let path = root + "/Definitions/z.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #""name": "Zeta","#, with: #""name": "ALPHA","#)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        // On a case-insensitive file system (macOS's default) both would write into one directory.
        let plan = GenerationPlan(files: ["Definitions/a.json", "Definitions/z.json"], relativeTo: root)
        #expect(plan.hasErrors)
        #expect(
            plan.diagnostics.map(\.description) == [
                "Definitions/z.json: error: service.name: service 'ALPHA' is also defined by Definitions/a.json; each service needs its own name"
            ])
    }

    @Test func anInvalidServiceNameWritesNothing() throws {
        let root = try twoServices()
        let long = String(repeating: "L", count: 300)
        let path = root + "/Definitions/z.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #""name": "Zeta","#, with: "\"name\": \"\(long)\",")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try TestSupport.runApigen(["generate"], in: root)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Definitions/z.json:5:13: error: service.name: the service name is 300 bytes long"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/Generated"))
    }

    @Test func theNoteNamesOnlyServicesNoTargetCompiles() throws {
        let root = try twoServices()
        // Alpha is compiled by a target with another name; Zeta by none.
        let manifest = """
            // swift-tools-version: 6.0
            import PackageDescription
            let package = Package(name: "App", targets: [
                .target(name: "AlphaKit", path: "Generated/Alpha"),
            ])
            """
        try manifest.write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        let result = try TestSupport.runApigen(["generate"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("a.json has no target yet"), "\(result.stdout)")
        #expect(result.stdout.contains("Definitions/z.json has no target yet"), "\(result.stdout)")
        #expect(result.stdout.contains(#"("ZetaAPI", "Zeta"),"#), "\(result.stdout)")
    }

    @Test(arguments: [
        (#".target(name: "ShopKit", path: "Generated/Shop")"#, true),
        (#".target(name: "ShopKit", path: "Generated/Shop/")"#, true),
        (#".target(name: "ShopKit", path: "./Generated/Shop")"#, true),
        (#"("ShopKit", "Shop"),"#, true),
        (#"( "ShopKit" , "Shop" )"#, true),
        (#".target(name: "ShopAPI")"#, true),
        (#".target(name: "ShopKit", path: "Generated/Shopping")"#, false),
        (#".target(name: "Shop", path: "Sources/Shop")"#, false),
        (#"let name = "Shop""#, false),
        ("", false),
    ])
    func manifestsThatCompileAServiceDirectory(_ manifest: String, _ expected: Bool) {
        #expect(
            PackageManifest.hasTarget(
                named: "ShopAPI", forDirectory: "Shop", outputDirectory: "Generated", in: manifest)
                == expected, "\(manifest)")
    }
}
