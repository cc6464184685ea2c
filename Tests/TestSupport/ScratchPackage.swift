import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one scratch SwiftPM package that the compile tests (hostile names, hostile text, random
/// definitions, the synthetic OpenAPI document) share, so that APIRuntime and the package graph are
/// built once for all of them instead of once per test, and a second run rebuilds only what changed.
///
/// It lives in `<package root>/.build/apigen-scratch/Scratch`, beside a link `apigen` to the package
/// root (a test's manifest depends on `.package(path: "../apigen")`). One test at a time uses it:
/// waiting tests suspend (they do not hold a thread), and a file lock keeps two test processes of the
/// same checkout apart. Each user finds it emptied of the previous user's sources; its `.build` stays.
public enum ScratchPackage {
    /// The in-process queue of tests waiting for the package.
    private static let gate = Gate()

    /// The directories and files a user may have left behind (everything but `.build`).
    static let cleared = [
        "Package.swift", "Package.resolved", "Sources", "Generated", "Definitions", "inputs", "openapi.json",
    ]

    /// Runs `body` with exclusive use of the shared scratch package; `body` gets its directory.
    public static func withPackage<T>(root: URL, _ body: (String) async throws -> T) async throws -> T {
        await gate.enter()
        do {
            let result = try await locked(root: root, body)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    /// ``withPackage(root:_:)`` once this process holds the gate: takes the file lock and clears the package.
    private static func locked<T>(root: URL, _ body: (String) async throws -> T) async throws -> T {
        let base = root.appendingPathComponent(".build/apigen-scratch").path
        let package = base + "/Scratch"
        let files = FileManager.default
        try files.createDirectory(atPath: package, withIntermediateDirectories: true)
        if (try? files.destinationOfSymbolicLink(atPath: base + "/apigen")) == nil {
            try files.createSymbolicLink(atPath: base + "/apigen", withDestinationPath: root.path)
        }
        let lock = open(base + "/lock", O_CREAT | O_RDWR, 0o644)
        if lock >= 0 { _ = flock(lock, LOCK_EX) }
        defer {
            if lock >= 0 {
                _ = flock(lock, LOCK_UN)
                close(lock)
            }
        }
        for name in cleared { try? files.removeItem(atPath: package + "/" + name) }
        return try await body(package)
    }

    /// Runs `command` (looked up in `PATH`) in `directory`; its exit status and its output and errors together.
    public static func run(_ command: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A first-come, first-served lock for async code.
    actor Gate {
        private var busy = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func enter() async {
            guard busy else {
                busy = true
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func leave() {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
    }
}
