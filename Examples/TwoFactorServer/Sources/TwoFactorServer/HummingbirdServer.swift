import APIGenHummingbird
import APIRuntime
import Foundation
import Hummingbird
import Logging
import NIOCore
import TwoFactorServices

/// Serves a ``ServiceDirectory`` over HTTP/1.1 with Hummingbird: each service is mounted on one
/// Hummingbird router with the APIGenHummingbird adapter, under its base path.
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
        let router = Router()
        for mount in directory.mounts {
            router.mount(mount.service, basePath: mount.basePath, limits: mount.router.limits)
        }
        let app = Application(
            router: router,
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
