import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Parameters of every kind in the definition: loading, the checker's located errors, `apigen diff`,
/// the OpenAPI export (validated) and the import.
@Suite("Parameters of every kind: definition, diff, OpenAPI")
struct ParameterKindsTests {
    static func definition(_ parameter: String, types: String = "") -> String {
        #"""
        {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
         "types": [{"name": "Color", "kind": "enum", "values": ["red", "green"]},
                   {"name": "Filter", "kind": "object", "fields": [{"name": "name", "type": "string", "required": false}, {"name": "min", "type": "integer"}]}\#(types)],
         "operations": [{"name": "list", "method": "GET", "path": "/items/{id}",
                         "parameters": [{"name": "id", "in": "path", "type": "string"}, \#(parameter)],
                         "responses": [{"status": 204}]}]}
        """#
    }

    static func load(_ text: String) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "d.json")
    }

    /// The error text of loading `parameter`, or `nil` when it loads.
    static func error(_ parameter: String, types: String = "") -> String? {
        do {
            _ = try load(definition(parameter, types: types))
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func validParametersLoadWithTheirStyles() throws {
        let text = Self.definition(
            #"""
            {"name": "a", "in": "query", "type": "[integer]", "explode": false, "maxItems": 2},
            {"name": "b", "in": "query", "type": "[Color]", "style": "pipeDelimited", "required": false},
            {"name": "f", "in": "query", "type": "Filter", "style": "deepObject"},
            {"name": "c", "in": "cookie", "type": "[string]", "explode": false},
            {"name": "s", "in": "cookie", "type": "uuid"},
            {"name": "H", "in": "header", "type": "[int64]"}
            """#)
        let parameters = try Self.load(text).operations[0].parameters
        #expect(parameters.map(\.location) == [.path, .query, .query, .query, .cookie, .cookie, .header])
        #expect(
            parameters.map(\.effectiveStyle) == [.simple, .form, .pipeDelimited, .deepObject, .form, .form, .simple])
        #expect(parameters.map(\.effectiveExplode) == [false, false, false, true, false, true, false])
        #expect(parameters[1].type == .array(.integer) && parameters[1].constraints.maxItems == 2)
    }

    @Test(arguments: [
        (
            #"{"name": "a", "in": "query", "type": "[string]", "style": "spaceDelimitd"}"#,
            "operations[0].parameters[1].style: unknown parameter style 'spaceDelimitd' (did you mean 'spaceDelimited'?)"
        ),
        (
            #"{"name": "a", "in": "header", "type": "[string]", "style": "form"}"#,
            "operations[0].parameters[1].style: the style 'form' is not allowed in header; use 'simple'"
        ),
        (
            #"{"name": "a", "in": "query", "type": "string", "style": "pipeDelimited"}"#,
            "operations[0].parameters[1].style: the style 'pipeDelimited' applies to arrays only"
        ),
        (
            #"{"name": "a", "in": "query", "type": "[string]", "style": "spaceDelimited", "explode": true}"#,
            "operations[0].parameters[1].explode: the style 'spaceDelimited' is not exploded"
        ),
        (
            #"{"name": "a", "in": "query", "type": "string", "style": "deepObject"}"#,
            "operations[0].parameters[1].style: the style 'deepObject' applies to object and anyOf types and arrays only"
        ),
        (
            #"{"name": "a", "in": "header", "type": "Filter", "style": "deepObject"}"#,
            "operations[0].parameters[1].style: the style 'deepObject' is not allowed in header; use 'simple'"
        ),
        (
            #"{"name": "a", "in": "query", "type": "Filter", "style": "deepObject", "explode": false}"#,
            "operations[0].parameters[1].explode: the style 'deepObject' is always exploded"
        ),
        (
            #"{"name": "a", "in": "query", "type": "Filter"}"#,
            "operations[0].parameters[1].type: an object parameter travels only in the style deepObject"
        ),
        (
            #"{"name": "a", "in": "query", "type": "[Filter]"}"#,
            "operations[0].parameters[1].type: a parameter must be a primitive, an enum or an array of them"
        ),
        (
            #"{"name": "a", "in": "cookie", "type": "[string]"}"#,
            #"operations[0].parameters[1]: an array in a cookie travels as one comma-separated value: add "explode": false"#
        ),
        (
            #"{"name": "a", "in": "query", "type": "{string}"}"#,
            "operations[0].parameters[1].type: a parameter is a primitive, an enum, an array of them"
        ),
        (
            #"{"name": "a", "in": "query", "type": "[json]"}"#,
            "operations[0].parameters[1].type: a parameter is a primitive, an enum, an array of them"
        ),
        (
            #"{"name": "a", "in": "query", "type": "[string]", "minLength": 1}"#,
            "operations[0].parameters[1]"
        ),
        (
            #"{"name": "a", "in": "query", "type": "Nested", "style": "deepObject"}"#,
            "'Nested.inner' (field 0) is not"
        ),
        (
            #"{"name": "a", "in": "query", "type": "string", "explode": "yes"}"#,
            "operations[0].parameters[1].explode: expected a boolean"
        ),
        (
            #"{"name": "a", "in": "kitchen", "type": "string"}"#,
            "expected one of path, query, header, cookie"
        ),
    ])
    func misuseIsALocatedError(parameter: String, message: String) {
        let nested = #", {"name": "Nested", "kind": "object", "fields": [{"name": "inner", "type": "Filter"}]}"#
        let error = Self.error(parameter, types: nested)
        #expect(error?.contains(message) == true, "\(error ?? "loaded")")
    }

    // MARK: Diff

    static func changes(_ old: String, _ new: String) throws -> [String] {
        DefinitionDiff(old: try load(definition(old)), new: try load(definition(new))).changes.map {
            "\($0.impact.rawValue) \($0.path): \($0.message)"
        }
    }

    @Test func styleAndExplodeChangesAreBreakingOnTheWire() throws {
        let exploded = #"{"name": "a", "in": "query", "type": "[string]"}"#
        let joined = #"{"name": "a", "in": "query", "type": "[string]", "explode": false}"#
        let piped = #"{"name": "a", "in": "query", "type": "[string]", "style": "pipeDelimited"}"#
        #expect(
            try Self.changes(exploded, joined) == [
                "breaking-wire operations.list.parameters.a: explode changed from true to false"
            ])
        #expect(
            try Self.changes(joined, piped) == [
                "breaking-wire operations.list.parameters.a: style changed from form to pipeDelimited"
            ])
        // Spelling out a default changes nothing.
        #expect(
            try Self.changes(
                exploded, #"{"name": "a", "in": "query", "type": "[string]", "style": "form", "explode": true}"#
            ).isEmpty)
        // explode does not change how a header array travels.
        #expect(
            try Self.changes(
                #"{"name": "a", "in": "header", "type": "[string]"}"#,
                #"{"name": "a", "in": "header", "type": "[string]", "explode": true}"#
            ).isEmpty)
        #expect(
            try Self.changes(
                #"{"name": "a", "in": "query", "type": "string", "required": false}"#,
                #"{"name": "a", "in": "cookie", "type": "string", "required": false}"#
            ) == [
                "breaking-wire operations.list.parameters.a: query parameter removed",
                "additive operations.list.parameters.a: optional cookie parameter added",
            ])
    }

    // MARK: OpenAPI

    static func awkward() throws -> Definition {
        try DefinitionLoader.load(
            path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"), displayPath: "awkward.json")
    }

    @Test func exportWritesStylesAndArraySchemasAndImportReadsThemBack() throws {
        let definition = try Self.awkward()
        let document = OpenAPIExporter.document(definition)
        let exported = try #require(document["paths"]?["/items/{ids}"]?["get"]?["parameters"]?.arrayValue)
        func member(_ index: Int, _ key: String) -> OrderedJSON? { exported[index][key] }
        #expect(
            exported.map { $0["in"]?.stringValue ?? "" } == [
                "path", "query", "query", "query", "query", "query", "header", "cookie", "cookie", "query", "query", "query", "query",
            ])
        #expect(member(0, "style") == .string("simple") && member(0, "explode") == .bool(false))
        #expect(member(0, "schema")?["type"] == .string("array") && member(0, "schema")?["minItems"] == .int(1))
        #expect(member(1, "style") == .string("form") && member(1, "explode") == .bool(true))
        #expect(member(2, "style") == .string("form") && member(2, "explode") == .bool(false))
        #expect(member(3, "style") == .string("spaceDelimited"))
        #expect(member(4, "style") == .string("pipeDelimited"))
        #expect(
            member(4, "schema")?["items"]?["allOf"]?.arrayValue?.first?["$ref"]
                == .string("#/components/schemas/Channel"))
        #expect(member(5, "style") == .string("deepObject") && member(5, "explode") == .bool(true))
        #expect(member(8, "style") == .string("form") && member(8, "explode") == .bool(false))
        // A scalar keeps the export it had: no style.
        #expect(member(7, "style") == nil)

        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "awkward.openapi.json")
        let original = try #require(definition.operations.first { $0.name == "searchItems" })
        let back = try #require(imported.operations.first { $0.name == "searchItems" })
        #expect(back.parameters.map(\.name) == original.parameters.map(\.name))
        #expect(back.parameters.map(\.location) == original.parameters.map(\.location))
        #expect(back.parameters.map(\.type) == original.parameters.map(\.type))
        #expect(back.parameters.map(\.effectiveStyle) == original.parameters.map(\.effectiveStyle))
        #expect(back.parameters.map(\.effectiveExplode) == original.parameters.map(\.effectiveExplode))
        #expect(back.parameters.map(\.constraints) == original.parameters.map(\.constraints))
        #expect(!warnings.contains { $0.pointer.contains("~1items~1{ids}") }, "\(warnings)")
        #expect(DefinitionChecker.check(imported).filter { $0.severity == .error }.isEmpty)
    }

    static func importing(_ parameters: String) throws -> (Definition, [OpenAPIImporter.Warning]) {
        let text = #"""
            {"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
             "paths": {"/items/{id}": {"get": {"operationId": "list",
               "parameters": [\#(parameters)],
               "responses": {"204": {"description": "Done."}}}}}}
            """#
        return try OpenAPIImporter.convert(Data(text.utf8), file: "openapi.json", serviceName: "T")
    }

    @Test func importKeepsWhatIsExpressibleAndWarnsAboutTheRest() throws {
        let (definition, warnings) = try Self.importing(
            #"""
            {"name": "id", "in": "path", "required": true, "style": "label", "schema": {"type": "array", "items": {"type": "integer"}}},
            {"name": "a", "in": "query", "style": "form", "explode": true, "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "b", "in": "query", "style": "spaceDelimited", "schema": {"type": "array", "items": {"type": "integer"}}},
            {"name": "c", "in": "cookie", "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "d", "in": "cookie", "explode": true, "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "f", "in": "query", "style": "deepObject", "explode": true, "schema": {"type": "object", "properties": {"x": {"type": "integer"}}}},
            {"name": "g", "in": "query", "schema": {"type": "array", "items": {"type": "object", "properties": {"x": {"type": "integer"}}}}},
            {"name": "h", "in": "query", "style": "pipeDelimited", "schema": {"type": "string"}}
            """#)
        let parameters = definition.operations[0].parameters
        #expect(parameters.map(\.name) == ["id", "a", "b", "c", "d", "f", "h"])
        #expect(
            parameters.map(\.type.description) == [
                "[integer]", "[string]", "[integer]", "[string]", "[string]", "ListF", "string",
            ])
        #expect(
            parameters.map { $0.style?.rawValue ?? "-" } == ["-", "-", "spaceDelimited", "-", "-", "deepObject", "-"])
        #expect(parameters.map { $0.explode.map(String.init) ?? "-" } == ["-", "-", "-", "false", "false", "-", "-"])
        let kinds = warnings.map { "\($0.pointer) \($0.kind.rawValue)" }
        #expect(
            kinds == [
                "#/paths/~1items~1{id}/get/parameters/0/style parameter-style",
                "#/paths/~1items~1{id}/get/parameters/4/explode parameter-style",
                "#/paths/~1items~1{id}/get/parameters/6 array-parameter",
                "#/paths/~1items~1{id}/get/parameters/7/style parameter-style",
            ], "\(warnings)")
        #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
    }
}
