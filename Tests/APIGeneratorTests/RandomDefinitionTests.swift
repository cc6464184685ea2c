import APIDefinition
import APIGenerator
import APIOpenAPI
@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// The property test: random valid definitions (``RandomDefinitions``) are accepted by the checker,
/// survive writing and loading, generate code that compiles without warnings, and every sample
/// value decodes, validates and round-trips in each body format its type travels in.
///
/// Seeded and bounded: `APIGEN_FUZZ_SEED` replays a run (the seed is printed), and
/// `APIGEN_PROPERTY_COUNT` sets how many definitions (default 6). All definitions compile in the
/// shared ``ScratchPackage`` (warnings are errors), so a second run rebuilds only what changed.
@Suite("Random definitions")
struct RandomDefinitionTests {
    /// `APIGEN_FUZZ_SEED`, else one from the clock; printed by each test.
    static func seed(_ test: String) -> UInt64 {
        FuzzSeed.choose(
            "RandomDefinitionTests.\(test)", default: UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000)
    }

    static var count: Int {
        ProcessInfo.processInfo.environment["APIGEN_PROPERTY_COUNT"].flatMap(Int.init) ?? 6
    }

    @Test func definitionsAreAcceptedAndSurviveWritingAndLoading() throws {
        let seed = Self.seed("definitionsAreAcceptedAndSurviveWritingAndLoading")
        var generator = RandomDefinitions(random: SeededGenerator(seed: seed))
        var statuses: Set<String> = []
        var withHeaders = 0
        var withAnyOf = 0
        for index in 0..<40 {
            let definition = generator.definition(index).definition
            if definition.types.contains(where: { if case .anyOf = $0.kind { true } else { false } }) {
                withAnyOf += 1
            }
            for operation in definition.operations {
                for response in operation.responses where response.status.code == nil {
                    statuses.insert(response.status == .default ? "default" : "range")
                }
            }
            if definition.operations.contains(where: { $0.responses.contains { !$0.headers.isEmpty } }) {
                withHeaders += 1
            }
            let diagnostics = DefinitionChecker.check(definition)
            #expect(diagnostics.isEmpty, "seed \(seed), definition \(index): \(diagnostics.map(\.description))")
            let text = DefinitionWriter.text(definition)
            let loaded = try DefinitionLoader.load(data: Data(text.utf8), file: definition.file)
            let unchanged = loaded == definition
            #expect(unchanged, "seed \(seed), definition \(index) changed on writing and loading:\n\(text)")
        }
        // The random definitions use status ranges and `default` answers.
        #expect(statuses == ["range", "default"], "seed \(seed)")
        // Typed response headers are common enough that every run has some.
        #expect(withHeaders >= 10, "seed \(seed): only \(withHeaders) of 40 definitions have typed response headers")
        // So are anyOfs (JSON-only definitions with a oneOf, most of them).
        #expect(withAnyOf >= 2, "seed \(seed): only \(withAnyOf) of 40 definitions have an anyOf")
    }

