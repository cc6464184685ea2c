import Foundation
import TestSupport
import Testing

@testable import APIGenerator

/// Hostile text in every text-bearing place of a definition, and of an OpenAPI document brought
/// in with `apigen import`, compiles without a warning and arrives byte for byte where it is a
/// value: one scratch package, one build, one probe run. The texts come from
/// ``HostileTextTests/pieces`` with a printed seed (`APIGEN_FUZZ_SEED` replays it).
@Suite("Hostile text compiles")
struct HostileTextCompileTests {
    typealias Random = SeededGenerator

    /// The hostile texts of one run, by where they go.
    struct Texts {
        var random: Random
        init(seed: UInt64) { random = Random(seed: seed) }
        mutating func next(_ lead: String) -> String { HostileTextTests.hostile(lead, &random) }
    }

    /// `text` as a regular expression that matches exactly `text`.
    static func exactPattern(_ text: String) -> String {
        "^" + NSRegularExpression.escapedPattern(for: text) + "$"
    }

    /// `data` (JSON) with every raw U+FEFF written as `\ufeff`: `JSONSerialization` drops a raw one
    /// at the start of a string, and this test reads the probe's output with it.
    static func escapingByteOrderMarks(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        return Data(text.replacingOccurrences(of: "\u{FEFF}", with: "\\ufeff").utf8)
    }

    /// The JSON object in `text` (a string the probe printed), read with raw U+FEFF kept.
    static func object(_ text: Any?) throws -> [String: Any] {
        let text = try #require(text as? String)
        let object = try JSONSerialization.jsonObject(with: escapingByteOrderMarks(Data(text.utf8)))
        return try #require(object as? [String: Any], "\(text)")
    }

    static let fieldCount = 4
    static let openValueCount = 3

    /// What the probe must print, and the definition and document that carry it.
    struct Plan {
        var definition: [String: Any] = [:]
        var document: [String: Any] = [:]
        var wireNames: [String] = []
        var enumValues: [String] = []
        var openValues: [String] = []
        var constant = ""
        var defaultText = ""
        var patternText = ""
        var path = ""
        var queryName = ""
        var headerName = ""
        var authHeader = ""
        var rootElement = ""
        var itemElement = ""
        var importedEnum: [String] = []
        var importedRequired = ""
        var importedDefaulted = ""
        var importedDefault = ""
        var importedConstant = ""
        var discriminator = ""
        var alpha = ""
        var beta = ""
    }

