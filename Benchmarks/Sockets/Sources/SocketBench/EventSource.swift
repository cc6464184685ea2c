/// The numbers 0..<count as an async sequence, produced one at a time as the consumer asks: the
/// source of every event stream of the benchmark, so that no stream is buffered in memory.
struct EventSource: AsyncSequence, Sendable {
    typealias Element = Int

    /// How many numbers the sequence produces.
    var count: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var next = 0
        let count: Int

        mutating func next() async -> Int? {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(count: count) }
}
