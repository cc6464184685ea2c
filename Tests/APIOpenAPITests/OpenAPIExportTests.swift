import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// `apigen openapi`: every definition exports as a valid OpenAPI 3.1 document.
@Suite("OpenAPI export")
struct OpenAPIExportTests {
    static let definitions = ["sfox", "teamup", "smsend", "authendpoints"]

    func export(_ name: String) throws -> (Definition, OrderedJSON) {
        let definition = try DefinitionLoader.load(
            path: TestSupport.path("Definitions/\(name).json"), displayPath: "Definitions/\(name).json")
        return (definition, OpenAPIExporter.document(definition))
    }

    /// Runs openapi-spec-validator (Python, from the tests' own environment, see
    /// `PythonEnvironment`) on a document; returns its output when it fails.
    func validate(_ text: String) throws -> String? {
        let file = try TestSupport.scratchDirectory() + "/openapi.json"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PythonEnvironment.python())
        process.arguments = [
            "-c",
            "import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('valid')",
            file,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 && output.contains("valid") ? nil : output
    }

    @Test(arguments: definitions)
    func exportIsValidOpenAPI31(_ name: String) throws {
        let (_, document) = try export(name)
        #expect(document["openapi"] == .string("3.1.0"))
        let failure = try validate(document.rendered())
        #expect(failure == nil, "\(name): \(failure ?? "")")
    }

