import APIDefinition
import Foundation

/// The OpenAPI version check, the service (name, title, doc, base URL) and the top-level members
/// the importer reports.
extension ImportRun {
    func checkVersion() throws(ImportError) {
        guard let version = root["openapi"]?.stringValue else {
            if root["swagger"] != nil {
                throw ImportError(
                    pointer: "#/swagger",
                    message: "Swagger 2.0 documents are not supported; convert the document to OpenAPI 3 first")
            }
            throw ImportError(pointer: "#", message: "not an OpenAPI document: 'openapi' is missing")
        }
        guard ["3.0", "3.1", "3.2"].contains(where: { version == $0 || version.hasPrefix($0 + ".") }) else {
            throw ImportError(
                pointer: "#/openapi", message: "OpenAPI \(version) is not supported; expected 3.0.x, 3.1.x or 3.2.x")
        }
    }

    func makeService() throws(ImportError) -> Service {
        let info = root["info"]
        let title = info?["title"]?.stringValue
        if let name = serviceNameOverride ?? root["x-apigen-service-name"]?.stringValue {
            guard Naming.isIdentifier(name), !Naming.keywords.contains(Naming.lowerCamel(name)),
                Naming.lowerCamel(name) != "djangoREST"
            else {
                throw ImportError(pointer: "#", message: "the service name '\(name)' is not a usable Swift identifier")
            }
            serviceName = name
        } else {
            var name = Naming.upperCamel(title ?? "")
            if title == nil || Naming.words(title ?? "").isEmpty || !Naming.isIdentifier(name) {
                name = "API"
                warn("#/info/title", "the title gives no service name; the service is named 'API'")
            }
            if Naming.keywords.contains(Naming.lowerCamel(name)) || Naming.lowerCamel(name) == "djangoREST" {
                name += "API"
            }
            serviceName = name
        }
        if let dialect = root["x-apigen-xml"], let rootElement = dialect["rootElement"]?.stringValue,
            let item = dialect["listItemElement"]?.stringValue
        {
            xml = XMLDialectSpec(
                rootElement: rootElement, listItemElement: item, trueText: dialect["trueText"]?.stringValue ?? "true",
                falseText: dialect["falseText"]?.stringValue ?? "false")
            xmlFromDocument = true
        }
        typeNames.generated = ["\(serviceName)Client", "\(serviceName)Handler", "\(serviceName)Credentials"]
        var service = Service(
            name: serviceName, title: title, doc: nonEmpty(info?["description"]?.stringValue), baseURL: baseURL(),
            responseFormatParameter: root["x-apigen-response-format-parameter"]?.stringValue)
        service.access = root["x-apigen-access"]?.stringValue.flatMap(AccessLevel.init(rawValue:))
        return service
    }

    /// The first server's URL; `nil` when the document names none (the generated client then takes one).
    func baseURL() -> String? {
        let fallback = "https://example.com"
        let servers = root["servers"]?.arrayValue ?? []
        guard let first = servers.first, let original = first["url"]?.stringValue else { return nil }
        if servers.count > 1 {
            warn("#/servers", "only the first of \(servers.count) servers is used")
        }
        var url = original
        for variable in first["variables"]?.members ?? [] {
            if let value = variable.value["default"]?.stringValue {
                url = url.replacingOccurrences(of: "{\(variable.key)}", with: value)
            }
        }
        while url.hasSuffix("/") { url.removeLast() }
        if let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
            parsed.host != nil, !url.contains("{")
        {
            return url
        }
        if !url.contains(":"), !url.contains("{") {
            let path = url.isEmpty || url.hasPrefix("/") ? url : "/" + url
            warn(
                "#/servers/0/url",
                "the server URL '\(original)' is relative; the base URL is \(fallback)\(path) (set service.baseURL)")
            return fallback + path
        }
        warn(
            "#/servers/0/url",
            "the server URL '\(original)' is not an absolute http or https URL; the base URL is \(fallback) (set service.baseURL)"
        )
        return fallback
    }

    func scanTopLevel() {
        for member in root.members ?? [] {
            switch member.key {
            case "openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs":
                continue
            case "webhooks":
                warn("#/webhooks", "webhooks are not supported; dropped")
            case "jsonSchemaDialect":
                if member.value.stringValue?.contains("spec.openapis.org/oas/3.1/dialect") != true {
                    warn("#/jsonSchemaDialect", "schemas are read as OpenAPI 3.1 schemas; the dialect is ignored")
                }
            default:
                if !member.key.hasPrefix("x-") {
                    warn(child("#", member.key), "'\(member.key)' is not an OpenAPI key; ignored")
                }
            }
        }
    }
}
