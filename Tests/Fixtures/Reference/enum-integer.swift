// What Tests/Fixtures/Reference/enum-integer.json generates: Priority, Task, DemoClient.listTasks.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Priority
/// How urgent a task is.
public enum Priority: Int, Sendable, Hashable, CaseIterable, ParameterValue {
    case low = 1
    /// The default.
    case normal = 2
    case high = 3
    case minus1 = -1
}

// JSONCoding.swift: Priority
extension Priority: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeNumericEnum(Self.self)
    }
}

// Models.swift: Task
public struct Task: Sendable, Hashable {
    public var title: String

    /// Default: 2, used when the field is absent.
    public var priority: Priority

    /// Creates a `Task`.
    public init(title: String, priority: Priority = .normal) {
        self.title = title
        self.priority = priority
    }
}

// Models.swift: Task
extension Task: Unconstrained {}

// JSONCoding.swift: Task
extension Task: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.title = try container.decode(String.self, forKey: "title")
        self.priority = try container.decodeIfPresent(Priority.self, forKey: "priority") ?? .normal
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.title, forKey: "title")
        try container.encode(self.priority, forKey: "priority")
    }
}

// Client.swift: DemoClient.listTasks
/// `GET /tasks/{priority}`
///
/// - Parameters:
///   - priority:
///   - atLeast: Default: 1.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listTasks(priority: Priority, atLeast: Priority? = nil) async throws(ClientError) -> ListTasksOutput {
    try await listTasks(ListTasksInput(priority: priority, atLeast: atLeast))
}

// Client.swift: DemoClient.listTasks
/// Calls `GET /tasks/{priority}`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listTasks(_ input: ListTasksInput) async throws(ClientError) -> ListTasksOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: ListTasksInput.operation,
        path: PathTemplate.expand("/tasks/{priority}", input.priority))
    request.addQuery("at_least", input.atLeast)
    request.headers["Accept"] = MediaType.json
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decodeJSON([Task].self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}
