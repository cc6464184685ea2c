@_spi(Generated) import APIRuntime
import Foundation
import SFOXAPI
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Starts `sfox_server.py` on a free loopback port and stops it when released.
final class LoopbackServer: Sendable {
    let process: Process
    let input: Pipe
    let port: Int

    init() throws {
        guard let script = Bundle.module.path(forResource: "sfox_server", ofType: "py", inDirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile)
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The first line the server prints is its port.
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    /// The requests the server has received, as it recorded them.
    func received() async throws -> [[String: Any]] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/__requests")!)
        return try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}

@Suite("sFOX over URLSession against a loopback server")
struct SFOXURLSessionTests {
    @Test func requestsCarryMethodPathHeadersAndBody() async throws {
        let server = try LoopbackServer()
        let client = SFOXClient(
            baseURL: server.baseURL, credentials: SFOXCredentials(enterpriseAPIKey: "enterprise-key"))

        let email = try await client.sendVerification(userID: "client account/1", body: .init(type: .email))
        #expect(
            email
                == .ok(
                    SendVerificationResponse(
                        data: VerificationCode(
                            userID: "client_account_1", type: .email, email: "sfox_connect@email.com"))))
        let sms = try await client.sendVerification(userID: "client_account_1", body: .init(type: .sms))
        guard case .ok(let smsResponse) = sms else {
            Issue.record("expected 200, got \(sms)")
            return
        }
        #expect(smsResponse.data.phoneNumber == "+12223334444")
        let verified = try await client.sendVerification(userID: "verified_user", body: .init(type: .email))
        #expect(verified == .unprocessableEntity(ErrorBody(error: "Email already verified")))

        let received = try await server.received()
        try #require(received.count == 3)
        let first = received[0]
        #expect(first["method"] as? String == "POST")
        #expect(first["path"] as? String == "/v1/enterprise/users/send-verification/client%20account%2F1")
        let headers = first["headers"] as? [String: String] ?? [:]
        #expect(headers["authorization"] == "Bearer enterprise-key")
        #expect(headers["content-type"] == "application/json")
        #expect(headers["accept"] == "application/json")
        #expect(first["body"] as? String == #"{"type":"email"}"#)
        #expect(received[1]["body"] as? String == #"{"type":"sms"}"#)
    }
}
