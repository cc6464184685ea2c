import APIDefinition
import Foundation
import Testing

/// `Definitions/apigen.schema.json` accepts what the format accepts: every definition and fixture in
/// the repository validates against the schema its own `$schema` names (checked by the Python
/// `jsonschema` package, from the tests' own environment, see `PythonEnvironment`).
@Suite("JSON Schema")
struct JSONSchemaTests {
    /// Every definition file under `Definitions/` and `Tests/Fixtures/` (not generated output, diff
    /// results or schemas), relative to the package root, sorted.
    static func definitionFiles() -> [String] {
        var files: [String] = []
        for top in ["Definitions", "Tests/Fixtures"] {
            guard let enumerator = FileManager.default.enumerator(atPath: TestSupport.path(top)) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let components = relative.split(separator: "/")
                // `apigen` is the link to the package root; `.build` holds a fixture package's builds;
                // `OpenAPI` holds OpenAPI documents that the import tests read, not definitions.
                if components.contains(where: {
                    $0 == "apigen" || $0.hasPrefix(".") || $0 == "Generated" || $0 == "OpenAPI"
                }) {
                    enumerator.skipDescendants()
                    continue
                }
                guard relative.hasSuffix(".json"), !relative.hasSuffix(".schema.json"),
                    !(components.last ?? "").hasPrefix("expected")
                else { continue }
                files.append("\(top)/\(relative)")
            }
        }
        return files.sorted()
    }

    @Test func everyDefinitionNamesTheSchemaInsideTheRepository() throws {
        let files = Self.definitionFiles()
        #expect(files.contains("Tests/Fixtures/Definitions/awkward.json"))
        #expect(files.contains("Definitions/teamup.json"))
        #expect(files.count >= 15, "\(files)")
        let schema = URL(fileURLWithPath: TestSupport.path("Definitions/apigen.schema.json")).standardizedFileURL
            .resolvingSymlinksInPath()
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path(file)))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file)")
            let reference = try #require(object["$schema"] as? String, "\(file) names no $schema")
            let resolved = URL(fileURLWithPath: TestSupport.path(file)).deletingLastPathComponent()
                .appendingPathComponent(reference).standardizedFileURL.resolvingSymlinksInPath()
            #expect(resolved == schema, "\(file): $schema '\(reference)' is not Definitions/apigen.schema.json")
        }
    }

    /// Each file is validated against the schema its `$schema` names, by a JSON Schema 2020-12
    /// validator; the schema itself must be a valid schema.
    @Test(.timeLimit(.minutes(10)))
    func everyDefinitionValidatesAgainstItsOwnSchema() throws {
        let files = Self.definitionFiles()
        let script = """
            import json, os, sys
            from jsonschema import Draft202012Validator
            failures = 0
            for path in sys.argv[1:]:
                with open(path) as f:
                    document = json.load(f)
                schema_path = os.path.join(os.path.dirname(path), document["$schema"])
                with open(schema_path) as f:
                    schema = json.load(f)
                Draft202012Validator.check_schema(schema)
                for error in Draft202012Validator(schema).iter_errors(document):
                    failures += 1
                    where = ".".join(str(p) for p in error.absolute_path)
                    print(f"{path}: {where}: {error.message[:300]}")
            print(f"checked {len(sys.argv) - 1} files, {failures} failures")
            sys.exit(1 if failures else 0)
            """
        let result = try Self.runPython(script, arguments: files.map(TestSupport.path))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("checked \(files.count) files, 0 failures"), "\(result.output)")
    }

    /// The schema's field types follow the format: maps and `json` are accepted, what the checker
    /// rejects for every definition is not.
    @Test func schemaAcceptsMapsAndRejectsUnsupportedContainers() throws {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            with open(sys.argv[1]) as f:
                schema = json.load(f)
            type_ref = Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/typeRef"})
            accepted = ["{string}", "{Child}", "{json}", "[Item]", "json", "date-time", "{[string]}", "{uuid}", "[uuid]",
                "[[string]]", "{[uuid]}", "[{string}]", "{date-time}", "[[unix-time]]", "{{[Item]}}", "[file]"]
            for text in accepted:
                print("accepts" if type_ref.is_valid(text) else "rejects", text)
            for text in ["{}", "[string", "[[string]", "{string]", "{file}", "[[file]]", "{[file]}", "my-type"]:
                print("rejects" if not type_ref.is_valid(text) else "accepts", text)
            """
        let result = try Self.runPython(script, arguments: [TestSupport.path("Definitions/apigen.schema.json")])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("accepts") }.count == 16, "\(result.output)")
        #expect(lines.filter { $0.hasPrefix("rejects") }.count == 8, "\(result.output)")
        // And what the schema accepts, the loader parses; what it rejects as malformed, the loader does not.
        for text in ["{string}", "{Child}", "{json}", "[Item]", "{[string]}", "[[unix-time]]", "{{[Item]}}"] {
            #expect(TypeRef.parse(text) != nil, "\(text)")
        }
        for text in ["{}", "[string", "[[string]", "{string]", "my-type"] {
            #expect(TypeRef.parse(text) == nil, "\(text)")
        }
    }

    /// A body's `required` is a boolean, as the loader reads it.
    @Test func schemaTakesABooleanRequiredOnABody() throws {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            with open(sys.argv[1]) as f:
                schema = json.load(f)
            body = Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/body"})
            for value in [True, False, "no", 0, None]:
                verdict = "accepts" if body.is_valid({"type": "Item", "required": value}) else "rejects"
                print(verdict, json.dumps(value))
            """
        let result = try Self.runPython(script, arguments: [TestSupport.path("Definitions/apigen.schema.json")])
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output.split(separator: "\n").map(String.init).filter {
                $0.hasPrefix("accepts") || $0.hasPrefix("rejects")
            } == [
                "accepts true", "accepts false", #"rejects "no""#, "rejects 0", "rejects null",
            ], "\(result.output)")
    }

    static func runPython(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PythonEnvironment.python())
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
