import APIRuntime
import AuthEndpointsAPI
import LoginEventsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI

/// The four services on one server, each under the path of its definition's base URL:
///
/// | Service | Base path |
/// |---|---|
/// | smsend | `/API/v1.0/REST` |
/// | TeamUp | `/api/v2` |
/// | sFOX | `/v1` |
/// | AuthEndpoints | `/` (its routes start with `/users`) |
/// | LoginEvents (TeamUp's login events, streamed) | `/api/v2/events` (its definition's `/api/v2` is TeamUp's) |
///
/// No route of one service lies under the base path of another, so they do not collide.
public struct ServiceDirectory: Sendable {
    /// One service and where it is mounted.
    public struct Mount: Sendable {
        /// The service's name, as in its definition.
        public let name: String
        /// The path prefix of its routes; empty for the root.
        public let basePath: String
        /// The service, for a server adapter that registers its operations on a router of its own.
        public let service: any APIService
        /// Its router.
        public let router: APIRouter
    }

    /// Where the LoginEvents feed is mounted: under TeamUp's base path, beside its routes.
    public static let loginEventsBasePath = "/api/v2/events"

    /// The mounts, longest base path first (the order requests are matched in).
    public let mounts: [Mount]

    /// Mounts the demo services.
    ///
    /// - Parameters:
    ///   - services: The four services.
    ///   - limits: The limits every router checks requests against.
    public init(_ services: DemoServices, limits: ServerLimits = .default) {
        func mount(_ name: String, _ service: some APIService, basePath: String? = nil) -> Mount {
            var router = APIRouter(basePath: basePath ?? service.defaultBasePath, limits: limits)
            service.register(on: &router, middlewares: [])
            return Mount(name: name, basePath: router.basePath, service: service, router: router)
        }
        mounts = [
            mount("Smsend", services.smsend),
            mount("TeamUp", services.teamUp),
            mount("SFOX", services.sfox),
            mount("AuthEndpoints", services.authEndpoints),
            mount("LoginEvents", services.loginFeed, basePath: Self.loginEventsBasePath),
        ].sorted { $0.basePath.count > $1.basePath.count }
    }

    /// The mount that serves `path`: the longest base path that is `path` or a prefix of it up to a `/`.
    public func mount(for path: String) -> Mount? {
        mounts.first { mount in
            mount.basePath.isEmpty || path == mount.basePath || path.hasPrefix(mount.basePath + "/")
        }
    }

    /// Answers a request with the service whose base path it is under; 404 when there is none.
    public func handle(_ request: APIRequest) async -> APIResponse {
        guard let mount = mount(for: request.path) else {
            return ServerError(status: 404, message: "no route for this path").response
        }
        return await mount.router.handle(request)
    }
}
