import APIDefinition
import APIGenerator
import APIOpenAPI
import Foundation
import TestSupport
import Testing

/// Names that Swift, the runtime or generated code already use, and names with nothing usable
/// in them, in every place a definition names something: each is either refused with a located
/// diagnostic or compiles. The accepted ones are generated into one scratch package, built once,
/// whose executable also runs end-to-end checks of what the checker promises (auth alternatives
/// out of order, map bodies, defaults of every kind, exact integer bounds).
@Suite("Hostile names")
struct HostileNamesTests {
    /// Names every role tries: keywords, members of generated and runtime types, runtime and
    /// standard type names, and names with no letters.
    static let table: [String] = [
        "repository", "period", "self", "Self", "Type", "type", "Protocol", "init", "deinit", "subscript",
        "description", "debugDescription", "customMirror", "redactedFields", "hashValue", "hash", "body",
        "bodyFormat", "textTree", "validate", "encode", "decoder", "encoder", "container", "validator", "members",
        "tree", "reader", "input", "credentials", "transport", "baseURL", "defaultBaseURL", "request", "response",
        "found", "format", "status", "undocumented", "rawValue", "allCases", "unknown", "oneOfCandidates",
        "parameterValue", "makeRouter", "register", "registerPart2", "router", "String", "Int", "Date", "Data",
        "ConstraintChecker", "APIRequest", "APIRouter", "ClientError", "Error", "Result", "Optional", "Any", "class",
        "default", "case", "return", "func", "let", "var", "in", "is", "as", "nil", "true", "async", "await",
        "throws", "some", "any", "super", "_", "__", "_x", "2fa", "123", "a b", "a-b", "a.b", "a/b", "é", "日本",
        "😀", "-", " ", "`", "\n", "x\r\ny", "x\u{2028}y", "\u{202E}rtl", "userId", "userID", "user_id", "UserId",
        "ok", "value", "values", "find", "string", "integer", "json", "uuid", String(repeating: "long", count: 60),
    ]

    /// The places a name goes.
    enum Role: String, CaseIterable {
        case type, field, queryParameter, headerParameter, pathParameter, enumValue, operation, service, auth,
            variant
    }

