import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// anyOf and oneOf in form bodies through `apigen import` and `apigen openapi`: Stripe's form patterns (an
/// emptyable map, object and array, a constant or a number, a oneOf of two objects) import as anyOf and
/// oneOf types in a form body, without a warning; the export says `deepObject` for them and is valid.
@Suite("OpenAPI anyOf and oneOf in forms")
struct AnyOfFormImportTests {
    /// Stripe's form patterns, in a document of our own (`Tests/Fixtures/OpenAPI/form-unions.json`).
    static var document: String {
        (try? String(contentsOfFile: TestSupport.path("Tests/Fixtures/OpenAPI/form-unions.json"), encoding: .utf8))
            ?? ""
    }

    static func imported() throws -> (Definition, [OpenAPIImporter.Warning]) {
        try OpenAPIImporter.convert(Data(document.utf8), file: "unions.json", serviceName: "Unions")
    }

    func variants(_ definition: Definition, _ body: String, _ field: String) -> [AnyOfVariant]? {
        guard case .named(let name)? = definition.type(named: body)?.fields.first(where: { $0.name == field })?.type,
            case .anyOf(let variants)? = definition.type(named: name)?.kind
        else { return nil }
        return variants
    }

    @Test func stripesFormPatternsImportWithoutAWarning() throws {
        let (definition, warnings) = try Self.imported()
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
        #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
        let operation = try #require(definition.operations.first)
        #expect(operation.body?.contentTypes == [MediaTypes.formURLEncoded])
        let body = "PostSubscriptionsBody"
        #expect(
            variants(definition, body, "metadata")?.map(\.type)
                == [.map(.string), .named("PostSubscriptionsBodyMetadataVariant2")])
        #expect(variants(definition, body, "metadata").map { $0.map(Naming.variantProperty) }?.first == "stringMap")
        #expect(
            variants(definition, body, "shipping")?.map(\.type)
                == [.named("PostSubscriptionsBodyShippingVariant1"), .named("PostSubscriptionsBodyShippingVariant2")])
        #expect(
            variants(definition, body, "coupons")?.map(\.type)
                == [.array(.string), .named("PostSubscriptionsBodyCouponsVariant2")])
        #expect(
            variants(definition, body, "ends_at")?.map(\.type)
                == [.named("PostSubscriptionsBodyEndsAtVariant1"), .integer])
        // The empty string is the enum case `empty`, as the definition format's docs spell it.
        guard case .enumeration(let values, _)? = definition.type(named: "PostSubscriptionsBodyCouponsVariant2")?.kind
        else {
            Issue.record("not an enum")
            return
        }
        #expect(values.map(\.value) == [""])
        #expect(values.map(\.swiftName) == ["empty"])
        let method = definition.type(named: body)?.fields.first { $0.name == "method" }
        guard case .named(let oneOf)? = method?.type, case .oneOf(let cases, _)? = definition.type(named: oneOf)?.kind
        else {
            Issue.record("method is not a oneOf")
            return
        }
        #expect(cases.map(\.type) == ["card_method", "sepa_method"])
        // The definition written and loaded back is the same.
        let loaded = try DefinitionLoader.load(data: Data(DefinitionWriter.text(definition).utf8), file: "unions.json")
        #expect(loaded == definition)
    }

    @Test func anXMLBodyKeepsItsAnyOfs() throws {
        let text = Self.document.replacingOccurrences(of: "application/x-www-form-urlencoded", with: "application/xml")
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "unions.json", serviceName: "U")
        // Only the notice that OpenAPI does not say how the API writes XML.
        #expect(warnings.map(\.kind.rawValue) == ["xml"], "\(warnings.map(\.message))")
        #expect(definition.operations.first?.body?.contentTypes == [MediaTypes.xml])
        #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
    }

    @Test func theExportSaysDeepObjectAndIsValidAndImportsBack() throws {
        let (definition, _) = try Self.imported()
        let document = OpenAPIExporter.document(definition)
        let content = try #require(document["paths"]?["/v1/subscriptions"]?["post"]?["requestBody"]?["content"])
        let deep = OrderedJSON.object([.init("style", .string("deepObject")), .init("explode", .bool(true))])
        // The map, the object and the oneOf may be bracketed; an array of strings or a number is not.
        #expect(
            content["application/x-www-form-urlencoded"]?["encoding"]
                == .object([.init("metadata", deep), .init("shipping", deep), .init("method", deep)]))
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "\(failure ?? "")")
        let (again, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "unions.openapi.json")
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
        #expect(
            again.types.first { $0.name == "PostSubscriptionsBodyMetadata" }?.kind
                == definition.types.first { $0.name == "PostSubscriptionsBodyMetadata" }?.kind)
    }

    @Test func theAwkwardFormsExportValidly() throws {
        let definition = try DefinitionLoader.load(path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"))
        let document = OpenAPIExporter.document(definition)
        let content = try #require(document["paths"]?["/customer-updates"]?["post"]?["requestBody"]?["content"])
        let deep = OrderedJSON.object([.init("style", .string("deepObject")), .init("explode", .bool(true))])
        #expect(
            content["application/x-www-form-urlencoded"]?["encoding"]
                == .object([
                    .init("address", deep), .init("metadata", deep), .init("payment", deep), .init("funding", deep),
                    .init("lines", deep),
                ]))
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "\(failure ?? "")")
    }
}
