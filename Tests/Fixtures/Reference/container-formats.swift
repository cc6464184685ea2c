// What Tests/Fixtures/Reference/container-formats.json generates: Schedule, PutScheduleInput, DemoClient.putSchedule, DemoHandler.putSchedule, DemoHandler.register, FindTimesInput, DemoClient.findTimes, DemoHandler.findTimes.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Schedule
/// Arrays and maps of converted scalars: each item keeps its scalar's wire form.
public struct Schedule: Sendable, Hashable {
    public var ids: [UUID]

    public var times: [String: [Date]]?

    public var stamps: [[Date]]?

    public var blobs: [Data]?

    /// Required, but may be `nil` (sent as `null`).
    public var links: [String: URL]?

    public var amounts: [Decimal]?

    /// Creates a `Schedule`.
    public init(
        ids: [UUID],
        times: [String: [Date]]? = nil,
        stamps: [[Date]]? = nil,
        blobs: [Data]? = nil,
        links: [String: URL]?,
        amounts: [Decimal]? = nil
    ) {
        self.ids = ids
        self.times = times
        self.stamps = stamps
        self.blobs = blobs
        self.links = links
        self.amounts = amounts
    }
}

// Models.swift: Schedule
extension Schedule: Unconstrained {}

// JSONCoding.swift: Schedule
extension Schedule: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.ids = try container.decode(ArrayCoding<UUIDCoding>.self, forKey: "ids")
        self.times = try container.decodeIfPresent(MapCoding<ArrayCoding<DateTimeCoding>>.self, forKey: "times")
        self.stamps = try container.decodeIfPresent(ArrayCoding<ArrayCoding<UnixTimeCoding>>.self, forKey: "stamps")
        self.blobs = try container.decodeIfPresent(ArrayCoding<BytesCoding>.self, forKey: "blobs")
        self.links = try container.decodeNullable(MapCoding<URICoding>.self, forKey: "links")
        self.amounts = try container.decodeIfPresent(ArrayCoding<DecimalCoding>.self, forKey: "amounts")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.ids, as: ArrayCoding<UUIDCoding>.self, forKey: "ids")
        try container.encodeIfPresent(self.times, as: MapCoding<ArrayCoding<DateTimeCoding>>.self, forKey: "times")
        try container.encodeIfPresent(self.stamps, as: ArrayCoding<ArrayCoding<UnixTimeCoding>>.self, forKey: "stamps")
        try container.encodeIfPresent(self.blobs, as: ArrayCoding<BytesCoding>.self, forKey: "blobs")
        try container.encodeNullable(self.links, as: MapCoding<URICoding>.self, forKey: "links")
        try container.encodeIfPresent(self.amounts, as: ArrayCoding<DecimalCoding>.self, forKey: "amounts")
    }
}

// TextTreeCoding.swift: Schedule
extension Schedule: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.ids = try members.decode(ArrayCoding<UUIDCoding>.self, "ids")
        self.times = try members.decodeIfPresent(MapCoding<ArrayCoding<DateTimeCoding>>.self, "times")
        self.stamps = try members.decodeIfPresent(ArrayCoding<ArrayCoding<UnixTimeCoding>>.self, "stamps")
        self.blobs = try members.decodeIfPresent(ArrayCoding<BytesCoding>.self, "blobs")
        self.links = try members.decodeNullable(MapCoding<URICoding>.self, "links")
        self.amounts = try members.decodeIfPresent(ArrayCoding<DecimalCoding>.self, "amounts")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.ids, as: ArrayCoding<UUIDCoding>.self, "ids")
        tree.encodeIfPresent(self.times, as: MapCoding<ArrayCoding<DateTimeCoding>>.self, "times")
        tree.encodeIfPresent(self.stamps, as: ArrayCoding<ArrayCoding<UnixTimeCoding>>.self, "stamps")
        tree.encodeIfPresent(self.blobs, as: ArrayCoding<BytesCoding>.self, "blobs")
        tree.encodeNullable(self.links, as: MapCoding<URICoding>.self, "links")
        tree.encodeIfPresent(self.amounts, as: ArrayCoding<DecimalCoding>.self, "amounts")
        return tree.tree
    }
}

