@_spi(Generated) import APIRuntime
import Foundation
import TeamUpAPI
import Testing

/// `minLength` and `maxLength` count Unicode code points on both sides, as Django REST framework does.
@Suite("Lengths count code points")
struct CodePointLengthTests {
    /// 20 Characters, 21 code points: a real DRF server answers "Ensure this field has no more than 20
    /// characters", so the client refuses it before sending and the generated server answers 400.
    let phone = String(repeating: "1", count: 19) + "🇩🇪"

    @Test func theClientRefusesWhatDRFRefuses() async throws {
        #expect(phone.count == 20 && phone.unicodeScalars.count == 21)
        let client = TeamUpClient(transport: InProcessTransport(router: ServiceCalls.teamUp))
        do {
            _ = try await client.startVerification(
                body: StartVerificationRequest(phoneNumber: phone, provider: 1, directAuthKey: FakeTeamUp.directAuthKey)
            )
            Issue.record("sent a phone number of 21 code points")
        } catch {
            guard case .invalidRequest(let errors) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(errors.errors == [ValidationError(path: "phone_number", reason: "longer than 20 characters")])
        }
        // 20 code points pass.
        let twenty = String(repeating: "1", count: 18) + "🇩🇪"
        let output = try await client.startVerification(
            body: StartVerificationRequest(phoneNumber: twenty, provider: 1, directAuthKey: FakeTeamUp.directAuthKey))
        guard case .ok = output else {
            Issue.record("\(output)")
            return
        }
    }

    @Test func theServerRefusesIt() async throws {
        let body = #"{"phone_number":"\#(phone)","provider":1,"direct_auth_key":"direct-key"}"#
        let response = await ServiceCalls.teamUp.handle(
            APIRequest(
                method: .post, path: "/api/v2/auth/two_factor/start_verification",
                headers: ["Content-Type": "application/json"], body: Data(body.utf8)))
        #expect(response.status == 400)
        let decoded = try JSONSerialization.jsonObject(with: response.body.bytes) as? [String: Any]
        let fields = decoded?["fields"] as? [[String: String]]
        #expect(fields == [["path": "phone_number", "reason": "longer than 20 characters"]])
    }
}
