@_spi(Generated) import APIRuntime
import Foundation
import SFOXAPI
import Testing

/// A handler that answers like the sFOX documentation: email and sms codes, 422 when already verified.
struct FakeSFOX: SFOXHandler {
    var verifiedEmails: Set<String> = []
    let expectedKey = "test-key"

    func sendVerification(_ input: SendVerificationInput, credentials: SFOXCredentials) async throws
        -> SendVerificationOutput
    {
        guard credentials.enterpriseAPIKey == expectedKey else {
            throw ServerError.unauthorized("unknown API key")
        }
        if verifiedEmails.contains(input.userID), input.body.type == .email {
            return .unprocessableEntity(ErrorBody(error: "Email already verified"))
        }
        switch input.body.type {
        case .email:
            return .ok(
                SendVerificationResponse(
                    data: VerificationCode(userID: input.userID, type: .email, email: "sfox_connect@email.com")))
        case .sms:
            return .ok(
                SendVerificationResponse(
                    data: VerificationCode(userID: input.userID, type: .sms, phoneNumber: "+12223334444")))
        }
    }
}

/// A handler that implements nothing: every operation answers 501.
struct EmptySFOX: SFOXPartialHandler {}

@Suite("sFOX end to end, in process")
struct SFOXInProcessTests {
    let router = FakeSFOX(verifiedEmails: ["verified_user"]).makeRouter()

    func client(key: String? = "test-key") -> SFOXClient {
        SFOXClient(credentials: SFOXCredentials(enterpriseAPIKey: key), transport: InProcessTransport(router: router))
    }