    static func plan(seed: UInt64) -> Plan {
        var texts = Texts(seed: seed)
        var plan = Plan()
        plan.wireNames = (0..<fieldCount).map { texts.next("w\($0)") }
        plan.enumValues = (0..<3).map { texts.next("e\($0)") }
        plan.openValues = (0..<openValueCount).map { texts.next("o\($0)") }
        plan.constant = texts.next("c")
        plan.defaultText = texts.next("d")
        plan.patternText = texts.next("p")
        // Path, header names and XML element names: hostile for Swift, without `{`, `}` (templates).
        func noBraces(_ text: String) -> String {
            text.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
        }
        plan.path = "/things/" + noBraces(texts.next("path"))
        plan.queryName = texts.next("q")
        plan.headerName = "X-" + noBraces(texts.next("h"))
        plan.authHeader = "X-Key-" + noBraces(texts.next("k"))
        // XML element names must be XML names (the checker refuses others): the dialect's names, and
        // the wire names of `Echo`, the type answered as XML, are plain; its values stay hostile.
        plan.rootElement = "hostile-root"
        plan.itemElement = "hostile.item_"

        var fields: [[String: Any]] = plan.wireNames.enumerated().map { index, name in
            ["name": name, "swiftName": "f\(index)", "type": "string", "doc": texts.next("doc")]
        }
        fields.append(["name": "kind", "type": "string", "const": plan.constant, "doc": texts.next("doc")])
        fields.append([
            "name": "d", "type": "string", "required": false, "default": plan.defaultText, "doc": texts.next("doc"),
        ])
        fields.append(["name": "p", "type": "string", "pattern": exactPattern(plan.patternText)])
        fields.append(["name": "mood", "type": "Mood", "required": false, "default": plan.enumValues[1]])
        fields.append(["name": "hue", "type": "Hue", "required": false])
        plan.definition = [
            "formatVersion": 1,
            "service": [
                "name": "Hostile", "title": texts.next("title"),
                "doc": "Line one.\nfatalError(\"x\")\r\n" + texts.next("service"),
                "baseURL": "https://api.example.com/v1/%22%5C(%0A%E2%80%AE",
                "xml": [
                    "rootElement": plan.rootElement, "listItemElement": plan.itemElement, "trueText": "True",
                    "falseText": "False",
                ],
            ],
            "auth": [["name": "key", "kind": "apiKey", "header": plan.authHeader, "doc": texts.next("auth")]],
            "types": [
                [
                    "name": "Mood", "kind": "enum", "doc": texts.next("mood"),
                    "values": plan.enumValues.enumerated().map { index, value in
                        ["value": value, "swiftName": "m\(index)", "doc": texts.next("value")]
                    },
                ],
                [
                    "name": "Hue", "kind": "enum", "unknownValues": "keep", "doc": texts.next("hue"),
                    "values": plan.openValues.enumerated().map { index, value in
                        ["value": value, "swiftName": "o\(index)"]
                    },
                ],
                ["name": "Thing", "kind": "object", "doc": texts.next("thing"), "fields": fields],
                [
                    "name": "Echo", "kind": "object", "doc": texts.next("echo"),
                    "fields": [
                        ["name": "kind", "type": "string", "const": plan.constant, "doc": texts.next("doc")],
                        ["name": "mood", "type": "Mood", "required": false, "default": plan.enumValues[1]],
                    ],
                ],
            ],
            "operations": [
                [
                    "name": "doThing", "method": "POST", "path": plan.path,
                    "summary": texts.next("summary") + ".", "doc": texts.next("operation"), "auth": ["key"],
                    "parameters": [
                        [
                            "name": plan.queryName, "swiftName": "q", "in": "query", "type": "string",
                            "required": false, "doc": texts.next("query"),
                        ],
                        [
                            "name": plan.headerName, "swiftName": "h", "in": "header", "type": "string",
                            "required": false, "doc": texts.next("header"),
                        ],
                    ],
                    "body": ["type": "Thing", "doc": texts.next("body")],
                    "responses": [
                        ["status": 200, "type": "Thing", "doc": texts.next("response")],
                        [
                            "status": 201, "type": "Echo", "contentTypes": ["application/xml"],
                            // Typed response headers: hostile docs, an enum of hostile values, a sensitive one.
                            "headers": [
                                ["name": "X-Mood", "type": "Mood", "required": true, "doc": texts.next("rh")],
                                ["name": "X-Note", "type": "string", "sensitive": true, "doc": texts.next("rh")],
                            ],
                        ],
                    ],
                ],
                // A stream whose answer has typed headers: the server writes them before the events.
                [
                    "name": "watchThings", "method": "GET", "path": "/watch",
                    "responses": [
                        [
                            "status": 200, "type": "Echo", "stream": "sse",
                            "headers": [["name": "X-Cursor", "type": "int64", "doc": texts.next("rh")]],
                        ]
                    ],
                ],
            ],
        ]

        plan.importedEnum = (0..<2).map { texts.next("ie\($0)") }
        plan.importedRequired = texts.next("ir")
        plan.importedDefaulted = texts.next("id")
        plan.importedDefault = texts.next("idv")
        plan.importedConstant = texts.next("ic")
        let reference = ["$ref": "#/components/schemas/ImpThing"]
        plan.document = [
            "openapi": "3.1.0",
            "info": ["title": texts.next("title"), "description": texts.next("info"), "version": texts.next("v")],
            "servers": [["url": "https://imported.example.com/api", "description": texts.next("server")]],
            "paths": [
                "/imp": [
                    "post": [
                        "operationId": "impThing", "summary": texts.next("summary") + ".",
                        "description": texts.next("description"),
                        "parameters": [
                            [
                                "name": "filter", "in": "query", "description": texts.next("parameter"),
                                "schema": ["type": "string", "default": texts.next("pd"), "example": texts.next("ex")],
                            ]
                        ],
                        "requestBody": [
                            "description": texts.next("body"), "required": true,
                            "content": ["application/json": ["schema": reference]],
                        ],
                        "responses": [
                            "200": [
                                "description": texts.next("response"),
                                "content": ["application/json": ["schema": reference]],
                            ]
                        ],
                    ]
                ]
            ],
            "components": [
                "schemas": [
                    "ImpMood": ["type": "string", "description": texts.next("mood"), "enum": plan.importedEnum],
                    "ImpThing": [
                        "type": "object", "title": texts.next("title"), "description": texts.next("thing"),
                        "required": [plan.importedRequired, "k"],
                        "example": [plan.importedRequired: texts.next("example")],
                        "properties": [
                            plan.importedRequired: [
                                "type": "string", "description": texts.next("doc"),
                                "pattern": exactPattern(plan.importedRequired), "example": texts.next("ex"),
                            ],
                            plan.importedDefaulted: ["type": "string", "default": plan.importedDefault],
                            "mood": ["$ref": "#/components/schemas/ImpMood"],
                            "k": ["type": "string", "const": plan.importedConstant],
                        ],
                    ],
                ]
            ],
        ]
        // A oneOf told apart by a hostile discriminator with hostile values (drawn last, so that
        // the texts above stay the same for a seed).
        plan.discriminator = texts.next("disc")
        plan.alpha = texts.next("alpha")
        plan.beta = texts.next("beta")
        let oneOfTypes: [[String: Any]] = [
            [
                "name": "Alpha", "kind": "object", "doc": texts.next("alpha"),
                "fields": [
                    ["name": plan.discriminator, "swiftName": "sort", "type": "string", "const": plan.alpha],
                    ["name": "a", "type": "integer"],
                ],
            ],
            [
                "name": "Beta", "kind": "object",
                "fields": [
                    ["name": plan.discriminator, "swiftName": "sort", "type": "string", "const": plan.beta],
                    ["name": "b", "type": "string", "required": false],
                ],
            ],
            [
                "name": "Either", "kind": "oneOf", "doc": texts.next("either"), "discriminator": plan.discriminator,
                "variants": [
                    ["type": "Alpha", "discriminatorValue": plan.alpha, "doc": texts.next("variant")],
                    ["type": "Beta", "discriminatorValue": plan.beta],
                ],
            ],
        ]
        var types = plan.definition["types"] as! [[String: Any]]
        types += oneOfTypes
        var thing = types[2]
        thing["fields"] =
            (thing["fields"] as! [[String: Any]]) + [["name": "either", "type": "Either", "required": false]]
        types[2] = thing
        plan.definition["types"] = types
        return plan
    }

