@_spi(Generated) import APIRuntime
import Foundation
import Testing

@Suite("RFC 3339 date-times")
struct RFC3339Tests {
    @Test(arguments: [
        ("2024-07-29T15:51:28.071Z", 1_722_268_288.071),
        ("2024-07-29T15:51:28Z", 1_722_268_288),
        ("2024-07-29T17:51:28+02:00", 1_722_268_288),
        ("2024-07-29T10:21:28.5-05:30", 1_722_268_288.5),
        ("2024-07-29t15:51:28.123456789z", 1_722_268_288.123456789),
    ])
    func parses(text: String, seconds: Double) throws {
        let date = try #require(RFC3339.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test(arguments: [
        "2024-07-29", "2024-07-29T15:51:28", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-07-29T15:51:28.Z",
        "2024-07-29T15:51:28+0200", "not a date", "2024-07-29T15:51:28Z trailing",
    ])
    func rejects(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test func formatsInUTCWithMillisecondsOnlyWhenNeeded() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1_722_268_288.071)) == "2024-07-29T15:51:28.071Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1_722_268_288)) == "2024-07-29T15:51:28Z")
    }
}

@Suite("APIRouter")
struct RouterTests {
    func router() -> APIRouter {
        var router = APIRouter(basePath: "/v1")
        router.add(.get, "/users/{id}") { request in
            APIResponse(status: 200, body: Data("user \(try request.pathParameter("id"))".utf8))
        }
        router.add(.get, "/users/me") { _ in APIResponse(status: 200, body: Data("me".utf8)) }
        router.add(.delete, "/users/{id}") { _ in APIResponse(status: 204) }
        router.add(.get, "/orgs/{org}/users/{id}") { request in
            APIResponse(
                status: 200, body: Data("\(request.pathParameters["org"]!)+\(request.pathParameters["id"]!)".utf8))
        }
        router.add(.post, "/fail") { _ in throw CocoaError(.featureUnsupported) }
        return router
    }

    func text(_ response: APIResponse) -> String { String(decoding: response.body.bytes, as: UTF8.self) }

    @Test func matchesLiteralsBeforeParametersAndDecodesParameters() async {
        let router = router()
        #expect(text(await router.handle(APIRequest(method: .get, path: "/v1/users/me"))) == "me")
        #expect(text(await router.handle(APIRequest(method: .get, path: "/v1/users/a%20b%2Fc"))) == "user a b/c")
        #expect(text(await router.handle(APIRequest(method: .get, path: "/v1/orgs/o/users/u"))) == "o+u")
    }

    @Test func answers404And405AndHides500Details() async {
        let router = router()
        #expect(await router.handle(APIRequest(method: .get, path: "/users/1")).status == 404)
        #expect(await router.handle(APIRequest(method: .get, path: "/v1/users")).status == 404)
        #expect(await router.handle(APIRequest(method: .get, path: "/v1/users/1/extra")).status == 404)
        let notAllowed = await router.handle(APIRequest(method: .put, path: "/v1/users/1"))
        #expect(notAllowed.status == 405)
        #expect(notAllowed.headers["Allow"] == "DELETE, GET")
        let failed = await router.handle(APIRequest(method: .post, path: "/v1/fail"))
        #expect(failed.status == 500)
        #expect(text(failed) == #"{"error":"internal server error"}"#)
    }
}

@Suite("Validation and encoding helpers")
struct ValidationTests {
    struct Name: Constrained {
        var value: String
        func validate(_ validator: inout ConstraintChecker) {
            validator.check(value, "value", minLength: 1, maxLength: 3, pattern: "^[a-z]*$")
        }
    }

    struct Wrapper: Constrained {
        var names: [Name]
        func validate(_ validator: inout ConstraintChecker) { validator.each(names, "names") }
    }

    @Test func reportsPathsAndReasons() {
        let errors = Wrapper(names: [Name(value: "ok"), Name(value: ""), Name(value: "ABCD")]).validationErrors()
        #expect(
            errors == [
                ValidationError(path: "names[1].value", reason: "must not be empty"),
                ValidationError(path: "names[2].value", reason: "longer than 3 characters"),
                ValidationError(path: "names[2].value", reason: "does not match the pattern ^[a-z]*$"),
            ])
    }

    @Test func percentEncodesPathSegmentsAndQueries() {
        #expect(PercentEncoding.pathSegment("a b/c?d#e%") == "a%20b%2Fc%3Fd%23e%25")
        #expect(PercentEncoding.pathSegment("user_1-x.y~z") == "user_1-x.y~z")
        let request = APIRequest(method: .get, path: "/p", query: [URLQueryItem(name: "q", value: "a&b=c d")])
        #expect(request.target == "/p?q=a%26b%3Dc%20d")
    }

    @Test func headersAreCaseInsensitive() {
        var headers: HeaderFields = ["Content-Type": "application/json"]
        #expect(headers["content-type"] == "application/json")
        headers["CONTENT-TYPE"] = "text/plain"
        #expect(headers.fields.count == 1)
        #expect(headers["Content-Type"] == "text/plain")
    }
}

@Suite("RFC 3339 calendar arithmetic")
struct RFC3339CalendarTests {
    @Test func agreesWithFoundationsCalendarAcrossCenturiesAndLeapDays() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let formatter = ISO8601DateFormatter()
        // Every 3,7 days from 1899 to 2101, plus leap days and year ends.
        var date = try #require(formatter.date(from: "1899-12-31T23:59:59Z"))
        let end = try #require(formatter.date(from: "2101-03-01T00:00:00Z"))
        while date < end {
            let text = RFC3339.string(from: date)
            #expect(text == formatter.string(from: date), "\(date)")
            #expect(RFC3339.date(from: text) == date, "\(text)")
            date = date.addingTimeInterval(3.7 * 86_400 + 1)
        }
        #expect(RFC3339.date(from: "2024-02-29T00:00:00Z") != nil)
        #expect(RFC3339.date(from: "2023-02-29T00:00:00Z") == nil)
        #expect(RFC3339.date(from: "1900-02-29T00:00:00Z") == nil)
        #expect(RFC3339.date(from: "2000-02-29T00:00:00Z") != nil)
    }
}
