// What Tests/Fixtures/Reference/container-nested.json generates: Board, Cell, PutRowsInput, DemoClient.putRows, DemoHandler.putRows, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Board
/// Arrays and maps nested in any order.
public struct Board: Sendable, Hashable {
    /// Constraints: at least 1 items.
    public var grid: [[Double]]

    public var labels: [[String: String]]?

    public var counts: [String: [String: Int]]?

    public var cells: [[Cell]]?

    public var byRow: [String: [Cell]]?

    /// Creates a `Board`.
    public init(
        grid: [[Double]],
        labels: [[String: String]]? = nil,
        counts: [String: [String: Int]]? = nil,
        cells: [[Cell]]? = nil,
        byRow: [String: [Cell]]? = nil
    ) {
        self.grid = grid
        self.labels = labels
        self.counts = counts
        self.cells = cells
        self.byRow = byRow
    }
}

// Models.swift: Board
extension Board: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.grid, "grid", minItems: 1)
        validator.eachNested(self.cells, "cells")
        validator.each(self.byRow, "by_row")
    }
}

// JSONCoding.swift: Board
extension Board: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.grid = try container.decode([[Double]].self, forKey: "grid")
        self.labels = try container.decodeIfPresent([[String: String]].self, forKey: "labels")
        self.counts = try container.decodeIfPresent([String: [String: Int]].self, forKey: "counts")
        self.cells = try container.decodeIfPresent([[Cell]].self, forKey: "cells")
        self.byRow = try container.decodeIfPresent([String: [Cell]].self, forKey: "by_row")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.grid, forKey: "grid")
        try container.encodeIfPresent(self.labels, forKey: "labels")
        try container.encodeIfPresent(self.counts, forKey: "counts")
        try container.encodeIfPresent(self.cells, forKey: "cells")
        try container.encodeIfPresent(self.byRow, forKey: "by_row")
    }
}

// Models.swift: Cell
/// An object validated in place inside nested arrays.
public struct Cell: Sendable, Hashable {
    /// Constraints: non-empty.
    public var name: String

    /// Creates a `Cell`.
    public init(name: String) {
        self.name = name
    }
}

// Models.swift: Cell
extension Cell: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.name, "name", minLength: 1)
    }
}

// JSONCoding.swift: Cell
extension Cell: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.name = try container.decode(String.self, forKey: "name")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.name, forKey: "name")
    }
}

// Operations.swift: PutRowsInput
/// The parameters and body of `putRows`.
public struct PutRowsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "putRows", method: .put, pathTemplate: "/rows")

    public var body: [[Cell]]

    /// Creates the input of `putRows`.
    public init(body: [[Cell]]) {
        self.body = body
    }
}

// Operations.swift: PutRowsInput
extension PutRowsInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.eachNested(self.body, "body")
    }
}

// Client.swift: DemoClient.putRows
/// `PUT /rows`
///
/// - Parameters:
///   - body:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func putRows(body: [[Cell]]) async throws(ClientError) -> PutRowsOutput {
    try await putRows(PutRowsInput(body: body))
}

// Client.swift: DemoClient.putRows
/// Calls `PUT /rows`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func putRows(_ input: PutRowsInput) async throws(ClientError) -> PutRowsOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: PutRowsInput.operation, path: "/rows")
    request.headers["Accept"] = MediaType.json
    try ClientSupport.setJSONBody(input.body, on: &request)
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decodeJSON([String: [String: Int]].self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.putRows
/// `PUT /rows`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func putRows(_ input: PutRowsInput) async throws -> PutRowsOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        PutRowsInput.operation,
        handler: ServerSupport.handler(PutRowsInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = PutRowsInput(body: try request.decodeJSONBody([[Cell]].self))
            try request.validate(input)
            switch try await self.putRows(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}