    static let manifest = """
        // swift-tools-version: 6.0
        import PackageDescription

        let package = Package(
            name: "HostileProbe",
            platforms: [.macOS(.v13)],
            dependencies: [.package(path: "../apigen")],
            targets: [
                .target(
                    name: "HostileAPI", dependencies: [.product(name: "APIRuntime", package: "apigen")],
                    path: "Generated/Hostile", swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]),
                .target(
                    name: "ImportedAPI", dependencies: [.product(name: "APIRuntime", package: "apigen")],
                    path: "Generated/Imported", swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]),
                .executableTarget(
                    name: "Probe",
                    dependencies: ["HostileAPI", "ImportedAPI", .product(name: "APIRuntime", package: "apigen")]),
            ],
            swiftLanguageModes: [.v6]
        )

        """

    /// Reads the inputs the test wrote (no definition text is compiled into it) and prints, as
    /// JSON, every value the generated code holds or produces.
    static let probe = #"""
        @_spi(Generated) import APIRuntime
        import Foundation
        import HostileAPI
        import ImportedAPI

        final class Captured: @unchecked Sendable {
            let lock = NSLock()
            var request: APIRequest?
            let answer: Data
            init(answer: Data) { self.answer = answer }
        }

        struct Capture: ClientTransport {
            let captured: Captured
            func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
                captured.lock.withLock { captured.request = request }
                return APIResponse(status: 200, headers: ["Content-Type": "application/json"], body: captured.answer)
            }
        }

        /// What the generated server handed its handler.
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var values: [String] = []
        }

        struct Handler: HostilePartialHandler {
            let seen: Seen
            func doThing(_ input: DoThingInput, credentials: HostileCredentials) async throws -> DoThingOutput {
                seen.lock.withLock { seen.values = [input.q ?? "", input.h ?? "", credentials.key ?? ""] }
                return .ok(input.body)
            }
        }

        /// The value's JSON as text (the test reads it; no JSONSerialization round trip here).
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        }

        // JSONDecoder, not JSONSerialization: the latter drops a raw U+FEFF at the start of a string.
        func input<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            let directory = URL(fileURLWithPath: CommandLine.arguments[1])
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
        }

        let thing = try input("thing.json", as: Thing.self)
        let mismatch = try input("mismatch.json", as: Thing.self)
        let imported = try input("imported.json", as: ImpThing.self)
        let importedMismatch = try input("importedMismatch.json", as: ImpThing.self)

        let captured = Captured(answer: try JSONEncoder().encode(thing))
        let client = HostileClient(credentials: HostileCredentials(key: "k"), transport: Capture(captured: captured))
        let answer = try await client.doThing(q: "qv", h: "hv", body: thing)
        let request = captured.lock.withLock { captured.request }!

        // The same call through the generated router: path, query, header and auth header names match.
        let seen = Seen()
        let router = Handler(seen: seen).makeRouter()
        let local = HostileClient(credentials: HostileCredentials(key: "k"), transport: InProcessTransport(router: router))
        let served = try await local.doThing(q: "qv", h: "hv", body: thing)

        let output: [String: Any] = [
            "baseURL": HostileClient.defaultBaseURL.absoluteString,
            "enumValues": Mood.allCases.map(\.rawValue),
            "openValues": [Hue.o0.rawValue, Hue.o1.rawValue, Hue.o2.rawValue],
            "dialect": [XMLDialect.hostile.rootElement, XMLDialect.hostile.listItemElement],
            "thing": try json(thing),
            "thingErrors": thing.validationErrors().map(\.description),
            "mismatchErrors": mismatch.validationErrors().map(\.path),
            "answerMatches": answer == .ok(thing),
            "path": request.path,
            "query": request.query.map { [$0.name, $0.value ?? ""] },
            "headers": request.headers.map { [$0.name, $0.value] },
            "served": seen.lock.withLock { seen.values },
            "servedAnswer": served == .ok(thing) ? "ok" : "\(served)",
            "importedEnum": ImpMood.allCases.map(\.rawValue),
            "imported": try json(imported),
            "importedErrors": imported.validationErrors().map(\.description),
            "importedMismatchErrors": importedMismatch.validationErrors().map(\.path),
        ]
        FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: output))
        """#

    @Test(.timeLimit(.minutes(15)))
    func hostileTextCompilesAndArrivesByteForByte() async throws {
        let seed = FuzzSeed.choose("hostileTextCompilesAndArrivesByteForByte")
        let plan = Self.plan(seed: seed)
        // The shared scratch package: APIRuntime is built once for every compile test.
        try await ScratchPackage.withPackage(root: TestSupport.packageRoot) { package in
            let files = FileManager.default
            try files.createDirectory(atPath: package + "/Definitions", withIntermediateDirectories: true)
            try files.createDirectory(atPath: package + "/Sources/Probe", withIntermediateDirectories: true)
            try Self.manifest.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
            try Self.probe.write(toFile: package + "/Sources/Probe/main.swift", atomically: true, encoding: .utf8)
            try JSONSerialization.data(withJSONObject: plan.definition, options: [.sortedKeys])
                .write(to: URL(fileURLWithPath: package + "/Definitions/hostile.json"))
            try JSONSerialization.data(withJSONObject: plan.document, options: [.sortedKeys])
                .write(to: URL(fileURLWithPath: package + "/openapi.json"))

            // The definition checks clean; the document imports; both generate.
            let lint = try TestSupport.runApigen(["lint", "Definitions/hostile.json"], in: package)
            try #require(lint.status == 0, "seed \(seed): \(lint.stderr)")
            let imported = try TestSupport.runApigen(
                ["import", package + "/openapi.json", "-o", "Definitions/imported.json", "--name", "Imported"], in: package)
            try #require(imported.status == 0, "seed \(seed): \(imported.stderr)")
            let generate = try TestSupport.runApigen(["generate"], in: package)
            try #require(generate.status == 0, "seed \(seed): \(generate.stderr)")

            // No generated line holds a raw line break other than `\n` or a raw control character (a tab
            // in a comment is kept), and
            // the planted call only ever appears in a comment (in a literal its quotes are escaped).
            for directory in ["Hostile", "Imported"] {
                for (name, contents) in TestSupport.snapshot(package + "/Generated/" + directory) {
                    let text = String(decoding: contents, as: UTF8.self)
                    #expect(
                        !text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && SwiftSource.needsEscape($0) },
                        "seed \(seed): \(directory)/\(name) holds a raw control, separator or bidi character")
                    for line in text.split(separator: "\n") where line.contains("fatalError(\"") {
                        #expect(
                            line.trimmingCharacters(in: .whitespaces).hasPrefix("//"),
                            "seed \(seed): \(directory)/\(name): code from definition text: \(line)")
                    }
                }
            }

            // One build, without a warning.
            let build = try ScratchPackage.run(["swift", "build", "--package-path", package], in: package)
            try #require(build.status == 0, "seed \(seed): \(build.output.suffix(8000))")
            let warnings = build.output.split(separator: "\n").filter { $0.contains("warning:") }
            #expect(warnings.isEmpty, "seed \(seed): \(warnings.joined(separator: "\n"))")

            // Values arrive byte for byte.
            var thing: [String: Any] = [
                "kind": plan.constant, "p": plan.patternText, "either": [plan.discriminator: plan.beta, "b": "x"],
            ]
            for (index, name) in plan.wireNames.enumerated() { thing[name] = "v\(index)" }
            var mismatch = thing
            mismatch["p"] = plan.patternText + "x"
            let importedThing: [String: Any] = [plan.importedRequired: plan.importedRequired, "k": plan.importedConstant]
            var importedMismatch = importedThing
            importedMismatch[plan.importedRequired] = "x" + plan.importedRequired
            let inputs: [(String, [String: Any])] = [
                ("thing", thing), ("mismatch", mismatch), ("imported", importedThing),
                ("importedMismatch", importedMismatch),
            ]
            try files.createDirectory(atPath: package + "/inputs", withIntermediateDirectories: true)
            for (name, value) in inputs {
                try JSONSerialization.data(withJSONObject: value)
                    .write(to: URL(fileURLWithPath: package + "/inputs/\(name).json"))
            }
            let run = try ScratchPackage.run([package + "/.build/debug/Probe", package + "/inputs"], in: package)
            try #require(run.status == 0, "seed \(seed): \(run.output)")
            let output = try #require(
                try JSONSerialization.jsonObject(with: Self.escapingByteOrderMarks(Data(run.output.utf8)))
                    as? [String: Any], "\(run.output)")

            #expect(output["baseURL"] as? String == "https://api.example.com/v1/%22%5C(%0A%E2%80%AE")
            #expect(output["enumValues"] as? [String] == plan.enumValues, "seed \(seed)")
            #expect(output["openValues"] as? [String] == plan.openValues, "seed \(seed)")
            #expect(output["dialect"] as? [String] == [plan.rootElement, plan.itemElement], "seed \(seed)")
            let encoded = try Self.object(output["thing"])
            #expect(Set(encoded.keys) == Set(plan.wireNames + ["kind", "d", "p", "mood", "either"]), "seed \(seed)")
            // The discriminator chose `Beta` by its hostile value, and wrote it back as it came.
            #expect(encoded["either"] as? [String: String] == [plan.discriminator: plan.beta, "b": "x"], "seed \(seed)")
            for (index, name) in plan.wireNames.enumerated() { #expect(encoded[name] as? String == "v\(index)") }
            #expect(encoded["kind"] as? String == plan.constant, "seed \(seed)")
            #expect(encoded["d"] as? String == plan.defaultText, "seed \(seed)")
            #expect(encoded["mood"] as? String == plan.enumValues[1], "seed \(seed)")
            #expect(output["thingErrors"] as? [String] == [], "seed \(seed): the pattern does not match its own text")
            #expect(output["mismatchErrors"] as? [String] == ["p"], "seed \(seed)")
            #expect(output["answerMatches"] as? Bool == true)
            #expect(output["path"] as? String == plan.path, "seed \(seed)")
            #expect(output["query"] as? [[String]] == [[plan.queryName, "qv"]], "seed \(seed)")
            let headers = try #require(output["headers"] as? [[String]])
            #expect(headers.contains([plan.headerName, "hv"]), "seed \(seed): \(headers)")
            #expect(headers.contains([plan.authHeader, "k"]), "seed \(seed): \(headers)")

            #expect(output["served"] as? [String] == ["qv", "hv", "k"], "seed \(seed): \(output["served"] ?? "")")
            #expect(output["servedAnswer"] as? String == "ok", "seed \(seed)")
            #expect(output["importedEnum"] as? [String] == plan.importedEnum, "seed \(seed)")
            let importedEncoded = try Self.object(output["imported"])
            #expect(importedEncoded[plan.importedRequired] as? String == plan.importedRequired, "seed \(seed)")
            #expect(importedEncoded[plan.importedDefaulted] as? String == plan.importedDefault, "seed \(seed)")
            #expect(importedEncoded["k"] as? String == plan.importedConstant, "seed \(seed)")
            #expect(output["importedErrors"] as? [String] == [], "seed \(seed)")
            #expect(output["importedMismatchErrors"] as? [String] == [plan.importedRequired], "seed \(seed)")
        }
    }
}
