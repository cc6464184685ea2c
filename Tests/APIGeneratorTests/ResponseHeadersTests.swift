import APIDefinition
import APIOpenAPI
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// `"headers": [...]` on a response: typed response headers, end to end. The awkward fixture's
/// `createWidget` (`AwkwardAPI`) answers 201 with `Location`, `ETag` and optional rate-limit, enum,
/// sensitive and deprecated headers, and 429 with `Retry-After`.
@Suite struct ResponseHeadersTests {
    static func load(_ text: String) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "d.json")
    }

    static func definition(headers: String) -> String {
        #"""
        {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
         "types": [{"name": "Item", "kind": "object", "fields": [{"name": "id", "type": "string"}]}],
         "operations": [{"name": "putItem", "method": "PUT", "path": "/item",
                         "responses": [{"status": 200, "type": "Item", "headers": \#(headers)}]}]}
        """#
    }

    static func problems(_ headers: String) -> String {
        do {
            _ = try load(definition(headers: headers))
            return ""
        } catch {
            return String(describing: error)
        }
    }

    @Test func theLoaderKeepsTheOrderAndHeadersAreOptionalByDefault() throws {
        let definition = try Self.load(
            Self.definition(
                headers: #"""
                    [{"name": "Location", "type": "uri", "required": true},
                     {"name": "X-Count", "type": "integer", "minimum": 0, "doc": "How many."}]
                    """#))
        let headers = definition.operations[0].responses[0].headers
        #expect(headers.map(\.name) == ["Location", "X-Count"])
        #expect(headers.map(\.required) == [true, false])
        #expect(headers.map(\.type) == [.uri, .integer])
        #expect(headers[1].constraints.minimum == 0)
        #expect(headers[1].doc == "How many.")
        #expect(headers.allSatisfy { $0.location == .header })
    }

    @Test func theLoaderRefusesKeysAResponseHeaderDoesNotHave() {
        #expect(Self.problems(#"[{"name": "A", "type": "string", "in": "header"}]"#).contains("headers[0]"))
        #expect(Self.problems(#"[{"name": "A", "type": "string", "default": "x"}]"#).contains("headers[0]"))
        #expect(Self.problems(#"[{"name": "A"}]"#).contains("headers[0]"))
    }

    @Test func theCheckerLocatesMisuse() {
        let bodyHeader = Self.problems(#"[{"name": "content-type", "type": "string"}]"#)
        #expect(bodyHeader.contains("operations[0].responses[0].headers[0].name"))
        #expect(bodyHeader.contains("describes the body"))
        #expect(Self.problems(#"[{"name": "Content-Length", "type": "integer"}]"#).contains("headers[0].name"))
        let duplicate = Self.problems(#"[{"name": "ETag", "type": "string"}, {"name": "etag", "type": "string"}]"#)
        #expect(duplicate.contains("headers[1].name"))
        #expect(duplicate.contains("duplicate response header 'etag'"))
        let array = Self.problems(#"[{"name": "X-Ids", "type": "[string]"}]"#)
        #expect(array.contains("headers[0].type"))
        let object = Self.problems(#"[{"name": "X-Item", "type": "Item"}]"#)
        #expect(object.contains("headers[0].type: a response header must be a primitive or an enum"))
        #expect(Self.problems(#"[{"name": "Bad Name", "type": "string"}]"#).contains("is not an HTTP header name"))
        let misplaced = Self.problems(#"[{"name": "X-N", "type": "integer", "minLength": 1}]"#)
        #expect(misplaced.contains("headers[0]"))
        let swiftName = Self.problems(#"[{"name": "X-A", "type": "string", "swiftName": "write"}]"#)
        #expect(swiftName.contains("headers[0].swiftName"))
        #expect(Self.problems(#"[{"name": "X-A", "type": "string"}, {"name": "X-a-", "type": "string"}]"#) != "")
        #expect(Self.problems(#"[{"name": "Retry-After", "type": "integer", "minimum": 0}]"#) == "")
    }

    @Test func theHeadersStructMayNotHideADeclaredType() {
        let text = Self.definition(headers: #"[{"name": "ETag", "type": "string"}]"#).replacingOccurrences(
            of: #""name": "Item""#, with: #""name": "OkHeaders""#
        ).replacingOccurrences(of: #""type": "Item""#, with: #""type": "OkHeaders""#)
        let problems: String
        do {
            _ = try Self.load(text)
            problems = ""
        } catch {
            problems = String(describing: error)
        }
        #expect(problems.contains("operations[0].responses[0].headers"))
        #expect(problems.contains("PutItemOutput.OkHeaders, would hide the declared type 'OkHeaders'"))
    }

    @Test func diagnosticsPointAtTheLineOfTheHeader() {
        let problems = Self.problems(
            """
            [{"name": "ETag", "type": "string"},
             {"name": "Content-Type", "type": "string"}]
            """)
        // The definition's headers start on line 4; the second header is on line 5.
        #expect(problems.contains("d.json:5:"), "\(problems)")
    }

    static func awkward() throws -> Definition {
        try DefinitionLoader.load(
            path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"), displayPath: "awkward.json")
    }

    @Test func theWriterAndOpenAPIKeepThem() throws {
        let definition = try Self.awkward()
        let operation = try #require(definition.operations.first { $0.name == "createWidget" })
        // The definition writer writes them back as they were read.
        let rewritten = try Self.load(DefinitionWriter.text(definition))
        #expect(rewritten.operations.first { $0.name == "createWidget" }?.responses == operation.responses)

        // Exported as responses.<status>.headers: header objects keyed by name.
        let document = OpenAPIExporter.document(definition)
        let responses = try #require(document["paths"]?["/widgets"]?["post"]?["responses"])
        let created = try #require(responses["201"]?["headers"])
        #expect(created.members?.map(\.key) == operation.responses[0].headers.map(\.name))
        #expect(created["Location"]?["required"]?.boolValue == true)
        #expect(created["Location"]?["schema"]?["format"]?.stringValue == "uri")
        #expect(created["Location"]?["description"]?.stringValue == "Where the new widget is.")
        #expect(created["Location"]?["name"] == nil)
        #expect(created["Location"]?["in"] == nil)
        #expect(created["X-RateLimit-Remaining"]?["required"]?.boolValue == false)
        #expect(created["X-RateLimit-Remaining"]?["schema"]?["minimum"] != nil)
        #expect(created["X-Session-Token"]?["x-apigen-sensitive"]?.boolValue == true)
        #expect(created["X-Old-Limit"]?["deprecated"]?.boolValue == true)
        #expect(responses["429"]?["headers"]?["Retry-After"]?["required"]?.boolValue == true)

        // Imported back with no warning about them.
        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "awkward.openapi.json")
        #expect(!warnings.contains { $0.pointer.contains("/headers") }, "\(warnings)")
        let back = try #require(imported.operations.first { $0.name == "createWidget" })
        for (before, after) in zip(operation.responses, back.responses) {
            #expect(after.headers.map(\.name) == before.headers.map(\.name))
            #expect(after.headers.map(\.required) == before.headers.map(\.required))
            #expect(after.headers.map(\.sensitive) == before.headers.map(\.sensitive))
            #expect(after.headers.map(\.constraints) == before.headers.map(\.constraints))
            #expect(after.headers.map { $0.deprecated != nil } == before.headers.map { $0.deprecated != nil })
            #expect(after.headers.map(\.doc) == before.headers.map(\.doc))
        }
        #expect(back.responses[0].headers.map(\.type).prefix(3) == [.uri, .string, .integer])
    }

    static func importing(_ headers: String) throws -> (Definition, [OpenAPIImporter.Warning]) {
        let text = #"""
            {"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
             "paths": {"/item": {"get": {"operationId": "getItem", "responses": {"200": {
               "description": "OK", "headers": \#(headers)}}}}},
             "components": {"headers": {
               "RateLimit": {"description": "Left.", "required": true,
                             "schema": {"type": "integer", "minimum": 0}}}}}
            """#
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "openapi.json")
        return (definition, warnings)
    }

    @Test func importResolvesReferencesAndWarnsPreciselyAboutWhatCannotBeExpressed() throws {
        let (definition, warnings) = try Self.importing(
            #"""
            {"X-Rate": {"$ref": "#/components/headers/RateLimit"},
             "Content-Type": {"schema": {"type": "string"}},
             "X-Ids": {"schema": {"type": "array", "items": {"type": "string"}}},
             "X-Json": {"content": {"application/json": {"schema": {"type": "object"}}}},
             "x-rate": {"schema": {"type": "string"}},
             "Location": {"schema": {"type": "string", "format": "uri"}, "required": true}}
            """#)
        let headers = definition.operations[0].responses[0].headers
        #expect(headers.map(\.name) == ["X-Rate", "Location"])
        #expect(headers[0].required)
        #expect(headers[0].doc == "Left.")
        #expect(headers[0].constraints.minimum == 0)
        #expect(headers[1].type == .uri)
        let kinds = warnings.map { "\($0.pointer) \($0.kind.rawValue)" }
        #expect(!warnings.contains { $0.kind.rawValue == "response-headers" || $0.kind == .other }, "\(warnings)")
        #expect(kinds.contains("#/paths/~1item/get/responses/200/headers/Content-Type response-header"))
        #expect(kinds.contains("#/paths/~1item/get/responses/200/headers/X-Ids response-header"))
        #expect(kinds.contains("#/paths/~1item/get/responses/200/headers/X-Json response-header"))
        #expect(kinds.contains("#/paths/~1item/get/responses/200/headers/x-rate duplicate"))
        // What import writes is a valid definition.
        _ = try Self.load(DefinitionWriter.text(definition))
    }

    static func diff(_ old: String, _ new: String) throws -> [String] {
        DefinitionDiff(old: try load(definition(headers: old)), new: try load(definition(headers: new))).changes.map {
            "\($0.impact.rawValue) \($0.path): \($0.message)"
        }
    }

    @Test func diffClassifiesHeaderChangesFromTheClientsSide() throws {
        let etag = #"{"name": "ETag", "type": "string"}"#
        let required = #"{"name": "Location", "type": "uri", "required": true}"#
        let optional = #"{"name": "Location", "type": "uri"}"#
        #expect(
            try Self.diff("[]", "[\(etag)]") == [
                "breaking-source operations.putItem.responses.200.headers: has typed headers (its enum case carries headers:)"
            ])
        #expect(
            try Self.diff("[\(etag)]", "[\(etag), \(required)]") == [
                "breaking-source operations.putItem.responses.200.headers.Location: required response header added (handlers must supply it)"
            ])
        #expect(
            try Self.diff("[\(etag)]", "[\(etag), \(optional)]") == [
                "additive operations.putItem.responses.200.headers.Location: optional response header added"
            ])
        #expect(
            try Self.diff("[\(etag), \(required)]", "[\(etag)]") == [
                "breaking-wire operations.putItem.responses.200.headers.Location: required response header removed"
            ])
        #expect(
            try Self.diff("[\(required)]", "[\(optional)]") == [
                "breaking-wire operations.putItem.responses.200.headers.Location: became optional"
            ])
        #expect(
            try Self.diff("[\(optional)]", "[\(required)]") == [
                "breaking-source operations.putItem.responses.200.headers.Location: became required (its Swift type is no longer optional)"
            ])
        let bounded = #"{"name": "X-N", "type": "integer", "maximum": 10}"#
        let wider = #"{"name": "X-N", "type": "integer", "maximum": 20}"#
        #expect(
            try Self.diff("[\(bounded)]", "[\(wider)]") == [
                "breaking-wire operations.putItem.responses.200.headers.X-N: maximum relaxed from 10 to 20"
            ])
        #expect(
            try Self.diff("[\(wider)]", "[\(bounded)]") == [
                "additive operations.putItem.responses.200.headers.X-N: maximum narrowed from 20 to 10"
            ])
        #expect(
            try Self.diff("[\(etag)]", #"[{"name": "etag", "type": "string"}]"#) == [
                "breaking-source operations.putItem.responses.200.headers.etag: Swift name changed from eTag to etag"
            ])
        #expect(try Self.diff("[\(etag)]", "[\(etag)]").isEmpty)
    }

    // MARK: Client and server (in process)

    static let widget = Widget(name: "w")
    static let created = CreateWidgetOutput.CreatedHeaders(
        location: URL(string: "https://example.com/api/v2/widgets/1")!, eTag: "\"v1\"", xRateLimitRemaining: 9,
        xWidgetTier: .paid, xSessionToken: "s3cret")

    struct Widgets: AwkwardPartialHandler {
        let answer: CreateWidgetOutput
        func createWidget(_ input: CreateWidgetInput) async throws -> CreateWidgetOutput { answer }
    }

    /// Answers every request with `response`, as a server that breaks the definition would.
    struct Canned: ClientTransport {
        let response: APIResponse
        func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse { response }
    }

    @Test func theClientReadsTheHeadersTheServerWrites() async throws {
        let router = Widgets(answer: .created(Self.widget, headers: Self.created)).makeRouter()
        let client = AwkwardClient(transport: InProcessTransport(router: router))
        #expect(try await client.createWidget(body: Self.widget) == .created(Self.widget, headers: Self.created))

        let raw = await router.handle(
            APIRequest(
                method: .post, path: "/api/v2/widgets", headers: ["Content-Type": "application/json"],
                body: APIBody(Data(#"{"name":"w"}"#.utf8))))
        #expect(raw.status == 201)
        #expect(raw.headers["Location"] == "https://example.com/api/v2/widgets/1")
        #expect(raw.headers["etag"] == "\"v1\"")
        #expect(raw.headers["X-RateLimit-Remaining"] == "9")
        #expect(raw.headers["X-Widget-Tier"] == "paid")
        #expect(raw.headers["X-Old-Limit"] == nil)
        #expect(raw.headers["Content-Type"] == "application/json")

        let limited = Widgets(
            answer: .tooManyRequests(RawBody(contentType: nil, data: Data()), headers: .init(retryAfter: 30)))
        let limitedClient = AwkwardClient(transport: InProcessTransport(router: limited.makeRouter()))
        let answer = try await limitedClient.createWidget(body: Self.widget)
        guard case .tooManyRequests(_, let headers) = answer else {
            Issue.record("expected 429, got \(answer)")
            return
        }
        #expect(headers.retryAfter == 30)
    }

    static func clientError(_ headers: HeaderFields, status: Int = 201) async -> String {
        var fields = headers
        fields["Content-Type"] = "application/json"
        let response = APIResponse(status: status, headers: fields, body: Data(#"{"name":"w"}"#.utf8))
        let client = AwkwardClient(transport: Canned(response: response))
        do {
            let answer = try await client.createWidget(body: widget)
            return "no error: \(answer)"
        } catch {
            return String(describing: error)
        }
    }

    @Test func theClientRefusesAMissingOrMalformedHeaderNamingIt() async {
        let location = "https://example.com/w/1"
        #expect(
            await Self.clientError(["ETag": "x"])
                == "invalid response body for status 201: Location: required")
        #expect(
            await Self.clientError(["Location": location, "ETag": "x", "X-RateLimit-Remaining": "many"])
                == "invalid response body for status 201: X-RateLimit-Remaining: is not an integer")
        let prefix = "invalid response body for status 201: "
        #expect(
            await Self.clientError(["Location": location, "ETag": "x", "X-Widget-Tier": "gold"])
                == prefix + "X-Widget-Tier: is not one of 'free', 'paid'")
        // Constraints are checked after the values convert.
        #expect(
            await Self.clientError(["Location": location, "ETag": "x", "X-RateLimit-Remaining": "-1"])
                == prefix + "X-RateLimit-Remaining: less than 0")
        #expect(await Self.clientError(["Location": location, "ETag": ""]) == prefix + "ETag: must not be empty")
        #expect(
            await Self.clientError(["Location": "not a uri", "ETag": "x"])
                == prefix + "Location: is not an absolute URI")
        // Header names match whatever their case on the wire.
        #expect(await Self.clientError(["location": location, "etag": "x"]).hasPrefix("no error"))
        #expect(
            await Self.clientError([:], status: 429) == "invalid response body for status 429: Retry-After: required")
        #expect(await Self.clientError(["Location": location, "ETag": "x"]).hasPrefix("no error"))
    }

    @Test func theServerRefusesHeadersThatBreakTheirConstraints() async throws {
        var headers = Self.created
        headers.eTag = ""
        let router = Widgets(answer: .created(Self.widget, headers: headers)).makeRouter()
        let response = await router.handle(
            APIRequest(
                method: .post, path: "/api/v2/widgets", headers: ["Content-Type": "application/json"],
                body: APIBody(Data(#"{"name":"w"}"#.utf8))))
        #expect(response.status == 500)
        #expect(response.headers["ETag"] == nil)
        #expect(String(decoding: response.body.bufferedData ?? Data(), as: UTF8.self).contains("ETag"))
    }

    @Test func aSensitiveHeaderIsRedacted() {
        let text = String(describing: Self.created)
        #expect(text.contains("xSessionToken: <redacted>"))
        #expect(!text.contains("s3cret"))
        var dumped = ""
        dump(Self.created, to: &dumped)
        #expect(!dumped.contains("s3cret"))
    }
}