    /// A definition as JSON with `names` in `role`; the other names are unique to `index`, so
    /// that accepted definitions can share one module.
    static func definition(_ names: [String], role: Role, index: Int) -> [String: Any] {
        let suffix = "H\(index)"
        let service: [String: Any] = [
            "name": role == .service ? names[0] : "Svc\(suffix)", "title": "Hostile",
            "baseURL": "https://hostile.test/v1",
            "xml": ["rootElement": "root", "listItemElement": "item", "trueText": "true", "falseText": "false"],
        ]
        var itemFields: [[String: Any]] = [["name": "id", "type": "string"]]
        var types: [[String: Any]] = []
        var auth: [[String: Any]] = [["name": "key\(suffix)", "kind": "apiKey", "header": "X-Key"]]
        var operationAuth: [[String]] = [["key\(suffix)"]]
        var parameters: [[String: Any]] = []
        var path = "/items"
        var operations: [[String: Any]] = []
        var enumValues: [Any] = ["plain"]
        var eitherTypes = 1
        var variantNames: [String] = []
        switch role {
        case .type:
            // Each type has a field named like itself; a field of the item names the first type
            // and has its name (the property must not shadow the type it decodes).
            for name in names {
                var fields: [[String: Any]] = [["name": name, "type": "string", "required": false]]
                if name != names[0] { fields.append(["name": names[0], "type": names[0], "required": false]) }
                types.append(["name": name, "kind": "object", "fields": fields])
            }
            itemFields.append(["name": names[0], "type": names[0], "required": false])
        case .field:
            for name in names { itemFields.append(["name": name, "type": "integer", "required": false]) }
        case .queryParameter, .headerParameter:
            for name in names {
                parameters.append([
                    "name": name, "in": role == .queryParameter ? "query" : "header", "type": "integer",
                    "required": false,
                ])
            }
        case .pathParameter:
            for name in names {
                parameters.append(["name": name, "in": "path", "type": "string"])
                path += "/{\(name)}"
            }
        case .enumValue:
            enumValues += names
        case .operation:
            for name in names {
                operations.append([
                    "name": name, "method": "GET", "path": "/op/\(operations.count)",
                    "responses": [["status": 200, "type": "Item\(suffix)"]],
                ])
            }
        case .service: break
        case .auth:
            // Listed against the declaration order, which the server's credentials must not mind.
            auth += names.map { ["name": $0, "kind": "apiKey", "header": "X-Other"] }
            operationAuth = [names.reversed() + ["key\(suffix)"]]
        case .variant:
            eitherTypes = names.count
            variantNames = names
        }
        types += [
            ["name": "Item\(suffix)", "kind": "object", "fields": itemFields],
            ["name": "Color\(suffix)", "kind": "enum", "values": enumValues],
            ["name": "Left\(suffix)", "kind": "object", "fields": [["name": "left", "type": "string"]]],
            ["name": "Right\(suffix)", "kind": "object", "fields": [["name": "right", "type": "integer"]]],
        ]
        for number in 0..<eitherTypes {
            var left: [String: Any] = ["type": "Left\(suffix)"]
            if number < variantNames.count { left["swiftName"] = variantNames[number] }
            types.append([
                "name": "Either\(suffix)x\(number)", "kind": "oneOf", "variants": [left, ["type": "Right\(suffix)"]],
            ])
        }
        let both = ["application/json", "application/xml"]
        operations.insert(
            [
                "name": "put\(suffix)", "method": "PUT", "path": path, "auth": operationAuth, "parameters": parameters,
                "body": ["type": "Item\(suffix)", "contentTypes": both],
                "responses": [["status": 200, "type": "Item\(suffix)", "contentTypes": both]],
            ], at: 0)
        operations.append([
            "name": "either\(suffix)", "method": "POST", "path": "/either", "body": ["type": "[Either\(suffix)x0]"],
            "responses": [["status": 200, "type": "Color\(suffix)"]],
        ])
        if role == .service {
            // The service's name only prefixes its client, handler, credentials and XML dialect.
            return [
                "formatVersion": 1, "service": service, "auth": auth, "types": [types[types.count - eitherTypes - 4]],
                "operations": [operations[0]],
            ]
        }
        return ["formatVersion": 1, "service": service, "auth": auth, "types": types, "operations": operations]
    }

    /// The awkward OpenAPI documents (the ones `ImportLintsCleanTests` in APIOpenAPITests lints).
    static let openAPIFixtures = ["Tests/Fixtures/OpenAPI/awkward-3.0.json", "Tests/Fixtures/OpenAPI/awkward-3.1.json"]

