import APIGenHummingbird
import APIRuntime
import BenchSupport
import Foundation
import Hummingbird
import SFOXAPI

/// apigen's side: the generated sFOX handler (`Generated/SFOX`) mounted on a Hummingbird router by
/// the adapter (`Integrations/APIGenHummingbird`), each operation a native route whose handler
/// checks the limits, authenticates, decodes, validates and encodes.
enum ApigenServer {
    /// The benchmark's sFOX implementation: the same answer as the other servers.
    struct Handler: SFOXHandler {
        func sendVerification(
            _ input: SendVerificationInput, credentials: SFOXCredentials
        ) async throws -> SendVerificationOutput {
            let type = input.body.type.rawValue
            let code = VerificationCode(
                userID: input.userID, type: input.body.type, email: Demo.email(userID: input.userID, type: type),
                phoneNumber: Demo.phoneNumber(type: type))
            return .ok(SendVerificationResponse(data: code))
        }
    }

    /// Serves the generated handler on 127.0.0.1:`port` until the process is stopped.
    static func run(port: Int) async throws {
        let router = Router()
        router.mount(Handler())
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}
