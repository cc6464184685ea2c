@_spi(Generated) import APIRuntime
import Foundation
import HTTPTypes
import Hummingbird

extension RouterMethods {
    /// Serves every operation of a generated service on this Hummingbird router or router group.
    ///
    /// Each operation becomes a native route (`/users/{user_id}` is registered as `/users/:user_id` under
    /// `basePath`), so Hummingbird matches paths and methods itself: an unknown path answers Hummingbird's
    /// 404; a known path with another method answers 405 with `Allow`, as ``APIRouter`` does (Hummingbird's
    /// router has no 405 of its own, so the other methods of each path are routes too). A matched request is checked
    /// against `limits` first (414, 431, 413 as ``APIRouter`` answers them), then handed to the service
    /// with a streamed body: the adapter never collects a body; generated code collects a typed body
    /// within `limits.maxBodyBytes`.
    ///
    /// ```swift
    /// let router = Router()
    /// router.mount(MySFOX())                     // under /v1, the definition's base path
    /// let app = Application(router: router)
    /// ```
    ///
    /// - Parameters:
    ///   - service: A generated `<Service>Handler` implementation.
    ///   - basePath: The path prefix of the operations; by default the service's `defaultBasePath`.
    ///   - limits: What a request may be.
    ///   - middlewares: What every request passes through, in order, before the handler.
    /// - Returns: This router, to chain calls.
    @discardableResult
    public func mount(
        _ service: some APIService, basePath: String? = nil, limits: ServerLimits = .default,
        middlewares: [any ServerMiddleware] = []
    ) -> Self {
        var registrar = HummingbirdRegistrar(
            router: self, basePath: basePath ?? service.defaultBasePath, limits: limits,
            errorResponse: { service.errorResponse(for: $0) })
        service.register(on: &registrar, middlewares: middlewares)
        registrar.answerOtherMethods()
        return self
    }
}

/// Registers a service's operations as native routes of a Hummingbird router or group: what
/// ``Hummingbird/RouterMethods/mount(_:basePath:limits:middlewares:)`` uses. Use it directly to add an
/// operation of your own (`register(_:handler:)`) next to a service's.
public struct HummingbirdRegistrar<Routes: RouterMethods>: OperationRegistrar {
    /// Where the routes go.
    public let router: Routes
    /// The path prefix of every route, without a trailing `/`.
    public let basePath: String
    /// What a request may be; checked before the handler runs, and given to it to decode bodies within.
    public let limits: ServerLimits
    /// How the adapter's own errors (limits, an undecodable path parameter, 405) are answered: in the
    /// service's error body when ``Hummingbird/RouterMethods/mount(_:basePath:limits:middlewares:)`` sets it.
    public let errorResponse: ServerErrorResponder
    /// Each registered path, with its methods, in the order they were registered.
    private var routes: [(path: String, methods: [HTTPRequest.Method])] = []

    /// A registrar that adds routes under `basePath` to `router`; its own errors are answered by
    /// `errorResponse` (the runtime's shape by default).
    public init(
        router: Routes, basePath: String = "", limits: ServerLimits = .default,
        errorResponse: @escaping ServerErrorResponder = { $0.response }
    ) {
        self.router = router
        self.basePath = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        self.limits = limits
        self.errorResponse = errorResponse
    }

    /// Adds `operation` as a route: `{name}` segments become Hummingbird parameters. A method that is not
    /// an HTTP token cannot be routed and is skipped; a method and path already routed trap in Hummingbird,
    /// as any duplicate route does.
    public mutating func register(_ operation: OperationInfo, handler: @escaping OperationHandler) {
        guard let method = HTTPRequest.Method(operation.method.rawValue) else { return }
        let segments = operation.pathTemplate.split(separator: "/", omittingEmptySubsequences: true)
        let names = segments.compactMap {
            $0.hasPrefix("{") && $0.hasSuffix("}") ? String($0.dropFirst().dropLast()) : nil
        }
        let path = segments.map { $0.hasPrefix("{") && $0.hasSuffix("}") ? ":" + $0.dropFirst().dropLast() : $0 }
            .joined(separator: "/")
        let limits = self.limits
        let errors = errorResponse
        let routePath = basePath + "/" + path
        if let index = routes.firstIndex(where: { $0.path == routePath }) {
            routes[index].methods.append(method)
        } else {
            routes.append((routePath, [method]))
        }
        router.on(RouterPath(routePath), method: method) { request, context -> Response in
            let apiRequest = APIRequest(hummingbird: request)
            if let violation = limits.violation(apiRequest) { return Response(errors(violation)) }
            var parameters: [String: String] = [:]
            for name in names {
                guard let raw = context.parameters.get(name), let value = PercentEncoding.decodePathSegment(raw) else {
                    let error = ServerError.badRequest(
                        "invalid path parameter",
                        fields: [ValidationError(path: name, reason: "is not percent-encoded UTF-8")])
                    return Response(errors(error))
                }
                parameters[name] = value
            }
            return Response(await handler(ServerRequest(http: apiRequest, pathParameters: parameters, limits: limits)))
        }
    }

