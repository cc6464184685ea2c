@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward-names fixture compiles (it is the `AwkwardAPI` target) and behaves.
@Suite("Awkward fixture")
struct AwkwardFixtureTests {
    static let userID = UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6")!

    static func sample() -> Keywords {
        Keywords(
            default: "d", class: .eMail, protocol: 3, userID: userID, httpStatus: 200,
            createdAt: RFC3339.date(from: "2024-07-29T15:51:28.071Z")!, expiresAt: nil, password: "correct horse")
    }

    @Test func namesFollowTheRules() {
        #expect(Channel._2fa.rawValue == "2fa")
        #expect(Channel.eMail.rawValue == "e-mail")
        #expect(Channel.default.rawValue == "default")
        #expect(Channel.sms.rawValue == "SMS")
        #expect(Channel.inApp.rawValue == "in app")
        #expect(Channel.allCases.count == 6)
    }

    @Test func encodingKeepsWireNamesNullsAndAbsences() throws {
        let json = String(decoding: try JSONCoding.encode(Self.sample()), as: UTF8.self)
        // Required + nullable is an explicit null; absent optionals are not written; the constant is.
        #expect(json.contains(#""expires_at":null"#))
        #expect(!json.contains("e-tag"))
        #expect(!json.contains(#""note""#))
        #expect(json.contains(#""object":"keywords""#))
        #expect(json.contains(#""HTTPStatus":200"#))
        #expect(json.contains(#""user_id":"3fa85f64-5717-4562-b3fc-2c963f66afa6""#))
        #expect(json.contains(#""createdAt":"2024-07-29T15:51:28.071Z""#))
        #expect(json.contains(#""class":"e-mail""#))
        let decoded = try JSONCoding.decode(Keywords.self, from: Data(json.utf8))
        #expect(decoded == Self.sample())
    }

