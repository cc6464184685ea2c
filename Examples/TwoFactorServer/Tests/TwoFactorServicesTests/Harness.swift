import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI
import TwoFactorServices

/// The demo services on a manual clock with seeded codes, and how a test reaches each of them.
struct Harness {
    enum Service: CaseIterable { case teamUp, smsend, authEndpoints, sfox }

    let clock: ManualClock
    let services: DemoServices

    init(seed: UInt64 = 0x5EED) {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_800_000_000))
        self.clock = clock
        services = DemoServices(environment: ServiceEnvironment(now: { clock.now }, seed: seed))
    }

    /// The base URL and transport a client of `service` uses.
    func endpoint(_ service: Service) -> (baseURL: URL, transport: any ClientTransport) {
        switch service {
        case .teamUp: (TeamUpClient.defaultBaseURL, InProcessTransport(router: services.teamUp.makeRouter()))
        case .smsend: (SmsendClient.defaultBaseURL, InProcessTransport(router: services.smsend.makeRouter()))
        case .authEndpoints:
            (AuthEndpointsClient.defaultBaseURL, InProcessTransport(router: services.authEndpoints.makeRouter()))
        case .sfox: (SFOXClient.defaultBaseURL, InProcessTransport(router: services.sfox.makeRouter()))
        }
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
    func send(_ request: HTTPRequest, to service: Service) async throws -> HTTPResponse {
        let (baseURL, transport) = endpoint(service)
        return try await transport.send(request, baseURL: baseURL)
    }
}

/// The JSON object in a raw body.
func jsonObject(_ body: RawBody) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: body.data)) as? [String: Any]
}
