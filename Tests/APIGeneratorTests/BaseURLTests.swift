import APIDefinition
import APIOpenAPI
import Foundation
import Testing

@testable import APIGenerator

/// A definition may name no base URL (as an OpenAPI document without `servers`): the client then takes
/// one, the server mounts at `/`, the export has no `servers`, and `apigen diff` says what a change
/// does. `RandomDefinitionTests` compiles and runs services without a base URL.
@Suite struct BaseURLTests {
    static func definition(baseURL: String?) throws -> Definition {
        let base = baseURL.map { #", "baseURL": "\#($0)""# } ?? ""
        let text = #"""
            {"formatVersion": 1,
             "service": {"name": "Plain"\#(base)},
             "types": [{"name": "Item", "kind": "object", "fields": [{"name": "id", "type": "string"}]}],
             "operations": [{"name": "getItem", "method": "GET", "path": "/item",
                             "responses": [{"status": 200, "type": "Item"}]}]}
            """#
        return try DefinitionLoader.load(data: Data(text.utf8), file: "plain.json")
    }

    static func file(_ name: String, of definition: Definition) -> String {
        Generator.generate(definition).first { $0.path.hasSuffix("/" + name) }?.contents ?? ""
    }

    @Test func withoutABaseURLTheClientTakesOne() throws {
        let definition = try Self.definition(baseURL: nil)
        #expect(definition.service.baseURL == nil)
        #expect(DefinitionChecker.check(definition).isEmpty)
        let client = Self.file("Client.swift", of: definition)
        #expect(!client.contains("defaultBaseURL ="))
        #expect(client.contains("        baseURL: URL,\n"))
        #expect(client.contains("baseURL: Where requests go (the definition names no base URL)."))
        #expect(Self.file("Server.swift", of: definition).contains(#"defaultBasePath: String { "" }"#))
    }

    @Test func withABaseURLTheClientHasItsDefault() throws {
        let definition = try Self.definition(baseURL: "https://example.com/v2")
        let client = Self.file("Client.swift", of: definition)
        #expect(client.contains(#"public static let defaultBaseURL = URL(string: "https://example.com/v2")!"#))
        #expect(client.contains("        baseURL: URL = defaultBaseURL,\n"))
        #expect(
            Self.file("Server.swift", of: definition).contains(
                "defaultBasePath: String { PlainClient.defaultBaseURL.path }"))
    }

    @Test func aPresentBaseURLIsStillChecked() throws {
        let error = #expect(throws: (any Error).self) { try Self.definition(baseURL: "ftp://example.com") }
        #expect(
            String(describing: try #require(error)).contains(
                "service.baseURL: 'ftp://example.com' is not an absolute http or https URL"))
        #expect(throws: (any Error).self) {
            try DefinitionLoader.load(
                data: Data(#"{"formatVersion": 1, "service": {"name": "P", "baseURL": ""}, "operations": []}"#.utf8),
                file: "p.json")
        }
    }

    @Test func theExportHasServersOnlyWithABaseURL() throws {
        #expect(OpenAPIExporter.document(try Self.definition(baseURL: nil))["servers"] == nil)
        #expect(
            OpenAPIExporter.document(try Self.definition(baseURL: "https://example.com"))["servers"]?.arrayValue?
                .first?["url"]
                == .string("https://example.com"))
    }

    @Test func diffSaysWhatABaseURLChangeDoes() throws {
        func changes(_ old: String?, _ new: String?) throws -> [String] {
            DefinitionDiff(old: try Self.definition(baseURL: old), new: try Self.definition(baseURL: new)).changes.map {
                "\($0.impact.rawValue) \($0.path): \($0.message)"
            }
        }
        #expect(
            try changes("https://a.example.com", nil) == [
                "breaking-source service.baseURL: base URL https://a.example.com removed: the client now takes a base URL"
            ])
        #expect(
            try changes(nil, "https://a.example.com") == [
                "additive service.baseURL: base URL https://a.example.com added: the client's base URL gets a default"
            ])
        #expect(
            try changes("https://a.example.com", "https://b.example.com") == [
                "breaking-wire service.baseURL: base URL changed from https://a.example.com to https://b.example.com"
            ])
        #expect(try changes(nil, nil).isEmpty)
    }
}
