import Testing

/// `EveryRuntimeName.swift` (a link to `Integrations/RuntimeNames/`) compiles here, next to Hummingbird,
/// swift-http-types and NIOHTTP1: no name of APIRuntime clashes with theirs.
@Suite("Hummingbird: runtime names")
struct RuntimeNamesCompileTests {
    @Test func everyRuntimeNameIsUsableUnqualifiedNextToHummingbird() {
        let names = everyRuntimeName().map { String(describing: $0) }
        #expect(names.count == Set(names).count)
        #expect(names.contains("APIRequest"))
    }
}
