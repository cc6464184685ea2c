import Foundation

/// The Python packages the tests validate with (OpenAPI documents, JSON Schema), in a virtual
/// environment under `.build/test-venv` that the tests make themselves on first use: a fresh clone
/// needs nothing but `python3`. Creating it takes a minute or two (pip downloads the packages);
/// later runs reuse it.
///
/// Test processes that race wait for each other (an exclusive lock on `.build/test-venv.lock`), and
/// the environment is built in a temporary directory and renamed into place only when complete, so
/// an interrupted run leaves no half-made environment behind.
enum PythonEnvironment {
    /// The packages installed, as pip names them.
    static let packages = ["openapi-spec-validator==0.9.0", "jsonschema==4.26.0"]

    /// Why the environment could not be made; the test that needs it fails with this message.
    struct ProvisioningError: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    static let directory = TestSupport.path(".build/test-venv")

    /// The environment's `python3`, made once per test process.
    static func python() throws(ProvisioningError) -> String { try provisioned.get() }

    private static let provisioned: Result<String, ProvisioningError> = Result { () throws(ProvisioningError) in
        try provision()
    }

    /// The marker the environment carries when it is complete: the packages it holds.
    private static var marker: String { packages.joined(separator: "\n") + "\n" }

    private static func provision() throws(ProvisioningError) -> String {
        let python = directory + "/bin/python3"
        let markerPath = directory + "/apigen-test-packages.txt"
        func isReady() -> Bool {
            FileManager.default.isExecutableFile(atPath: python)
                && (try? String(contentsOfFile: markerPath, encoding: .utf8)) == marker
        }
        if isReady() { return python }
        let build = TestSupport.path(".build")
        try? FileManager.default.createDirectory(atPath: build, withIntermediateDirectories: true)
        let lock = open(build + "/test-venv.lock", O_CREAT | O_RDWR, 0o644)
        guard lock >= 0 else { throw ProvisioningError(description: "cannot open \(build)/test-venv.lock") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw ProvisioningError(description: "cannot lock test-venv.lock") }
        defer { flock(lock, LOCK_UN) }
        if isReady() { return python }  // another process made it while this one waited

        let staging = directory + ".partial"
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try run(["python3", "-m", "venv", staging], what: "create a virtual environment with `python3 -m venv`")
        try run(
            [staging + "/bin/python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + packages,
            what: "install \(packages.joined(separator: ", ")) with pip (is PyPI reachable?)")
        do {
            try marker.write(toFile: staging + "/apigen-test-packages.txt", atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.moveItem(atPath: staging, toPath: directory)
        } catch {
            throw ProvisioningError(description: "cannot move the test environment into \(directory): \(error)")
        }
        guard isReady() else { throw ProvisioningError(description: "\(directory) is incomplete after provisioning") }
        return python
    }

    private static func run(_ command: [String], what: String) throws(ProvisioningError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw ProvisioningError(description: "cannot \(what): \(error)")
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProvisioningError(
                description: "the tests need python3 and PyPI once, to make \(directory); cannot \(what):\n\(output)")
        }
    }
}
