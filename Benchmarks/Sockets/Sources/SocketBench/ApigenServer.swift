import APIRuntime
import BenchSupport
import Foundation
import HTTPTypes
import Hummingbird
import SFOXAPI

/// apigen's side: the generated sFOX handler (`Generated/SFOX`) registered on a Hummingbird router,
/// which routes natively; each operation's handler authenticates, decodes, validates and encodes.
enum ApigenServer {
    /// The benchmark's sFOX implementation: the same answer as the other servers.
    struct Handler: SFOXHandler {
        func sendVerification(
            _ input: SendVerificationInput, credentials: SFOXCredentials
        ) async throws -> SendVerificationOutput {
            let type = input.body.type.rawValue
            return .ok(
                SendVerificationResponse(
                    data: VerificationCode(
                        userID: input.userID, type: input.body.type, email: Demo.email(userID: input.userID, type: type),
                        phoneNumber: Demo.phoneNumber(type: type))))
        }
    }

    /// Serves the generated handler on 127.0.0.1:`port` until the process is stopped.
    static func run(port: Int) async throws {
        let router = Router()
        var registrar = HummingbirdBridge(router: router, basePath: Handler().defaultBasePath, limits: .default)
        Handler().register(on: &registrar, middlewares: [])
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}

/// A minimal ``OperationRegistrar`` over a Hummingbird router, standing in for the
/// `Integrations/Hummingbird` adapter until that package is on main: each operation becomes one
/// Hummingbird route; requests and responses are converted, bodies streamed both ways.
struct HummingbirdBridge: OperationRegistrar {
    let router: Router<BasicRequestContext>
    let basePath: String
    let limits: ServerLimits

    mutating func register(_ operation: OperationInfo, handler: @escaping OperationHandler) {
        let segments = operation.pathTemplate.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }
        let names = operation.pathTemplate.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
        guard let method = HTTPRequest.Method(operation.method.rawValue) else { return }
        let limits = self.limits
        router.on(RouterPath(basePath + "/" + segments.joined(separator: "/")), method: method) { request, context in
            let answer: APIResponse
            let apiRequest = Self.apiRequest(request, operation: operation)
            if let violation = limits.violation(apiRequest) {
                answer = violation.response
            } else {
                var parameters: [String: String] = [:]
                for name in names {
                    parameters[name] = context.parameters.get(name).flatMap { $0.removingPercentEncoding }
                }
                answer = await handler(ServerRequest(http: apiRequest, pathParameters: parameters, limits: limits))
            }
            return Self.response(answer)
        }
    }

    private static func apiRequest(_ request: Request, operation: OperationInfo) -> APIRequest {
        var headers = HeaderFields()
        for field in request.headers { headers.add(field.name.rawName, field.value) }
        let length = request.headers[.contentLength].flatMap { Int($0) }
        let body = APIBody(stream: request.body.map { @Sendable buffer in Data(buffer.readableBytesView) }, length: length)
        let query = request.uri.query.flatMap { URLComponents(string: "?" + $0)?.queryItems } ?? []
        return APIRequest(
            method: operation.method, path: request.uri.path, query: query, headers: headers, body: body,
            operation: operation)
    }

    private static func response(_ answer: APIResponse) -> Response {
        var fields = HTTPFields()
        for field in answer.headers {
            if let name = HTTPField.Name(field.name) { fields.append(HTTPField(name: name, value: field.value)) }
        }
        if let data = answer.body.bufferedData {
            return Response(
                status: .init(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        let body = answer.body
        return Response(
            status: .init(code: answer.status), headers: fields,
            body: ResponseBody { writer in
                for try await chunk in body { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            })
    }
}
