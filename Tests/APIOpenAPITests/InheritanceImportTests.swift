import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Polymorphism by inheritance: a base schema with a discriminator that subtypes extend through
/// `allOf` imports as a oneOf of the subtypes (with the mapping's values), the base's own fields in
/// `<Base>Base`; a reference to the base means any of them.
@Suite("Inheritance with a discriminator in OpenAPI import")
struct InheritanceImportTests {
    static let zoo = #"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Zoo", "version": "1" },
          "servers": [{ "url": "https://zoo.example.com" }],
          "paths": {
            "/pets": { "get": { "operationId": "listPets", "responses": { "200": { "description": "ok",
              "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } } } } } },
            "/animals/{id}": { "get": { "operationId": "getAnimal",
              "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
              "responses": { "200": { "description": "ok",
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Animal" } } } } } } }
          },
          "components": { "schemas": {
            "Pet": { "type": "object", "description": "Any pet.", "required": ["petType"],
              "properties": { "petType": { "type": "string" }, "name": { "type": "string", "maxLength": 20 } },
              "discriminator": { "propertyName": "petType",
                "mapping": { "cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog" } } },
            "Cat": { "allOf": [{ "$ref": "#/components/schemas/Pet" },
              { "type": "object", "properties": { "lives": { "type": "integer" } } }] },
            "Dog": { "allOf": [{ "$ref": "#/components/schemas/Pet" },
              { "type": "object", "properties": { "bark": { "type": "boolean" } } }] },
            "Animal": { "type": "object", "required": ["kind"],
              "properties": { "kind": { "type": "string" }, "legs": { "type": "string", "minimum": 3 } },
              "discriminator": { "propertyName": "kind", "mapping": { "animal": "#/components/schemas/Animal" } } },
            "Bird": { "allOf": [{ "$ref": "#/components/schemas/Animal" },
              { "type": "object", "properties": { "wings": { "type": "integer" } } }] },
            "Lonely": { "type": "object", "properties": { "kind": { "type": "string" } },
              "discriminator": { "propertyName": "kind" } }
          } }
        }
        """#

    func imported() throws -> (Definition, [OpenAPIImporter.Warning]) {
        try OpenAPIImporter.convert(Data(Self.zoo.utf8), file: "zoo.json")
    }

    @Test func aReferenceToTheBaseIsAnyOfItsSubtypes() throws {
        let (definition, _) = try imported()
        #expect(
            definition.type(named: "Pet")?.kind
                == .oneOf(
                    variants: [
                        OneOfVariant(type: "Cat", discriminatorValue: "cat", swiftName: nil, doc: nil),
                        OneOfVariant(type: "Dog", discriminatorValue: "dog", swiftName: nil, doc: nil),
                    ], discriminator: "petType"))
        #expect(definition.type(named: "Pet")?.doc == "Any pet.")
        // The subtypes keep the base's fields (and constraints) first, then their own.
        guard case .object(let cat)? = definition.type(named: "Cat")?.kind else {
            Issue.record("Cat is not an object")
            return
        }
        #expect(cat.map(\.name) == ["petType", "name", "lives"])
        #expect(cat[0].required && cat[1].constraints.maxLength == 20)
        // The base's own fields are a type of their own; the answer is any pet.
        guard case .object(let base)? = definition.type(named: "PetBase")?.kind else {
            Issue.record("PetBase is not an object")
            return
        }
        #expect(base.map(\.name) == ["petType", "name"])
        #expect(definition.operations.first { $0.name == "listPets" }?.responses.first?.type == .array(.named("Pet")))
    }

    @Test func aBaseTheMappingNamesIsAVariantItselfAndUnmappedSubtypesGoByTheirNames() throws {
        let (definition, _) = try imported()
        #expect(
            definition.type(named: "Animal")?.kind
                == .oneOf(
                    variants: [
                        OneOfVariant(type: "AnimalBase", discriminatorValue: "animal", swiftName: nil, doc: nil),
                        OneOfVariant(type: "Bird", discriminatorValue: "Bird", swiftName: nil, doc: nil),
                    ], discriminator: "kind"))
    }

    @Test func warningsPointIntoTheDocumentAndTheResultChecksClean() throws {
        let (definition, warnings) = try imported()
        #expect(
            warnings.map { "\($0.pointer): \($0.message) [\($0.kind)]" } == [
                "#/components/schemas/Animal/properties/legs/minimum: 'minimum' applies to numbers, not to 'string'; dropped [constraint]",
                "#/components/schemas/Lonely/discriminator: a discriminator without oneOf, on a schema no other schema extends (allOf), tells nothing apart; ignored [discriminator]",
            ])
        let text = DefinitionWriter.text(definition)
        #expect(throws: Never.self) { try DefinitionLoader.load(data: Data(text.utf8), file: "zoo.json") }
    }
}