    @Test(.timeLimit(.minutes(10))) func generatedCodeCompilesAndRoundTrips() async throws {
        let seed = Self.seed("generatedCodeCompilesAndRoundTrips")
        let started = Date()
        print("RandomDefinitionTests: APIGEN_PROPERTY_COUNT=\(Self.count)")
        var generator = RandomDefinitions(random: SeededGenerator(seed: seed))
        let randoms = (0..<Self.count).map { generator.definition($0) }

        // The shared scratch package: APIRuntime is built once for every compile test.
        try await ScratchPackage.withPackage(root: TestSupport.packageRoot) { app in
            let files = FileManager.default
            try files.createDirectory(atPath: app + "/Sources/Check", withIntermediateDirectories: true)
            try files.createDirectory(atPath: app + "/Sources/PropertySupport", withIntermediateDirectories: true)
            let names = randoms.map(\.definition.service.name)
            try Self.manifest(names).write(toFile: app + "/Package.swift", atomically: true, encoding: .utf8)
            try Self.support.write(
                toFile: app + "/Sources/PropertySupport/Support.swift", atomically: true, encoding: .utf8)
            var main = "import Foundation\nimport PropertySupport\n"
            main += names.map { "import \($0)API\n" }.joined()
            main += "\nvar report = Report()\n"
            main += names.map { "propertyCheck\($0)(&report)\nreport.merge(await propertyServe\($0)())\n" }.joined()
            main += """
                print("checked \\(report.checked) samples")
                print("served \\(report.served) calls")
                for failure in report.failures { print("FAIL: " + failure) }
                exit(report.failures.isEmpty ? 0 : 1)

                """
            try main.write(toFile: app + "/Sources/Check/main.swift", atomically: true, encoding: .utf8)
            var sampleCount = 0
            var callCount = 0
            for random in randoms {
                let definition = random.definition
                #expect(DefinitionChecker.check(definition).isEmpty, "seed \(seed): \(definition.service.name)")
                for file in Generator.generate(definition) {
                    let path = app + "/Generated/" + file.path
                    try files.createDirectory(
                        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
                }
                sampleCount += random.samples.count
                let (serve, calls) = Self.serve(random)
                callCount += calls
                try (Self.checks(random) + serve).write(
                    toFile: app + "/Generated/\(definition.service.name)/PropertyCheck.swift", atomically: true,
                    encoding: .utf8)
            }

            let build = try ScratchPackage.run(["swift", "build", "--package-path", app], in: app)
            let warnings = build.output.split(separator: "\n").filter {
                $0.contains("warning:") && $0.contains("/Generated/")
            }
            #expect(
                build.status == 0, "seed \(seed): the generated code does not compile:\n\(build.output.suffix(20_000))")
            #expect(warnings.isEmpty, "seed \(seed): warnings in generated code:\n\(warnings.joined(separator: "\n"))")
            guard build.status == 0 else { return }
            let check = try ScratchPackage.run([app + "/.build/debug/Check"], in: app)
            #expect(check.status == 0, "seed \(seed):\n\(check.output.suffix(20_000))")
            #expect(check.output.contains("checked \(sampleCount) samples"), "\(check.output.suffix(2_000))")
            #expect(check.output.contains("served \(callCount) calls"), "\(check.output.suffix(2_000))")
            print(
                "RandomDefinitionTests: \(Self.count) definitions, \(sampleCount) samples, \(callCount) client → server calls, "
                    + String(format: "%.0f s", Date().timeIntervalSince(started)))
        }
    }

    static func manifest(_ names: [String]) -> String {
        """
        // swift-tools-version: 6.0
        import PackageDescription

        let names = [\(names.map { "\"\($0)\"" }.joined(separator: ", "))]
        let runtime: Target.Dependency = .product(name: "APIRuntime", package: "apigen")
        let settings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .unsafeFlags(["-warnings-as-errors"])]

        let package = Package(
            name: "PropertyApp",
            platforms: [.macOS(.v13)],
            dependencies: [.package(path: "../apigen")],
            targets: [
                .target(
                    name: "PropertySupport", dependencies: [runtime],
                    swiftSettings: [.enableUpcomingFeature("ExistentialAny")])
            ]
                + names.map {
                    .target(
                        name: "\\($0)API", dependencies: [runtime, "PropertySupport"], path: "Generated/\\($0)",
                        swiftSettings: settings)
                } + [
                    .executableTarget(
                        name: "Check", dependencies: ["PropertySupport"] + names.map { .target(name: "\\($0)API") })
                ],
            swiftLanguageModes: [.v6]
        )

        """
    }

    /// The round trips, shared by every generated library.
    static let support = """
        @_spi(Generated) import APIRuntime
        import Foundation

        /// Samples checked and what went wrong.
        public struct Report {
            public var checked = 0
            public var served = 0
            public var failures: [String] = []
            public init() {}

            public mutating func merge(_ other: Report) {
                checked += other.checked
                served += other.served
                failures += other.failures
            }
        }

        /// Decodes a valid JSON sample (which validates it) and round-trips it in JSON.
        public func roundTrip<T: Codable & Hashable>(_ type: T.Type, _ base64: String, _ report: inout Report) {
            report.checked += 1
            let json = Data(base64Encoded: base64)!
            do {
                let value = try JSONCoding.decode(T.self, from: json)
                let encoded = try JSONCoding.encode(value)
                let back = try JSONCoding.decode(T.self, from: encoded)
                let again = try JSONCoding.encode(back)
                if back != value || again != encoded {
                    report.failures.append("\\(T.self) json: \\(value) came back as \\(back)")
                }
            } catch {
                report.failures.append("\\(T.self): \\(String(decoding: json, as: UTF8.self)): \\(error)")
            }
        }

        /// A sample as a value, when it decodes (``roundTrip`` reports it when it does not).
        public func decodeSample<T: Decodable>(_ type: T.Type, _ base64: String) -> T? {
            try? JSONCoding.decode(T.self, from: Data(base64Encoded: base64)!)
        }

        /// Also round-trips it in each of `formats` (XML, forms, multipart).
        public func roundTrip<T: Codable & Hashable & TextTreeCodable>(
            _ type: T.Type, _ base64: String, _ formats: [BodyFormat], _ dialect: XMLDialect, _ report: inout Report
        ) {
            roundTrip(type, base64, &report)
            let json = Data(base64Encoded: base64)!
            guard let value = try? JSONCoding.decode(T.self, from: json) else { return }
            for format in formats where format != .json {
                do {
                    let (data, contentType) = try BodyCoding.encode(value, as: format, dialect: dialect)
                    let back = try BodyCoding.decode(
                        T.self, from: data, format: format, contentType: contentType, dialect: dialect)
                    if back != value {
                        report.failures.append(
                            "\\(T.self) \\(format): \\(value) came back as \\(back) from \\(String(decoding: data, as: UTF8.self))")
                    }
                } catch {
                    report.failures.append("\\(T.self) \\(format): \\(String(decoding: json, as: UTF8.self)): \\(error)")
                }
            }
        }

        """

