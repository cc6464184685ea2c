import APIRuntime
import Foundation
import Vapor

extension RoutesBuilder {
    /// Serves every operation of a generated service on this application or route group.
    ///
    /// Each operation becomes a native Vapor route: its path template's `{name}` segments become `:name`
    /// parameters, so Vapor routes the request, answers 404 for an unknown path, and runs the group's own
    /// middlewares. A known path asked with another method (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`, or
    /// `HEAD` where there is no `GET`) is answered 405 with `Allow`, as ``APIRouter`` answers it.
    ///
    /// Request bodies are streamed (the routes use Vapor's `.stream` body strategy, so Vapor's own
    /// collect limit does not apply): `limits.maxBodyBytes` does, answered 413 when `Content-Length`
    /// is larger or when a typed body grows past it while it is collected. The target and header limits
    /// are checked before the operation runs (414, 431). Responses are written as one buffer when their
    /// body is buffered and streamed chunk by chunk otherwise.
    ///
    /// ```swift
    /// let app = try await Application.make()
    /// app.mount(MySFOX())                               // under /v1, the definition's base path
    /// app.grouped("api").mount(MyTeamUp(), basePath: "") // under /api
    /// ```
    ///
    /// - Parameters:
    ///   - service: A generated `<Service>Handler`.
    ///   - basePath: The path prefix under this builder; by default the service's `defaultBasePath`.
    ///   - limits: What a request may be.
    ///   - middlewares: What every request passes through, in order, before the handler.
    public func mount(
        _ service: some APIService, basePath: String? = nil, limits: ServerLimits = .default,
        middlewares: [any ServerMiddleware] = []
    ) {
        var registrar = VaporRegistrar(
            routes: self, prefix: VaporRegistrar.components(basePath ?? service.defaultBasePath), limits: limits,
            errors: { service.errorResponse(for: $0) })
        service.register(on: &registrar, middlewares: middlewares)
        registrar.answerOtherMethods()
    }
}

/// Registers operations as Vapor routes (``OperationRegistrar``).
struct VaporRegistrar: OperationRegistrar {
    let routes: any RoutesBuilder
    let prefix: [PathComponent]
    let limits: ServerLimits
    /// How the adapter's own errors (limits, 405) are answered: in the service's error body, when it has one.
    let errors: ServerErrorResponder
    /// The methods registered for each path, in the order the paths were first seen.
    private var methods: [(path: [PathComponent], methods: Set<RequestMethod>)] = []

    init(
        routes: any RoutesBuilder, prefix: [PathComponent], limits: ServerLimits,
        errors: @escaping ServerErrorResponder = { $0.response }
    ) {
        self.routes = routes
        self.prefix = prefix
        self.limits = limits
        self.errors = errors
    }

    mutating func register(_ operation: OperationInfo, handler: @escaping OperationHandler) {
        let path = prefix + Self.components(operation.pathTemplate)
        let names = path.compactMap { component -> String? in
            if case .parameter(let name) = component { return name }
            return nil
        }
        let limits = self.limits
        let errors = self.errors
        routes.on(HTTPMethod(rawValue: operation.method.rawValue), path, body: .stream) { request in
            let http = APIRequest(request)
            if let violation = limits.violation(http) { return Response(errors(violation)) }
            var parameters: [String: String] = [:]
            for name in names { parameters[name] = request.parameters.get(name) }
            return Response(await handler(ServerRequest(http: http, pathParameters: parameters, limits: limits)))
        }
        if let index = methods.firstIndex(where: { $0.path.string == path.string }) {
            methods[index].methods.insert(operation.method)
        } else {
            methods.append((path, [operation.method]))
        }
    }

    /// Adds a 405 answer with `Allow` for the common methods a registered path does not serve.
    func answerOtherMethods() {
        let errors = self.errors
        for (path, served) in methods {
            let allow = served.sorted().map(\.rawValue).joined(separator: ", ")
            var others: [RequestMethod] = [.get, .post, .put, .patch, .delete].filter { !served.contains($0) }
            if !served.contains(.get) && !served.contains(.head) { others.append(.head) }  // Vapor sends HEAD to GET
            for method in others {
                routes.on(HTTPMethod(rawValue: method.rawValue), path, body: .stream) { (_: Request) async in
                    Response(
                        errors(
                            ServerError(
                                status: 405, message: "method \(method) not allowed; allowed: \(allow)",
                                headers: ["Allow": allow])))
                }
            }
        }
    }

    /// A path (`/v1/users/{user_id}`) as Vapor path components (`v1`, `users`, `:user_id`).
    static func components(_ path: String) -> [PathComponent] {
        path.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}")
                ? .parameter(String(segment.dropFirst().dropLast())) : .constant(String(segment))
        }
    }
}
