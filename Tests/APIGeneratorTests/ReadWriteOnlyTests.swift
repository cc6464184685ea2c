import APIDefinition
import APIOpenAPI
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// `readOnly` and `writeOnly` fields, end to end through the awkward fixture's `putAccountInfo`
/// (`Account`: `id` read-only and required, `password` write-only, required and sensitive). Both
/// properties are optional in Swift; presence is checked by direction: the server refuses a request
/// without `password` and accepts one without `id`; the client refuses a response without `id` and
/// accepts one without `password`.
@Suite struct ReadWriteOnlyTests {
    static func load(_ text: String) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "d.json")
    }

    static func definition(_ extra: String) -> String {
        #"""
        {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
         "types": [{"name": "Item", "kind": "object", "fields": [{"name": "id", "type": "string"\#(extra)}]}],
         "operations": [{"name": "putItem", "method": "PUT", "path": "/item", "body": {"type": "Item"},
                         "responses": [{"status": 200, "type": "Item"}]}]}
        """#
    }

    static func message(_ text: String) -> String {
        do {
            _ = try load(text)
            return ""
        } catch {
            return String(describing: error)
        }
    }

    @Test func theLoaderReadsBothFlags() throws {
        let readOnly = try Self.load(Self.definition(#", "readOnly": true"#)).types[0].fields[0]
        #expect(readOnly.readOnly && !readOnly.writeOnly && !readOnly.requiredBothWays)
        let writeOnly = try Self.load(Self.definition(#", "writeOnly": true"#)).types[0].fields[0]
        #expect(!writeOnly.readOnly && writeOnly.writeOnly && !writeOnly.requiredBothWays)
        let plain = try Self.load(Self.definition("")).types[0].fields[0]
        #expect(!plain.readOnly && !plain.writeOnly && plain.requiredBothWays)
        #expect(Self.message(Self.definition(#", "readOnly": 1"#)).contains("types[0].fields[0].readOnly"))
    }

    @Test func theCheckerRefusesMisuseWhereItIs() {
        #expect(
            Self.message(Self.definition(#", "readOnly": true, "writeOnly": true"#)).contains(
                "types[0].fields[0].writeOnly: a field cannot be both 'readOnly'"))
        #expect(
            Self.message(Self.definition(#", "readOnly": true, "const": "x""#)).contains(
                "types[0].fields[0].readOnly: a field with 'const' is always present"))
        #expect(
            Self.message(Self.definition(#", "writeOnly": true, "default": "x""#)).contains(
                "types[0].fields[0].default: a required 'writeOnly' field takes no 'default'"))
        // A discriminator travels both ways.
        let oneOf = #"""
            {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
             "types": [{"name": "Cat", "kind": "object", "fields": [{"name": "kind", "type": "string", "readOnly": true}]},
                       {"name": "Pet", "kind": "oneOf", "discriminator": "kind",
                        "variants": [{"type": "Cat", "discriminatorValue": "cat"}]}],
             "operations": []}
            """#
        #expect(Self.message(oneOf).contains("'Cat.kind', the discriminator, cannot be readOnly or writeOnly"))
        // An optional field may have a default either way.
        #expect(Self.message(Self.definition(#", "writeOnly": true, "required": false, "default": "x""#)) == "")
    }

    @Test func validationChecksPresenceOnlyInItsDirection() {
        let neither = Account(name: "n")
        #expect(neither.validationErrors().isEmpty)
        #expect(neither.validationErrors(direction: .request).map(\.description) == ["password: is required in a request"])
        #expect(neither.validationErrors(direction: .response).map(\.description) == ["id: is required in a response"])
        let both = Account(id: "1", password: "secret", name: "n")
        #expect(both.validationErrors(direction: .request).isEmpty)
        #expect(both.validationErrors(direction: .response).isEmpty)
        // The password never shows.
        #expect(!String(describing: both).contains("secret"))
    }

    @Test func theWriterOpenAPIExportAndImportKeepThem() throws {
        for (extra, readOnly, writeOnly) in [
            (#", "readOnly": true"#, true, false), (#", "writeOnly": true"#, false, true), ("", false, false),
        ] {
            let definition = try Self.load(Self.definition(extra))
            let reloaded = try Self.load(DefinitionWriter.text(definition))
            #expect(reloaded.types[0].fields[0].readOnly == readOnly)
            #expect(reloaded.types[0].fields[0].writeOnly == writeOnly)
            let exported = OpenAPIExporter.document(definition)
            let property = exported["components"]?["schemas"]?["Item"]?["properties"]?["id"]
            #expect(property?["readOnly"]?.boolValue == (readOnly ? true : nil))
            #expect(property?["writeOnly"]?.boolValue == (writeOnly ? true : nil))
            let (imported, warnings) = try OpenAPIImporter.convert(
                Data(OpenAPIExporter.text(definition).utf8), file: "d.openapi.json")
            #expect(imported.types[0].fields[0].readOnly == readOnly)
            #expect(imported.types[0].fields[0].writeOnly == writeOnly)
            #expect(imported.types[0].fields[0].required)
            #expect(!warnings.contains { $0.pointer.hasSuffix("Only") })
        }
    }

    @Test func importKeepsFlagsOnPropertiesAndDropsWhatCannotBeExpressed() throws {
        let document = #"""
            {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {},
             "components": {"schemas": {
               "Cat": {"type": "object", "required": ["kind", "both", "fixed", "dflt"], "properties": {
                 "kind": {"type": "string", "readOnly": true},
                 "both": {"type": "string", "readOnly": true, "writeOnly": true},
                 "fixed": {"type": "string", "const": "x", "writeOnly": true},
                 "dflt": {"type": "string", "default": "d", "readOnly": true}}},
               "Dog": {"type": "object", "required": ["kind", "bark"],
                       "properties": {"kind": {"type": "string"}, "bark": {"type": "boolean"}}},
               "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                       "discriminator": {"propertyName": "kind",
                                         "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}}}}}}
            """#
        let (imported, warnings) = try OpenAPIImporter.convert(Data(document.utf8), file: "d.openapi.json")
        let fields = try #require(imported.type(named: "Cat")?.fields)
        func flags(_ name: String) -> [Bool] {
            fields.first { $0.name == name }.map { [$0.readOnly, $0.writeOnly] } ?? []
        }
        #expect(flags("kind") == [true, false])
        #expect(flags("both") == [false, false])
        #expect(flags("fixed") == [false, false])
        #expect(flags("dflt") == [true, false])
        #expect(fields.first { $0.name == "dflt" }?.defaultValue == nil)
        let texts = warnings.map(\.description)
        #expect(texts.contains { $0.contains("properties/both/readOnly") && $0.contains("cannot be expressed") })
        #expect(texts.contains { $0.contains("properties/fixed/writeOnly") })
        #expect(texts.contains { $0.contains("properties/dflt/readOnly") && $0.contains("default is dropped") })
        #expect(texts.contains { $0.contains("the discriminator 'kind' is dropped because 'Cat.kind' is readOnly") })
        // What it imports passes the checker (convert checks it; a refusal throws).
        guard case .oneOf(_, let discriminator)? = imported.type(named: "Pet")?.kind else {
            Issue.record("Pet is not a oneOf")
            return
        }
        #expect(discriminator == nil)
    }

    @Test func diffClassifiesEachChange() throws {
        func changes(_ old: String, _ new: String) throws -> [String] {
            DefinitionDiff(old: try Self.load(Self.definition(old)), new: try Self.load(Self.definition(new))).changes
                .map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        let readOnly = #", "readOnly": true"#
        let writeOnly = #", "writeOnly": true"#
        #expect(
            try changes("", readOnly) == [
                "breaking-source types.Item.id: became read-only (its Swift type becomes optional)"
            ])
        #expect(try changes(readOnly, "") == ["breaking-wire types.Item.id: is no longer read-only (requests must carry it)"])
        #expect(
            try changes("", writeOnly) == ["breaking-wire types.Item.id: became write-only (responses may leave it out)"])
        #expect(
            try changes(writeOnly, "") == [
                "breaking-source types.Item.id: is no longer write-only (its Swift type is no longer optional)"
            ])
        let optional = #", "required": false"#
        #expect(try changes(optional, optional + readOnly) == ["additive types.Item.id: became read-only"])
        #expect(try changes(readOnly, readOnly).isEmpty)
    }

    // MARK: Client and server (in process)

    struct Server: AwkwardPartialHandler {
        func putAccountInfo(_ input: PutAccountInfoInput) async throws -> PutAccountInfoOutput {
            // What a real server does: assign the id, never echo the password.
            .ok(Account(id: input.body.id ?? "new-id", password: nil, name: input.body.name))
        }
    }

    static func put(_ body: String) async -> APIResponse {
        let request = APIRequest(
            method: .put, path: "/api/v2/account-info", headers: ["Content-Type": "application/json"],
            body: APIBody(Data(body.utf8)))
        return await Server().makeRouter().handle(request)
    }

    @Test func theServerAcceptsARequestWithoutTheReadOnlyField() async throws {
        let response = await Self.put(#"{"password":"pw","name":"n"}"#)
        #expect(response.status == 200)
        let text = String(decoding: response.body.bufferedData ?? Data(), as: UTF8.self)
        #expect(text == #"{"id":"new-id","name":"n"}"#)
    }

    @Test func theServerRefusesARequestWithoutTheWriteOnlyField() async throws {
        let response = await Self.put(#"{"id":"1","name":"n"}"#)
        #expect(response.status == 400)
        let text = String(decoding: response.body.bufferedData ?? Data(), as: UTF8.self)
        #expect(text.contains("password"))
        #expect(text.contains("is required in a request"))
    }

    @Test func theClientRoundTripsThroughTheServer() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Server().makeRouter()))
        let answer = try await client.putAccountInfo(body: Account(password: "pw", name: "n"))
        #expect(answer == .ok(Account(id: "new-id", password: nil, name: "n")))
        // Without the password, the client refuses before sending.
        let error = await #expect(throws: ClientError.self) {
            try await client.putAccountInfo(body: Account(id: "1", name: "n"))
        }
        #expect(String(describing: try #require(error)).contains("password"))
    }

    /// Answers every request with a fixed JSON body.
    struct Fixed: ClientTransport {
        let body: String
        func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
            APIResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
    }

    @Test func theClientAcceptsAResponseWithoutTheWriteOnlyField() async throws {
        let client = AwkwardClient(transport: Fixed(body: #"{"id":"7","name":"n"}"#))
        let answer = try await client.putAccountInfo(body: Account(password: "pw", name: "n"))
        #expect(answer == .ok(Account(id: "7", password: nil, name: "n")))
    }

    @Test func theClientRefusesAResponseWithoutTheReadOnlyField() async throws {
        let client = AwkwardClient(transport: Fixed(body: #"{"password":"pw","name":"n"}"#))
        let error = await #expect(throws: ClientError.self) {
            try await client.putAccountInfo(body: Account(password: "pw", name: "n"))
        }
        #expect(String(describing: try #require(error)).contains("id: is required in a response"))
    }
}
