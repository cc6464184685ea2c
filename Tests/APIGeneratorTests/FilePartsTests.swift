import APIDefinition
import Foundation
import Testing

@testable import APIGenerator

/// A large service's artifacts are split into parts by a rule that depends only on its numbers of
/// types and operations (the build plugin names the files before apigen runs).
@Suite struct FilePartsTests {
    /// A definition with `types` object types and `operations` operations; with `xmlBodies`, the
    /// first operation takes its body (the first type, which holds the second) as XML.
    static func definition(types: Int, operations: Int, xmlBodies: Bool = false) throws -> Definition {
        let typeList = (0..<types).map { index in
            let nested = index == 0 && types > 1 ? #", {"name": "next", "type": "T1"}"# : ""
            return #"{"name": "T\#(index)", "kind": "object", "fields": [{"name": "id", "type": "string"}\#(nested)]}"#
        }
        let operationList = (0..<operations).map { index in
            let body =
                xmlBodies && index == 0
                ? #", "body": {"type": "T0", "contentTypes": ["application/xml"]}"# : ""
            return #"""
                {"name": "op\#(index)", "method": "\#(body.isEmpty ? "GET" : "POST")", "path": "/r\#(index)"\#(body),
                 "responses": [{"status": 200, "type": "T\#(index % max(types, 1))"}]}
                """#
        }
        let xml = xmlBodies ? #", "xml": {"rootElement": "root", "listItemElement": "item"}"# : ""
        let text = #"""
            {"formatVersion": 1,
             "service": {"name": "Big", "baseURL": "https://example.com"\#(xml)},
             "types": [\#(typeList.joined(separator: ",\n"))],
             "operations": [\#(operationList.joined(separator: ",\n"))]}
            """#
        return try DefinitionLoader.load(data: Data(text.utf8), file: "big.json")
    }

    static func names(_ files: [EmittedFile]) -> [String] {
        files.map { ($0.path as NSString).lastPathComponent }
    }

    @Test func partCountsFollowTheNumbersOfTypesAndOperations() {
        let parts = FileParts.standard
        #expect(parts.emittedFileNames(types: 0, operations: 0).count == 6)
        #expect(parts.emittedFileNames(types: 100, operations: 50).count == 6)
        #expect(
            parts.emittedFileNames(types: 101, operations: 51) == [
                "Models.swift", "Models+2.swift", "JSONCoding.swift", "JSONCoding+2.swift", "TextTreeCoding.swift",
                "TextTreeCoding+2.swift", "Operations.swift", "Operations+2.swift", "Client.swift", "Client+2.swift",
                "Server.swift", "Server+2.swift",
            ])
        #expect(parts.emittedFileNames(types: 1625, operations: 500).count == 3 * 17 + 3 * 10)
    }

    /// What the plugin declares is exactly what `emit` (plugin mode) writes.
    @Test func pluginModeWritesTheFilesThePluginDeclares() throws {
        let definition = try Self.definition(types: 201, operations: 51)
        let files = Generator.generate(definition, forBuildPlugin: true)
        #expect(Self.names(files) == FileParts.standard.emittedFileNames(types: 201, operations: 51))
    }

    /// Each type and operation is in the part its position says, once; later parts extend the
    /// client and add their routes through `register(on:)`.
    @Test func typesAndOperationsGoToTheirPartsInOrder() throws {
        let definition = try Self.definition(types: 5, operations: 5)
        let parts = FileParts(typesPerFile: 2, operationsPerFile: 2)
        let files = Generator.generate(definition, parts: parts)
        let byName = Dictionary(
            uniqueKeysWithValues: files.map { (($0.path as NSString).lastPathComponent, $0.contents) })
        #expect(
            Self.names(files) == [
                "Models.swift", "Models+2.swift", "Models+3.swift", "JSONCoding.swift", "JSONCoding+2.swift",
                "JSONCoding+3.swift", "Operations.swift", "Operations+2.swift", "Operations+3.swift", "Client.swift",
                "Client+2.swift", "Client+3.swift", "Server.swift", "Server+2.swift", "Server+3.swift",
            ])
        for index in 0..<5 {
            let part = index / 2 + 1
            for artifact in ["Models", "JSONCoding"] {
                let declaration = artifact == "Models" ? "public struct T\(index): " : "extension T\(index): Codable"
                let holders = byName.filter { $0.value.contains(declaration) }.map(\.key)
                #expect(holders == [FileParts.fileName(artifact, part: part)], "T\(index) in \(artifact)")
            }
            let input = byName.filter { $0.value.contains("public struct Op\(index)Input: ") }.map(\.key)
            #expect(input == [FileParts.fileName("Operations", part: part)])
            let method = byName.filter { $0.value.contains("throws(ClientError) -> Op\(index)Output {") }.map(\.key)
            #expect(method == [FileParts.fileName("Client", part: part)])
            let route = byName.filter { $0.value.contains("Op\(index)Input.operation,\n") }.map(\.key)
            #expect(route == [FileParts.fileName("Server", part: part)])
        }
        #expect(byName["Client.swift"]?.contains("public struct BigClient: Sendable {") == true)
        #expect(byName["Client+2.swift"]?.contains("extension BigClient {") == true)
        let server = try #require(byName["Server.swift"])
        #expect(
            server.contains(
                "registerPart2(on: &registrar, middlewares: middlewares)\n"
                    + "        registerPart3(on: &registrar, middlewares: middlewares)\n"))
        #expect(byName["Server+3.swift"]?.contains("func registerPart3(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware]) {") == true)
    }

    /// Text-tree coders go to the types an XML or form body or response carries, and what they
    /// contain; a part without one is left out of `Generated/` but written for the plugin.
    @Test func textTreeCodersOnlyForTypesThatTravelAsText() throws {
        let definition = try Self.definition(types: 5, operations: 1, xmlBodies: true)
        let parts = FileParts(typesPerFile: 2, operationsPerFile: 2)
        let files = Generator.generate(definition, parts: parts)
        let textTree = files.filter { $0.path.contains("TextTreeCoding") }
        #expect(Self.names(textTree) == ["TextTreeCoding.swift"])
        let contents = try #require(textTree.first?.contents)
        #expect(contents.contains("extension T0: TextTreeCodable {"))
        #expect(contents.contains("extension T1: TextTreeCodable {"))
        #expect(!contents.contains("extension T2: TextTreeCodable"))
        #expect(contents.contains("extension XMLDialect {"))

        let plugin = Generator.generate(definition, forBuildPlugin: true, parts: parts)
        #expect(Self.names(plugin.filter { $0.path.contains("TextTreeCoding") }).count == 3)

        let jsonOnly = try Self.definition(types: 3, operations: 2)
        #expect(!Self.names(Generator.generate(jsonOnly)).contains("TextTreeCoding.swift"))
    }

    /// Files are emitted on every core; the results keep the order of the work, whatever finished first.
    @Test func parallelEmissionKeepsOrderAndIsRepeatable() throws {
        let squares = Parallel.map(200) { index in
            // Uneven work, so that later items often finish first.
            (0..<((200 - index) * 50)).reduce(0) { $0 &+ $1 } == -1 ? -1 : index * index
        }
        #expect(squares == (0..<200).map { $0 * $0 })
        let definition = try Self.definition(types: 350, operations: 120)
        let first = Generator.generate(definition)
        for _ in 0..<3 { #expect(Generator.generate(definition) == first) }
    }
}
