import Foundation
import TestSupport
import Testing

/// A handler that stops matching its definition fails to compile: `<Service>Handler` has no default
/// for any operation. Only a handler that adopts `<Service>PartialHandler` gets 501 defaults. Each
/// case type-checks sFOX's committed `Generated/SFOX` with one handler against the APIRuntime module
/// this test run built (`swiftc -typecheck`, about two seconds).
@Suite struct HandlerConformanceTests {
    /// `swiftc -typecheck` of the generated sFOX files and `handler`; the compiler's exit status and errors.
    static func typecheck(_ handler: String) throws -> (status: Int32, errors: String) {
        let apigen = try #require(TestSupport.apigenExecutable, "the test run builds apigen")
        let modules = URL(fileURLWithPath: apigen).deletingLastPathComponent().appendingPathComponent("Modules").path
        let directory = try TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = directory + "/Handler.swift"
        try ("import APIRuntime\nimport Foundation\n\n" + handler).write(toFile: source, atomically: true, encoding: .utf8)
        let generated = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("Generated/SFOX"))
            .filter { $0.hasSuffix(".swift") }.sorted().map { TestSupport.path("Generated/SFOX/" + $0) }
        let run = try ScratchPackage.run(
            ["swiftc", "-typecheck", "-swift-version", "6", "-parse-as-library", "-I", modules] + generated + [source],
            in: directory)
        return (run.status, run.output)
    }

    static let complete = """
        struct Complete: SFOXHandler {
            func sendVerification(_ input: SendVerificationInput, credentials: SFOXCredentials) async throws
                -> SendVerificationOutput
            {
                .ok(SendVerificationResponse(data: VerificationCode(userID: input.userID, type: input.body.type)))
            }
        }
        """

    /// The method as it was before the operation gained auth: no `credentials` argument.
    static func drifted(adopting protocolName: String) -> String {
        """
        struct Drifted: \(protocolName) {
            func sendVerification(_ input: SendVerificationInput) async throws -> SendVerificationOutput {
                .ok(SendVerificationResponse(data: VerificationCode(userID: input.userID, type: input.body.type)))
            }
        }
        """
    }

    @Test func aCompleteHandlerCompiles() throws {
        let result = try Self.typecheck(Self.complete)
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func aHandlerWhoseMethodDriftedFailsToCompile() throws {
        let result = try Self.typecheck(Self.drifted(adopting: "SFOXHandler"))
        #expect(result.status != 0)
        #expect(result.errors.contains("does not conform to protocol 'SFOXHandler'"), "\(result.errors)")
    }

    @Test func aHandlerThatImplementsNothingFailsToCompile() throws {
        let result = try Self.typecheck("struct Empty: SFOXHandler {}")
        #expect(result.errors.contains("does not conform to protocol 'SFOXHandler'"), "\(result.errors)")
    }

    /// The opt-in: the same drifted handler compiles as a partial handler (its operation answers 501,
    /// which `SFOXInProcessTests` checks through a router).
    @Test func thePartialHandlerOptsIntoDefaults() throws {
        let drifted = try Self.typecheck(Self.drifted(adopting: "SFOXPartialHandler"))
        #expect(drifted.status == 0, "\(drifted.errors)")
        let empty = try Self.typecheck("struct Empty: SFOXPartialHandler {}")
        #expect(empty.status == 0, "\(empty.errors)")
    }
}
