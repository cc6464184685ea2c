import APIDefinition
import Foundation
import Testing

@testable import APIGenerator

/// The printer every emitter writes through: indentation follows scope, and `Layout`/`Expr` break
/// lines at the writer's indent.
@Suite("Swift writer")
struct SwiftWriterTests {
    @Test func blocksIndentTheirBodiesAndEmptyLinesHaveNoSpaces() {
        let text = SwiftWriter.write { writer in
            writer.block("extension X {") {
                writer.line("let a = 1")
                writer.blank()
                writer.block("func f() {") { writer.line("return") }
                writer.line("")
            }
        }
        #expect(text == "extension X {\n    let a = 1\n\n    func f() {\n        return\n    }\n\n}\n")
    }

    @Test func switchCasesStayAtTheSwitchLevel() {
        let text = SwiftWriter.write { writer in
            writer.block("var v: Int {") {
                writer.switchBlock("self") {
                    writer.line("case .a:")
                    writer.indented { writer.line("1") }
                    writer.line("default: 2")
                }
            }
        }
        #expect(text == "var v: Int {\n    switch self {\n    case .a:\n        1\n    default: 2\n    }\n}\n")
    }

    @Test func separatedPutsOneEmptyLineBetweenWhatIsWritten() {
        let text = SwiftWriter.write { writer in
            writer.separated(["a", "", "b", ""]) { item in
                if !item.isEmpty { writer.line(item) }
            }
        }
        #expect(text == "a\n\nb\n")
        #expect(SwiftWriter.write { writer in writer.separated([String]()) { writer.line($0) } } == "")
    }

    @Test func layoutBreaksAtTheWritersIndent() {
        let long = (1...12).map { "argument\($0)" }
        let text = SwiftWriter.write { writer in
            writer.block("func f() {") {
                writer.call("g", ["x"])
                writer.call("h", long, lead: "let y = ")
                writer.declaration("func k", long, tail: " {")
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "    g(x)")
        #expect(lines[2] == "    let y = h(")
        #expect(lines[3] == "        argument1,")
        #expect(lines[14] == "        argument12)")
        #expect(lines[15] == "    func k(")
        #expect(lines[16] == "        argument1,")
        #expect(lines[28] == "    ) {")
        #expect(lines.allSatisfy { $0.count <= Expr.width })
    }

    @Test func docCommentsAndDeprecationsTakeTheIndent() {
        let text = SwiftWriter.write { writer in
            writer.block("struct S {") {
                writer.docComment("Line one\nline two", extra: ["- Note: x"])
                writer.deprecation("use T")
                writer.deprecation(nil)
                writer.line("var t: Int")
            }
        }
        #expect(
            text
                == "struct S {\n    /// Line one\n    /// line two\n    ///\n    /// - Note: x\n"
                + "    @available(*, deprecated, message: \"use T\")\n    var t: Int\n}\n")
    }

    @Test func captureWritesAtTheCurrentIndentWithoutTouchingTheWriter() {
        let writer = SwiftWriter()
        writer.indented {
            let inner = writer.capture { $0.line("x") }
            #expect(inner == "    x\n")
        }
        #expect(writer.text.isEmpty)
    }
}