    @Test func emailCodeIsSent() async throws {
        let output = try await client().sendVerification(
            userID: "client_account_1", body: SendVerificationRequest(type: .email))
        #expect(
            output
                == .ok(
                    SendVerificationResponse(
                        data: VerificationCode(
                            userID: "client_account_1", type: .email, email: "sfox_connect@email.com"))))
    }

    @Test func smsCodeIsSent() async throws {
        let output = try await client().sendVerification(userID: "client account/2", body: .init(type: .sms))
        guard case .ok(let response) = output else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(response.data.userID == "client account/2")
        #expect(response.data.type == .sms)
        #expect(response.data.phoneNumber == "+12223334444")
        #expect(response.data.email == nil)
    }

    @Test func alreadyVerifiedAnswers422() async throws {
        let output = try await client().sendVerification(userID: "verified_user", body: .init(type: .email))
        #expect(output == .unprocessableEntity(ErrorBody(error: "Email already verified")))
    }

    @Test func missingBearerIsRefusedByTheClientBeforeSending() async throws {
        await #expect {
            _ = try await client(key: nil).sendVerification(userID: "u", body: .init(type: .email))
        } throws: { error in
            guard case ClientError.missingCredential(let scheme) = error else { return false }
            return scheme == "enterpriseAPIKey"
        }
    }

    @Test func missingBearerAnswers401() async throws {
        let response = await router.handle(
            APIRequest(
                method: .post, path: "/v1/enterprise/users/send-verification/u",
                headers: ["Content-Type": "application/json"], body: Data(#"{"type":"email"}"#.utf8)))
        #expect(response.status == 401)
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
        let malformed = await router.handle(
            APIRequest(
                method: .post, path: "/v1/enterprise/users/send-verification/u",
                headers: ["Authorization": "Basic abc"], body: Data(#"{"type":"email"}"#.utf8)))
        #expect(malformed.status == 401)
        #expect(String(decoding: malformed.body.bytes, as: UTF8.self).contains("malformed Authorization header"))
    }

    @Test func wrongKeyReachesTheHandlerWhichAnswers401() async throws {
        let output = try await client(key: "wrong").sendVerification(userID: "u", body: .init(type: .email))
        guard case .undocumented(let status, let body) = output else {
            Issue.record("expected an undocumented 401, got \(output)")
            return
        }
        #expect(status == 401)
        #expect(body.text?.contains("unknown API key") == true)
    }

    @Test func badTypeAnswers400NamingTheField() async throws {
        let response = await router.handle(
            APIRequest(
                method: .post, path: "/v1/enterprise/users/send-verification/u",
                headers: ["Authorization": "Bearer test-key", "Content-Type": "application/json"],
                body: Data(#"{"type":"fax"}"#.utf8)))
        #expect(response.status == 400)
        let body = try JSONSerialization.jsonObject(with: response.body.bytes) as? [String: Any]
        let fields = body?["fields"] as? [[String: String]]
        #expect(fields?.first?["path"] == "type")
        #expect(fields?.first?["reason"] == "is not one of 'email', 'sms'")
    }

    @Test func missingTypeAndWrongShapesAnswer400() async throws {
        for (body, path, reason) in [
            (#"{}"#, "type", "required"),
            (#"{"type": 3}"#, "type", "expected a string"),
            (#"[1]"#, "", "expected an object"),
        ] {
            let response = await router.handle(
                APIRequest(
                    method: .post, path: "/v1/enterprise/users/send-verification/u",
                    headers: ["Authorization": "Bearer test-key"], body: Data(body.utf8)))
            #expect(response.status == 400, "\(body)")
            let decoded = try JSONSerialization.jsonObject(with: response.body.bytes) as? [String: Any]
            let field = (decoded?["fields"] as? [[String: String]])?.first
            #expect(field?["path"] == path, "\(body)")
            #expect(field?["reason"] == reason, "\(body)")
        }
        let notJSON = await router.handle(
            APIRequest(
                method: .post, path: "/v1/enterprise/users/send-verification/u",
                headers: ["Authorization": "Bearer test-key"], body: Data("type=email".utf8)))
        #expect(notJSON.status == 400)
        let wrongType = await router.handle(
            APIRequest(
                method: .post, path: "/v1/enterprise/users/send-verification/u",
                headers: ["Authorization": "Bearer test-key", "Content-Type": "text/plain"],
                body: Data(#"{"type":"email"}"#.utf8)))
        #expect(wrongType.status == 415)
    }

    @Test func wrongMethodAnswers405WithAllow() async throws {
        let response = await router.handle(
            APIRequest(method: .get, path: "/v1/enterprise/users/send-verification/u"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "POST")
    }

    @Test func unknownPathAnswers404() async throws {
        for path in ["/v1/enterprise/users", "/v2/enterprise/users/send-verification/u", "/v1/nothing/here"] {
            let response = await router.handle(APIRequest(method: .post, path: path))
            #expect(response.status == 404, "\(path)")
        }
    }

    @Test func unimplementedOperationAnswers501() async throws {
        let client = SFOXClient(
            credentials: SFOXCredentials(enterpriseAPIKey: "k"),
            transport: InProcessTransport(router: EmptySFOX().makeRouter()))
        let output = try await client.sendVerification(userID: "u", body: .init(type: .email))
        guard case .undocumented(501, let body) = output else {
            Issue.record("expected 501, got \(output)")
            return
        }
        #expect(body.text?.contains("not implemented") == true)
    }

    @Test func invalidDocumentedResponseIsAnError() async throws {
        struct Liar: SFOXHandler {
            func sendVerification(_ input: SendVerificationInput, credentials: SFOXCredentials) async throws
                -> SendVerificationOutput
            {
                .undocumented(
                    status: 200, body: RawBody(contentType: "application/json", data: Data(#"{"data":{}}"#.utf8)))
            }
        }
        let client = SFOXClient(
            credentials: SFOXCredentials(enterpriseAPIKey: "k"),
            transport: InProcessTransport(router: Liar().makeRouter()))
        await #expect {
            _ = try await client.sendVerification(userID: "u", body: .init(type: .email))
        } throws: { error in
            guard case ClientError.invalidResponse(200, let errors) = error else { return false }
            return errors.errors.first?.path == "data.user_id"
        }
    }

    @Test func credentialsNeverShowTheirValue() {
        let credentials = SFOXCredentials(enterpriseAPIKey: "super-secret")
        #expect(!String(describing: credentials).contains("super-secret"))
        #expect(!String(reflecting: credentials).contains("super-secret"))
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains("super-secret"))
        #expect(dumped.contains("<redacted>"))
    }

    @Test func wireNamesAreKeptOnEncode() throws {
        let data = try JSONCoding.encode(
            SendVerificationResponse(data: VerificationCode(userID: "a", type: .sms, phoneNumber: "+1")))
        #expect(String(decoding: data, as: UTF8.self) == #"{"data":{"user_id":"a","type":"sms","phone_number":"+1"}}"#)
    }
}
