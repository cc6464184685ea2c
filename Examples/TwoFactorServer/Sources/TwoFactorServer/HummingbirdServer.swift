import APIRuntime
import Foundation
import Hummingbird
import Logging
import NIOCore
import TwoFactorServices

/// Serves a ``ServiceDirectory`` over HTTP/1.1 with Hummingbird.
public struct TwoFactorHTTPServer: Sendable {
    /// The services.
    public let directory: ServiceDirectory
    /// The address to listen on, for example `127.0.0.1`.
    public let host: String
    /// The port; 0 lets the system choose one.
    public let port: Int
    /// The least severe log messages the server writes (to standard error).
    public let logLevel: Logger.Level

    /// Creates a server; nothing listens until ``run(onRunning:)``.
    public init(directory: ServiceDirectory, host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .notice) {
        self.directory = directory
        self.host = host
        self.port = port
        self.logLevel = logLevel
    }

    /// Listens and serves until the task is cancelled or the process is told to stop (SIGINT, SIGTERM).
    ///
    /// - Parameter onRunning: Called once listening, with the server's base URL (`http://host:port`,
    ///   with the port the system chose when ``port`` is 0).
    public func run(onRunning: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let host = self.host
        let logLevel = self.logLevel
        let app = Application(
            responder: DirectoryResponder(directory: directory),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                if let url = URL(string: "http://\(shown):\(port)") { await onRunning(url) }
            },
            logger: {
                var logger = Logger(label: "two-factor-server")
                logger.logLevel = logLevel
                return logger
            }())
        try await app.runService()
    }
}

/// Hands each Hummingbird request to the directory, as an `HTTPRequest`, and writes its answer back.
struct DirectoryResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let directory: ServiceDirectory

    func respond(to request: Request, context: Context) async throws -> Response {
        let limit = directory.mounts.map(\.router.limits.maxBodyBytes).max() ?? 0
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            return try await Self.response(ServerError(status: 413, message: "the body is larger than the limit").response)
        }
        var query: [URLQueryItem] = []
        if let raw = request.uri.query, !raw.isEmpty {
            for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ text: Substring) -> String {
                    let spaced = text.replacingOccurrences(of: "+", with: " ")
                    return spaced.removingPercentEncoding ?? spaced
                }
                query.append(URLQueryItem(name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : ""))
            }
        }
        var headers = HeaderFields()
        for field in request.headers { headers.add(field.name.rawName, field.value) }
        let http = APIRequest(
            method: RequestMethod(rawValue: request.method.rawValue), path: request.uri.path, query: query,
            headers: headers, body: body.readableBytes == 0 ? nil : Data(buffer: body))
        return try await Self.response(await directory.handle(http))
    }

    static func response(_ answer: APIResponse) async throws -> Response {
        var fields = HTTPFields()
        for field in answer.headers {
            if let name = HTTPFields.Element.Name(field.name) { fields.append(.init(name: name, value: field.value)) }
        }
        return Response(
            status: .init(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try await answer.body.collect(upTo: .max))))
    }
}