    /// Each sample sent by the generated client to the generated server (in process), whose handler
    /// echoes the body, in every request format of its operation; and the number of calls.
    static func serve(_ random: RandomDefinition) -> (code: String, calls: Int) {
        let definition = random.definition
        let service = definition.service.name
        let operations = definition.operations.filter { $0.name.hasPrefix("put") }
        var result = "\nstruct Echo\(service): \(service)PartialHandler {\n"
        /// The case the echo answers with: a range's (status x22), else `default`'s (418), else `ok`.
        func echo(_ operation: APIDefinition.Operation, _ value: String) -> String {
            if let range = operation.responses.first(where: { if case .range = $0.status { true } else { false } }) {
                return
                    ".\(Naming.statusCase(range.status))(status: \(range.status.codes.lowerBound + 22), body: \(value))"
            }
            if operation.responses.contains(where: { $0.status == .default }) {
                return ".`default`(status: 418, body: \(value))"
            }
            return ".ok(\(value)\(Self.headersArgument(operation, definition)))"
        }
        for operation in operations {
            let type = Naming.operationType(operation)
            let credentials = operation.auth.isEmpty ? "" : ", credentials: \(service)Credentials"
            result +=
                "    func \(Naming.method(operation))(_ input: \(type)Input\(credentials)) async throws -> \(type)Output {\n"
            if operation.body?.required == false {
                // The client always sends one here; a missing body would be a bug.
                result += "        guard let body = input.body else { throw ServerError.badRequest(\"no body\") }\n"
                result += "        return \(echo(operation, "body"))\n    }\n"
            } else {
                result += "        \(echo(operation, "input.body"))\n    }\n"
            }
        }
        if definition.service.errorBody != nil {
            result += """
                    func errorBody(for error: ServerError) -> ProblemBody {
                        ProblemBody(code: error.status, message: error.message, detail: error.fields.first?.path)
                    }

                """
        }
        result += "}\n\n"
        result += "public func propertyServe\(service)() async -> Report {\n"
        result += "    var report = Report()\n"
        if definition.service.errorBody != nil {
            // The router's own 404 carries the service's error body.
            result += """
                    let missing = await Echo\(service)().makeRouter().handle(APIRequest(method: .get, path: "/no/such"))
                    report.served += 1
                    let problem = try? JSONCoding.decode(ProblemBody.self, from: missing.body.bufferedData ?? Data())
                    if problem?.code != 404 {
                        report.failures.append("errorBody: 404 came back as \\(missing.status) \\(String(describing: problem))")
                    }

                """
        }
        result += "    let client = \(service)Client(\n"
        if definition.service.baseURL == nil { result += "        baseURL: URL(string: \"https://example.com\")!,\n" }
        result +=
            "        credentials: \(service)Credentials(token: \"t\", key: \"k\", secret: \"s\", "
            + "login: BasicCredentials(username: \"u\", password: \"p:w\"), oauth: \"o\", qkey: \"q\", ckey: \"c; d\"),\n"
        result += "        transport: InProcessTransport(router: Echo\(service)().makeRouter()))\n"
        var calls = definition.service.errorBody == nil ? 0 : 1
        for sample in random.samples {
            guard let operation = operations.first(where: { $0.name == sample.operation }) else { continue }
            var arguments: [String] = []
            func literal(_ type: TypeRef) -> String? {
                switch type {
                case .integer, .int64: return "42"
                case .uuid: return "UUID(uuidString: \"3fa85f64-5717-4562-b3fc-2c963f66afa6\")!"
                case .date: return "CalendarDate(year: 2026, month: 2, day: 28)!"
                case .named(let name):
                    guard case .enumeration(let values, _)? = definition.type(named: name)?.kind else { return nil }
                    return "." + Naming.escaped(Naming.enumCase(values[0]))
                // Items that hold every delimiter, `%` and characters a header or cookie cannot carry as they are.
                case .array(.string): return #"["a b/c?d", "e,f|g h%2C", "ü;\"x\""]"#
                case .array(let item): return literal(item).map { "[\($0), \($0)]" }
                default: return "\"a b/c?d\""
                }
            }
            for parameter in operation.parameters where parameter.required {
                guard let value = literal(parameter.type) else { continue }
                arguments.append("\(Naming.parameter(parameter)): \(value)")
            }
            let formats = operation.body?.contentTypes.count ?? 0 > 1 ? ["json", "xml"] : ["json"]
            // With a response format parameter, the answers come as XML too.
            let hasFormat = operation.parameters.contains { $0.name == definition.service.responseFormatParameter }
            let answers = hasFormat ? ["", ".xml"] : [""]
            let base64 = Data(sample.json.jsonText.utf8).base64EncodedString()
            let method = Naming.method(operation)
            result += "    if let value = decodeSample(\(sample.swiftType).self, \"\(base64)\") {\n"
            for format in formats {
                for answer in answers {
                    calls += 1
                    let formatArgument = formats.count > 1 ? ", bodyFormat: .\(format)" : ""
                    let input = arguments + (answer.isEmpty ? [] : ["format: \(answer)"]) + ["body: value"]
                    let label = "\(method) \(format) \(answer)"
                    result += "        report.served += 1\n"
                    result += "        do {\n"
                    result +=
                        "            let output = try await client.\(method)(\(Naming.operationType(operation))Input(\(input.joined(separator: ", ")))\(formatArgument))\n"
                    result +=
                        "            if output != \(echo(operation, "value")) { report.failures.append(\"\(label): \\(value) came back as \\(output)\") }\n"
                    result += "        } catch {\n"
                    result += "            report.failures.append(\"\(label): \\(value): \\(error)\")\n"
                    result += "        }\n"
                }
            }
            result += "    }\n"
        }
        return (result + "    return report\n}\n", calls)
    }

