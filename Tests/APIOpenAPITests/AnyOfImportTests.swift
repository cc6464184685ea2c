import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// `anyOf` through `apigen import` and `apigen openapi`, on Stripe-like documents: an object or the
/// empty string to unset it, an object or another object, primitive unions, nullable and single-schema
/// anyOfs, and what cannot be an alternative.
@Suite("OpenAPI anyOf")
struct AnyOfImportTests {
    static let document = #"""
        {
          "openapi": "3.0.0", "info": { "title": "Mini Stripe", "version": "1" },
          "paths": {
            "/customers": {
              "post": {
                "operationId": "postCustomers",
                "requestBody": { "required": true, "content": {
                  "application/json": { "schema": { "$ref": "#/components/schemas/customer_update" } },
                  "application/xml": { "schema": { "$ref": "#/components/schemas/customer_update" } } } },
                "responses": { "200": { "description": "ok", "content": {
                  "application/json": { "schema": { "$ref": "#/components/schemas/customer" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "address": { "type": "object", "required": ["line1"],
                "properties": { "city": { "type": "string" }, "line1": { "type": "string" } } },
              "card": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "last4": { "type": "string" } } },
              "bank_account": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "bank": { "type": "string" } } },
              "source": { "anyOf": [{ "$ref": "#/components/schemas/card" }, { "$ref": "#/components/schemas/bank_account" }] },
              "customer_update": {
                "type": "object",
                "properties": {
                  "address": { "anyOf": [{ "$ref": "#/components/schemas/address" }, { "type": "string", "enum": [""] }] },
                  "balance": { "anyOf": [{ "type": "integer" }, { "type": "string", "maxLength": 20 }], "nullable": true },
                  "created": { "anyOf": [{ "type": "integer", "format": "unix-time" }, { "type": "string" }] },
                  "single": { "anyOf": [{ "$ref": "#/components/schemas/address" }, { "type": "null" }] },
                  "metadata": { "anyOf": [{ "type": "object", "additionalProperties": { "type": "string" } }, { "type": "string", "enum": [""] }] },
                  "tags": { "anyOf": [{ "type": "array", "items": { "type": "array", "items": { "type": "string" } } }, { "type": "string" }] }
                }
              },
              "customer": {
                "type": "object", "required": ["id"],
                "properties": {
                  "id": { "type": "string" },
                  "default_source": { "nullable": true, "anyOf": [{ "$ref": "#/components/schemas/card" }, { "$ref": "#/components/schemas/bank_account" }] },
                  "twice": { "anyOf": [{ "$ref": "#/components/schemas/card" }, { "$ref": "#/components/schemas/card" }, { "type": "boolean" }] }
                }
              }
            }
          }
        }
        """#

    func imported(_ text: String) throws -> (Definition, [OpenAPIImporter.Warning]) {
        let (definition, warnings) = try OpenAPIImporter.convert(
            Data(text.utf8), file: "openapi.json", serviceName: "T")
        let errors = DefinitionChecker.check(definition).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let loaded = try DefinitionLoader.load(data: Data(DefinitionWriter.text(definition).utf8), file: "openapi.json")
        #expect(loaded == definition)
        return (definition, warnings)
    }

    func field(_ definition: Definition, _ type: String, _ name: String) -> Field? {
        definition.type(named: type)?.fields.first { $0.name == name }
    }

    func anyOfVariants(_ definition: Definition, _ name: String) -> [AnyOfVariant]? {
        guard case .anyOf(let variants)? = definition.type(named: name)?.kind else { return nil }
        return variants
    }

    @Test func anObjectOrTheEmptyStringBecomesAnAnyOfWithAnEnum() throws {
        let (definition, warnings) = try imported(Self.document)
        let address = try #require(field(definition, "customer_update", "address"))
        guard case .named(let union) = address.type else {
            Issue.record("address is \(address.type)")
            return
        }
        let variants = try #require(anyOfVariants(definition, union))
        #expect(variants.count == 2)
        #expect(variants[0].type == .named("address"))
        guard case .named(let unset) = variants[1].type,
            case .enumeration(let values, _)? = definition.type(named: unset)?.kind
        else {
            Issue.record("the second alternative is \(variants[1].type)")
            return
        }
        // The empty string's case reads `empty`.
        #expect(values.map(\.value) == [""] && values.map(Naming.enumCase) == ["empty"])
        #expect(!warnings.contains { $0.pointer.contains("address/anyOf") && $0.kind.rawValue != "rename" })
    }

    @Test func objectsBecomeAnAnyOfOfThoseObjects() throws {
        let (definition, _) = try imported(Self.document)
        #expect(
            anyOfVariants(definition, "source") == [
                AnyOfVariant(type: .named("card")), AnyOfVariant(type: .named("bank_account")),
            ])
        // Nullable beside the alternatives: a nullable field of the anyOf.
        let source = try #require(field(definition, "customer", "default_source"))
        #expect(source.nullable)
        guard case .named(let name) = source.type else {
            Issue.record("default_source is \(source.type)")
            return
        }
        #expect(anyOfVariants(definition, name)?.map(\.type) == [.named("card"), .named("bank_account")])
    }

    @Test func primitivesBecomeAPrimitiveUnionWithTheirConstraintsAndFormats() throws {
        let (definition, warnings) = try imported(Self.document)
        let balance = try #require(field(definition, "customer_update", "balance"))
        #expect(balance.nullable)
        guard case .named(let name) = balance.type else {
            Issue.record("balance is \(balance.type)")
            return
        }
        #expect(
            anyOfVariants(definition, name) == [
                AnyOfVariant(type: .integer), AnyOfVariant(type: .string, constraints: Constraints(maxLength: 20)),
            ])
        // unix-time is kept in an anyOf: a `Date` in seconds.
        let created = try #require(field(definition, "customer_update", "created"))
        guard case .named(let createdName) = created.type else {
            Issue.record("created is \(created.type)")
            return
        }
        #expect(anyOfVariants(definition, createdName)?.map(\.type) == [.unixTime, .string])
        #expect(!warnings.contains { $0.pointer.contains("/balance/") || $0.pointer.contains("/created/") })
    }

    @Test func oneSchemaBesideNullIsThatSchemaNullable() throws {
        let (definition, _) = try imported(Self.document)
        let single = try #require(field(definition, "customer_update", "single"))
        #expect(single.type == .named("address"))
        #expect(single.nullable)
    }

    @Test func whatCannotBeAnAlternativeIsAnyJSONOrDropped() throws {
        let (definition, warnings) = try imported(Self.document)
        // An array of arrays as an alternative: the whole value is any JSON.
        #expect(field(definition, "customer_update", "tags")?.type == .json)
        let kinds = Dictionary(warnings.map { ($0.pointer, $0.kind.rawValue) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds["#/components/schemas/customer_update/properties/tags/anyOf"] == "mixed-alternatives")
        // A map alternative is one (Stripe's emptyable map), without a warning.
        let metadata = try #require(field(definition, "customer_update", "metadata"))
        guard case .named(let union) = metadata.type else {
            Issue.record("metadata is \(metadata.type)")
            return
        }
        #expect(anyOfVariants(definition, union)?.map(\.type) == [.map(.string), .named(union + "Variant2")])
        #expect(!kinds.keys.contains { $0.contains("properties/metadata") })
        // An alternative listed twice is kept once.
        let twice = try #require(field(definition, "customer", "twice"))
        guard case .named(let name) = twice.type else {
            Issue.record("twice is \(twice.type)")
            return
        }
        #expect(anyOfVariants(definition, name)?.map(\.type) == [.named("card"), .boolean])
        #expect(kinds["#/components/schemas/customer/properties/twice/anyOf/1"] == "any-of")
    }

    @Test func aBodyHoldingAnAnyOfTravelsAsJSONAndXML() throws {
        let (definition, warnings) = try imported(Self.document)
        #expect(definition.operations[0].body?.contentTypes == ["application/json", "application/xml"])
        #expect(!warnings.contains { $0.pointer == "#/paths/~1customers/post/requestBody" })
    }

    @Test func anAnyOfNextToPropertiesIsStillMergedWithAWarning() throws {
        let text = #"""
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                "A": { "type": "object", "properties": { "a": { "type": "string" } } },
                "B": { "type": "object", "properties": { "b": { "type": "string" } } },
                "AB": { "type": "object", "properties": { "own": { "type": "integer" } },
                  "anyOf": [{ "$ref": "#/components/schemas/A" }, { "$ref": "#/components/schemas/B" }] }
              } }
            }
            """#
        let (definition, warnings) = try imported(text)
        #expect(definition.type(named: "AB")?.fields.map(\.name) == ["a", "b", "own"])
        let warning = warnings.first { $0.pointer == "#/components/schemas/AB/anyOf" }
        #expect(warning?.kind.rawValue == "any-of")
    }

    @Test func anAnyOfWhoseAlternativesBothContainItIsMerged() throws {
        let text = #"""
            {
              "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                "Node": { "anyOf": [{ "$ref": "#/components/schemas/Leaf" }, { "$ref": "#/components/schemas/Branch" }] },
                "Leaf": { "type": "object", "required": ["value"],
                  "properties": { "value": { "type": "integer" }, "parent": { "$ref": "#/components/schemas/Node" } } },
                "Branch": { "type": "object", "required": ["children"],
                  "properties": { "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } } } }
              } }
            }
            """#
        let (definition, warnings) = try imported(text)
        #expect(definition.type(named: "Node")?.fields.map(\.name) == ["value", "parent", "children"])
        #expect(definition.type(named: "Node")?.fields.allSatisfy { !$0.required } == true)
        let warning = warnings.first { $0.pointer == "#/components/schemas/Node/anyOf" }
        #expect(warning?.kind.rawValue == "any-of")
        #expect(warning?.message.contains("exponential time") == true)
    }

    /// Stripe's expandable fields: an ID or the object, where objects refer back to each other and are
    /// told apart by their `object` constant, so decoding stays linear and the anyOfs are kept.
    @Test func expandableFieldsToldApartByConstantsStayAnyOfs() throws {
        let text = #"""
            {
              "openapi": "3.0.0", "info": { "title": "T", "version": "1" }, "paths": {},
              "components": { "schemas": {
                "customer": { "type": "object", "required": ["id", "object"], "properties": {
                  "id": { "type": "string" }, "object": { "type": "string", "enum": ["customer"] },
                  "default_source": { "nullable": true, "anyOf": [{ "maxLength": 5000, "type": "string" },
                    { "$ref": "#/components/schemas/card" }, { "$ref": "#/components/schemas/bank_account" }] } } },
                "card": { "type": "object", "required": ["id", "object"], "properties": {
                  "id": { "type": "string" }, "object": { "type": "string", "enum": ["card"] },
                  "customer": { "nullable": true, "anyOf": [{ "type": "string" }, { "$ref": "#/components/schemas/customer" }] } } },
                "bank_account": { "type": "object", "required": ["id", "object"], "properties": {
                  "id": { "type": "string" }, "object": { "type": "string", "enum": ["bank_account"] },
                  "customer": { "nullable": true, "anyOf": [{ "type": "string" }, { "$ref": "#/components/schemas/customer" }] } } }
              } }
            }
            """#
        let (definition, warnings) = try imported(text)
        let source = try #require(field(definition, "customer", "default_source"))
        guard case .named(let name) = source.type else {
            Issue.record("default_source is \(source.type)")
            return
        }
        #expect(anyOfVariants(definition, name)?.map(\.type) == [.string, .named("card"), .named("bank_account")])
        #expect(!warnings.contains { $0.message.contains("exponential") }, "\(warnings)")
    }

    @Test func exportAndImportKeepAnAnyOf() throws {
        let text = #"""
            {
              "formatVersion": 1, "service": { "name": "Demo" },
              "types": [
                { "name": "Card", "kind": "object", "fields": [{ "name": "id", "type": "string" }] },
                { "name": "Unset", "kind": "enum", "values": [{ "value": "", "swiftName": "empty" }] },
                { "name": "Source", "kind": "anyOf", "doc": "A source.",
                  "variants": ["Card", { "type": "string", "swiftName": "sourceID" }, "Unset", "int64", "boolean"] }
              ],
              "operations": [
                { "name": "put", "method": "PUT", "path": "/s", "body": { "type": "Source" }, "responses": [{ "status": 200, "type": "Source" }] }
              ]
            }
            """#
        let definition = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
        let schema = OpenAPIExporter.document(definition)["components"]?["schemas"]?["Source"]
        #expect(schema?["description"]?.stringValue == "A source.")
        #expect(schema?["anyOf"]?.arrayValue?.count == 5)
        #expect(schema?["anyOf"]?.arrayValue?.first?["$ref"]?.stringValue == "#/components/schemas/Card")
        let (imported, warnings) = try imported(OpenAPIExporter.text(definition))
        #expect(imported.type(named: "Source") == definition.type(named: "Source"))
        #expect(warnings.isEmpty, "\(warnings)")
    }
}
