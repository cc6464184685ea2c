import APIGenAsyncHTTPClient
import APIRuntime
import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import Testing

/// The other modules' look-alikes, unqualified in the same file.
func theirNames() -> [Any.Type] {
    [
        HTTPMethod.self, HTTPHeaders.self, HTTPRequestHead.self, HTTPResponseStatus.self, HTTPRequest.self,
        HTTPResponse.self, HTTPFields.self, HTTPClient.self, HTTPClientRequest.self, HTTPClientResponse.self,
        ByteBuffer.self,
    ]
}

@Suite("Every APIRuntime name beside AsyncHTTPClient, NIOHTTP1 and HTTPTypes")
struct EveryRuntimeNameTests {
    @Test func eachEntryIsTheTypeItNames() {
        // The shared list (`Integrations/RuntimeNames/EveryRuntimeName.swift`, linked here; the root's
        // `EveryRuntimeNameTests` keeps it equal to APIRuntime's public types) compiles beside these modules.
        let ours = everyRuntimeName().map { String(reflecting: $0) }
        #expect(ours.count == Set(ours).count)
        #expect(ours.allSatisfy { $0.contains("APIRuntime.") }, "\(ours)")
        let theirs = theirNames().map { String(reflecting: $0) }
        #expect(theirs.count == Set(theirs).count)
        #expect(!theirs.contains { $0.hasPrefix("APIRuntime.") })
    }
}
