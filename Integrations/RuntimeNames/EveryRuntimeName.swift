// Every public (non-SPI) top-level type and protocol of APIRuntime, named unqualified in a file that also
// imports the server and client frameworks the adapters work with: if one of these names clashed with a
// name of Hummingbird, Vapor, AsyncHTTPClient, swift-http-types or NIOHTTP1, this file would not compile.
//
// The adapters' test targets compile it through a link (Integrations/<Adapter>/Tests/…/EveryRuntimeName.swift),
// each with the frameworks it has. The root package's `RuntimeNamesTests` keeps the list equal to
// APIRuntime's public types: add a new public type of APIRuntime here.

import APIRuntime
import Foundation

#if canImport(Hummingbird)
    import Hummingbird
#endif
#if canImport(Vapor)
    import Vapor
#endif
#if canImport(AsyncHTTPClient)
    import AsyncHTTPClient
#endif
#if canImport(HTTPTypes)
    import HTTPTypes
#endif
#if canImport(NIOHTTP1)
    import NIOHTTP1
#endif

/// Every public top-level type of APIRuntime, by its unqualified name.
func everyRuntimeName() -> [Any.Type] {
    [
        APIBody.self,
        APIRequest.self,
        APIResponse.self,
        APIRouter.self,
        (any APIService).self,
        (any AccessTokenProvider).self,
        AnyJSON.self,
        BasicCredentials.self,
        BodyFormat.self,
        CalendarDate.self,
        ClientError.self,
        ClientTimeout.self,
        (any ClientMiddleware).self,
        (any ClientTransport).self,
        (any Constrained).self,
        ConstraintChecker.self,
        EventStream<Int>.self,
        EventStreamError.self,
        EventStreamFormat.self,
        FilePart.self,
        HeaderFields.self,
        InProcessTransport.self,
        Indirect<Int>.self,
        JSONItemSplitter.self,
        JSONItemWriter.self,
        LoggingMiddleware.self,
        OperationHandler.self,
        OperationInfo.self,
        (any OperationRegistrar).self,
        (any ParameterValue).self,
        RFC3339.self,
        RawBody.self,
        RequestMethod.self,
        (any ResponseHeaders).self,
        RetryMiddleware.self,
        ScalarFormats.self,
        ServerError.self,
        ServerErrorResponder.self,
        ServerLimits.self,
        (any ServerMiddleware).self,
        ServerRequest.self,
        ServerSentEvent<Int>.self,
        ServerSentEventParser.self,
        ServerSentEventWriter.self,
        (any ServiceErrorBody).self,
        TextTree.self,
        (any TextTreeCodable).self,
        TextTreeObject.self,
        TextTreeObjectBuilder.self,
        TextTreeReader.self,
        TimeoutMiddleware.self,
        TokenRefreshMiddleware.self,
        URLSessionTransport.self,
        (any Unconstrained).self,
        ValidationDirection.self,
        ValidationError.self,
        ValidationErrors.self,
        XMLDialect.self,
        XMLFormat.self,
        XMLLimits.self,
    ]
}