// Operations.swift: PutScheduleInput
/// The parameters and body of `putSchedule`.
public struct PutScheduleInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "putSchedule", method: .put, pathTemplate: "/schedule")

    public var ids: [UUID]?

    public var since: [Date]?

    /// Arrays and maps of converted scalars: each item keeps its scalar's wire form.
    public var body: Schedule

    /// Creates the input of `putSchedule`.
    public init(ids: [UUID]? = nil, since: [Date]? = nil, body: Schedule) {
        self.ids = ids
        self.since = since
        self.body = body
    }
}

// Operations.swift: PutScheduleInput
extension PutScheduleInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        self.body.validate(&validator)
    }
}

// Client.swift: DemoClient.putSchedule
/// `PUT /schedule`
///
/// - Parameters:
///   - ids:
///   - since:
///   - body: Arrays and maps of converted scalars: each item keeps its scalar's wire form.
///   - bodyFormat: The request body's content type: one of `.json`, `.xml`.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func putSchedule(
    ids: [UUID]? = nil,
    since: [Date]? = nil,
    body: Schedule,
    bodyFormat: BodyFormat = .json
) async throws(ClientError) -> PutScheduleOutput {
    try await putSchedule(PutScheduleInput(ids: ids, since: since, body: body), bodyFormat: bodyFormat)
}

// Client.swift: DemoClient.putSchedule
/// Calls `PUT /schedule`. Takes the input as one value.
///
/// - Parameters:
///   - input: The parameters and body.
///   - bodyFormat: The request body's content type: one of `.json`, `.xml`.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func putSchedule(
    _ input: PutScheduleInput,
    bodyFormat: BodyFormat = .json
) async throws(ClientError) -> PutScheduleOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: PutScheduleInput.operation, path: "/schedule")
    request.addQueryArray("ids", input.ids, delimiter: nil)
    request.addQueryArray("since", input.since, delimiter: ",")
    request.headers["Accept"] = ContentNegotiation.acceptHeader([.json, .xml], preferred: nil)
    try ClientSupport.setBody(input.body, format: bodyFormat, allowed: [.json, .xml], dialect: .demo, on: &request)
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decode(Schedule.self, from: response, dialect: .demo))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.putSchedule
/// `PUT /schedule`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func putSchedule(_ input: PutScheduleInput) async throws -> PutScheduleOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        PutScheduleInput.operation,
        handler: ServerSupport.handler(PutScheduleInput.operation, middlewares: middlewares) { request in
            let format = try request.responseFormat([.json, .xml])
            let request = try await request.collectingBody()
            let input = PutScheduleInput(
                ids: try request.queryArray("ids", as: UUID.self, delimiter: nil),
                since: try request.queryArray("since", as: Date.self, delimiter: ","),
                body: try request.decodeBody(Schedule.self, formats: [.json, .xml], dialect: .demo))
            try request.validate(input)
            switch try await self.putSchedule(input) {
            case .ok(let body):
                return try .encode(status: 200, body, format: format, dialect: .demo)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })

    registrar.register(
        FindTimesInput.operation,
        handler: ServerSupport.handler(FindTimesInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = FindTimesInput(body: try request.decodeJSONBody(ArrayCoding<UUIDCoding>.self))
            try request.validate(input)
            switch try await self.findTimes(input) {
            case .ok(let body):
                return try .json(status: 200, body, as: MapCoding<ArrayCoding<DateTimeCoding>>.self)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// Operations.swift: FindTimesInput
/// The parameters and body of `findTimes`.
public struct FindTimesInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "findTimes", method: .post, pathTemplate: "/times")

    public var body: [UUID]

    /// Creates the input of `findTimes`.
    public init(body: [UUID]) {
        self.body = body
    }
}

// Operations.swift: FindTimesInput
extension FindTimesInput: Unconstrained {}

// Client.swift: DemoClient.findTimes
/// `POST /times`
///
/// - Parameters:
///   - body:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func findTimes(body: [UUID]) async throws(ClientError) -> FindTimesOutput {
    try await findTimes(FindTimesInput(body: body))
}

// Client.swift: DemoClient.findTimes
/// Calls `POST /times`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func findTimes(_ input: FindTimesInput) async throws(ClientError) -> FindTimesOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: FindTimesInput.operation, path: "/times")
    request.headers["Accept"] = MediaType.json
    try ClientSupport.setJSONBody(input.body, as: ArrayCoding<UUIDCoding>.self, on: &request)
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decodeJSON(MapCoding<ArrayCoding<DateTimeCoding>>.self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.findTimes
/// `POST /times`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func findTimes(_ input: FindTimesInput) async throws -> FindTimesOutput
