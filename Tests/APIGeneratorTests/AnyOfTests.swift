import APIDefinition
import APIOpenAPI
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Synchronization
import Testing

/// `anyOf` end to end through the awkward fixture (`AwkwardAPI`): `Movement` is any of `Refund` and
/// `Payout` (objects), `Amount` any of `integer` and `string` (as `text`), `RefundOrUnset` any of
/// `Refund` and the enum `Unset` (`""`); `Ledger` holds them in an array, optionally, nullable and in a
/// map; `postLedger` sends and answers them.
@Suite struct AnyOfTests {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws(ValidationErrors) -> T {
        try JSONCoding.decode(type, from: Data(json.utf8))
    }

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    }

    /// The one error decoding `json` as a `T` fails with, as `path: reason`.
    static func failure<T: Decodable>(_ type: T.Type, _ json: String) -> String? {
        do {
            _ = try decode(type, json)
            return nil
        } catch {
            return error.description
        }
    }

    // MARK: Decoding keeps every alternative that decodes and validates

    @Test func bothObjectAlternativesMatchAndBothAreKept() throws {
        let movement = try Self.decode(Movement.self, #"{"id":"m1","amount":5,"destination":"bank","note":"n"}"#)
        #expect(movement.refund == Refund(id: "m1", amount: 5, note: "n"))
        #expect(movement.payout == Payout(id: "m1", destination: "bank", note: "n"))
        // Encoded back as the one object it came as.
        #expect(try Self.encode(movement) == #"{"id":"m1","amount":5,"note":"n","destination":"bank"}"#)
    }

    @Test func onlyTheAlternativesThatMatchAreSet() throws {
        let refund = try Self.decode(Movement.self, #"{"id":"r","amount":2}"#)
        #expect(refund == Movement(refund: Refund(id: "r", amount: 2)))
        let payout = try Self.decode(Movement.self, #"{"id":"p","destination":"d"}"#)
        #expect(payout == Movement(payout: Payout(id: "p", destination: "d")))
    }

    @Test func anAlternativeThatDecodesButDoesNotValidateIsNotKept() throws {
        // amount 0 breaks Refund's minimum of 1: only the payout is kept.
        let movement = try Self.decode(Movement.self, #"{"id":"x","amount":0,"destination":"d"}"#)
        #expect(movement.refund == nil)
        #expect(movement.payout == Payout(id: "x", destination: "d"))
    }

    @Test func noMatchIsOneErrorThatSaysWhyForEachAlternative() {
        #expect(
            Self.failure(Movement.self, #"{"id":"x","amount":0}"#)
                == "matches no alternative (not Refund: amount: less than 1; not Payout: destination: required)")
        // Inside a ledger, at the element's path, with the alternatives' paths relative to it.
        #expect(
            Self.failure(Ledger.self, #"{"movements":[{"id":"a","amount":1},{"id":"b"}]}"#)
                == "movements[1]: matches no alternative (not Refund: amount: required; not Payout: destination: required)"
        )
        #expect(
            Self.failure(Ledger.self, #"{"movements":[],"by_name":{"k":{"amount":"1"}}}"#)
                == "by_name.k: matches no alternative (not Refund: id: required; not Payout: id: required)")
        #expect(
            Self.failure(Amount.self, "true")
                == "matches no alternative (not integer: expected an integer; not string: expected a string)")
        // A nested alternative's own problem names its member, never the value.
        let error = Self.failure(Movement.self, #"{"id":"secret-value","amount":"secret-value"}"#) ?? ""
        #expect(error.hasPrefix("matches no alternative (not Refund: amount: expected an integer"))
        #expect(!error.contains("secret-value"))
    }

    @Test func primitiveAlternatives() throws {
        #expect(try Self.decode(Amount.self, "5") == Amount(integer: 5))
        #expect(try Self.decode(Amount.self, #""5""#) == Amount(text: "5"))
        #expect(try Self.encode(Amount(integer: 5)) == "5")
        #expect(try Self.encode(Amount(text: "five")) == #""five""#)
        // Both set: the first set alternative is written.
        #expect(try Self.encode(Amount(integer: 5, text: "five")) == "5")
    }

    @Test func anObjectOrTheEmptyStringToUnset() throws {
        #expect(try Self.decode(RefundOrUnset.self, #""""#) == RefundOrUnset(unset: .empty))
        #expect(
            try Self.decode(RefundOrUnset.self, #"{"id":"r","amount":1}"#)
                == RefundOrUnset(refund: Refund(id: "r", amount: 1)))
        #expect(Self.failure(RefundOrUnset.self, #""x""#)?.hasPrefix("matches no alternative (not Refund: ") == true)
        #expect(try Self.encode(RefundOrUnset(unset: .empty)) == #""""#)
        // In a ledger: nullable and optional.
        let ledger = try Self.decode(Ledger.self, #"{"movements":[],"last_refund":null,"total":"12"}"#)
        #expect(ledger.lastRefund == nil && ledger.total == Amount(text: "12"))
        let unset = try Self.decode(Ledger.self, #"{"movements":[],"last_refund":""}"#)
        #expect(unset.lastRefund == RefundOrUnset(unset: .empty))
        #expect(try Self.encode(unset) == #"{"movements":[],"last_refund":""}"#)
    }

    /// An object alternative with string constants (`AnyOfAttempt.decode(_:_:constants:)`, what generated
    /// code passes for a variant with `const` string fields) is ruled out before it is decoded.
    struct Tagged: Decodable, Constrained {
        var object: String
        static let decoded = Mutex(0)
        init(from decoder: any Decoder) throws {
            Self.decoded.withLock { $0 += 1 }
            object = try decoder.container(keyedBy: AnyCodingKey.self).decode(String.self, forKey: "object")
        }
        func validate(_ validator: inout ConstraintChecker) {}
    }

    struct Probe: Decodable {
        var card: Tagged?
        init(from decoder: any Decoder) throws {
            var attempt = AnyOfAttempt(decoder)
            card = attempt.decode(Tagged.self, "card", constants: [.init("object", "card")])
            try attempt.finish()
        }
    }

    @Test func constantsRuleAnAlternativeOutWithoutDecodingIt() throws {
        let before = Tagged.decoded.withLock { $0 }
        #expect(
            Self.failure(Probe.self, #"{"object":"bank_account"}"#)
                == "matches no alternative (not card: object: must be card)")
        #expect(Self.failure(Probe.self, #"{"id":"x"}"#) == "matches no alternative (not card: object: required)")
        #expect(Tagged.decoded.withLock { $0 } == before)
        #expect(try Self.decode(Probe.self, #"{"object":"card"}"#).card?.object == "card")
    }

    @Test func anAnyOfOnACycleIsStoredOutOfLineAndValidatedInPlace() throws {
        // Refund.reversal: Movement, which may be a Refund again.
        let json = #"{"id":"r2","amount":2,"reversal":{"id":"r1","amount":1,"destination":"d"}}"#
        let refund = try Self.decode(Refund.self, json)
        #expect(refund.reversal?.refund == Refund(id: "r1", amount: 1))
        #expect(refund.reversal?.payout == Payout(id: "r1", destination: "d"))
        #expect(try Self.encode(refund) == json)
        let invalid = Refund(id: "r", amount: 1, reversal: Movement(refund: Refund(id: "q", amount: 0)))
        #expect(invalid.validationErrors() == [ValidationError(path: "reversal.amount", reason: "less than 1")])
    }

    // MARK: Encoding merges object alternatives, the first one winning

    @Test func theFirstSetObjectAlternativeWinsAMemberBothHave() throws {
        let movement = Movement(
            refund: Refund(id: "r", amount: 1, note: "refund"), payout: Payout(id: "p", destination: "d"))
        // `note` only the refund has (the payout's is nil, so it writes none); `id` both: the refund's.
        #expect(try Self.encode(movement) == #"{"id":"r","amount":1,"note":"refund","destination":"d"}"#)
        let both = Movement(
            refund: Refund(id: "r", amount: 1, note: "refund"),
            payout: Payout(id: "p", destination: "d", note: "payout"))
        #expect(try Self.encode(both) == #"{"id":"r","amount":1,"note":"refund","destination":"d"}"#)
        // Decoding what was written keeps both.
        #expect(try Self.decode(Movement.self, try Self.encode(both)).payout?.note == "refund")
        // The same with Foundation's encoder, which keeps the last of a repeated key: nothing is repeated.
        let foundation = JSONEncoder()
        foundation.outputFormatting = .sortedKeys
        #expect(
            String(decoding: try foundation.encode(both), as: UTF8.self)
                == #"{"amount":1,"destination":"d","id":"r","note":"refund"}"#)
    }

    @Test func nothingSetDoesNotEncode() {
        #expect(throws: EncodingError.self) { try JSONCoding.encode(Movement()) }
        #expect(throws: EncodingError.self) { try JSONCoding.encode(Amount()) }
    }

    // MARK: Validation

    @Test func validationWantsAtLeastOneAndNeverObjectBesideNonObject() {
        #expect(
            Movement().validationErrors() == [
                ValidationError(path: "", reason: "must be at least one of Refund, Payout")
            ])
        #expect(
            RefundOrUnset(refund: Refund(id: "r", amount: 1), unset: .empty).validationErrors() == [
                ValidationError(path: "", reason: "cannot be both an object (Refund) and a value that is not (Unset)")
            ])
        #expect(Amount(integer: 1, text: "1").validationErrors().isEmpty)
        // Every set alternative is validated in place, at the anyOf's path.
        let ledger = Ledger(movements: [Movement(refund: Refund(id: "r", amount: 0)), Movement()])
        #expect(
            ledger.validationErrors() == [
                ValidationError(path: "movements[0].amount", reason: "less than 1"),
                ValidationError(path: "movements[1]", reason: "must be at least one of Refund, Payout"),
            ])
    }

    // MARK: Client and server (in process)

    struct Ledgers: AwkwardPartialHandler {
        func postLedger(_ input: PostLedgerInput) async throws -> PostLedgerOutput {
            if input.body.movements.isEmpty, let total = input.body.total, total.text == "accept" {
                return .accepted(
                    Movement(refund: Refund(id: "r", amount: 3), payout: Payout(id: "p", destination: "d")))
            }
            if input.body.total?.text == "invalid" { return .accepted(Movement()) }
            return .ok(input.body)
        }
    }

    static func post(_ body: String) async -> APIResponse {
        let request = APIRequest(
            method: .post, path: "/api/v2/ledgers", headers: ["Content-Type": "application/json"],
            body: APIBody(Data(body.utf8)))
        return await Ledgers().makeRouter().handle(request)
    }

    @Test func aLedgerTravelsBothWaysWithEveryAlternativeKept() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Ledgers().makeRouter()))
        let ledger = Ledger(
            movements: [
                Movement(refund: Refund(id: "m", amount: 4), payout: Payout(id: "m", destination: "bank")),
                Movement(payout: Payout(id: "p", destination: "card")),
            ],
            total: Amount(integer: 4), lastRefund: RefundOrUnset(unset: .empty),
            byName: ["k": Movement(refund: Refund(id: "k", amount: 1))])
        #expect(try await client.postLedger(body: ledger) == .ok(ledger))
        // The answer's anyOf, both alternatives kept.
        let accepted = try await client.postLedger(body: Ledger(movements: [], total: Amount(text: "accept")))
        guard case .accepted(let movement) = accepted else {
            Issue.record("expected 202, got \(accepted)")
            return
        }
        // Merged on the wire (the refund's id wins), both decoded back.
        #expect(movement.refund == Refund(id: "r", amount: 3))
        #expect(movement.payout == Payout(id: "r", destination: "d"))
    }

    @Test func theClientRefusesToSendAnInvalidAnyOf() async {
        let client = AwkwardClient(transport: InProcessTransport(router: Ledgers().makeRouter()))
        await #expect(throws: ClientError.self) { try await client.postLedger(body: Ledger(movements: [Movement()])) }
        await #expect(throws: ClientError.self) {
            try await client.postLedger(
                body: Ledger(
                    movements: [], lastRefund: RefundOrUnset(refund: Refund(id: "r", amount: 1), unset: .empty)))
        }
    }

    @Test func theServerRefusesAPayloadThatMatchesNoAlternative() async {
        let response = await Self.post(#"{"movements":[{"id":"x","amount":0}]}"#)
        #expect(response.status == 400)
        let text = String(decoding: response.body.bufferedData ?? Data(), as: UTF8.self)
        #expect(text.contains("movements[0]") && text.contains("matches no alternative"), "\(text)")
        #expect(await Self.post(#"{"movements":[{"id":"x","amount":1,"destination":"d"}]}"#).status == 200)
    }

    @Test func theServerDoesNotAnswerAnInvalidAnyOf() async {
        let response = await Self.post(#"{"movements":[],"total":"invalid"}"#)
        #expect(response.status == 500)
    }

    // MARK: OpenAPI

    @Test func exportWritesAnyOfAndImportReadsItBack() throws {
        let definition = try DefinitionLoader.load(
            data: try Data(contentsOf: URL(fileURLWithPath: "Tests/Fixtures/Definitions/awkward.json")),
            file: "awkward.json")
        let exported = OpenAPIExporter.document(definition)
        let schemas = exported["components"]?["schemas"]
        #expect(
            schemas?["Movement"]?["anyOf"]?.arrayValue?.compactMap { $0["$ref"]?.stringValue } == [
                "#/components/schemas/Refund", "#/components/schemas/Payout",
            ])
        #expect(schemas?["Amount"]?["anyOf"]?.arrayValue?.count == 2)
        #expect(schemas?["Amount"]?["x-apigen-swift-names"]?["string"]?.stringValue == "text")
        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "awkward.openapi.json")
        for name in ["Movement", "Amount", "RefundOrUnset"] {
            #expect(imported.type(named: name)?.kind == definition.type(named: name)?.kind, "\(name)")
        }
        #expect(!warnings.contains { $0.kind.rawValue == "any-of" }, "\(warnings)")
    }
}