    /// Imports an OpenAPI fixture and reads the written definition back, as `apigen lint` does.
    static func imported(_ path: String) throws -> Definition {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path(path)))
        let definition = try OpenAPIImporter.convert(data, file: path, serviceName: nil).definition
        let text = DefinitionWriter.text(definition)
        let (loaded, _) = DefinitionLoader.loadWithWarnings(data: Data(text.utf8), file: "imported.json")
        #expect(loaded != nil)
        return loaded ?? definition
    }

    static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    /// Loads and checks; the diagnostics as printed when refused.
    static func load(_ object: [String: Any], file: String) throws -> Result<Definition, DiagnosticList> {
        let data = try json(object)
        do {
            return .success(try DefinitionLoader.load(data: data, file: file))
        } catch {
            return .failure(error)
        }
    }

    /// Seeded random names made of hostile pieces, in addition to the table.
    static func randomNames(seed: UInt64, count: Int) -> [String] {
        var random = SeededGenerator(seed: seed)
        let pieces = [
            "a", "Z", "_", "-", " ", "0", "9", "é", "日", "😀", "self", "Type", "init", "body", "text", "Tree", "hash",
            "Value", "raw", "\n", "\r", "`", "\"", "\\", "$", ".", "Int", "URL", "id", "ID", "\u{0}", "\u{200F}",
        ]
        return (0..<count).map { _ in
            (0...random.next(below: 4)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
        }
    }

    @Test(.timeLimit(.minutes(15)))
    func everyNameIsRefusedWithALocatedDiagnosticOrCompiles() async throws {
        let seed = FuzzSeed.choose("everyNameIsRefusedWithALocatedDiagnosticOrCompiles", default: 3)
        let names = Self.table + Self.randomNames(seed: seed, count: 24)
        var accepted: [Role: [String]] = [:]
        var refusedCount = 0
        var index = 0
        for role in Role.allCases {
            for name in names {
                index += 1
                switch try Self.load(Self.definition([name], role: role, index: index), file: "hostile.json") {
                case .success: accepted[role, default: []].append(name)
                case .failure(let error):
                    refusedCount += 1
                    let errors = error.diagnostics.filter { $0.severity == .error }
                    #expect(!errors.isEmpty, "\(role) \(name.debugDescription)")
                    for diagnostic in errors {
                        #expect(
                            diagnostic.line != nil && diagnostic.column != nil && !diagnostic.path.isEmpty,
                            "\(role) \(name.debugDescription): unlocated \(diagnostic)")
                        #expect(!diagnostic.description.contains("\n"), "\(role) \(name.debugDescription)")
                    }
                }
            }
        }
        // The names the format is meant to take are taken.
        for (role, name) in [
            (Role.type, "repository"), (.type, "period"), (.field, "self"), (.field, "description"),
            (.field, "Type"), (.queryParameter, "default"), (.enumValue, "self"), (.operation, "find"),
            (.field, "repository"), (.service, "period"), (.variant, "value"), (.auth, "userId"),
        ] {
            #expect(accepted[role, default: []].contains(name), "\(role) \(name)")
        }
        // Accepted names of one role go into as few definitions as stay valid together.
        var groups: [(role: Role, names: [String])] = []
        for role in Role.allCases {
            for name in accepted[role, default: []] {
                if role != .service, let last = groups.indices.last, groups[last].role == role,
                    case .success = try Self.load(
                        Self.definition(groups[last].names + [name], role: role, index: 0), file: "group.json")
                {
                    groups[last].names.append(name)
                } else {
                    groups.append((role, [name]))
                }
            }
        }
        var definitions: [Definition] = []
        for (number, group) in groups.enumerated() {
            definitions.append(
                try Self.load(
                    Self.definition(group.names, role: group.role, index: number + 1), file: "group\(number).json"
                )
                .get())
        }
        // What the importer makes of awkward real-world documents compiles too.
        for fixture in Self.openAPIFixtures {
            definitions.append(try Self.imported(fixture))
        }
        // Definitions share a module while their module-level names differ.
        var modules: [(names: Set<String>, definitions: [Definition])] = []
        for definition in definitions {
            let names = Self.moduleNames(definition)
            if let index = modules.firstIndex(where: { $0.names.isDisjoint(with: names) }) {
                modules[index].names.formUnion(names)
                modules[index].definitions.append(definition)
            } else {
                modules.append((names, [definition]))
            }
        }
        // The shared scratch package: APIRuntime is built once for every compile test.
        try await ScratchPackage.withPackage(root: TestSupport.packageRoot) { package in
            let files = FileManager.default
            let checks = try DefinitionLoader.load(data: Data(Self.checks.utf8), file: "checks.json")
            var unproven: [String] = []
            for (index, module) in (modules.map(\.definitions) + [[checks]]).enumerated() {
                let directory = package + "/Sources/" + (index == modules.count ? "HostileChecksAPI" : "HostileAPI\(index)")
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
                for (number, definition) in module.enumerated() {
                    // One file per definition: fewer files build faster.
                    let generated = Generator.generate(definition)
                    for file in generated {
                        unproven += ForceAudit.unproven(in: file.contents).map { "\(definition.service.name): \($0)" }
                    }
                    try generated.map(\.contents).joined(separator: "\n").write(
                        toFile: directory + "/Service\(number).swift", atomically: true, encoding: .utf8)
                }
            }
            #expect(unproven.isEmpty, "\(unproven.joined(separator: "\n"))")
            try files.createDirectory(atPath: package + "/Sources/HostileChecks", withIntermediateDirectories: true)
            try Self.checksMain.write(
                toFile: package + "/Sources/HostileChecks/main.swift", atomically: true, encoding: .utf8)
            try Self.manifest(modules: modules.count).write(
                toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
            print(
                "hostile names: \(names.count) names × \(Role.allCases.count) roles, \(refusedCount) refused, "
                    + "\(accepted.values.map(\.count).reduce(0, +)) accepted, in \(definitions.count) definitions "
                    + "and \(modules.count) modules")
            // Warnings are errors in the generated modules (the manifest says so).
            let build = try ScratchPackage.run(["swift", "build", "--package-path", package], in: package)
            #expect(build.status == 0, "\(build.output.suffix(8000))")
            guard build.status == 0 else { return }
            let run = try ScratchPackage.run([package + "/.build/debug/HostileChecks"], in: package)
            #expect(run.status == 0 && run.output.contains("checks: ok"), "\(run.output.suffix(4000))")
        }
    }

    /// The names a definition declares at module level: its types, the generated ones and its
    /// XML dialect.
    static func moduleNames(_ definition: Definition) -> Set<String> {
        let service = definition.service.name
        var names = Set(definition.types.map { Naming.type($0.name) })
        names.formUnion(["\(service)Client", "\(service)Handler", "\(service)PartialHandler", "\(service)Credentials"])
        for operation in definition.operations {
            names.formUnion([Naming.operationType(operation) + "Input", Naming.operationType(operation) + "Output"])
        }
        names.insert("XMLDialect." + Naming.lowerCamel(service))
        return names
    }

    static func manifest(modules: Int) -> String {
        let names = (0..<modules).map { "\"HostileAPI\($0)\"" } + ["\"HostileChecksAPI\""]
        let targets = names.map { name in
            "        .target(name: \(name), dependencies: [runtime], swiftSettings: strict),\n"
        }.joined()
        return """
            // swift-tools-version: 6.0
            import PackageDescription

            let runtime: Target.Dependency = .product(name: "APIRuntime", package: "apigen")
            let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

            let package = Package(
                name: "Hostile",
                platforms: [.macOS(.v13)],
                dependencies: [.package(path: "../apigen")],
                targets: [
            \(targets)        .executableTarget(
                        name: "HostileChecks",
                        dependencies: ["HostileChecksAPI", runtime], swiftSettings: strict),
                ],
                swiftLanguageModes: [.v6]
            )

            """
    }

    /// What the executable checks end to end: auth alternatives listing schemes out of
    /// declaration order, a map body, defaults (a date-time, an enum, a UUID, an integer beyond
    /// 2^53) filled in when absent, integer bounds of 10^15 and more, and lower-case type names with
    /// fields of the same name.
    static let checks = """
        {
          "formatVersion": 1,
          "service": { "name": "Checks", "baseURL": "https://checks.test/v1" },
          "auth": [
            { "name": "userKey", "kind": "apiKey", "header": "X-User" },
            { "name": "sessionKey", "kind": "apiKey", "header": "X-Session" }
          ],
          "types": [
            { "name": "period", "kind": "enum", "values": ["day", "week"] },
            { "name": "repository", "kind": "object", "fields": [
              { "name": "repository", "type": "string", "required": false },
              { "name": "period", "type": "period", "required": false, "default": "week" },
              { "name": "when", "type": "date-time", "required": false, "default": "2024-02-29T12:30:00.25+01:00" },
              { "name": "uid", "type": "uuid", "required": false, "default": "3F0C4E0E-5B7A-4B8E-9A57-2F5D1C7E9B10" },
              { "name": "big", "type": "integer", "required": false, "minimum": 1e15, "maximum": 9007199254740993,
                "default": 1000000000000001 },
              { "name": "small", "type": "int32", "required": false, "minimum": -2147483648, "maximum": 2147483647 }
            ] },
            { "name": "Who", "kind": "object", "fields": [
              { "name": "user", "type": "string" }, { "name": "session", "type": "string" }
            ] }
          ],
          "operations": [
            { "name": "whoAmI", "method": "GET", "path": "/me", "auth": [["sessionKey", "userKey"]],
              "responses": [{ "status": 200, "type": "Who" }] },
            { "name": "putRepositories", "method": "PUT", "path": "/repositories", "body": { "type": "{repository}" },
              "responses": [{ "status": 200, "type": "{repository}" }] }
          ]
        }
        """

    static let checksMain = #"""
        @_spi(Generated) import APIRuntime
        import Foundation
        import HostileChecksAPI

        struct Service: ChecksHandler {
            func whoAmI(_ input: WhoAmIInput, credentials: ChecksCredentials) async throws -> WhoAmIOutput {
                .ok(Who(user: credentials.userKey ?? "-", session: credentials.sessionKey ?? "-"))
            }

            func putRepositories(_ input: PutRepositoriesInput) async throws -> PutRepositoriesOutput {
                .ok(input.body)
            }
        }

        var failures: [String] = []
        @MainActor func check(_ condition: Bool, _ what: String) {
            if !condition { failures.append(what) }
        }

        let client = ChecksClient(
            credentials: ChecksCredentials(userKey: "the-user", sessionKey: "the-session"),
            transport: InProcessTransport(router: Service().makeRouter()))
        switch try await client.whoAmI() {
        case .ok(let who): check(who.user == "the-user" && who.session == "the-session", "credentials: \(who)")
        default: check(false, "whoAmI")
        }

        let decoded = try JSONCoding.decode(Repository.self, from: Data(#"{"repository": "r", "big": 1000000000000000}"#.utf8))
        check(decoded.repository == "r", "a field named like its type")
        check(decoded.period == .week, "enum default")
        check(decoded.when == RFC3339.date(from: "2024-02-29T12:30:00.25+01:00"), "date-time default: \(decoded.when)")
        check(decoded.uid == UUID(uuidString: "3f0c4e0e-5b7a-4b8e-9a57-2f5d1c7e9b10"), "uuid default")
        check(decoded.validationErrors().isEmpty, "valid: \(decoded.validationErrors())")
        check(Repository().big == 1_000_000_000_000_001, "integer default")
        let tooSmall = Repository(big: 999_999_999_999_999)
        check(tooSmall.validationErrors().map(\.path) == ["big"], "minimum 1e15: \(tooSmall.validationErrors())")

        switch try await client.putRepositories(body: ["a": Repository(repository: "x"), "b": Repository()]) {
        case .ok(let map): check(map["a"]?.repository == "x" && map.count == 2, "map body: \(map)")
        default: check(false, "putRepositories")
        }
        do {
            _ = try await client.putRepositories(body: ["bad": tooSmall])
            check(false, "an invalid map body is sent")
        } catch {
            check("\(error)".contains("bad.big") || "\(error)".contains("big"), "map body validation: \(error)")
        }

        if failures.isEmpty {
            print("checks: ok")
        } else {
            print("checks failed:\n" + failures.joined(separator: "\n"))
            exit(1)
        }
        """#
}
