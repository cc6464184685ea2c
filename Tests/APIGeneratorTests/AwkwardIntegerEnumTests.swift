@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's integer enums `Priority` (closed, named cases) and `Level` (open), in the
/// body of `putPriority` (JSON and XML), as its path parameter and as its query parameter.
@Suite("Awkward fixture: integer enums")
struct AwkwardIntegerEnumTests {
    @Test func casesAndRawValues() {
        #expect(Priority.allCases.map(\.rawValue) == [1, 2, 3])
        #expect(Priority(rawValue: 2) == .normal && Priority(rawValue: 4) == nil)
        #expect([Level.minus1, ._0, ._10].map(\.rawValue) == [-1, 0, 10])
        #expect(Level(rawValue: 7) == .unknown(7) && Level(rawValue: -1) == .minus1)
        #expect(Level(parameterValue: "-1") == .minus1 && Level(parameterValue: "x") == nil)
        #expect(Priority(parameterValue: "3") == .high && Priority(parameterValue: "3.0") == nil)
        #expect(Level.unknown(42).parameterValue == "42")
    }

    @Test func jsonCarriesNumbers() throws {
        let value = Prioritized(priority: .high, level: .minus1)
        let json = String(decoding: try JSONCoding.encode(value), as: UTF8.self)
        #expect(json == #"{"priority":3,"level":-1,"fallback":2}"#)
        #expect(try JSONCoding.decode(Prioritized.self, from: Data(json.utf8)) == value)
        let defaulted = try JSONCoding.decode(Prioritized.self, from: Data(#"{"priority":1,"level":10}"#.utf8))
        #expect(defaulted == Prioritized(priority: .low, level: ._10, fallback: .normal))
    }

    @Test func anUnknownLevelIsKeptAndWrittenBack() throws {
        let value = try JSONCoding.decode(Prioritized.self, from: Data(#"{"priority":1,"level":99}"#.utf8))
        #expect(value.level == .unknown(99))
        #expect(String(decoding: try JSONCoding.encode(value), as: UTF8.self).contains(#""level":99"#))
    }

    @Test(arguments: [
        (#"{"priority":4,"level":0}"#, "priority", "is not one of 1, 2, 3"),
        (#"{"priority":"1","level":0}"#, "priority", "expected an integer"),
        (#"{"priority":1.5,"level":0}"#, "priority", "expected an integer"),
        (#"{"priority":1,"level":0.5}"#, "level", "expected an integer"),
    ])
    func refusalsNameTheField(json: String, path: String, reason: String?) throws {
        do {
            _ = try JSONCoding.decode(Prioritized.self, from: Data(json.utf8))
            Issue.record("decoded \(json)")
        } catch {
            #expect(error.errors.map(\.path) == [path], "\(json)")
            if let reason { #expect(error.errors.map(\.reason) == [reason]) }
        }
    }

    @Test func xmlCarriesTheNumbersAsText() throws {
        let value = Prioritized(priority: .low, level: .unknown(-7), fallback: .high)
        let tree = value.textTree()
        #expect(try Prioritized(textTree: TextTreeReader(tree)) == value)
        guard case .object(let members) = tree else {
            Issue.record("not an object: \(tree)")
            return
        }
        #expect(members.map(\.name) == ["priority", "level", "fallback"])
        #expect(members.map(\.value) == [.text("1"), .text("-7"), .text("3")])
    }

    @Test func xmlRefusesAnUnlistedPriority() {
        let tree = TextTree.object([.init("priority", .text("5")), .init("level", .text("0"))])
        #expect(throws: ValidationErrors.self) { try Prioritized(textTree: TextTreeReader(tree)) }
    }

    struct Echo: AwkwardPartialHandler {
        func putPriority(_ input: PutPriorityInput) async throws -> PutPriorityOutput {
            var body = input.body
            body.fallback = input.priority
            if let level = input.level { body.level = level }
            return .ok(body)
        }
    }

    @Test func throughTheClientAndServerInJSONAndXML() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        for format in [BodyFormat.json, .xml] {
            let kept = try await client.putPriority(
                priority: .high, level: .unknown(12), body: Prioritized(priority: .low, level: ._0),
                bodyFormat: format)
            #expect(kept == .ok(Prioritized(priority: .low, level: .unknown(12), fallback: .high)), "\(format)")
            let listed = try await client.putPriority(
                priority: .low, body: Prioritized(priority: .normal, level: .minus1, fallback: .high),
                bodyFormat: format)
            #expect(listed == .ok(Prioritized(priority: .normal, level: .minus1, fallback: .low)), "\(format)")
        }
    }

    @Test func theServerRefusesBadValuesNamingThem() async {
        let router = Echo().makeRouter()
        for (path, query, body, contentType, name) in [
            ("/api/v2/priorities/4", [URLQueryItem](), #"{"priority":1,"level":0}"#, "application/json", "priority"),
            ("/api/v2/priorities/high", [], #"{"priority":1,"level":0}"#, "application/json", "priority"),
            ("/api/v2/priorities/1", [URLQueryItem(name: "level", value: "1.5")], #"{"priority":1,"level":0}"#,
             "application/json", "level"),
            ("/api/v2/priorities/1", [], #"{"priority":9,"level":0}"#, "application/json", "priority"),
            ("/api/v2/priorities/1", [], "<root><priority>0</priority><level>0</level></root>", "application/xml",
             "priority"),
        ] {
            var request = APIRequest(method: .put, path: path, headers: ["Content-Type": contentType])
            request.query = query
            request.body = APIBody(Data(body.utf8))
            let response = await router.handle(request)
            let text = String(decoding: response.body.bytes, as: UTF8.self)
            #expect(response.status == 400, "\(path) \(query) \(body)")
            #expect(text.contains(#""path":"\#(name)""#), "\(path): \(text)")
        }
    }

    @Test func anUnknownLevelInTheQueryReachesTheHandler() async throws {
        var request = APIRequest(method: .put, path: "/api/v2/priorities/2", headers: ["Content-Type": "application/json"])
        request.query = [URLQueryItem(name: "level", value: "-40")]
        request.body = APIBody(Data(#"{"priority":3,"level":0}"#.utf8))
        let response = await Echo().makeRouter().handle(request)
        #expect(response.status == 200)
        let body = try JSONCoding.decode(Prioritized.self, from: Data(response.body.bytes))
        #expect(body == Prioritized(priority: .high, level: .unknown(-40), fallback: .normal))
    }
}
