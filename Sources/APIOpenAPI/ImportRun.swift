import APIDefinition
import Foundation

/// The state of one conversion: the document, and the state values that each part of the
/// conversion owns (warnings, auth schemes, component schemas, type names, declared types).
///
/// The conversion itself is split by concern into the `ImportRun+*.swift` files: the service,
/// security, operations, parameters, request bodies, responses, schemas and the checks after
/// conversion.
final class ImportRun {
    typealias Warning = OpenAPIImporter.Warning
    typealias ImportError = OpenAPIImporter.ImportError
    typealias Operation = APIDefinition.Operation

    /// The document being converted.
    let root: OrderedJSON
    /// The document's path, kept as the definition's `file`.
    let file: String
    /// The service name given by the caller, which wins over the document's.
    let serviceNameOverride: String?
    /// The warnings given so far, and the first fatal problem.
    var diagnostics = ImportDiagnostics()
    /// The auth schemes converted from `components.securitySchemes`.
    var authState = ImportedAuth()
    /// The component schemas, by key, with their type names, forms and ranks.
    var components = ComponentSchemas()
    /// The type names taken, generated and known to be usable.
    var typeNames = TypeNameRegistry()
    /// The types declared so far, in the order the definition lists them.
    var declared = DeclaredTypes()

    // Service
    /// The service's name, once made.
    var serviceName = ""
    /// The XML dialect, set when a body is XML.
    var xml: XMLDialectSpec?
    /// Whether the XML dialect comes from the document (`x-apigen-xml`) rather than the default.
    var xmlFromDocument = false

    /// A conversion of the document `root`, read from `file`.
    init(root: OrderedJSON, file: String, serviceName: String?) {
        self.root = root
        self.file = file
        self.serviceNameOverride = serviceName
    }

    // MARK: Running

    /// Converts the document: the service, security schemes, operations and their names, schemas,
    /// then the checks after conversion.
    func run() throws(ImportError) -> (definition: Definition, warnings: [Warning]) {
        guard case .object = root else {
            throw ImportError(pointer: "#", message: "an OpenAPI document is a JSON object")
        }
        try checkVersion()
        var service = try makeService()
        scanTopLevel()
        loadSecuritySchemes()
        var pending = gatherOperations()
        nameOperations(&pending)
        nameSchemas()
        for key in components.keys { ensure(key) }
        var operations: [Operation] = []
        for (index, item) in pending.enumerated() {
            declared.rank = components.keys.count + index
            if let operation = convertOperation(item) { operations.append(operation) }
        }
        checkDiscriminators()
        mergeAnyOfsThatRecurseTwice()
        breakCycles()
        renameForRecursion()
        keepDeepObjectMembersFlat(operations)
        keepFilesInMultipartOnly(operations)
        if let fatal = diagnostics.fatal { throw fatal }
        service.xml = xml
        let types = declared.order.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.compactMap {
            declared.declarations[$0.name]
        }
        service.errorBody = importedErrorBody(types)
        let definition = Definition(
            file: file, formatVersion: 1, service: service, auth: authState.schemes, types: types,
            operations: operations)
        return (definition, diagnostics.warnings)
    }

    /// Reports something dropped or approximated at `pointer` (once per pointer and message).
    func warn(_ pointer: String, _ message: String) {
        diagnostics.warn(components.shownPointers.isEmpty ? pointer : shownPointer(pointer), message)
    }

    /// Records a problem that makes the conversion fail; the first one is thrown at the end.
    func fail(_ pointer: String, _ message: String) {
        diagnostics.fail(pointer, message)
    }
}