    /// `, headers: .init(…)` with a valid value for every typed header of the operation's 200 answer
    /// (the Echo handler answers with it, and the client must read back the same); empty without headers.
    static func headersArgument(_ operation: APIDefinition.Operation, _ definition: Definition) -> String {
        guard let headers = operation.responses.first(where: { $0.status == 200 })?.headers, !headers.isEmpty
        else { return "" }
        let arguments = headers.map { header -> String in
            let value: String
            switch header.type {
            case .uri: value = "URL(string: \"https://example.com/items/1?a=b\")!"
            case .integer, .int64: value = "42"
            case .uuid: value = "UUID(uuidString: \"3fa85f64-5717-4562-b3fc-2c963f66afa6\")!"
            case .date: value = "CalendarDate(year: 2026, month: 2, day: 28)!"
            case .boolean: value = "true"
            case .named(let name):
                if case .enumeration(let values, _)? = definition.type(named: name)?.kind {
                    // Qualified: an optional header's `.none` would be Optional's.
                    value = Naming.type(name) + "." + Naming.escaped(Naming.enumCase(values[0]))
                } else {
                    value = "nil"
                }
            default: value = "\"W/\\\"a b\\\"\""
            }
            return "\(Naming.parameter(header)): \(value)"
        }
        return ", headers: .init(\(arguments.joined(separator: ", ")))"
    }

    /// The checks of one definition's samples, compiled into its library.
    static func checks(_ random: RandomDefinition) -> String {
        let service = random.definition.service.name
        var result = "@_spi(Generated) import APIRuntime\nimport Foundation\nimport PropertySupport\n\n"
        result += "public func propertyCheck\(service)(_ report: inout Report) {\n"
        for sample in random.samples {
            let base64 = Data(sample.json.jsonText.utf8).base64EncodedString()
            if sample.formats == [.json] {
                result += "    roundTrip(\(sample.swiftType).self, \"\(base64)\", &report)\n"
            } else {
                let formats = sample.formats.map { ".\($0)" }.joined(separator: ", ")
                result +=
                    "    roundTrip(\(sample.swiftType).self, \"\(base64)\", [\(formats)], .\(Naming.lowerCamel(service)), &report)\n"
            }
        }
        return result + "}\n"
    }
}
