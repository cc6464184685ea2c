import Foundation

/// Runs independent, pure work on every core.
public enum Parallel {
    /// `transform(0..<count)`, computed concurrently, in index order.
    public static func map<T: Sendable>(_ count: Int, _ transform: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let results = Results<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, transform(index)) }
        return results.values
    }

    private final class Results<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

        var values: [T] { lock.withLock { slots.map { $0! } } }
    }
}

extension Parallel {
    /// `body` over `0..<count` in consecutive runs of `length`, the runs on every core; results in
    /// run order.
    static func runs<T: Sendable>(of count: Int, length: Int, _ body: @escaping @Sendable (Range<Int>) -> T) -> [T] {
        map((count + length - 1) / length) { run in body(run * length..<min((run + 1) * length, count)) }
    }
}

/// Diagnostics found on another thread, not located yet: the position scanner is built lazily by
/// the reader that started the work, and is not shared across threads.
struct UnlocatedDiagnostics: Sendable {
    private var diagnostics: [Diagnostic] = []
    private var prefersKey: [Bool] = []

    mutating func append(_ diagnostic: Diagnostic, preferKey: Bool) {
        diagnostics.append(diagnostic)
        prefersKey.append(preferKey)
    }

    /// The diagnostics, in order, with the positions `locate` gives their paths.
    func located(by locate: (_ path: String, _ preferKey: Bool) -> (Int, Int)?) -> [Diagnostic] {
        zip(diagnostics, prefersKey).map { diagnostic, preferKey in
            var located = diagnostic
            if let position = locate(diagnostic.path, preferKey) { (located.line, located.column) = position }
            return located
        }
    }
}
