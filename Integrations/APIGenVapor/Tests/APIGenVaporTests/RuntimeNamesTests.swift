import APIRuntime
import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing
import Vapor

/// Every public name of APIRuntime, unqualified, in a file that also imports Vapor, NIOHTTP1 and
/// AsyncHTTPClient: the file compiles only if no name is ambiguous, and each one resolves to APIRuntime's
/// type. (The `@_spi(Generated)` helpers are not imported here, so they cannot clash.)
@Suite("Runtime names beside Vapor")
struct RuntimeNamesTests {
    static let everyRuntimeType: [(name: String, type: Any.Type)] = [
        ("APIBody", APIBody.self), ("APIBody.TooLarge", APIBody.TooLarge.self), ("APIRequest", APIRequest.self),
        ("APIResponse", APIResponse.self), ("APIRouter", APIRouter.self), ("APIService", (any APIService).self),
        ("AnyJSON", AnyJSON.self), ("BodyFormat", BodyFormat.self), ("ClientError", ClientError.self),
        ("ClientMiddleware", (any ClientMiddleware).self), ("ClientTransport", (any ClientTransport).self),
        ("Constrained", (any Constrained).self), ("ConstraintChecker", ConstraintChecker.self),
        ("HeaderFields", HeaderFields.self), ("HeaderFields.Field", HeaderFields.Field.self),
        ("InProcessTransport", InProcessTransport.self), ("Indirect<Swift.Int>", Indirect<Int>.self),
        ("OperationHandler", OperationHandler.self), ("OperationInfo", OperationInfo.self),
        ("OperationRegistrar", (any OperationRegistrar).self), ("ParameterValue", (any ParameterValue).self),
        ("RFC3339", RFC3339.self), ("RawBody", RawBody.self), ("RequestMethod", RequestMethod.self),
        ("ServerError", ServerError.self), ("ServerLimits", ServerLimits.self),
        ("ServerMiddleware", (any ServerMiddleware).self), ("ServerRequest", ServerRequest.self),
        ("TextTree", TextTree.self), ("TextTreeCodable", (any TextTreeCodable).self),
        ("TextTreeObject", TextTreeObject.self), ("TextTreeObjectBuilder", TextTreeObjectBuilder.self),
        ("TextTreeReader", TextTreeReader.self), ("URLSessionTransport", URLSessionTransport.self),
        ("Unconstrained", (any Unconstrained).self), ("ValidationError", ValidationError.self),
        ("ValidationErrors", ValidationErrors.self), ("XMLDialect", XMLDialect.self), ("XMLFormat", XMLFormat.self),
        ("XMLLimits", XMLLimits.self),
    ]

    /// The framework's own types of the same domain stay usable unqualified in the same file.
    static let frameworkTypes: [Any.Type] = [
        HTTPMethod.self, HTTPHeaders.self, HTTPResponseStatus.self, Request.self, Response.self, HTTPClient.self,
        HTTPClientRequest.self, Application.self, PathComponent.self,
    ]

    /// The shared list (`Integrations/RuntimeNames/EveryRuntimeName.swift`, linked here) compiles beside
    /// Vapor too, and names APIRuntime's types only.
    @Test func theSharedListCompilesBesideVapor() {
        let names = everyRuntimeName().map { String(reflecting: $0) }
        #expect(names.count == Set(names).count)
        #expect(names.allSatisfy { $0.contains("APIRuntime.") }, "\(names)")
    }

    @Test func everyNameResolvesToTheRuntime() {
        for (name, type) in Self.everyRuntimeType {
            let described = String(reflecting: type)
            if name == "OperationHandler" {  // a function type: its parameter and result are the runtime's
                #expect(described.contains("APIRuntime.ServerRequest") && described.contains("APIRuntime.APIResponse"))
            } else {
                #expect(described == "APIRuntime.\(name)" || described == "any APIRuntime.\(name)", "\(described)")
            }
        }
        #expect(Self.frameworkTypes.allSatisfy { !String(reflecting: $0).hasPrefix("APIRuntime.") })
    }
}
