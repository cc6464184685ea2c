/// How a large service's artifacts are split into files. The rule depends only on the numbers of
/// types and operations, so the build plugin can name the files before the generator runs: this
/// file is compiled into the plugin too (`Plugins/APIGen/FileParts.swift` is a link to it), so it
/// uses the standard library only.
///
/// Types go `typesPerFile` to a part (models, JSON and text-tree coding), operations
/// `operationsPerFile` to a part (operations, client, server); part 1 is `<artifact>.swift`, part
/// n > 1 is `<artifact>+<n>.swift`. A service below both sizes has one file per artifact.
public struct FileParts: Sendable, Hashable {
    public var typesPerFile: Int
    public var operationsPerFile: Int

    public init(typesPerFile: Int, operationsPerFile: Int) {
        self.typesPerFile = max(1, typesPerFile)
        self.operationsPerFile = max(1, operationsPerFile)
    }

    /// What `apigen` and the build plugin use: 100 types, 50 operations to a file.
    public static let standard = FileParts(typesPerFile: 100, operationsPerFile: 50)

    /// The artifacts, in order, when every one is emitted.
    public static let artifacts = ["Models", "JSONCoding", "TextTreeCoding", "Operations", "Client", "Server"]
    /// The artifacts whose parts hold types; the others hold operations.
    static let typeArtifacts: Set<String> = ["Models", "JSONCoding", "TextTreeCoding"]

    /// The number of parts for `count` items: at least one.
    static func count(_ count: Int, per size: Int) -> Int { max(1, (count + size - 1) / size) }

    /// `items` in consecutive runs of `size`; one empty run when there are none.
    static func split<Element>(_ items: [Element], per size: Int) -> [ArraySlice<Element>] {
        (0..<count(items.count, per: size)).map { part in
            items[min(part * size, items.count)..<min((part + 1) * size, items.count)]
        }
    }

    /// `Models.swift` for part 1, `Models+2.swift` for part 2.
    public static func fileName(_ artifact: String, part: Int) -> String {
        part == 1 ? "\(artifact).swift" : "\(artifact)+\(part).swift"
    }

    /// Every file name `apigen emit` writes for a definition with these numbers of types and
    /// operations (without the `<stem>.` prefix), in order.
    public func emittedFileNames(types: Int, operations: Int) -> [String] {
        Self.artifacts.flatMap { artifact in
            let parts =
                Self.typeArtifacts.contains(artifact)
                ? Self.count(types, per: typesPerFile) : Self.count(operations, per: operationsPerFile)
            return (1...parts).map { Self.fileName(artifact, part: $0) }
        }
    }
}
