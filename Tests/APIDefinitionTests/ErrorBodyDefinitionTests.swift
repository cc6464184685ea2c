import APIDefinition
import Foundation
import Testing

/// `"service": {"errorBody": …}`: loading, the checker's located diagnostics, `apigen diff`.
@Suite("Service error body definitions")
struct ErrorBodyDefinitionTests {
    static let valid = """
        {
          "formatVersion": 1,
          "service": { "name": "Demo", "baseURL": "https://demo.test/v1", "errorBody": "Problem" },
          "types": [
            { "name": "Problem", "kind": "object", "fields": [{ "name": "code", "type": "integer" }] },
            { "name": "Color", "kind": "enum", "values": ["red"] }
          ],
          "operations": [
            { "name": "ping", "method": "GET", "path": "/ping", "responses": [{ "status": 204 }] }
          ]
        }
        """

    func load(_ text: String) throws(DiagnosticList) -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
    }

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), "\(old) is not in the valid definition")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func theErrorBodyLoads() throws {
        #expect(try load(Self.valid).service.errorBody == "Problem")
        #expect(try load(replacing(#", "errorBody": "Problem""#, "")).service.errorBody == nil)
    }

    @Test func misusedErrorBodiesHaveLocatedDiagnostics() {
        #expect(
            diagnostics(replacing(#""errorBody": "Problem""#, #""errorBody": "Problm""#)) == [
                "demo.json:3:80: error: service.errorBody: unknown type 'Problm' (did you mean 'Problem'?); errorBody names a declared object type"
            ])
        #expect(
            diagnostics(replacing(#""errorBody": "Problem""#, #""errorBody": "Color""#)) == [
                "demo.json:3:80: error: service.errorBody: 'Color' is not an object type; errorBody names a declared object type (a map of the members goes in its 'additionalProperties')"
            ])
        #expect(
            diagnostics(replacing(#""errorBody": "Problem""#, #""errorBody": "string""#)) == [
                "demo.json:3:80: error: service.errorBody: unknown type 'string'; errorBody names a declared object type"
            ])
        #expect(
            diagnostics(replacing(#""errorBody": "Problem""#, #""errorBody": """#)) == [
                "demo.json:3:80: error: service.errorBody: must not be empty"
            ])
        #expect(
            diagnostics(replacing(#""errorBody": "Problem""#, #""errorBody": ["Problem"]"#)) == [
                "demo.json:3:80: error: service.errorBody: expected a string, found an array"
            ])
    }

    @Test func diffClassifiesAddingChangingAndRemovingTheErrorBody() throws {
        let with = try load(Self.valid)
        var without = with
        without.service.errorBody = nil
        var other = with
        other.service.errorBody = "Other"
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        #expect(
            changes(without, with) == [
                "breaking-wire service.errorBody: error body Problem added: the server's own errors change shape, and handlers must implement errorBody(for:)"
            ])
        #expect(
            changes(with, without) == [
                #"breaking-wire service.errorBody: error body Problem removed: the server's own errors become {"error", "fields"}"#
            ])
        #expect(changes(with, other) == ["breaking-wire service.errorBody: error body changed from Problem to Other"])
        #expect(changes(with, with).isEmpty)
    }
}
