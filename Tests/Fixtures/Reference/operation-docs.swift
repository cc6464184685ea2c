// What Tests/Fixtures/Reference/operation-docs.json generates: DemoClient.getItem, DemoHandler.getItem, DemoPartialHandler.getItem.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Client.swift: DemoClient.getItem
/// Get the item
///
/// Returns the one item.
///
/// Second paragraph.
///
/// `GET /item`
///
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem() async throws(ClientError) -> GetItemOutput {
    try await getItem(GetItemInput())
}

// Client.swift: DemoClient.getItem
/// Get the item. Takes the input as one value.
///
/// `GET /item`
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem(_ input: GetItemInput) async throws(ClientError) -> GetItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: GetItemInput.operation, path: "/item")
    request.headers["Accept"] = MediaType.json
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decodeJSON(Item.self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.getItem
/// Get the item
///
/// Returns the one item.
///
/// Second paragraph.
///
/// `GET /item`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func getItem(_ input: GetItemInput) async throws -> GetItemOutput

// Server.swift: DemoPartialHandler.getItem
public func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
    throw ServerError.notImplemented("getItem")
}
