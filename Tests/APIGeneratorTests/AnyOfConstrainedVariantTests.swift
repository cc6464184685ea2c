@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// anyOf alternatives with constraints (`{ "type": "string", "maxLength": 12, "pattern": "^cus_" }`) and
/// converted scalars (`date-time`, `unix-time`, `uuid`, `uri`, `bytes`, `date`, `decimal`), end to end
/// through the awkward fixture's `putExpandableCharge`: an alternative matches only when it decodes and
/// holds its constraints, in JSON, forms, multipart and XML, and each scalar keeps its wire form.
@Suite struct AnyOfConstrainedVariantTests {
    struct Echo: AwkwardPartialHandler {
        func putExpandableCharge(_ input: PutExpandableChargeInput) async throws -> PutExpandableChargeOutput {
            .ok(input.body)
        }
    }

    static let moment = Date(timeIntervalSince1970: 1_700_000_000)
    static let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!

    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// Why decoding `json` as `T` fails, or nil when it does not.
    func failure<T: Decodable>(_ type: T.Type, _ json: String) -> String? {
        do {
            _ = try decode(T.self, json)
            return nil
        } catch {
            return ValidationError(error as! DecodingError).description
        }
    }

    // MARK: Constraints

    @Test func aConstrainedAlternativeMatchesOnlyAValueThatHoldsItsConstraints() throws {
        #expect(try decode(ExpandableCustomer.self, #""cus_1""#) == ExpandableCustomer(id: "cus_1"))
        #expect(
            try decode(ExpandableCustomer.self, #"{"object":"customer","id":"cus_1"}"#)
                == ExpandableCustomer(chargeCustomer: ChargeCustomer(id: "cus_1")))
        // Too long, and not of the pattern: no alternative matches, and the reasons say why.
        let long = failure(ExpandableCustomer.self, #""cus_0123456789""#)
        #expect(long?.contains("not string: longer than 12 characters") == true, "\(long ?? "")")
        let other = failure(ExpandableCustomer.self, #""acct_1""#)
        #expect(other?.contains("not string: does not match the pattern ^cus_") == true, "\(other ?? "")")
        #expect(other?.contains("acct_1") == false)
        // An integer in range is `days` and also a unix time; out of range only a unix time.
        #expect(try decode(ChargeWhen.self, "30") == ChargeWhen(unixTime: Date(timeIntervalSince1970: 30), days: 30))
        #expect(try decode(ChargeWhen.self, "731") == ChargeWhen(unixTime: Date(timeIntervalSince1970: 731)))
        // A string of 2…8 characters is a label; a longer one that is no date-time or UUID matches nothing.
        #expect(try decode(ChargeWhen.self, #""soon""#) == ChargeWhen(label: "soon"))
        let text = failure(ChargeWhen.self, #""next week""#)
        #expect(text?.contains("not string: longer than 8 characters") == true, "\(text ?? "")")
    }

    @Test func validationChecksASetAlternativesConstraintsAtTheAnyOfsPath() {
        let charge = ExpandableCharge(
            customer: ExpandableCustomer(id: "acct_1"), when: ChargeWhen(days: 0, label: "a"))
        #expect(
            charge.validationErrors().map(\.description) == [
                "customer: does not match the pattern ^cus_", "when: less than 1", "when: shorter than 2 characters",
            ])
        #expect(ExpandableCharge(customer: ExpandableCustomer(id: "cus_9")).validationErrors().isEmpty)
    }

    // MARK: Converted scalars

    @Test func convertedScalarsKeepTheirWireFormInJSON() throws {
        #expect(try encode(ChargeWhen(dateTime: Self.moment)) == #""2023-11-14T22:13:20Z""#)
        #expect(try encode(ChargeWhen(unixTime: Self.moment)) == "1700000000")
        #expect(try encode(ChargeWhen(uuid: Self.id)) == #""6f9619ff-8b86-d011-b42d-00c04fc964ff""#)
        #expect(try encode(ChargeProof(bytes: Data("hi".utf8))) == #""aGk=""#)
        #expect(try encode(ChargeProof(uri: URL(string: "https://example.com/r")!)) == #""https:\/\/example.com\/r""#)
        #expect(try encode(ChargeProof(decimal: Decimal(string: "12.50")!)) == "12.5")
        #expect(try encode(ChargeProof(date: CalendarDate(year: 2024, month: 2, day: 29)!)) == #""2024-02-29""#)

        #expect(try decode(ChargeWhen.self, #""2023-11-14T22:13:20Z""#) == ChargeWhen(dateTime: Self.moment))
        #expect(try decode(ChargeWhen.self, "1700000000") == ChargeWhen(unixTime: Self.moment))
        #expect(try decode(ChargeWhen.self, #""6F9619FF-8B86-D011-B42D-00C04FC964FF""#) == ChargeWhen(uuid: Self.id))
        #expect(try decode(ChargeProof.self, #""aGk=""#) == ChargeProof(bytes: Data("hi".utf8)))
        #expect(
            try decode(ChargeProof.self, #""https://example.com/r""#)
                == ChargeProof(uri: URL(string: "https://example.com/r")!))
        #expect(try decode(ChargeProof.self, "12.5") == ChargeProof(decimal: Decimal(string: "12.5")!))
        #expect(
            try decode(ChargeProof.self, #""2024-02-29""#)
                == ChargeProof(date: CalendarDate(year: 2024, month: 2, day: 29)!))
    }

    @Test func aValueOfNoScalarsFormIsRefusedNamingEach() {
        let reason = failure(ChargeWhen.self, "true")
        #expect(
            reason?.contains("not date-time:") == true && reason?.contains("not unix-time:") == true, "\(reason ?? "")")
        // Not strict base64, not an absolute URI, not a day, not a number.
        let proof = failure(ChargeProof.self, #""a b""#)
        #expect(proof?.contains("not bytes: not standard base64") == true, "\(proof ?? "")")
        #expect(proof?.contains("not uri: not an absolute URI") == true, "\(proof ?? "")")
    }

    // MARK: Forms, multipart, XML

    static let values: [ExpandableCharge] = [
        ExpandableCharge(customer: ExpandableCustomer(id: "cus_1")),
        ExpandableCharge(
            customer: ExpandableCustomer(chargeCustomer: ChargeCustomer(id: "cus_2")),
            when: ChargeWhen(dateTime: moment), proof: ChargeProof(uri: URL(string: "https://example.com/r")!)),
        ExpandableCharge(
            customer: ExpandableCustomer(id: "cus_3"), when: ChargeWhen(unixTime: moment),
            proof: ChargeProof(bytes: Data([0, 1, 2, 250]))),
        ExpandableCharge(
            customer: ExpandableCustomer(id: "cus_4"),
            when: ChargeWhen(unixTime: Date(timeIntervalSince1970: 7), days: 7),
            proof: ChargeProof(date: CalendarDate(year: 2024, month: 1, day: 2)!)),
        ExpandableCharge(
            customer: ExpandableCustomer(id: "cus_5"), when: ChargeWhen(uuid: id),
            proof: ChargeProof(decimal: Decimal(string: "0.1")!)),
        ExpandableCharge(customer: ExpandableCustomer(id: "cus_6"), when: ChargeWhen(label: "later")),
    ]

    static func form(_ text: String) throws(ValidationErrors) -> ExpandableCharge {
        let tree = try FormFormat.readURLEncoded(Data(text.utf8))
        return try ExpandableCharge(textTree: TextTreeReader(tree, anyJSON: .text(maxDepth: 32)))
    }

    @Test func formsMatchAndRefuseByConstraintAndFormat() throws {
        #expect(
            try Self.form("customer=cus_1&when=2023-11-14T22:13:20Z")
                == ExpandableCharge(customer: ExpandableCustomer(id: "cus_1"), when: ChargeWhen(dateTime: Self.moment)))
        #expect(
            try Self.form("customer=cus_1&when=1700000000")
                == ExpandableCharge(customer: ExpandableCustomer(id: "cus_1"), when: ChargeWhen(unixTime: Self.moment)))
        #expect(
            try Self.form("customer[object]=customer&customer[id]=x&when=soon&proof=aGk=")
                == ExpandableCharge(
                    customer: ExpandableCustomer(chargeCustomer: ChargeCustomer(id: "x")),
                    when: ChargeWhen(label: "soon"),
                    proof: ChargeProof(bytes: Data("hi".utf8))))
        #expect(throws: ValidationErrors.self) { try Self.form("customer=acct_1") }
        do {
            _ = try Self.form("customer=cus_1&when=next+week")
            Issue.record("a string too long for the label and of no format was read")
        } catch {
            #expect(error.errors.first?.path == "when", "\(error)")
            #expect(error.description.contains("not string: longer than 8 characters"), "\(error)")
        }
    }

    @Test func everyValueReadsBackInFormsMultipartAndXML() throws {
        for value in Self.values {
            #expect(value.validationErrors().isEmpty, "\(value)")
            let form = FormFormat.writeURLEncoded(value.textTree())
            let tree = try FormFormat.readURLEncoded(form)
            #expect(try ExpandableCharge(textTree: TextTreeReader(tree, anyJSON: .text(maxDepth: 32))) == value)
            for format in [BodyFormat.multipart, .xml] {
                let (data, contentType) = try BodyCoding.encode(value, as: format, dialect: .awkward)
                let back = try BodyCoding.decode(
                    ExpandableCharge.self, from: data, format: format, contentType: contentType, dialect: .awkward)
                #expect(back == value, "\(format): \(String(decoding: data, as: UTF8.self))")
            }
        }
        let text = String(decoding: FormFormat.writeURLEncoded(Self.values[2].textTree()), as: UTF8.self)
        #expect(text == "customer=cus_3&when=1700000000&proof=AAEC%2Bg%3D%3D", "\(text)")
    }

    // MARK: End to end

    @Test func theClientSendsEveryAlternativeAndTheServerReadsItBack() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        for value in Self.values {
            for format in [BodyFormat.json, .formURLEncoded, .multipart, .xml] {
                #expect(
                    try await client.putExpandableCharge(body: value, bodyFormat: format) == .ok(value), "\(format)")
            }
        }
    }

    @Test func theClientRefusesAValueOutsideItsAlternativesConstraints() async {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        await #expect(throws: ClientError.self) {
            try await client.putExpandableCharge(body: ExpandableCharge(customer: ExpandableCustomer(id: "acct_1")))
        }
    }

    func put(_ body: String, contentType: String) async -> (Int, String) {
        var request = APIRequest(
            method: .put, path: "/api/v2/expandable-charges", headers: ["Content-Type": contentType])
        request.body = APIBody(Data(body.utf8))
        let response = await Echo().makeRouter().handle(request)
        return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
    }

    @Test func theServerAnswers400NamingTheAnyOfWhenNoAlternativeHoldsItsConstraints() async {
        let (status, body) = await put(#"{"customer":"acct_SECRET"}"#, contentType: "application/json")
        #expect(status == 400)
        #expect(body.contains(#""path":"customer""#) && body.contains("matches no alternative"), "\(body)")
        #expect(!body.contains("SECRET"))
        let (formStatus, formBody) = await put(
            "customer=cus_1&when=SECRET_LATER", contentType: "application/x-www-form-urlencoded")
        #expect(formStatus == 400)
        #expect(formBody.contains(#""path":"when""#), "\(formBody)")
        #expect(!formBody.contains("SECRET"))
        let (okStatus, answer) = await put(#"{"customer":"cus_1","when":1700000000}"#, contentType: "application/json")
        #expect(okStatus == 200, "\(answer)")
        #expect(answer.contains(#""when":1700000000"#), "\(answer)")
    }
}
