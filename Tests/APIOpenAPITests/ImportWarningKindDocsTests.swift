import APIOpenAPI
import Foundation
import Testing

/// `docs/import.md` explains every warning kind the importer has, and no other: its tables and
/// `OpenAPIImporter.Warning.Kind.all` are the same set.
@Suite struct ImportWarningKindDocsTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/import.md")

    /// The kinds in the first column of the page's tables (a row may name several: `` `a`, `b` ``).
    static func documentedKinds() throws -> [String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var kinds: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            kinds += cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"]) }
        }
        return kinds
    }

    @Test func everyKindIsDocumentedOnce() throws {
        let documented = try Self.documentedKinds()
        let kinds = OpenAPIImporter.Warning.Kind.all.map(\.rawValue)
        #expect(documented.count == Set(documented).count, "a kind is documented twice")
        #expect(Set(kinds).subtracting(documented).sorted() == [], "kinds docs/import.md does not explain")
        #expect(Set(documented).subtracting(kinds).sorted() == [], "kinds docs/import.md explains that no longer exist")
    }

    @Test func everyDocumentedKindSaysItsStatus() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let status = line.split(separator: "|").last.map(String.init) ?? ""
            let known = ["Not expressible", "Notice", "Follows from", "Ignored", "None should remain"]
            #expect(known.contains { status.contains($0) }, "no status: \(line)")
            // Issue 12: every remaining warning names something not expressible (or is a notice).
            #expect(!status.contains("Planned"), "a kind is still planned: \(line)")
        }
    }
}
