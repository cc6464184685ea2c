/// The command line of `socket-bench` and `socket-clients`: `<command> <variant> [--option N]…`.
public struct Arguments: Sendable {
    /// `serve`, `client` or `events`.
    public var command: String
    /// Which server, transport or stream.
    public var variant: String
    /// The port on 127.0.0.1 to serve on or to call.
    public var port = 8080
    /// How many calls a client run makes.
    public var calls = 10_000
    /// How many tasks make them.
    public var concurrency = 1
    /// How many events a stream carries.
    public var events = 100_000

    /// Parses the arguments after the executable's name.
    ///
    /// - Throws: ``UsageError`` for a missing command or an unknown or malformed option.
    public init(_ arguments: [String]) throws(UsageError) {
        guard arguments.count >= 2 else { throw UsageError(message: "expected a command and what to run") }
        command = arguments[0]
        variant = arguments[1]
        var rest = arguments.dropFirst(2).makeIterator()
        while let option = rest.next() {
            guard let text = rest.next(), let value = Int(text), value >= 0 else {
                throw UsageError(message: "\(option) needs a number")
            }
            switch option {
            case "--port" where value <= 65535: port = value
            case "--calls": calls = value
            case "--concurrency": concurrency = value
            case "--events": events = value
            default: throw UsageError(message: "unknown option or value \(option) \(text)")
            }
        }
    }
}

/// A command line that cannot be run.
public struct UsageError: Error, CustomStringConvertible {
    /// What is wrong with it.
    public var message: String

    /// Creates the error.
    public init(message: String) { self.message = message }

    public var description: String { "\(message) (usage: see the top of the executable's main.swift)" }
}
