import APIRuntime
import Foundation
import Testing
import TwoFactorServices

@Suite("Service directory")
struct ServiceDirectoryTests {
    @Test func eachServiceIsMountedUnderItsDefinitionsBasePath() {
        let directory = ServiceDirectory(DemoServices())
        #expect(directory.mounts.map(\.name) == ["Smsend", "LoginEvents", "TeamUp", "SFOX", "AuthEndpoints"])
        #expect(directory.mounts.map(\.basePath) == ["/API/v1.0/REST", "/api/v2/events", "/api/v2", "/v1", ""])
        #expect(directory.mount(for: "/api/v2/events/login-events")?.name == "LoginEvents")
        #expect(directory.mount(for: "/api/v2/auth/password_login")?.name == "TeamUp")
        #expect(directory.mount(for: "/API/v1.0/REST/2fa/request")?.name == "Smsend")
        #expect(directory.mount(for: "/v1/enterprise/users/send-verification/x")?.name == "SFOX")
        #expect(directory.mount(for: "/users/enable_2fa")?.name == "AuthEndpoints")
        // A prefix must end at a segment boundary.
        #expect(directory.mount(for: "/v10/enterprise")?.name == "AuthEndpoints")
    }

    @Test func pathsOfOtherServicesAreNotFoundNotMisrouted() async {
        let directory = ServiceDirectory(DemoServices())
        for path in ["/api/v2/users/enable_2fa", "/v1/auth/password_login", "/2fa/request", "/nothing"] {
            let response = await directory.handle(APIRequest(method: .get, path: path))
            #expect(response.status == 404, "\(path)")
        }
    }

    @Test func theStandingAccessTokenSignsInTheDemoUser() async throws {
        let harness = try await Harness.start()
        guard case .ok = try await harness.authEndpoints(jwt: DemoServices.authEndpointsAccessToken).enableTwoFactor()
        else { Issue.record("expected 200"); return }
        #expect(harness.services.outbox.last(to: DemoServices.authEndpointsUser.email) != nil)
    }

    @Test func anotherMethodOnAKnownPathIs405WithAllowOverHTTP() async throws {
        let harness = try await Harness.start()
        let cases: [(Harness.Service, String, String)] = [
            (.teamUp, "/auth/password_login", "POST"), (.smsend, "/2fa/request", "POST"),
            (.authEndpoints, "/users/enable_2fa", "GET"), (.sfox, "/enterprise/users/send-verification/x", "POST"),
        ]
        for (service, path, allowed) in cases {
            for method in ["TRACE", "QUERY", "PUT", "DELETE"] {
                let response = try await harness.send(APIRequest(method: RequestMethod(rawValue: method), path: path), to: service)
                #expect(response.status == 405, "\(method) \(path)")
                #expect(response.headers["Allow"] == allowed, "\(method) \(path)")
            }
        }
        let unknown = try await harness.send(APIRequest(method: .get, path: "/no/such/path"), to: .authEndpoints)
        #expect(unknown.status == 404)
    }
}
