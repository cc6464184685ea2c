@_spi(Generated) import APIRuntime
import Foundation
import Testing

/// The runtime side of anyOf in forms and XML, without generated code: the attempt on a text subtree,
/// the merge of object alternatives, and the shape check that refuses an array beside anything else.
@Suite struct AnyOfTextTreeTests {
    static func form(_ text: String) throws -> TextTreeReader {
        let tree = try FormFormat.readURLEncoded(Data(text.utf8))
        guard case .object(let members) = tree, let value = members.first?.value else {
            return TextTreeReader(.null)
        }
        return TextTreeReader(value, path: "field")
    }

    @Test func aSingleValueIsAContainerOnlyWhenNoSingleValueAlternativeMatches() throws {
        var attempt = AnyOfTextTreeAttempt(try Self.form("field=txr_1"))
        #expect(attempt.decode(Int.self, "integer") == nil)
        #expect(attempt.decodeContainer([String].self, "[string]") == ["txr_1"])
        try attempt.finish()

        attempt = AnyOfTextTreeAttempt(try Self.form("field=5"))
        #expect(attempt.decode(Int.self, "integer") == 5)
        #expect(attempt.decode(String.self, "string") == "5")
        // A list of one, but a single-value alternative matched it.
        #expect(attempt.decodeContainer([String].self, "[string]") == nil)
        try attempt.finish()

        // A real list is a list whatever else matched.
        attempt = AnyOfTextTreeAttempt(try Self.form("field=a&field=b"))
        #expect(attempt.decode(String.self, "string") == nil)
        #expect(attempt.decodeContainer([String].self, "[string]") == ["a", "b"])
        try attempt.finish()
    }

    @Test func noneMatchingSaysWhyForEachAndNeverQuotesTheInput() throws {
        var attempt = AnyOfTextTreeAttempt(try Self.form("field=SECRET"))
        _ = attempt.decode(Int.self, "integer")
        _ = attempt.decodeContainer([String: Int].self, "{integer}")
        _ = attempt.decode(Bool.self, "boolean")
        #expect(throws: ValidationErrors.self) { try attempt.finish() }
        do {
            try attempt.finish()
        } catch {
            #expect(
                error.errors == [
                    ValidationError(
                        path: "field",
                        reason:
                            "matches no alternative (not integer: is not an integer; not {integer}: expected an object; not boolean: is not a boolean)"
                    )
                ])
            #expect(!error.description.contains("SECRET"))
        }
        // A member's problem is named relative to the field.
        attempt = AnyOfTextTreeAttempt(try Self.form("field[a]=1&field[b]=x"))
        _ = attempt.decodeContainer([String: Int].self, "{integer}")
        #expect(throws: ValidationErrors.self) { try attempt.finish() }
        do {
            try attempt.finish()
        } catch {
            #expect(error.description == "field: matches no alternative (not {integer}: b: is not an integer)")
        }
    }

    @Test func anXMLEmptyElementIsTheEmptyString() throws {
        var attempt = AnyOfTextTreeAttempt(TextTreeReader(.null, path: "x"))
        #expect(attempt.decode(String.self, "string") == "")
        #expect(attempt.decodeContainer([String].self, "[string]") == nil)
        try attempt.finish()
    }

    @Test func theObjectAlternativesMergeTheFirstWinning() {
        let merged = AnyOfTextTree.merged([
            .object([.init("a", .text("1")), .init("b", .text("2"))]), nil, .text("ignored"),
            .object([.init("b", .text("3")), .init("c", .text("4"))]),
        ])
        #expect(merged == .object([.init("a", .text("1")), .init("b", .text("2")), .init("c", .text("4"))]))
        #expect(AnyOfTextTree.merged([nil, nil]) == .object([]))
    }

    @Test func theShapesThatOneWireValueCannotBeAtOnce() {
        func errors(_ alternatives: [(name: String, isSet: Bool, shape: ConstraintChecker.AnyOfShape)]) -> [String] {
            var checker = ConstraintChecker()
            checker.anyOf(shaped: alternatives)
            return checker.errors.map(\.description)
        }
        #expect(
            errors([("[string]", true, .array), ("Card", true, .object)]) == [
                "cannot be both an array ([string]) and an object (Card)"
            ])
        #expect(
            errors([("[string]", true, .array), ("Unset", true, .value)]) == [
                "cannot be both an array ([string]) and a value that is not (Unset)"
            ])
        #expect(
            errors([("{string}", true, .object), ("Unset", true, .value)]) == [
                "cannot be both an object ({string}) and a value that is not (Unset)"
            ])
        #expect(errors([("{string}", true, .object), ("Card", true, .object), ("[string]", false, .array)]).isEmpty)
        #expect(
            errors([("[string]", false, .array), ("Unset", false, .value)]) == [
                "must be at least one of [string], Unset"
            ])
    }
}