    @Test func decodingTellsTheThreeStatesApart() throws {
        let base =
            #""default":"d","class":"2fa","protocol":1,"user_id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","HTTPStatus":1,"createdAt":"2024-07-29T17:51:28+02:00","object":"keywords","password":"12345678""#
        // expires_at missing: required even though it may be null.
        #expect(
            throws: ValidationErrors([
                ValidationError(path: "expires_at", reason: "required (it may be null, but not absent)")
            ])
        ) {
            try JSONCoding.decode(Keywords.self, from: Data("{\(base)}".utf8))
        }
        let withNull = try JSONCoding.decode(Keywords.self, from: Data(#"{\#(base),"expires_at":null}"#.utf8))
        #expect(withNull.expiresAt == nil)
        #expect(withNull.createdAt == RFC3339.date(from: "2024-07-29T15:51:28Z"))
        let withDate = try JSONCoding.decode(
            Keywords.self, from: Data(#"{\#(base),"expires_at":"2024-07-29T15:51:28.123456789Z"}"#.utf8))
        #expect(withDate.expiresAt != nil)
        #expect(throws: ValidationErrors([ValidationError(path: "object", reason: "must be keywords")])) {
            let other = base.replacingOccurrences(of: #""object":"keywords""#, with: #""object":"other""#)
            return try JSONCoding.decode(Keywords.self, from: Data(#"{\#(other),"expires_at":null}"#.utf8))
        }
    }

    @Test func validationReportsEveryFieldPath() {
        var value = Self.sample()
        value.protocol = 11
        value.eTag = String(repeating: "x", count: 65)
        value.note = ""
        value.tags = ["a", "b", "c", "d"]
        value.children = [Child(name: "ok"), Child(name: "too long")]
        value.password = "short"
        value.ratio = 1.5
        value.code = "12a456"
        #expect(
            value.validationErrors() == [
                ValidationError(path: "protocol", reason: "greater than 10"),
                ValidationError(path: "e-tag", reason: "longer than 64 characters"),
                ValidationError(path: "note", reason: "must not be empty"),
                ValidationError(path: "tags", reason: "has more than 3 items"),
                ValidationError(path: "children[1].name", reason: "longer than 5 characters"),
                ValidationError(path: "password", reason: "shorter than 8 characters"),
                ValidationError(path: "ratio", reason: "greater than 1.0"),
                ValidationError(path: "code", reason: "does not match the pattern ^[0-9]{6}$"),
            ])
    }

    @Test func sensitiveFieldsAreRedacted() {
        let value = Self.sample()
        #expect(!String(describing: value).contains("correct horse"))
        #expect(!String(reflecting: value).contains("correct horse"))
        var dumped = ""
        dump(value, to: &dumped)
        #expect(!dumped.contains("correct horse"))
        #expect(String(describing: value).contains("password: <redacted>"))
        #expect(String(describing: value).contains("default: d"))

        let input = GetKeyInput(orgID: 1, userName: "u", key: Self.userID, xSignature: "sig-secret")
        #expect(!String(describing: input).contains("sig-secret"))
        var dumpedInput = ""
        dump(input, to: &dumpedInput)
        #expect(!dumpedInput.contains("sig-secret"))
        #expect(String(describing: input).contains("xSignature: <redacted>"))
    }

    struct Handler: AwkwardPartialHandler {
        func getKey(_ input: GetKeyInput, credentials: AwkwardCredentials) async throws -> GetKeyOutput {
            if input.userName == "nobody" {
                return .notFound(RawBody(contentType: "text/plain", data: Data("no such user".utf8)))
            }
            if input.format == .default { return .noContent(RawBody(contentType: nil, data: Data())) }
            var value = AwkwardFixtureTests.sample()
            value.default = "\(input.orgID)/\(input.userName)/\(input.key.parameterValue)/\(input.limit ?? -1)"
            value.note = input.xRequestID
            value.eTag =
                credentials.bearer != nil
                ? "bearer" : "keys:\(credentials.userKey ?? "")+\(credentials.sessionKey ?? "")"
            return .ok(value)
        }
    }

    @Test func severalPathParametersQueryHeadersAndAuthAlternatives() async throws {
        let router = Handler().makeRouter()
        let withKeys = AwkwardClient(
            credentials: AwkwardCredentials(userKey: "u", sessionKey: "s"),
            transport: InProcessTransport(router: router))
        let output = try await withKeys.getKey(
            orgID: 7, userName: "ann marie", key: Self.userID, limit: 5, xRequestID: "req-1")
        guard case .ok(let value) = output else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(value.default == "7/ann marie/3fa85f64-5717-4562-b3fc-2c963f66afa6/5")
        #expect(value.note == "req-1")
        #expect(value.eTag == "keys:u+s")

        let withBearer = AwkwardClient(
            credentials: AwkwardCredentials(bearer: "jwt", userKey: "u"), transport: InProcessTransport(router: router))
        guard case .ok(let viaBearer) = try await withBearer.getKey(orgID: 1, userName: "a", key: Self.userID) else {
            Issue.record("expected 200")
            return
        }
        #expect(viaBearer.eTag == "bearer")

        let noContent = try await withBearer.getKey(orgID: 1, userName: "a", key: Self.userID, format: .default)
        #expect(noContent == .noContent(RawBody(contentType: nil, data: Data())))
        let notFound = try await withBearer.getKey(orgID: 1, userName: "nobody", key: Self.userID)
        #expect(notFound == .notFound(RawBody(contentType: "text/plain", data: Data("no such user".utf8))))

        // The client refuses an invalid input before sending; the server refuses it too.
        await #expect(throws: ClientError.self) {
            _ = try await withBearer.getKey(orgID: 0, userName: "a", key: Self.userID)
        }
        let invalid = await router.handle(
            APIRequest(
                method: .get, path: "/api/v2/orgs/0/users/a/keys/not-a-uuid", headers: ["Authorization": "Bearer t"]))
        #expect(invalid.status == 400)
        #expect(String(decoding: invalid.body.bytes, as: UTF8.self).contains(#""path":"key""#))

        // Only one key of the pair is not enough.
        let halfKeys = await router.handle(
            APIRequest(method: .get, path: "/api/v2/orgs/1/users/a/keys/\(Self.userID)", headers: ["user_key": "u"]))
        #expect(halfKeys.status == 401)
        #expect(String(decoding: halfKeys.body.bytes, as: UTF8.self).contains("missing Session_key header"))
    }
}

@Suite("Awkward fixture: open enums and discriminated oneOf")
struct AwkwardVariantsTests {
    @Test func unknownEnumValuesAreKept() throws {
        let child = try JSONCoding.decode(Child.self, from: Data(#"{"name":"a","provider":"Fax"}"#.utf8))
        #expect(child.provider == .unknown("Fax"))
        #expect(String(decoding: try JSONCoding.encode(child), as: UTF8.self) == #"{"name":"a","provider":"Fax"}"#)
        #expect(Provider(rawValue: "Email") == .email)
        #expect(Provider.phone.rawValue == "Phone")
    }

    @Test func discriminatedOneOfChoosesByTheDiscriminator() throws {
        let cat = try JSONCoding.decode(Child.self, from: Data(#"{"name":"a","pet":{"kind":"cat","lives":9}}"#.utf8))
        #expect(cat.pet == .cat(Cat(kind: "cat", lives: 9)))
        let dog = try JSONCoding.decode(Child.self, from: Data(#"{"name":"a","pet":{"kind":"dog"}}"#.utf8))
        #expect(dog.pet == .goodBoy(Dog(kind: "dog", good: true)))
        #expect(
            throws: ValidationErrors([
                ValidationError(
                    path: "pet",
                    reason:
                        "matches no alternative (not Cat: 'kind' is not 'cat'; not Dog: 'kind' is not 'dog')"
                )
            ])
        ) {
            try JSONCoding.decode(Child.self, from: Data(#"{"name":"a","pet":{"kind":"fish","lives":1}}"#.utf8))
        }
        // A discriminator that contradicts its alternative is refused before it is sent.
        #expect(
            Pet.goodBoy(Dog(kind: "cat")).validationErrors() == [
                ValidationError(path: "kind", reason: "must be 'dog' for this alternative")
            ])
        // The chosen alternative's own constraints still apply.
        #expect(throws: ValidationErrors([ValidationError(path: "pet.lives", reason: "greater than 9")])) {
            try JSONCoding.decode(Child.self, from: Data(#"{"name":"a","pet":{"kind":"cat","lives":10}}"#.utf8))
        }
    }
}

@Suite("Awkward fixture: maps and raw JSON")
struct AwkwardMapTests {
    @Test func mapsAndAnyJSONRoundTrip() throws {
        let json =
            #"{"name":"a","labels":{"k":"v"},"friends":{"bo":{"name":"bo"}},"extra":{"a":[1,2.5,true,null,"x"]}}"#
        let child = try JSONCoding.decode(Child.self, from: Data(json.utf8))
        #expect(child.labels == ["k": "v"])
        #expect(child.friends?["bo"] == Child(name: "bo"))
        #expect(
            child.extra
                == .object([
                    .init("a", .array([.number(1), .number(2.5), .bool(true), .null, .string("x")]))
                ]))
        #expect(String(decoding: try JSONCoding.encode(child), as: UTF8.self) == json)
    }

    @Test func mapValuesAreValidated() {
        let child = Child(name: "a", friends: ["zed": Child(name: "far too long")])
        #expect(
            child.validationErrors() == [ValidationError(path: "friends.zed.name", reason: "longer than 5 characters")])
    }
}
