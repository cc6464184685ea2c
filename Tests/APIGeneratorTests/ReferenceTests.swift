import APIDefinition
import APIGenerator
import Foundation
import Testing

/// One construct of the definition format: a tiny definition that uses it
/// (`Tests/Fixtures/Reference/<name>.json`) and the declarations of its output that show it.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
    /// The fixture's file name without `.json`; also names the reference file (`<name>.swift`).
    var name: String
    /// Selectors for ``DeclarationExtractor``: type names, or dotted paths to members.
    var declarations: [String]

    var testDescription: String { name }

    init(_ name: String, _ declarations: [String]) {
        self.name = name
        self.declarations = declarations
    }
}

/// What each construct of the definition format generates: per construct, a small definition goes
/// in, and the declarations it generates (extracted by name from the generator's output) must equal
/// its reference file. See docs/reference.md.
///
/// Re-record after an intended generator change with `APIGEN_RECORD=1 swift test --filter ReferenceTests`.
@Suite("Reference output per construct")
struct ReferenceTests {
    static let directory = "Tests/Fixtures/Reference"

    /// Every fixture and what to show of its output. A fixture without an entry, or an entry
    /// without a fixture, fails `everyFixtureHasACase`.
    static let cases: [ReferenceCase] = {
        let operation = { (input: String, method: String) in
            ["\(input)Input", "DemoClient.\(method)", "DemoHandler.\(method)", "DemoHandler.register"]
        }
        return [
            // Types and fields
            ReferenceCase("object-fields", ["Profile"]),
            ReferenceCase("empty-object", ["Empty"]),
            ReferenceCase("object-additional-properties", ["Scores"]),
            ReferenceCase("object-additional-containers", ["Roster", "Sightings", "FieldMessages"]),
            ReferenceCase("primitive-types", ["Sample"]),
            ReferenceCase("field-defaults", ["Settings"]),
            ReferenceCase("field-read-write-only", ["User"]),
            ReferenceCase("const-field", ["PendingLogin"]),
            ReferenceCase("string-constraints", ["Account"]),
            ReferenceCase("number-constraints", ["Reading"]),
            ReferenceCase("array-constraints", ["Team"]),
            ReferenceCase("item-constraints", ["Article", "ListArticlesInput"]),
            ReferenceCase("closed-enum", ["Color"]),
            ReferenceCase("open-enum", ["Channel"]),
            ReferenceCase("enum-integer", ["Priority", "Task", "DemoClient.listTasks"]),
            ReferenceCase("enum-number-open", ["Ratio"]),
            ReferenceCase("oneof-discriminator", ["Pet", "Cat"]),
            ReferenceCase("oneof", ["Shape"]),
            ReferenceCase("anyof", ["PaymentSource"]),
            ReferenceCase("anyof-form", ["AddressOrUnset", "Payment", "Customer"]),
            ReferenceCase("anyof-map-variant", ["Metadata", "TaxRates", "Funding"]),
            ReferenceCase("anyof-constrained-variants", ["CustomerRef", "TrialEnd", "Created"]),
            ReferenceCase("map", ["Inventory"]),
            ReferenceCase("array-of-named-type", ["Order"]),
            ReferenceCase("recursion", ["Node"]),
            ReferenceCase("recursion-oneof", ["Expr", "Sum"]),
            ReferenceCase("sensitive", ["Login"]),
            ReferenceCase("swift-names", ["Rating", "Sign"]),
            ReferenceCase("reserved-words", ["Record", "Visibility", "GetRecordInput", "DemoClient.getRecord"]),
            ReferenceCase("deprecated-field", ["Profile"]),
            // Operations: parameters
            ReferenceCase("deprecated-operation", operation("GetItem", "getItem")),
            ReferenceCase("deprecated-parameter", operation("ListItems", "listItems")),
            ReferenceCase("path-parameters", operation("GetItem", "getItem")),
            ReferenceCase("query-parameters", operation("ListItems", "listItems")),
            ReferenceCase("header-parameters", operation("GetItem", "getItem")),
            ReferenceCase("parameter-array-query", operation("ListItems", "listItems")),
            ReferenceCase("parameter-styles", operation("ListItems", "listItems")),
            ReferenceCase("parameter-unix-time", operation("ListEventSummaries", "listEventSummaries")),
            ReferenceCase("parameter-deep-object", ["Filter"] + operation("ListItems", "listItems")),
            ReferenceCase("parameter-cookie", operation("ListItems", "listItems")),
            ReferenceCase("sensitive-parameter", ["GetItemInput"]),
            ReferenceCase("operation-docs", ["DemoClient.getItem", "DemoHandler.getItem", "DemoPartialHandler.getItem"]),
            // Request bodies
            ReferenceCase("body-json", ["Item"] + operation("CreateItem", "createItem")),
            ReferenceCase("body-form", ["Item"] + operation("CreateItem", "createItem")),
            ReferenceCase("body-multipart", ["Item"] + operation("CreateItem", "createItem")),
            ReferenceCase("body-form-nested", ["Order", "Line"] + operation("CreateOrder", "createOrder")),
            ReferenceCase("body-form-json", ["Settings", "Channel"] + operation("UpdateSettings", "updateSettings")),
            ReferenceCase("body-xml", ["Item"] + operation("CreateItem", "createItem")),
            ReferenceCase("body-optional", ["Item"] + operation("UpdateItem", "updateItem")),
            ReferenceCase("body-several-formats", ["DemoClient.createItem", "DemoHandler.register"]),
            ReferenceCase("body-primitive", operation("RenameItem", "renameItem") + ["RenameItemOutput"]),
            ReferenceCase("body-array-of-primitives", operation("TagItem", "tagItem") + ["TagItemOutput"]),
            ReferenceCase("body-any-json", operation("PutSettings", "putSettings") + ["PutSettingsOutput"]),
            ReferenceCase("body-binary", operation("UploadPhoto", "uploadPhoto") + ["UploadPhotoOutput"]),
            ReferenceCase("body-multipart-files", ["Upload"] + operation("UploadDocument", "uploadDocument")),
            ReferenceCase("array-body", operation("CreateItems", "createItems")),
            ReferenceCase("map-body", operation("ReplaceItems", "replaceItems")),
            ReferenceCase("container-nested", ["Board", "Cell"] + operation("PutRows", "putRows")),
            ReferenceCase(
                "container-formats",
                ["Schedule"] + operation("PutSchedule", "putSchedule")
                    + ["FindTimesInput", "DemoClient.findTimes", "DemoHandler.findTimes"]),
            // Answers
            ReferenceCase("response-json-or-xml", ["DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("response-format-parameter", ["DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("typed-error", ["GetItemOutput", "DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("several-answers", ["PutItemOutput", "DemoClient.putItem", "DemoHandler.register"]),
            ReferenceCase(
                "response-headers",
                ["CreateItemOutput", "CreateItemOutput.CreatedHeaders", "CreateItemOutput.TooManyRequestsHeaders"]
                    + ["DemoClient.createItem", "DemoHandler.register"]),
            ReferenceCase("untyped-response", ["HealthOutput", "DemoClient.health", "DemoHandler.register"]),
            ReferenceCase(
                "response-status-range", ["DeleteItemOutput", "DemoClient.deleteItem", "DemoHandler.register"]),
            ReferenceCase(
                "response-default",
                ["GetItemOutput", "PingOutput", "DemoClient.getItem", "DemoClient.ping", "DemoHandler.register"]),
            ReferenceCase("sse-stream", ["TicksOutput", "DemoClient.ticks", "DemoHandler.register"]),
            ReferenceCase("jsonl-stream", ["TicksOutput", "DemoClient.ticks", "DemoHandler.register"]),
            ReferenceCase("json-seq-stream", ["TicksOutput", "DemoClient.ticks", "DemoHandler.register"]),
            // Auth and the service
            ReferenceCase("auth-bearer", ["DemoCredentials", "DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("auth-api-key", ["DemoCredentials", "DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("auth-alternatives", ["DemoCredentials", "DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("auth-basic", ["DemoCredentials", "DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase(
                "auth-oauth2", ["DemoCredentials", "GetItemInput", "DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("auth-api-key-query", ["DemoCredentials", "DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("auth-api-key-cookie", ["DemoCredentials", "DemoClient.getItem", "DemoHandler.register"]),
            ReferenceCase("service", ["DemoClient", "DemoHandler"]),
            ReferenceCase("no-base-url", ["DemoClient.init", "DemoClient.baseURL", "DemoHandler.defaultBasePath"]),
            ReferenceCase("access-internal", ["Item", "GetItemInput", "DemoClient.getItem", "DemoHandler"]),
            ReferenceCase(
                "error-body",
                ["Problem", "DemoClient.getItem", "DemoHandler", "DemoHandler.makeRouter", "DemoHandler.register"]
                    + ["DemoHandler.errorResponse"]),
            ReferenceCase("error-body-drf", ["FieldErrors", "DemoClient.ping", "DemoHandler", "DemoHandler.errorResponse"]),
        ]
    }()

    @Test(arguments: cases)
    func constructGeneratesItsReference(_ reference: ReferenceCase) throws {
        let fixture = "\(Self.directory)/\(reference.name).json"
        let data = try #require(FileManager.default.contents(atPath: TestSupport.path(fixture)), "missing \(fixture)")
        let (loaded, diagnostics) = DefinitionLoader.loadWithWarnings(data: data, file: fixture)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
        let definition = try #require(loaded)

        let actual = try Self.render(reference, fixture: fixture, files: Generator.generate(definition))
        let path = TestSupport.path("\(Self.directory)/\(reference.name).swift")
        if TestSupport.recording {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            print("recorded \(Self.directory)/\(reference.name).swift")
            return
        }
        guard let expected = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) })
        else {
            Issue.record(
                "missing \(Self.directory)/\(reference.name).swift; record it with `APIGEN_RECORD=1 swift test --filter ReferenceTests`"
            )
            return
        }
        // Compared through the diff, so that a mismatch prints the changed lines, not both texts.
        let diff = UnifiedDiff.diff(
            old: expected, new: actual, oldName: "\(Self.directory)/\(reference.name).swift", newName: "generated")
        #expect(
            diff.isEmpty,
            """
            \(reference.name): the generator's output differs from the reference; re-record with \
            `APIGEN_RECORD=1 swift test --filter ReferenceTests` if the change is intended:
            \(diff)
            """)
    }

    /// The fixtures and the reference files are exactly the cases: no fixture without a test, no
    /// stale reference file.
    @Test func everyFixtureHasACase() throws {
        // Hidden files are editors' and atomic writes' (record mode writes while this runs).
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path(Self.directory))
            .filter { !$0.hasPrefix(".") }
        let names = Set(Self.cases.map(\.name))
        #expect(names.count == Self.cases.count, "a construct is listed twice")
        let fixtures = Set(files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) })
        #expect(fixtures.subtracting(names).sorted() == [], "fixtures without an entry in ReferenceTests.cases")
        #expect(names.subtracting(fixtures).sorted() == [], "entries in ReferenceTests.cases without a fixture")
        let references = Set(files.filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(".swift".count)) })
        #expect(references.subtracting(names).sorted() == [], "reference files without a fixture; delete them")
        #expect(files.allSatisfy { $0.hasSuffix(".json") || $0.hasSuffix(".swift") }, "\(files.sorted())")
    }

    /// The reference text: a header, then each selected declaration under the name of the file it is in.
    /// Throws when a selector finds nothing, so a renamed declaration cannot silently drop out.
    static func render(_ reference: ReferenceCase, fixture: String, files: [EmittedFile]) throws -> String {
        let extractors = files.map {
            (($0.path as NSString).lastPathComponent, DeclarationExtractor(source: $0.contents))
        }
        var sections: [String] = []
        for selector in reference.declarations {
            let found = extractors.flatMap { file, extractor in
                extractor.declarations(selector).map { "// \(file): \(selector)\n\($0.text)" }
            }
            if found.isEmpty { throw NoDeclaration(selector: selector, fixture: fixture) }
            sections += found
        }
        let header = """
            // What \(fixture) generates: \(reference.declarations.joined(separator: ", ")).
            // Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
            // `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).
            """
        return ([header] + sections).joined(separator: "\n\n") + "\n"
    }

    struct NoDeclaration: Error, CustomStringConvertible {
        var selector: String
        var fixture: String
        var description: String { "\(fixture) generates no declaration '\(selector)'" }
    }
}
