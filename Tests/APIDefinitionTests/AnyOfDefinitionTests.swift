import APIDefinition
import Foundation
import Testing

/// `"kind": "anyOf"` in definitions: loading, located diagnostics for misuse, recursion, `apigen diff`.
@Suite("anyOf definitions")
struct AnyOfDefinitionTests {
    /// A definition with the objects `Cat`, `Dog`, the enum `Unset`, the oneOf `Pet`, the anyOf `U` with
    /// `variants` (JSON array members), and `operation` (JSON of one operation, or none).
    static func definition(variants: String, operation: String? = nil, extraTypes: String = "") -> String {
        """
        {
          "formatVersion": 1,
          "service": { "name": "Demo", "xml": { "rootElement": "r", "listItemElement": "i" } },
          "types": [
            { "name": "Cat", "kind": "object", "fields": [{ "name": "meows", "type": "boolean" }] },
            { "name": "Dog", "kind": "object", "fields": [{ "name": "barks", "type": "boolean" }] },
            { "name": "Unset", "kind": "enum", "values": [{ "value": "", "swiftName": "empty" }] },
            { "name": "Pet", "kind": "oneOf", "variants": ["Cat", "Dog"] },
            { "name": "U", "kind": "anyOf", "variants": [\(variants)] }\(extraTypes)
          ],
          "operations": [\(operation ?? "")]
        }
        """
    }

