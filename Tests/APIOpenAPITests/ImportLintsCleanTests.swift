import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// `apigen import` writes what `apigen lint` accepts without a warning: documents that do what
/// real ones do (nullable free-form values, lower-case schema names with properties of the same
/// name, names of generated members, defaults that break their own schema, bounds beyond the
/// integer's range, dates that do not exist) import to definitions that lint clean.
@Suite("Import lints clean")
struct ImportLintsCleanTests {
    static let fixtures = ["Tests/Fixtures/OpenAPI/awkward-3.0.json", "Tests/Fixtures/OpenAPI/awkward-3.1.json"]

    /// Imports a fixture and reads the written definition back as `apigen lint` does.
    static func imported(_ path: String) throws -> (definition: Definition, lint: [Diagnostic], warnings: [String]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path(path)))
        let (definition, warnings) = try OpenAPIImporter.convert(data, file: path, serviceName: nil)
        let text = DefinitionWriter.text(definition)
        let (loaded, diagnostics) = DefinitionLoader.loadWithWarnings(data: Data(text.utf8), file: "imported.json")
        #expect(loaded != nil)
        return (loaded ?? definition, diagnostics, warnings.map { "\($0.pointer): \($0.message)" })
    }

    @Test(arguments: fixtures)
    func importedDefinitionsLintWithoutWarnings(_ path: String) throws {
        let (definition, lint, warnings) = try Self.imported(path)
        #expect(lint.isEmpty, "\(lint.map(\.description).joined(separator: "\n"))")
        #expect(DefinitionChecker.check(definition).isEmpty)
        // What could not be kept is said once, at the importer, with the document's pointer.
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.hasPrefix("#") })
    }

    @Test func whatTheImporterChangesIsSaid() throws {
        let (definition, _, warnings) = try Self.imported(Self.fixtures[0])
        // 'repository' and 'Repository' are one Swift type name: the second is renamed.
        #expect(Set(definition.types.map { Naming.type($0.name) }).count == definition.types.count)
        let repository = try #require(definition.type(named: "repository"))
        let fields = Dictionary(uniqueKeysWithValues: repository.fields.map { ($0.name, $0) })
        // A free-form value already includes null.
        #expect(fields["metadata"]?.type == .json && fields["metadata"]?.nullable == false)
        #expect(fields["textTree"]?.swiftName == "textTreeValue")
        #expect(fields["hashValue"]?.swiftName == "hashValueValue")
        // Defaults that break their schema are dropped, with a warning.
        for name in ["size", "created", "code", "level"] {
            #expect(fields[name]?.defaultValue == nil, "\(name)")
            #expect(warnings.contains { $0.contains("/properties/\(name)") && $0.contains("default") }, "\(name)")
        }
        #expect(fields["huge"]?.constraints.maximum == nil && fields["huge"]?.constraints.minimum == nil)
        let operation = try #require(definition.operations.first)
        #expect(operation.name != "transport")
        #expect(Set(operation.parameters.map(Naming.parameter)).isDisjoint(with: ["body", "bodyFormat"]))
        #expect(operation.parameters.first { $0.name == "count" }?.defaultValue == nil)
    }
}
