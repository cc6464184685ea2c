import APIDefinition

/// The code a service-level error body (`"service": {"errorBody": "TwilioError"}`) adds, which the server
/// and client emitters share: the handler's `errorBody(for:)` requirement, the `errorResponse(for:)` that
/// writes it, the responder every route answers its errors with, and the type's `ServiceErrorBody`
/// conformance. Nothing for a service without one.
enum ErrorBody {
    /// The handler requirement that turns a ``ServerError`` into the service's error body: required, so a
    /// handler cannot forget it.
    static func requirement(_ writer: SwiftWriter, _ context: EmitContext) {
        guard let type = context.errorBodyType else { return }
        writer.blank()
        writer.docComment(
            "The body of every error the server answers by itself (a request that does not satisfy the\n"
                + "definition, auth, routing, content negotiation, limits, a thrown ``ServerError``), written\n"
                + "as JSON with the error's status and headers (`WWW-Authenticate`, `Allow`).",
            extra: [
                "- Parameter error: What went wrong: the status, a message, and the field paths and reasons.",
                "- Returns: The body to answer with.",
            ])
        writer.line("func errorBody(for error: ServerError) -> \(type)")
    }

    /// `errorResponse(for:)` (``APIService``), which answers with ``errorBody(for:)``.
    static func errorResponse(_ writer: SwiftWriter, _ context: EmitContext) {
        guard context.errorBodyType != nil else { return }
        writer.blank()
        writer.docComment("The response to an error the server answers by itself: ``errorBody(for:)`` as JSON.")
        writer.block("\(context.access.keyword)func errorResponse(for error: ServerError) -> APIResponse {") {
            writer.line("ServerSupport.errorResponse(error, body: errorBody(for: error))")
        }
    }

    /// The responder the routes of `register(on:)` answer their errors with.
    static func errorsLocal(_ writer: SwiftWriter, _ context: EmitContext, operations: Int) {
        guard context.errorBodyType != nil, operations > 0 else { return }
        writer.line("let errors: ServerErrorResponder = { self.errorResponse(for: $0) }")
    }

    /// The client throws the error body in ``ClientError/serviceError(status:body:)``.
    static func conformance(_ writer: SwiftWriter, _ context: EmitContext) {
        guard let type = context.errorBodyType else { return }
        writer.blank()
        writer.docComment(
            "The body of the errors the server answers by itself: see ``ClientError/serviceError(status:body:)``.")
        writer.line("extension \(type): ServiceErrorBody {}")
    }
}
