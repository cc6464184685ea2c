import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Stripe's expandable fields and time fields (`Tests/Fixtures/OpenAPI/expandable-fields.json`: an ID
/// string with `maxLength` or an object, `now` or a `unix-time`, a `date-time` or `""`, and the other
/// formats as alternatives) import with the constraints and formats kept and no warning; the export writes
/// them in each alternative's schema, is valid, and imports back to the same definition.
@Suite("OpenAPI anyOf alternatives with constraints and formats")
struct AnyOfConstrainedVariantImportTests {
    static var document: String {
        (try? String(
            contentsOfFile: TestSupport.path("Tests/Fixtures/OpenAPI/expandable-fields.json"), encoding: .utf8))
            ?? ""
    }

    static func imported() throws -> (Definition, [OpenAPIImporter.Warning]) {
        try OpenAPIImporter.convert(Data(document.utf8), file: "expandable.json", serviceName: "Expandable")
    }

    func variants(_ definition: Definition, _ name: String) -> [AnyOfVariant]? {
        guard case .anyOf(let variants)? = definition.type(named: name)?.kind else { return nil }
        return variants
    }

    @Test func constraintsAndFormatsAreKeptWithoutAWarning() throws {
        let (definition, warnings) = try Self.imported()
        #expect(warnings.isEmpty, "\(warnings.map { "\($0.pointer): \($0.message)" })")
        #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
        #expect(
            variants(definition, "subscriptionCustomer") == [
                AnyOfVariant(type: .string, constraints: Constraints(maxLength: 5000)),
                AnyOfVariant(type: .named("customer")), AnyOfVariant(type: .named("deleted_customer")),
            ])
        #expect(
            variants(definition, "subscriptionCreated")?.map(\.type) == [
                .dateTime, .named("subscriptionCreatedVariant2"),
            ])
        #expect(
            variants(definition, "subscriptionQuantity") == [
                AnyOfVariant(type: .integer, constraints: Constraints(minimum: 1, maximum: 100)),
                AnyOfVariant(type: .decimal),
            ])
        #expect(variants(definition, "subscriptionReference")?.map(\.type) == [.uuid, .uri, .bytes, .date])
        #expect(
            variants(definition, "PostSubscriptionBodyTrialEnd")?.map(\.type) == [
                .named("PostSubscriptionBodyTrialEndVariant1"), .unixTime,
            ])
        #expect(
            variants(definition, "PostSubscriptionBodyBillingCycleAnchor") == [
                AnyOfVariant(type: .unixTime),
                AnyOfVariant(type: .string, constraints: Constraints(maxLength: 10, pattern: "^[a-z_]+$")),
            ])
        // The definition writer keeps them: the text loads back as the same definition.
        let loaded = try DefinitionLoader.load(
            data: Data(DefinitionWriter.text(definition).utf8), file: "expandable.json")
        #expect(loaded == definition)
    }

    @Test func theExportWritesThemIsValidAndImportsBack() throws {
        let (definition, _) = try Self.imported()
        let document = OpenAPIExporter.document(definition)
        let customer = document["components"]?["schemas"]?["subscriptionCustomer"]?["anyOf"]?.arrayValue
        #expect(customer?.first == .object([.init("type", .string("string")), .init("maxLength", .int(5000))]))
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "\(failure ?? "")")
        let (again, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "expandable.openapi.json", serviceName: "Expandable")
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
        for name in [
            "subscriptionCustomer", "subscriptionCreated", "subscriptionQuantity", "subscriptionReference",
            "PostSubscriptionBodyTrialEnd", "PostSubscriptionBodyBillingCycleAnchor",
        ] {
            #expect(variants(again, name) == variants(definition, name), "\(name)")
        }
    }

    @Test func theAwkwardAlternativesExportValidlyAndImportBack() throws {
        let definition = try DefinitionLoader.load(path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"))
        let (again, _) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "awkward.openapi.json", serviceName: "Awkward")
        for name in ["ExpandableCustomer", "ChargeWhen", "ChargeProof"] {
            #expect(variants(again, name) == variants(definition, name), "\(name)")
        }
    }
}
