import BenchSupport
import Foundation
import Hummingbird

/// The baseline: sFOX's send-verification as one hand-written Hummingbird 2 route doing the same
/// JSON work as the generated servers (check the bearer credential, decode and validate the body,
/// encode the answer), with Foundation's `JSONDecoder` and `JSONEncoder` through Hummingbird's
/// request decoding and response encoding.
enum HandWrittenServer {
    /// The request body; an unknown `type` is refused by the decoder.
    struct SendVerificationRequest: Decodable {
        enum VerificationType: String, Codable { case email, sms }
        var type: VerificationType
    }

    /// The 200 answer, spelled as sFOX spells it.
    struct SendVerificationResponse: ResponseEncodable {
        struct VerificationCode: Encodable {
            var userID: String
            var type: SendVerificationRequest.VerificationType
            var email: String?
            var phoneNumber: String?

            enum CodingKeys: String, CodingKey {
                case userID = "user_id"
                case type, email
                case phoneNumber = "phone_number"
            }
        }
        var data: VerificationCode
    }

    /// Serves the route on 127.0.0.1:`port` until the process is stopped.
    static func run(port: Int) async throws {
        let router = Router()
        router.post("/v1/enterprise/users/send-verification/:user_id") { request, context in
            guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "),
                authorization.count > "Bearer ".count
            else {
                throw HTTPError(.unauthorized)
            }
            let userID = try context.parameters.require("user_id")
            let body: SendVerificationRequest
            do {
                body = try await request.decode(as: SendVerificationRequest.self, context: context)
            } catch {
                throw HTTPError(.badRequest, message: "invalid body")
            }
            let answer = SendVerificationResponse.VerificationCode(
                userID: userID, type: body.type, email: Demo.email(userID: userID, type: body.type.rawValue),
                phoneNumber: Demo.phoneNumber(type: body.type.rawValue))
            return SendVerificationResponse(data: answer)
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}
