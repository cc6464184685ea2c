import APIDefinition
import Foundation

/// What a conversion reports: the warnings in the order the importer meets them, each once, and
/// the first problem that makes the conversion fail.
struct ImportDiagnostics {
    /// The warnings, in the order given, without repeats.
    private(set) var warnings: [OpenAPIImporter.Warning] = []
    /// The warnings given, to drop repeats.
    private var warned: Set<OpenAPIImporter.Warning> = []
    /// The first fatal problem; later ones are not kept.
    private(set) var fatal: OpenAPIImporter.ImportError?

    /// Adds a warning about `pointer`, unless the same one was given before.
    mutating func warn(_ pointer: String, _ message: String) {
        let warning = OpenAPIImporter.Warning(pointer: pointer, message: message)
        if warned.insert(warning).inserted { warnings.append(warning) }
    }

    /// Records a fatal problem at `pointer`, unless there is one already.
    mutating func fail(_ pointer: String, _ message: String) {
        if fatal == nil { fatal = OpenAPIImporter.ImportError(pointer: pointer, message: message) }
    }
}

/// The auth schemes of a conversion: the definition's schemes, and what became of each OpenAPI
/// security scheme.
struct ImportedAuth {
    /// The auth scheme's name for each security scheme key that was kept.
    var schemeNames: [String: String] = [:]
    /// The security scheme keys that were dropped (and the alternatives that use them with them).
    var dropped: Set<String> = []
    /// The definition's auth schemes, in the document's order.
    var schemes: [AuthScheme] = []
}

/// The document's component schemas (`components.schemas`) and what the conversion made of each.
struct ComponentSchemas {
    /// The schema keys, in the document's order.
    var keys: [String] = []
    /// The schema for each key.
    var schemas: [String: OrderedJSON] = [:]
    /// The type name each key gets.
    var typeNames: [String: String] = [:]
    /// The name the inline types inside each key's schema are named after (`<Base><Property>`).
    var baseNames: [String: String] = [:]
    /// The rank (document order) of each key, which orders the declared types.
    var ranks: [String: Int] = [:]
    /// Whether each key becomes a declared type, and which kind.
    var forms: [String: ImportRun.Form] = [:]
    /// The keys converted.
    var done: Set<String> = []
    /// The keys being converted now (a key met again while busy is not converted twice).
    var busy: Set<String> = []
    /// The key whose type has each name.
    var keyByTypeName: [String: String] = [:]
    /// The key of each component schema pointer.
    var keyByPointer: [String: String] = [:]
    /// For a component the import made (an inheritance base's object, `<Base>Base`), the document's
    /// pointer its warnings show instead of its own.
    var shownPointers: [String: String] = [:]
}

/// Type names in a conversion: those handed out, those generated code takes, and which names the
/// checker accepts.
struct TypeNameRegistry {
    /// The type names handed out.
    var taken: Set<String> = []
    /// The names generated code declares (`<Service>Client`, `<Operation>Input`, …).
    var generated: Set<String> = []
    /// Whether the checker accepts a name as a type name, asked once per name.
    var usable: [String: Bool] = [:]
}

/// The types a conversion declares, and what it needs to know about them after conversion.
struct DeclaredTypes {
    /// The type name declared for each schema pointer.
    var namesByPointer: [String: String] = [:]
    /// The schema pointers declared (or being declared).
    var pointers: Set<String> = []
    /// The declarations, by name.
    var declarations: [String: TypeDeclaration] = [:]
    /// The order of the declarations: by rank (the schema or operation they come from), then by
    /// the order they were declared in.
    var order: [(rank: Int, sequence: Int, name: String)] = []
    /// The rank of what is being converted now.
    var rank = 0
    /// The schema pointers being expanded (to stop at recursion).
    var expanding: Set<String> = []
    /// For each object type, the pointer each field comes from.
    var fieldOrigins: [String: [String: String]] = [:]
    /// The oneOf types whose discriminator is checked after conversion, with their pointers.
    var discriminatorChecks: [(type: String, pointer: String)] = []
}
