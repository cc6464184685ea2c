import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare HTTP/1.1 connection on a blocking socket to 127.0.0.1, with a small receive buffer and a read
/// timeout: a client that reads exactly as much of an answer as the test asks for, and can stop reading or
/// close mid-body. Its calls block, so tests make them through ``offThread(_:)``.
final class RawHTTPConnection: @unchecked Sendable {
    private let socket: Int32
    /// Every byte received so far (head and body, as on the wire).
    private(set) var received = Data()

    /// Connects to `port`, with a receive buffer of `receiveBuffer` bytes and reads that give up after 30 s.
    init(port: Int, receiveBuffer: Int32 = 16_384) throws {
        #if canImport(Glibc)
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        var size = receiveBuffer
        setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close()
            throw POSIXError(.ECONNREFUSED)
        }
    }

    /// Sends `text` whole.
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, 0) }
            guard sent > 0 else { throw POSIXError(.EPIPE) }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Reads until `enough(received)` holds; throws if the connection ends or a read times out first.
    func read(until enough: (Data) -> Bool) throws {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !enough(received) {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else {
                throw RawHTTPConnectionError(
                    reason: count == 0 ? "the server closed the connection" : "no bytes for 30 s",
                    received: String(decoding: received.prefix(300), as: UTF8.self))
            }
            received.append(contentsOf: buffer[..<count])
        }
    }

    /// Closes the connection (idempotent only in that the test calls it once).
    func close() {
        #if canImport(Glibc)
            _ = Glibc.close(socket)
        #else
            _ = Darwin.close(socket)
        #endif
    }
}

/// Why ``RawHTTPConnection/read(until:)`` stopped early, with the start of what it had received.
struct RawHTTPConnectionError: Error, CustomStringConvertible {
    let reason: String
    let received: String
    var description: String { "\(reason); received: \(received)" }
}

/// How many times `needle` occurs in `data`.
func occurrences(of needle: String, in data: Data) -> Int {
    let pattern = Data(needle.utf8)
    var count = 0
    var start = data.startIndex
    while let found = data.range(of: pattern, in: start..<data.endIndex) {
        count += 1
        start = found.upperBound
    }
    return count
}

/// Runs blocking `work` on a thread of its own, off Swift concurrency's small pool.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
