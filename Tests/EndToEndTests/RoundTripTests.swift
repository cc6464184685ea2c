@_spi(Generated) import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import Testing

/// Every model of the JSON-only services survives encode → decode unchanged. (TeamUp's models,
/// which also travel as XML and forms, are covered in `TeamUpTests`.)
@Suite("JSON round trips")
struct RoundTripTests {
    static let models: [any (Codable & Hashable & Sendable)] = [
        SFOXAPI.SendVerificationRequest(type: .email),
        SFOXAPI.SendVerificationRequest(type: .sms),
        VerificationCode(userID: "u", type: .email, email: "a@b.c"),
        VerificationCode(userID: "u", type: .sms, phoneNumber: "+1"),
        SendVerificationResponse(data: VerificationCode(userID: "u", type: .sms)),
        ErrorBody(error: "Phone already verified"),
        TwoFactorPinRequest(recipient: "+391234567"),
        TwoFactorPinRequest(recipient: "00391234567", senderName: "ACME", expiry: 5, messageBody: "PIN: %PIN%"),
        TwoFactorConfirmRequest(email: "a@b.c", provider: "Email", token: "1"),
        TwoStepLoginRequest(username: "u", password: "p", provider: "Email"),
        AuthenticatedUserResponse(accessToken: "a", refreshToken: "r"),
    ]

    @Test func everyModelRoundTrips() throws {
        for model in Self.models {
            try check(model)
        }
    }

    func check<T: Codable & Hashable>(_ value: T) throws {
        let data = try JSONCoding.encode(value)
        #expect(try JSONCoding.decode(T.self, from: data) == value, "\(String(decoding: data, as: UTF8.self))")
    }

    @Test func sfoxSeedExamplesDecode() throws {
        let email = try JSONCoding.decode(
            SendVerificationResponse.self,
            from: Data(
                #"{"data": {"user_id": "client_account_1", "type": "email", "email": "sfox_connect@email.com"}}"#.utf8))
        #expect(
            email.data == VerificationCode(userID: "client_account_1", type: .email, email: "sfox_connect@email.com"))
        let sms = try JSONCoding.decode(
            SendVerificationResponse.self,
            from: Data(
                #"{"data": {"user_id": "client_account_1", "type": "sms", "phone_number": "+12223334444"}}"#.utf8))
        #expect(sms.data.phoneNumber == "+12223334444")
        #expect(
            try JSONCoding.decode(ErrorBody.self, from: Data(#"{"error": "Email already verified"}"#.utf8)).error
                == "Email already verified")
    }
}