    func load(_ text: String) throws(DiagnosticList) -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
    }

    /// The errors, as `line path: message`.
    func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map {
                "\($0.line.map(String.init) ?? "-") \($0.path): \($0.message)"
            }
        }
    }

    @Test func variantsLoadAsTypeReferencesWithSwiftNamesAndDocs() throws {
        let definition = try load(
            Self.definition(
                variants: #""Cat", { "type": "string", "swiftName": "id", "doc": "An ID." }, "Unset", "Pet""#))
        guard case .anyOf(let variants)? = definition.type(named: "U")?.kind else {
            Issue.record("U is not an anyOf")
            return
        }
        #expect(variants.map(\.type) == [.named("Cat"), .string, .named("Unset"), .named("Pet")])
        #expect(variants.map(Naming.variantProperty) == ["cat", "id", "unset", "pet"])
        #expect(variants[1].doc == "An ID.")
    }

    @Test func everyPrimitiveThatTravelsAsItIsIsAVariant() throws {
        let definition = try load(
            Self.definition(variants: #""string", "integer", "int32", "int64", "number", "boolean""#))
        guard case .anyOf(let variants)? = definition.type(named: "U")?.kind else {
            Issue.record("U is not an anyOf")
            return
        }
        #expect(variants.map(Naming.variantProperty) == ["string", "integer", "int32", "int64", "number", "boolean"])
    }

    @Test func misuseIsALocatedError() {
        // Fewer than two variants.
        #expect(
            problems(Self.definition(variants: #""Cat""#)) == [
                "9 types[4].variants: an anyOf needs at least two variants"
            ])
        // Listed twice.
        #expect(
            problems(Self.definition(variants: #""Cat", "Cat""#)) == [
                "9 types[4].variants[1]: duplicate anyOf variant 'Cat' (first declared at types[4].variants[0])"
            ])
        // Not a type apigen can hold in an anyOf.
        for type in ["json", "file"] {
            #expect(
                problems(Self.definition(variants: #""Cat", "\#(type)""#)) == [
                    "9 types[4].variants[1]: an anyOf variant must be a declared object, enum or oneOf type, one of string, integer, int32, int64, number, boolean, a converted scalar (date-time, uuid, date, bytes, decimal, uri, unix-time), or an array or map of a declared type or a primitive; '\(type)' is not"
                ], "\(type)")
        }
        // Another anyOf.
        #expect(
            problems(
                Self.definition(
                    variants: #""Cat", "V""#,
                    extraTypes: #", { "name": "V", "kind": "anyOf", "variants": ["Dog", "string"] }"#)) == [
                    "9 types[4].variants[1]: an anyOf variant cannot be another anyOf ('V'); list its variants in this one"
                ])
        // Undeclared.
        #expect(problems(Self.definition(variants: #""Cat", "Cow""#)).first?.contains("types[4].variants[1]") == true)
        // Two variants with one Swift name.
        #expect(
            problems(Self.definition(variants: #""Cat", { "type": "Dog", "swiftName": "cat" }"#)) == [
                "9 types[4].variants[1]: 'Dog' and 'Cat' (types[4].variants[0]) both become the Swift property name 'cat'; rename one or give it a 'swiftName'"
            ])
        // A Swift name that is no name, or one the struct declares.
        #expect(
            problems(Self.definition(variants: #""Cat", { "type": "Dog", "swiftName": "Dog" }"#)).first?.contains(
                "types[4].variants[1].swiftName: 'Dog' is not a usable Swift property name") == true)
        #expect(
            problems(Self.definition(variants: #""Cat", { "type": "Dog", "swiftName": "hashValue" }"#)).first?
                .contains("clashes with Hashable's hashValue") == true)
        // Keys of other kinds.
        #expect(
            problems(
                Self.definition(variants: #""Cat", "Dog""#).replacingOccurrences(
                    of: #""kind": "anyOf","#, with: #""kind": "anyOf", "discriminator": "x","#)) == [
                    "9 types[4].discriminator: 'discriminator' belongs to kind 'oneOf'"
                ])
    }

    @Test func anAnyOfTravelsAsJSONXMLOrAFormButNotAsADeepObject() {
        let xml = #"""
            { "name": "put", "method": "PUT", "path": "/u", "body": { "type": "U", "contentTypes": ["application/xml"] },
              "responses": [{ "status": 204 }] }
            """#
        #expect(problems(Self.definition(variants: #""Cat", "Dog""#, operation: xml)) == [])
        // Inside an object that travels as a form or multipart, it is fine.
        let holder = #", { "name": "Holder", "kind": "object", "fields": [{ "name": "u", "type": "U" }] }"#
        for contentType in ["application/x-www-form-urlencoded", "multipart/form-data", "application/xml"] {
            let form = #"""
                { "name": "put", "method": "PUT", "path": "/u", "body": { "type": "Holder", "contentTypes": ["\#(contentType)"] },
                  "responses": [{ "status": 204 }] }
                """#
            #expect(problems(Self.definition(variants: #""Cat", "Dog""#, operation: form, extraTypes: holder)) == [])
        }
        // Not in a deepObject parameter.
        let deep = #"""
            { "name": "put", "method": "PUT", "path": "/u",
              "parameters": [{ "name": "h", "in": "query", "type": "Holder", "style": "deepObject" }],
              "responses": [{ "status": 204 }] }
            """#
        #expect(
            problems(Self.definition(variants: #""Cat", "Dog""#, operation: deep, extraTypes: holder)).contains(
                "9 types[4]: 'U' is an anyOf, which a deepObject parameter cannot carry (its fields are primitives and enums)"
            ))
        // As JSON it is fine.
        let json = #"""
            { "name": "put", "method": "PUT", "path": "/u", "body": { "type": "U" }, "responses": [{ "status": 200, "type": "U" }] }
            """#
        #expect(problems(Self.definition(variants: #""Cat", "Dog""#, operation: json)).isEmpty)
    }

    @Test func recursionThroughAnAnyOfIsStoredOutOfLine() throws {
        // Node.next: U, where U is any of Node and string: finite (the string), and Node.next is indirect.
        let definition = try load(
            Self.definition(
                variants: #""Node", "string""#,
                extraTypes: #", { "name": "Node", "kind": "object", "fields": [{ "name": "next", "type": "U" }] }"#))
        let recursion = Recursion(definition)
        #expect(recursion.isIndirect("Node", "next"))
        #expect(recursion.infiniteTypes.isEmpty)
        // A variant outside the cycle (Cat) makes it finite.
        #expect(
            problems(
                Self.definition(
                    variants: #""Node", "Cat""#,
                    extraTypes: #", { "name": "Node", "kind": "object", "fields": [{ "name": "next", "type": "U" }] }"#)
            ).isEmpty)
        // Every variant on the cycle, through required fields: no finite value.
        let loop = #"""
            , { "name": "Node", "kind": "object", "fields": [{ "name": "next", "type": "U" }] },
              { "name": "Loop", "kind": "object", "fields": [{ "name": "node", "type": "Node" }] }
            """#
        let infinite = problems(Self.definition(variants: #""Node", "Loop""#, extraTypes: loop))
        #expect(infinite.contains { $0.contains("would contain another one without end") }, "\(infinite)")
    }

    @Test func twoVariantsThatLeadBackToTheAnyOfAreRefused() {
        // Decoding tries both on the same payload at every level: exponential in the depth.
        let twice = #"""
            , { "name": "A", "kind": "object", "fields": [{ "name": "next", "type": "U", "required": false }] },
              { "name": "B", "kind": "object", "fields": [{ "name": "more", "type": "[U]" }] }
            """#
        #expect(
            problems(Self.definition(variants: #""A", "B", "string""#, extraTypes: twice)) == [
                "9 types[4].variants: 'U' is any of 'A' and 'B', which both contain 'U' again and which one payload can be at once: decoding would try both at every level, which takes exponential time; let one of them not lead back to 'U', or give both a string constant field of one name with different values (\"object\": \"card\")"
            ])
        // Told apart by a string constant (as Stripe's "object"), a payload is one of them at most: fine.
        let tagged = #"""
            , { "name": "A", "kind": "object", "fields": [{ "name": "object", "type": "string", "const": "a" },
                { "name": "next", "type": "U", "required": false }] },
              { "name": "B", "kind": "object", "fields": [{ "name": "object", "type": "string", "const": "b" },
                { "name": "more", "type": "[U]" }] }
            """#
        #expect(problems(Self.definition(variants: #""A", "B", "string""#, extraTypes: tagged)).isEmpty)
        // One variant that leads back is fine.
        #expect(problems(Self.definition(variants: #""A", "Cat", "string""#, extraTypes: twice)).isEmpty)
    }

    @Test func diffClassifiesVariants() throws {
        let before = try load(Self.definition(variants: #""Cat", "Dog""#))
        let added = try load(Self.definition(variants: #""Cat", "Dog", "string""#))
        let removed = try load(Self.definition(variants: #""Cat", "string""#))
        let renamed = try load(Self.definition(variants: #""Cat", { "type": "Dog", "swiftName": "hound" }"#))
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        #expect(
            changes(before, added) == ["additive types.U.variants.string: alternative added (a new optional property)"])
        #expect(
            changes(before, removed) == [
                "breaking-wire types.U.variants.Dog: alternative removed",
                "additive types.U.variants.string: alternative added (a new optional property)",
            ])
        #expect(
            changes(before, renamed) == [
                "breaking-source types.U.variants.Dog: Swift name changed from dog to hound"
            ])
        #expect(changes(before, before).isEmpty)
        // From a oneOf to an anyOf: another kind.
        let oneOf = try load(
            Self.definition(variants: #""Cat", "Dog""#).replacingOccurrences(
                of: #""name": "U", "kind": "anyOf""#, with: #""name": "U", "kind": "oneOf""#))
        #expect(changes(oneOf, before) == ["breaking-wire types.U: kind changed"])
    }
}