    @Test func recursiveTypesExportAsSchemasThatReferToThemselves() throws {
        let definition = try DefinitionLoader.load(
            path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"), displayPath: "awkward.json")
        let document = OpenAPIExporter.document(definition)
        let schemas = try #require(document["components"]?["schemas"])
        #expect(
            schemas["TreeNode"]?["properties"]?["parent"]?["allOf"]
                == .array([.object([.init("$ref", .string("#/components/schemas/TreeNode"))])])
        )
        #expect(
            schemas["Sum"]?["properties"]?["left"] == .object([.init("$ref", .string("#/components/schemas/Expr"))]))
        let failure = try validate(document.rendered())
        #expect(failure == nil, "awkward: \(failure ?? "")")
    }

    /// `integer` is Swift's `Int`: exported as `format: int64`, so a client or a fuzzer generating valid data
    /// stays within what the server accepts (schemathesis sent `limit=9738849378228268875605082112` as valid
    /// when the export said only `integer`); the extension brings it back as `integer`, and a foreign `int64`
    /// stays `int64`.
    @Test func integersSayTheirRange() throws {
        let (_, document) = try export("teamup")
        let provider = try #require(
            document["components"]?["schemas"]?["StartVerificationRequest"]?["properties"]?["provider"])
        #expect(provider["type"] == .string("integer"))
        #expect(provider["format"] == .string("int64"))
        #expect(provider["x-apigen-type"] == .string("integer"))
        func importedType(_ schema: String) throws -> TypeRef? {
            let text =
                #"{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "#
                + #""components": {"schemas": {"Box": {"type": "object", "required": ["n"], "properties": {"n": "#
                + schema + "}}}}}"
            let (definition, _) = try OpenAPIImporter.convert(Data(text.utf8), file: "openapi.json", serviceName: "T")
            return definition.types.first?.fields.first?.type
        }
        #expect(try importedType(#"{"type": "integer", "format": "int64", "x-apigen-type": "integer"}"#) == .integer)
        #expect(try importedType(#"{"type": "integer", "format": "int64"}"#) == .int64)
        #expect(try importedType(#"{"type": "integer"}"#) == .integer)
    }

    @Test func exportIsDeterministicAndFollowsDefinitionOrder() throws {
        let (definition, document) = try export("authendpoints")
        #expect(document.rendered() == OpenAPIExporter.text(definition))
        let paths = document["paths"]?.members?.map(\.key)
        #expect(paths == definition.operations.map(\.path))
    }

    @Test func teamUpSaysWhatItsDefinitionSays() throws {
        let (_, document) = try export("teamup")
        let schemas = try #require(document["components"]?["schemas"])
        // Required but nullable, optional and nullable, constants, constraints.
        let token = try #require(schemas["GetAccessTokenSuccess"])
        #expect(
            token["required"] == .array([.string("access_token"), .string("expires_in"), .string("refresh_token")]))
        #expect(token["properties"]?["expires_in"]?["type"] == .array([.string("integer"), .string("null")]))
        let start = try #require(schemas["StartVerificationRequest"]?["properties"])
        #expect(start["phone_number"]?["maxLength"] == .int(20))
        #expect(start["phone_number"]?["minLength"] == .int(1))
        #expect(start["pending_login"]?["format"] == .string("uuid"))
        #expect(start["pending_login"]?["type"] == .array([.string("string"), .string("null")]))
        #expect(schemas["StartVerificationResponse"]?["properties"]?["success"]?["const"] == .bool(true))
        #expect(schemas["PendingLogin"]?["properties"]?["object"]?["const"] == .string("pending_login"))
        #expect(
            schemas["PasswordLoginResponse"]?["oneOf"]
                == .array([
                    .object([.init("$ref", .string("#/components/schemas/GetAccessTokenSuccess"))]),
                    .object([.init("$ref", .string("#/components/schemas/PendingLogin"))]),
                ]))
        // Request content types, response content types, the XML dialect.
        let login = try #require(document["paths"]?["/auth/password_login"]?["post"])
        #expect(
            login["requestBody"]?["content"]?.members?.map(\.key)
                == ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"])
        let xml = try #require(login["responses"]?["200"]?["content"]?["application/xml"]?["schema"])
        #expect(xml["xml"]?["name"] == .string("root"))
        #expect(
            schemas["PendingLogin"]?["properties"]?["two_factor_required_providers"]?["items"]?["xml"]?["name"]
                == .string("list-item"))
        #expect(document["x-apigen-xml"]?["trueText"] == .string("True"))
    }

    @Test func smsendHeaderPairIsASecurityRequirementWithTwoSchemes() throws {
        let (_, document) = try export("smsend")
        let operation = try #require(document["paths"]?["/2fa/request"]?["post"])
        #expect(
            operation["security"]
                == .array([
                    .object([.init("userKey", .array([])), .init("sessionKey", .array([]))]),
                    .object([.init("userKey", .array([])), .init("accessToken", .array([]))]),
                ]))
        let schemes = try #require(document["components"]?["securitySchemes"])
        #expect(schemes["sessionKey"]?["in"] == .string("header"))
        #expect(schemes["sessionKey"]?["name"] == .string("Session_key"))
        #expect(
            document["components"]?["schemas"]?["TwoFactorPinRequest"]?["properties"]?["expiry"]?["default"] == .int(60)
        )
    }

    @Test func sfoxIsBearerWithAPathParameter() throws {
        let (_, document) = try export("sfox")
        #expect(document["components"]?["securitySchemes"]?["enterpriseAPIKey"]?["scheme"] == .string("bearer"))
        let operation = try #require(document["paths"]?["/enterprise/users/send-verification/{user_id}"]?["post"])
        #expect(operation["parameters"]?.arrayValue?.first?["in"] == .string("path"))
        // The definition's answers first, then the ones the generated server gives on its own.
        #expect(operation["responses"]?.members?.map(\.key) == ["200", "422", "400", "401", "406", "413", "415"])
        #expect(operation["responses"]?["200"]?["x-apigen-runtime"] == nil)
        for status in ["400", "401", "406", "413", "415"] {
            let response = try #require(operation["responses"]?[status])
            #expect(response["x-apigen-runtime"] == .bool(true))
            let schema = try #require(response["content"]?["application/json"]?["schema"])
            #expect(schema["required"] == .array([.string("error")]))
            let fieldRequired = schema["properties"]?["fields"]?["items"]?["required"]
            #expect(fieldRequired == .array([.string("path"), .string("reason")]))
        }
    }

    @Test func aDeclaredStatusTheServerAlsoAnswersGainsItsJSONErrorBody() throws {
        // AuthEndpoints documents 400 as text/plain; the router's own 400 (input that does not decode) is JSON.
        let (_, document) = try export("authendpoints")
        let confirm = try #require(document["paths"]?["/users/two_step_verification_confirm"]?["post"]?["responses"])
        let badRequest = try #require(confirm["400"])
        #expect(badRequest["x-apigen-runtime"] == nil)
        #expect(badRequest["content"]?.members?.map(\.key) == ["text/plain", "application/json"])
        #expect(badRequest["content"]?["application/json"]?["x-apigen-runtime"] == .bool(true))
        // enable_2fa takes no input and answers no typed body: only the credentials can be refused.
        let enable = try #require(document["paths"]?["/users/enable_2fa"]?["get"]?["responses"])
        #expect(enable.members?.map(\.key) == ["200", "400", "401"])
    }

    @Test(arguments: definitions)
    func whatTheExporterAddsForTheServerDoesNotComeBackOnImport(_ name: String) throws {
        let (definition, document) = try export(name)
        let (imported, warnings) = try OpenAPIImporter.convert(Data(document.rendered().utf8), file: "\(name).json")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(
            imported.operations.map { $0.responses.map(\.status) }
                == definition.operations.map { $0.responses.map(\.status) })
        #expect(
            imported.operations.map { $0.responses.map(\.contentTypes) }
                == definition.operations.map { $0.responses.map(\.contentTypes) })
    }

    @Test func aUUIDStatesItsFormAsAPattern() throws {
        let (_, document) = try export("teamup")
        let pendingLogin = try #require(
            document["components"]?["schemas"]?["StartVerificationRequest"]?["properties"]?["pending_login"])
        let pattern = try #require(pendingLogin["pattern"]?.stringValue)
        let regex = try NSRegularExpression(pattern: pattern)
        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        #expect(matches("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
        #expect(matches(UUID().uuidString))
        #expect(!matches(""))
        #expect(!matches("null"))
        #expect(!matches("3fa85f64-5717-4562-b3fc-2c963f66afa"))
    }
}
