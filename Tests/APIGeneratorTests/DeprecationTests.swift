import APIDefinition
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

@testable import APIGenerator

/// `"deprecated": true` or a message, on operations, fields and parameters. Users get
/// `@available(*, deprecated, message:)`; generated code reads and writes a deprecated member through its
/// storage `_name`, so it compiles without warnings: the awkward fixture (`AwkwardAPI`, built by CI with
/// warnings failing the build) and `RandomDefinitionTests` (compiled with `-warnings-as-errors`) hold
/// deprecated fields and parameters. These tests use the generated code only through APIs that are not
/// deprecated, so they compile without warnings too.
@Suite struct DeprecationTests {
    static func fixture(_ file: String) throws -> String {
        try String(contentsOfFile: TestSupport.path("Tests/Fixtures/Generated/Awkward/\(file)"), encoding: .utf8)
    }

    @Test func usersGetTheAttributeWithItsMessage() throws {
        let models = try Self.fixture("Models.swift")
        #expect(
            models.contains(
                """
                    @available(*, deprecated, message: "Use \\"name\\".\\nNicknames go away in v3.")
                    public var nickname: String? {
                        get { _nickname }
                        set { _nickname = newValue }
                    }
                    var _nickname: String?
                """))
        let client = try Self.fixture("Client.swift")
        let attributes = client.components(separatedBy: "@available(*, deprecated, message: \"Use putTree.\")\n")
        #expect(attributes.count == 3, "both client methods of putKeywords")
        let operations = try Self.fixture("Operations.swift")
        #expect(operations.contains("    @available(*, deprecated)\n    public var dryRun: Bool? {\n"))
        #expect(
            operations.contains(
                "    @available(*, deprecated, message: \"Unused.\")\n    public var xLegacy: String? {\n"))
        #expect(client.contains("request.setHeader(\"X-Legacy\", input._xLegacy)"))
    }

    @Test func aDeprecatedFieldTravelsIsValidatedAndDescribedByItsName() throws {
        let child = try JSONCoding.decode(Child.self, from: Data(#"{"name": "Ann", "nickname": "annie"}"#.utf8))
        let json = String(decoding: try JSONCoding.encode(child), as: UTF8.self)
        #expect(json.contains(#""nickname":"annie""#))
        #expect(String(describing: child).contains("nickname: annie"))
        #expect(!String(describing: child).contains("_nickname"))
        #expect(throws: ValidationErrors([ValidationError(path: "nickname", reason: "longer than 8 characters")])) {
            try JSONCoding.decode(Child.self, from: Data(#"{"name": "Ann", "nickname": "anniekins"}"#.utf8))
        }
    }

    @Test func aDeprecatedParameterIsValidatedAndDescribedByItsName() throws {
        let body = AwkwardFixtureTests.sample()
        let input = PutKeywordsInput(dryRun: true, xLegacy: "toolong", body: body)
        #expect(String(describing: input).contains("xLegacy: toolong"))
        #expect(throws: ValidationErrors.self) { try input.validated() }
        #expect(throws: Never.self) { try PutKeywordsInput(dryRun: true, xLegacy: "ok", body: body).validated() }
    }

    static func load(_ text: String) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "d.json")
    }

    static func definition(field: String = "", parameter: String = "", operation: String = "") -> String {
        #"""
        {"formatVersion": 1, "service": {"name": "D"},
         "types": [{"name": "Item", "kind": "object",
                    "fields": [{"name": "id", "type": "string"\#(field)}, {"name": "parent", "type": "Item", "required": false}]}],
         "operations": [{"name": "getItem", "method": "GET", "path": "/item"\#(operation),
                         "parameters": [{"name": "q", "in": "query", "type": "string", "required": false\#(parameter)}],
                         "responses": [{"status": 200, "type": "Item"}]}]}
        """#
    }

    @Test func theLoaderTakesTrueFalseOrAMessage() throws {
        let loaded = try Self.load(
            Self.definition(
                field: #", "deprecated": true"#,
                parameter: #", "deprecated": "Use p.""#, operation: #", "deprecated": false"#))
        #expect(loaded.types[0].fields[0].deprecated == "")
        #expect(loaded.operations[0].parameters[0].deprecated == "Use p.")
        #expect(loaded.operations[0].deprecated == nil)
        for (value, message) in [
            ("1", "expected true, false or a deprecation message, found an integer"),
            (#""""#, "a deprecation message must not be empty; write true for none"),
        ] {
            let error = #expect(throws: (any Error).self) {
                try Self.load(Self.definition(operation: #", "deprecated": \#(value)"#))
            }
            #expect(String(describing: try #require(error)).contains("operations[0].deprecated: \(message)"))
        }
    }

    @Test func theCheckerRefusesWhatCouldNotCompile() throws {
        let recursive = #expect(throws: (any Error).self) {
            try Self.load(
                Self.definition().replacingOccurrences(
                    of: #""required": false}]}]"#, with: #""required": false, "deprecated": true}]}]"#))
        }
        #expect(
            String(describing: try #require(recursive)).contains(
                "types[0].fields[1].deprecated: a field that makes its type recursive cannot be deprecated yet"))
        let clash = #expect(throws: (any Error).self) {
            try Self.load(
                Self.definition(field: #", "deprecated": true"#).replacingOccurrences(
                    of: #"{"name": "parent", "type": "Item", "required": false}"#,
                    with: #"{"name": "other", "swiftName": "_id", "type": "string"}"#))
        }
        #expect(
            String(describing: try #require(clash)).contains(
                "'_id' clashes with the storage of the deprecated 'id'; give it a 'swiftName'"))
    }

    @Test func diffCallsDeprecationAdditive() throws {
        let old = try Self.load(Self.definition())
        let new = try Self.load(
            Self.definition(field: #", "deprecated": "Use key.""#, operation: #", "deprecated": true"#))
        #expect(
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" } == [
                "additive types.Item.id: deprecated: Use key.", "additive operations.getItem: deprecated",
            ])
        #expect(
            DefinitionDiff(old: new, new: old).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" } == [
                "additive types.Item.id: no longer deprecated",
                "additive operations.getItem: no longer deprecated",
            ])
    }
}
