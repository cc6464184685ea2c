import Foundation

/// The typed headers of one documented answer: a generated `<Case>Headers` struct, which the output case
/// carries beside the body. The client reads them from the response (a missing required header, or one
/// that does not convert to its type, is an invalid response naming the header); the server validates
/// them and writes them into the response.
public protocol ResponseHeaders: Sendable, Constrained {
    /// Reads the headers from `fields`; throws the problem, its path the header's name, when a required
    /// header is missing or a header's value does not convert to its type.
    init(headerFields fields: HeaderFields) throws(ValidationErrors)
    /// Writes the headers into `fields`, each in its text form; nothing for an absent optional header.
    func write(to fields: inout HeaderFields)
}

@_spi(Generated) extension HeaderFields {
    /// The value of a required response header converted to its type; throws naming the header when it is
    /// missing or does not convert.
    public func required<T: ParameterValue>(_ name: String, as type: T.Type) throws(ValidationErrors) -> T {
        guard let value = try optional(name, as: T.self) else {
            throw ValidationErrors([ValidationError(path: name, reason: "required")])
        }
        return value
    }

    /// The value of an optional response header converted to its type, `nil` when absent; throws naming the
    /// header when it does not convert.
    public func optional<T: ParameterValue>(_ name: String, as type: T.Type) throws(ValidationErrors) -> T? {
        guard let text = self[name] else { return nil }
        guard let value = T(parameterValue: text) else {
            throw ValidationErrors([ValidationError(path: name, reason: "is not \(TextTreeReader.describe(T.self))")])
        }
        return value
    }

    /// Sets a response header to the text form of `value`; nothing for `nil`.
    public mutating func set(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        self[name] = value.parameterValue
    }
}

@_spi(Generated) extension ClientSupport {
    /// Reads and validates the typed headers of a documented answer; a missing, malformed or invalid header
    /// is an ``ClientError/invalidResponse(status:_:)`` naming it.
    public static func headers<H: ResponseHeaders>(
        _ type: H.Type, from response: APIResponse
    ) throws(ClientError) -> H {
        let headers: H
        do {
            headers = try H(headerFields: response.headers)
        } catch {
            throw .invalidResponse(status: response.status, error)
        }
        let errors = headers.validationErrors()
        if !errors.isEmpty { throw .invalidResponse(status: response.status, ValidationErrors(errors)) }
        return headers
    }
}

@_spi(Generated) extension APIResponse {
    /// This response with the typed `headers` of its answer written into it; a header that breaks its
    /// constraints is the handler's mistake, answered with 500 naming it.
    public func withHeaders(_ headers: some ResponseHeaders) throws(ServerError) -> APIResponse {
        let errors = headers.validationErrors()
        if !errors.isEmpty {
            throw ServerError(status: 500, message: "invalid response headers", fields: errors)
        }
        var response = self
        headers.write(to: &response.headers)
        return response
    }
}
