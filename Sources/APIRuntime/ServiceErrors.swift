import Foundation

/// The body of the errors a service's generated server answers by itself (400, 401, 404, 405, 406, 413,
/// 415, 501, 500), when its definition names one (`"service": {"errorBody": "TwilioError"}`).
///
/// The generated client throws ``ClientError/serviceError(status:body:)`` with it for an error status the
/// operation does not document; catch it typed with `catch .serviceError(let status, let body as TwilioError)`.
public protocol ServiceErrorBody: Sendable {}

/// Turns an error a server answers by itself into its response: ``ServerError/response`` by default, the
/// service's declared error body when its definition names one (``APIService/errorResponse(for:)``).
public typealias ServerErrorResponder = @Sendable (ServerError) -> APIResponse

extension APIService {
    /// The runtime's `{"error": …, "fields": [{"path": …, "reason": …}]}` (``ServerError/response``). A
    /// service whose definition names an `errorBody` answers with that instead.
    public func errorResponse(for error: ServerError) -> APIResponse { error.response }
}

@_spi(Generated) extension ServerSupport {
    /// `error` answered with `body` as JSON: its status and headers (`WWW-Authenticate`, `Allow`), and
    /// `Content-Type: application/json`. A body that does not encode answers with ``ServerError/response``.
    public static func errorResponse(_ error: ServerError, body: some Encodable) -> APIResponse {
        guard let data = try? JSONCoding.encode(body) else { return error.response }
        var headers = error.headers
        headers["Content-Type"] = MediaType.json
        return APIResponse(status: error.status, headers: headers, body: APIBody(data))
    }
}

@_spi(Generated) extension ClientSupport {
    /// Throws ``ClientError/serviceError(status:body:)`` when `response` is an error (4xx, 5xx) whose body
    /// is JSON (or has no `Content-Type`) and decodes as the service's error body; otherwise returns, and
    /// the caller answers `.undocumented`.
    public static func throwServiceError<Body: Decodable & ServiceErrorBody>(
        _ type: Body.Type, from response: APIResponse
    ) throws(ClientError) {
        guard response.status >= 400 else { return }
        if let contentType = response.headers["Content-Type"], MediaType.essence(of: contentType) != MediaType.json {
            return
        }
        guard let data = response.body.bufferedData, !data.isEmpty,
            let body = try? JSONCoding.decode(Body.self, from: data, direction: .response)
        else { return }
        throw .serviceError(status: response.status, body: body)
    }
}
