// Writes the project's synthetic OpenAPI document (SyntheticOpenAPI.swift, shared with the tests):
//   SyntheticOpenAPI [--ops 500] [--schemas 1000] [--seed 42] -o synthetic.json
import Foundation

var operations = 500
var schemas = 1000
var seed: UInt64 = 42
var output: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    guard let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("error: \(argument) needs a value\n".utf8))
        exit(64)
    }
    switch argument {
    case "--ops": operations = Int(value) ?? operations
    case "--schemas": schemas = Int(value) ?? schemas
    case "--seed": seed = UInt64(value) ?? seed
    case "-o", "--output": output = value
    default:
        FileHandle.standardError.write(Data("error: unknown option \(argument)\n".utf8))
        exit(64)
    }
}
let text = SyntheticOpenAPI.document(operations: operations, schemas: schemas, seed: seed)
if let output {
    do {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
    print("\(output): \(operations) operations, \(schemas) schemas, seed \(seed)")
} else {
    print(text, terminator: "")
}
