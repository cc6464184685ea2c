import APIDefinition
import Foundation

/// Gathering the operations under `paths` and converting each one.
extension ImportRun {
    /// An operation found under `paths`, before it is converted: where it is and its name.
    struct PendingOperation {
        var path: String
        var method: String
        var pointer: String
        var json: OrderedJSON
        var item: OrderedJSON
        var itemPointer: String
        var name = ""
    }

    /// The HTTP methods an OpenAPI path item can hold that apigen converts (TRACE is dropped).
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch"]

    func gatherOperations() -> [PendingOperation] {
        var pending: [PendingOperation] = []
        for member in root["paths"]?.members ?? [] {
            let path = member.key
            guard case let (item, itemPointer, _)? = dereference(member.value, at: child("#/paths", path)) else {
                continue
            }
            guard path.hasPrefix("/") else {
                warn(itemPointer, "a path must start with '/'; dropped")
                continue
            }
            for entry in item.members ?? [] {
                let pointer = child(itemPointer, entry.key)
                if Self.methods.contains(entry.key) {
                    pending.append(
                        PendingOperation(
                            path: path, method: entry.key.uppercased(), pointer: pointer, json: entry.value, item: item,
                            itemPointer: itemPointer))
                    continue
                }
                switch entry.key {
                case "summary", "description", "parameters", "$ref": continue
                case "trace": warn(pointer, "TRACE operations are not supported; dropped")
                case "servers":
                    warn(pointer, "path-level servers are not supported; the service's base URL is used")
                default:
                    if !entry.key.hasPrefix("x-") { warn(pointer, "'\(entry.key)' is not a path item key; ignored") }
                }
            }
        }
        return pending
    }

    func convertOperation(_ item: PendingOperation) -> Operation? {
        let json = item.json
        let pointer = item.pointer
        let upper = Naming.upperCamel(item.name)
        guard json.members != nil else {
            warn(pointer, "an operation must be an object; dropped")
            return nil
        }
        for member in json.members ?? [] {
            switch member.key {
            case "operationId", "summary", "description", "parameters", "requestBody", "responses", "security",
                "deprecated", "tags", "externalDocs":
                continue
            case "callbacks": warn(child(pointer, "callbacks"), "callbacks are not supported; dropped")
            case "servers":
                warn(
                    child(pointer, "servers"),
                    "operation-level servers are not supported; the service's base URL is used")
            default:
                if !member.key.hasPrefix("x-") {
                    warn(child(pointer, member.key), "'\(member.key)' is not an operation key; ignored")
                }
            }
        }
        let template = Self.templateNames(item.path)
        guard Set(template).count == template.count else {
            warn(pointer, "the path template repeats a parameter name; the operation is dropped")
            return nil
        }
        let doc = nonEmpty(json["description"]?.stringValue) ?? nonEmpty(item.item["description"]?.stringValue)
        let summary = nonEmpty(json["summary"]?.stringValue) ?? nonEmpty(item.item["summary"]?.stringValue)
        let deprecated = json["deprecated"]?.boolValue == true ? deprecationMessage(json) : nil
        var body: RequestBody?
        if let requestBody = json["requestBody"] {
            if holdsNothing(requestBody) {
                // An optional body that can hold nothing (Stripe puts an empty form on every GET and
                // DELETE) says nothing: leaving it out loses nothing.
            } else if item.method == "GET" || item.method == "HEAD" {
                warn(child(pointer, "requestBody"), "a \(item.method) request has no body in a definition; dropped")
            } else {
                body = self.requestBody(requestBody, at: child(pointer, "requestBody"), upper: upper)
            }
        }
        let parameters = self.parameters(item, upper: upper, hasBody: body != nil)
        var responses = self.responses(json["responses"], at: child(pointer, "responses"), upper: upper)
        if responses.isEmpty {
            warn(
                child(pointer, "responses"),
                "no response with a numeric status remains; an untyped 200 response is documented")
            responses = [Response(status: 200, doc: nil, type: nil, contentTypes: [])]
        }
        let auth: [[AuthUse]]
        if let security = json["security"] {
            auth = self.auth(security, at: child(pointer, "security"))
        } else if let security = root["security"] {
            auth = self.auth(security, at: "#/security")
        } else {
            auth = []
        }
        var operation = Operation(
            name: item.name, method: item.method, path: item.path, summary: summary, doc: doc, auth: auth,
            parameters: parameters, body: body, responses: responses)
        operation.deprecated = deprecated
        return operation
    }

    /// A `deprecated` object's message: `x-apigen-deprecation` (what the exporter writes), else none.
    func deprecationMessage(_ json: OrderedJSON) -> String {
        json[OpenAPIExporter.deprecationExtension]?.stringValue ?? ""
    }

    static func templateNames(_ path: String) -> [String] { Operation.templateParameters(in: path) }
}

extension ImportRun {
    /// Whether a request body is optional and every media type's schema is an object that can hold
    /// nothing: no properties, no additional ones (`additionalProperties: false`), no parts.
    func holdsNothing(_ requestBody: OrderedJSON) -> Bool {
        var body = requestBody
        if let ref = body["$ref"]?.stringValue, let target = resolveLocal(ref) { body = target.value }
        guard body["required"]?.boolValue != true, let content = body["content"]?.members, !content.isEmpty else {
            return false
        }
        return content.allSatisfy { media in
            guard let schema = media.value["schema"].map(followReferences) else { return false }
            return schema["type"]?.stringValue == "object" && (schema["properties"]?.members ?? []).isEmpty
                && schema["additionalProperties"]?.boolValue == false
                && ["allOf", "anyOf", "oneOf", "patternProperties"].allSatisfy { schema[$0] == nil }
        }
    }
}
