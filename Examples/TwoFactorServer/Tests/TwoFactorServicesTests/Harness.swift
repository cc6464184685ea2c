import APIRuntime
import AuthEndpointsAPI
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SFOXAPI
import SmsendAPI
import TeamUpAPI
import TwoFactorServer
import TwoFactorServices

/// The demo services on a manual clock with seeded codes, served over HTTP on 127.0.0.1 with a port the
/// system chose; the server stops when the harness is released.
final class Harness: Sendable {
    enum Service: CaseIterable { case teamUp, smsend, authEndpoints, sfox }

    let clock: ManualClock
    let services: DemoServices
    let directory: ServiceDirectory
    /// The server's base URL, `http://127.0.0.1:<port>`.
    let url: URL
    private let server: Task<Void, any Error>

    private init(clock: ManualClock, services: DemoServices, directory: ServiceDirectory, url: URL, server: Task<Void, any Error>) {
        self.clock = clock
        self.services = services
        self.directory = directory
        self.url = url
        self.server = server
    }

    deinit { server.cancel() }

    /// Starts a server of the demo services and answers once it listens.
    static func start(seed: UInt64 = 0x5EED) async throws -> Harness {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_800_000_000))
        let services = DemoServices(environment: ServiceEnvironment(now: { clock.now }, seed: seed))
        let directory = ServiceDirectory(services)
        let (urls, continuation) = AsyncStream.makeStream(of: URL.self)
        let server = Task {
            try await TwoFactorHTTPServer(directory: directory, host: "127.0.0.1", port: 0, logLevel: .critical).run { url in
                continuation.yield(url)
                continuation.finish()
            }
        }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next() else {
            server.cancel()
            throw HarnessError.serverDidNotStart
        }
        return Harness(clock: clock, services: services, directory: directory, url: url, server: server)
    }

    enum HarnessError: Error { case serverDidNotStart }

    /// The base URL and transport a client of `service` uses: the server's URL and the service's base path.
    func endpoint(_ service: Service) -> (baseURL: URL, transport: any ClientTransport) {
        let path =
            switch service {
            case .teamUp: TeamUpClient.defaultBaseURL.path
            case .smsend: SmsendClient.defaultBaseURL.path
            case .authEndpoints: AuthEndpointsClient.defaultBaseURL.path
            case .sfox: SFOXClient.defaultBaseURL.path
            }
        return (URL(string: url.absoluteString + path)!, KeepAliveTransport(harness: self))
    }

    func teamUp() -> TeamUpClient {
        let (baseURL, transport) = endpoint(.teamUp)
        return TeamUpClient(baseURL: baseURL, transport: transport)
    }

    func smsend(_ credentials: SmsendCredentials) -> SmsendClient {
        let (baseURL, transport) = endpoint(.smsend)
        return SmsendClient(baseURL: baseURL, credentials: credentials, transport: transport)
    }

    func authEndpoints(jwt: String?) -> AuthEndpointsClient {
        let (baseURL, transport) = endpoint(.authEndpoints)
        return AuthEndpointsClient(baseURL: baseURL, credentials: .init(jwt: jwt), transport: transport)
    }

    func sfox(apiKey: String) -> SFOXClient {
        let (baseURL, transport) = endpoint(.sfox)
        return SFOXClient(baseURL: baseURL, credentials: .init(enterpriseAPIKey: apiKey), transport: transport)
    }

    /// Sends a request the generated client would not send (for example without credentials).
    func send(_ request: APIRequest, to service: Service) async throws -> APIResponse {
        let (baseURL, transport) = endpoint(service)
        return try await transport.send(request, baseURL: baseURL)
    }
}

/// URLSession, holding on to the harness so that its server runs as long as a client may call it.
struct KeepAliveTransport: ClientTransport {
    let harness: Harness
    let transport = URLSessionTransport()

    func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
        try await transport.send(request, baseURL: baseURL)
    }
}

/// The JSON object in a raw body.
func jsonObject(_ body: RawBody) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: body.data)) as? [String: Any]
}
