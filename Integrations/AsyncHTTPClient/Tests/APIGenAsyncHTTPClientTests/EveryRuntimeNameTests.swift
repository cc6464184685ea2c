import APIGenAsyncHTTPClient
import APIRuntime
import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import Testing

/// Every public (non-SPI) type of APIRuntime, named unqualified in a file that also imports
/// AsyncHTTPClient, NIOCore, NIOHTTP1 and swift-http-types: this file compiles only if no name clashes.
func everyRuntimeName() -> KeyValuePairs<String, Any.Type> {
    [
        "APIBody": APIBody.self, "APIRequest": APIRequest.self, "APIResponse": APIResponse.self,
        "APIRouter": APIRouter.self, "APIService": (any APIService).self, "AnyJSON": AnyJSON.self,
        "BodyFormat": BodyFormat.self, "ClientError": ClientError.self, "ClientMiddleware": (any ClientMiddleware).self,
        "ClientTimeout": ClientTimeout.self, "ClientTransport": (any ClientTransport).self,
        "Constrained": (any Constrained).self, "ConstraintChecker": ConstraintChecker.self,
        "HeaderFields": HeaderFields.self, "InProcessTransport": InProcessTransport.self,
        "Indirect": Indirect<Int>.self,
        "LoggingMiddleware": LoggingMiddleware.self, "OperationHandler": OperationHandler.self,
        "OperationInfo": OperationInfo.self, "OperationRegistrar": (any OperationRegistrar).self,
        "ParameterValue": (any ParameterValue).self, "RFC3339": RFC3339.self, "RawBody": RawBody.self,
        "RequestMethod": RequestMethod.self, "RetryMiddleware": RetryMiddleware.self, "ServerError": ServerError.self,
        "ServerLimits": ServerLimits.self, "ServerMiddleware": (any ServerMiddleware).self,
        "ServerRequest": ServerRequest.self, "TextTree": TextTree.self, "TextTreeCodable": (any TextTreeCodable).self,
        "TextTreeObject": TextTreeObject.self, "TextTreeObjectBuilder": TextTreeObjectBuilder.self,
        "TextTreeReader": TextTreeReader.self, "TimeoutMiddleware": TimeoutMiddleware.self,
        "URLSessionTransport": URLSessionTransport.self, "Unconstrained": (any Unconstrained).self,
        "ValidationError": ValidationError.self, "ValidationErrors": ValidationErrors.self,
        "XMLDialect": XMLDialect.self, "XMLFormat": XMLFormat.self, "XMLLimits": XMLLimits.self,
    ]
}

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
    /// The public, non-SPI top-level types APIRuntime's sources declare.
    static func declaredNames() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/APIRuntime")
        var names: Set<String> = []
        let declaration = try Regex(
            #"^public (?:indirect |final )?(?:struct|enum|protocol|class|actor|typealias) (\w+)"#)
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = try declaration.firstMatch(in: line), let name = match.output[1].substring {
                    names.insert(String(name))
                }
            }
        }
        return names
    }

    @Test func theListIsEveryPublicTypeOfTheRuntime() throws {
        let declared = try Self.declaredNames()
        #expect(declared.count > 30)
        #expect(Set(everyRuntimeName().map(\.key)) == declared)
    }

    @Test func eachEntryIsTheTypeItNames() {
        for (name, type) in everyRuntimeName() where name != "OperationHandler" {
            var described = String(describing: type)
            if described.hasPrefix("any ") { described.removeFirst(4) }
            if let generic = described.firstIndex(of: "<") { described = String(described[..<generic]) }
            #expect(described == name)
        }
        let theirs = theirNames().map { String(reflecting: $0) }
        #expect(theirs.count == Set(theirs).count)
        #expect(!theirs.contains { $0.hasPrefix("APIRuntime.") })
    }
}