    /// The methods that OpenAPI 3.2 names (a path item's operations), each answered on every path.
    static var otherMethods: [HTTPRequest.Method] {
        [.get, .put, .post, .delete, .options, .head, .patch, .trace] + [HTTPRequest.Method("QUERY")].compactMap { $0 }
    }

    /// Answers every method a registered path does not take with 405 and `Allow` (the methods it takes),
    /// as ``APIRouter`` does: ``Hummingbird/RouterMethods/mount(_:basePath:limits:middlewares:)`` calls it
    /// once the service's operations are registered.
    public func answerOtherMethods() {
        let errors = errorResponse
        for route in routes {
            let allow = route.methods.map(\.rawValue).sorted().joined(separator: ", ")
            for method in Self.otherMethods where !route.methods.contains(method) {
                router.on(RouterPath(route.path), method: method) { _, _ -> Response in
                    Response(
                        errors(
                            ServerError(
                                status: 405, message: "method \(method.rawValue) not allowed; allowed: \(allow)",
                                headers: ["Allow": allow])))
                }
            }
        }
    }
}

extension APIRequest {
    /// The runtime's view of a Hummingbird request: its body streams, as Hummingbird receives it.
    init(hummingbird request: Request) {
        // One pass over the fields: copied as they came, and the two that say whether a body follows
        // found on the way (a lookup by name in `HTTPFields` searches them again, each time).
        var headers = HeaderFields()
        headers.reserveCapacity(request.headers.count)
        var lengthText: String?
        var chunked = false
        for field in request.headers {
            headers.add(field.name.rawName, field.value)
            if field.name == .contentLength {
                if lengthText == nil { lengthText = field.value }
            } else if field.name == .transferEncoding {
                chunked = true
            }
        }
        let length = lengthText.flatMap { Int($0) }
        let hasBody = length.map { $0 > 0 } ?? chunked
        self.init(
            method: RequestMethod(rawValue: request.method.rawValue),
            path: request.uri.path,
            query: Self.queryItems(request.uri.query),
            headers: headers,
            body: hasBody ? APIBody(stream: request.body.map { Data($0.readableBytesView) }, length: length) : nil)
    }

    /// `a=1&b=x%20y` as query items, percent-decoded (`+` is a space).
    private static func queryItems(_ query: String?) -> [URLQueryItem] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return URLQueryItem(name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : nil)
        }
    }
}

extension Response {
    /// A Hummingbird response carrying `response`: a buffered body in one buffer, a streamed one written
    /// chunk by chunk as it is produced.
    init(_ response: APIResponse) {
        var fields = HTTPFields()
        fields.reserveCapacity(response.headers.fields.count)
        for field in response.headers {
            // The name a generated answer nearly always has, without parsing it again.
            let name = field.name == "Content-Type" ? .contentType : HTTPField.Name(field.name)
            if let name { fields.append(HTTPField(name: name, value: field.value)) }
        }
        let status = HTTPResponse.Status(code: response.status)
        if let data = response.body.bufferedData {
            self.init(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        } else {
            let body = response.body
            self.init(
                status: status, headers: fields,
                body: ResponseBody(contentLength: body.length) { writer in
                    for try await chunk in body { try await writer.write(ByteBuffer(bytes: chunk)) }
                    try await writer.finish(nil)
                })
        }
    }
}
