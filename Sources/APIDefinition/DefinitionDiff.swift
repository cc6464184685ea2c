/// The API changes between two versions of a definition, each classified by who it breaks.
public struct DefinitionDiff: Sendable {
    /// Who a change breaks.
    public enum Impact: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Requests or responses that worked before fail now (a removed operation or field, a field
        /// that became required, a narrowed constraint or enum, a changed type or path).
        case breakingWire = "breaking-wire"
        /// The wire is compatible, but Swift code written against the old output no longer compiles
        /// (a new documented status is a new enum case; a Swift name changed with the same wire name; a
        /// parameter, field or request body that became optional, whose Swift type becomes optional; an
        /// operation added, which every handler must implement).
        case breakingSource = "breaking-source"
        /// Nothing breaks: something was added or relaxed.
        case additive

        public static func < (lhs: Impact, rhs: Impact) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }

        public var title: String {
            switch self {
            case .breakingWire: "Breaking on the wire"
            case .breakingSource: "Breaking for Swift source only"
            case .additive: "Additive"
            }
        }
    }

    /// One change: where (a readable path into the definition), what, and its impact.
    public struct Change: Sendable, Hashable {
        public var impact: Impact
        public var path: String
        public var message: String

        public init(_ impact: Impact, _ path: String, _ message: String) {
            self.impact = impact
            self.path = path
            self.message = message
        }
    }

    /// The changes, in definition order (service, auth, types, operations).
    public private(set) var changes: [Change] = []

    public var hasBreakingChanges: Bool { changes.contains { $0.impact != .additive } }
    public var hasWireBreakingChanges: Bool { changes.contains { $0.impact == .breakingWire } }

    /// Compares `old` with `new`.
    public init(old: Definition, new: Definition) {
        compareService(old.service, new.service)
        compareAuth(old.auth, new.auth)
        compareTypes(old, new)
        compareOperations(old, new)
    }

    private mutating func add(_ impact: Impact, _ path: String, _ message: String) {
        changes.append(Change(impact, path, message))
    }

    // MARK: Service and auth

    private mutating func compareService(_ old: Service, _ new: Service) {
        switch (old.baseURL, new.baseURL) {
        case (let old?, let new?) where old != new:
            add(.breakingWire, "service.baseURL", "base URL changed from \(old) to \(new)")
        case (let old?, nil):
            add(.breakingSource, "service.baseURL", "base URL \(old) removed: the client now takes a base URL")
        case (nil, let new?):
            add(.additive, "service.baseURL", "base URL \(new) added: the client's base URL gets a default")
        default: break
        }
        if old.name != new.name {
            add(
                .breakingSource, "service.name",
                "service renamed from \(old.name) to \(new.name) (generated type names change)")
        }
        if old.xml != new.xml {
            add(.breakingWire, "service.xml", "XML dialect changed")
        }
        if old.responseFormatParameter != new.responseFormatParameter {
            add(.breakingWire, "service.responseFormatParameter", "response format parameter changed")
        }
        // The body of the server's own errors: any change is a new shape on the wire for every error
        // (adding one also makes handlers implement `errorBody(for:)`).
        switch (old.errorBody, new.errorBody) {
        case (nil, let new?):
            add(
                .breakingWire, "service.errorBody",
                "error body \(new) added: the server's own errors change shape, and handlers must implement errorBody(for:)")
        case (let old?, nil):
            add(
                .breakingWire, "service.errorBody",
                "error body \(old) removed: the server's own errors become {\"error\", \"fields\"}")
        case (let old?, let new?) where old != new:
            add(.breakingWire, "service.errorBody", "error body changed from \(old) to \(new)")
        default: break
        }
        // Unstated counts as `public`, what `apigen generate` writes; the wire never changes.
        let (oldAccess, newAccess) = (old.access ?? .public, new.access ?? .public)
        if oldAccess != newAccess {
            let narrowed = oldAccess.visibility > newAccess.visibility
            add(
                narrowed ? .breakingSource : .additive, "service.access",
                "access level changed from \(oldAccess.rawValue) to \(newAccess.rawValue)"
                    + (narrowed
                        ? " (code outside the \(newAccess == .package ? "package" : "module") no longer sees it)" : ""))
        }
    }

    private mutating func compareAuth(_ old: [AuthScheme], _ new: [AuthScheme]) {
        for scheme in old where !new.contains(where: { $0.name == scheme.name }) {
            add(.breakingSource, "auth.\(scheme.name)", "auth scheme removed")
        }
        for scheme in new {
            guard let before = old.first(where: { $0.name == scheme.name }) else {
                add(.additive, "auth.\(scheme.name)", "auth scheme added")
                continue
            }
            compareAuthKind(before.kind, scheme.kind, at: "auth.\(scheme.name)")
        }
    }

    private mutating func compareAuthKind(_ old: AuthScheme.Kind, _ new: AuthScheme.Kind, at path: String) {
        guard old != new else { return }
        switch (old, new) {
        case (.oauth2(let oldFlows), .oauth2(let newFlows)):
            compareFlows(oldFlows, newFlows, at: path)
        case (.openIdConnect, .openIdConnect):
            add(.breakingWire, path, "OpenID Connect discovery URL changed")
        case (.bearer, .bearer):
            add(.additive, path, "bearer format changed")
        default:
            // Bearer, OAuth 2 and OpenID Connect all send `Authorization: Bearer`, a `String?` credential.
            let sameWire = old.isBearer && new.isBearer
            add(
                sameWire ? .additive : .breakingWire, path,
                "auth scheme changed from \(describe(old)) to \(describe(new))"
                    + (sameWire ? " (the same bearer token on the wire)" : ""))
        }
    }

    /// Flows and scopes: what a client can no longer obtain breaks it; what is new is additive.
    private mutating func compareFlows(_ old: [OAuthFlow], _ new: [OAuthFlow], at path: String) {
        for flow in old where !new.contains(where: { $0.kind == flow.kind }) {
            add(.breakingWire, "\(path).flows.\(flow.kind.rawValue)", "OAuth 2 flow removed")
        }
        for flow in new {
            let flowPath = "\(path).flows.\(flow.kind.rawValue)"
            guard let before = old.first(where: { $0.kind == flow.kind }) else {
                add(.additive, flowPath, "OAuth 2 flow added")
                continue
            }
            if before.authorizationURL != flow.authorizationURL || before.tokenURL != flow.tokenURL
                || before.refreshURL != flow.refreshURL
            {
                add(.breakingWire, flowPath, "OAuth 2 flow URLs changed")
            }
            for scope in before.scopes where !flow.scopes.contains(where: { $0.name == scope.name }) {
                add(.breakingWire, "\(flowPath).scopes.\(scope.name)", "scope removed")
            }
            for scope in flow.scopes where !before.scopes.contains(where: { $0.name == scope.name }) {
                add(.additive, "\(flowPath).scopes.\(scope.name)", "scope added")
            }
        }
    }

    private func describe(_ kind: AuthScheme.Kind) -> String {
        switch kind {
        case .bearer: "bearer"
        case .apiKeyHeader(let name): "API key in header \(name)"
        case .apiKeyQuery(let name): "API key in query item \(name)"
        case .apiKeyCookie(let name): "API key in cookie \(name)"
        case .basic: "HTTP Basic"
        case .oauth2: "OAuth 2"
        case .openIdConnect: "OpenID Connect"
        }
    }

    // MARK: Types

    private mutating func compareTypes(_ old: Definition, _ new: Definition) {
        for type in old.types where new.type(named: type.name) == nil {
            add(.breakingSource, "types.\(type.name)", "type removed")
        }
        for type in new.types {
            let path = "types.\(type.name)"
            guard let before = old.type(named: type.name) else {
                add(.additive, path, "type added")
                continue
            }
            switch (before.kind, type.kind) {
            case (.object(let oldFields), .object(let newFields)):
                compareFields(oldFields, newFields, at: path)
                switch (before.additionalProperties, type.additionalProperties) {
                case (nil, nil): break
                case (nil, let added?):
                    add(.additive, "\(path).additionalProperties", "members beside the fields (\(added)) kept")
                case (let removed?, nil):
                    add(
                        .breakingSource, "\(path).additionalProperties",
                        "members beside the fields (\(removed)) no longer kept")
                case (let old?, let new?) where old != new:
                    add(
                        .breakingWire, "\(path).additionalProperties",
                        "type of the members beside the fields changed from \(old) to \(new)")
                default: break
                }
            case (.enumeration(let oldValues, let oldKeep), .enumeration(let newValues, let newKeep)):
                compareEnum(oldValues, oldKeep, newValues, newKeep, at: path)
            case (.oneOf(let oldVariants, let oldDiscriminator), .oneOf(let newVariants, let newDiscriminator)):
                if oldDiscriminator != newDiscriminator {
                    add(.breakingWire, path, "discriminator changed")
                }
                for variant in oldVariants where !newVariants.contains(where: { $0.type == variant.type }) {
                    add(.breakingWire, "\(path).variants.\(variant.type)", "alternative removed")
                }
                for variant in newVariants where !oldVariants.contains(where: { $0.type == variant.type }) {
                    add(.breakingSource, "\(path).variants.\(variant.type)", "alternative added (a new enum case)")
                }
            case (.anyOf(let oldVariants), .anyOf(let newVariants)):
                compareAnyOf(oldVariants, newVariants, at: path)
            default:
                add(.breakingWire, path, "kind changed")
            }
        }
    }

    /// An anyOf's alternatives: one removed is breaking on the wire (payloads only it matched fail) and
    /// in Swift (its property goes); one added is additive (a new optional property, `nil` by default
    /// in the initializer); a new Swift name breaks source; a primitive alternative's constraints
    /// narrowed break the wire, relaxed are additive (as a field's).
    private mutating func compareAnyOf(_ old: [AnyOfVariant], _ new: [AnyOfVariant], at path: String) {
        for variant in old where !new.contains(where: { $0.type == variant.type }) {
            add(.breakingWire, "\(path).variants.\(variant.type)", "alternative removed")
        }
        for variant in new {
            guard let before = old.first(where: { $0.type == variant.type }) else {
                add(.additive, "\(path).variants.\(variant.type)", "alternative added (a new optional property)")
                continue
            }
            if Naming.variantProperty(before) != Naming.variantProperty(variant) {
                add(
                    .breakingSource, "\(path).variants.\(variant.type)",
                    "Swift name changed from \(Naming.variantProperty(before)) to \(Naming.variantProperty(variant))")
            }
            // A primitive alternative's constraints: narrowed, payloads it matched match it no more.
            compareConstraints(before.constraints, variant.constraints, at: "\(path).variants.\(variant.type)")
        }
    }

    private mutating func compareFields(_ old: [Field], _ new: [Field], at path: String) {
        for field in old where !new.contains(where: { $0.name == field.name }) {
            add(.breakingWire, "\(path).\(field.name)", "field removed")
        }
        for field in new {
            let fieldPath = "\(path).\(field.name)"
            guard let before = old.first(where: { $0.name == field.name }) else {
                if field.required && field.defaultValue == nil && field.readOnly {
                    add(.additive, fieldPath, "read-only field added (required in responses only)")
                } else if field.required && field.defaultValue == nil {
                    add(.breakingWire, fieldPath, "required field added")
                } else {
                    add(.additive, fieldPath, "optional field added")
                }
                continue
            }
            if before.type != field.type {
                add(.breakingWire, fieldPath, "type changed from \(before.type) to \(field.type)")
            }
            if !before.required, field.required {
                add(.breakingWire, fieldPath, "became required")
            } else if before.required, !field.required {
                add(.breakingSource, fieldPath, "became optional (its Swift type becomes optional)")
            }
            compareDirections(before, field, at: fieldPath)
            if !before.nullable, field.nullable {
                add(.breakingWire, fieldPath, "became nullable")
            } else if before.nullable, !field.nullable {
                add(.breakingWire, fieldPath, "is no longer nullable")
            }
            if before.constant != field.constant {
                add(.breakingWire, fieldPath, "constant changed")
            }
            compareDeprecation(before.deprecated, field.deprecated, at: fieldPath)
            if before.defaultValue != field.defaultValue {
                add(
                    .breakingWire, fieldPath,
                    "default changed from \(before.defaultValue?.description ?? "none") to \(field.defaultValue?.description ?? "none")"
                )
            }
            if Naming.property(before) != Naming.property(field) {
                add(
                    .breakingSource, fieldPath,
                    "Swift name changed from \(Naming.property(before)) to \(Naming.property(field))")
            }
            compareConstraints(before.constraints, field.constraints, at: fieldPath)
        }
    }

    /// `readOnly` / `writeOnly` changes. They matter for a field required before and after: read-only,
    /// requests need not carry it; write-only, responses need not. A field that may be absent either
    /// way changes only its documentation.
    private mutating func compareDirections(_ before: Field, _ field: Field, at path: String) {
        for (key, was, now) in [("read-only", before.readOnly, field.readOnly), ("write-only", before.writeOnly, field.writeOnly)]
        where was != now {
            let message = now ? "became \(key)" : "is no longer \(key)"
            guard before.required, field.required else {
                add(.additive, path, message)
                continue
            }
            switch (key, now) {
            case ("read-only", true):
                // Requests may leave it out; its Swift type becomes optional.
                add(.breakingSource, path, message + " (its Swift type becomes optional)")
            case ("read-only", false):
                // Requests must carry it now.
                add(.breakingWire, path, message + " (requests must carry it)")
            case ("write-only", true):
                // Responses may leave it out, which clients relying on it do not expect.
                add(.breakingWire, path, message + " (responses may leave it out)")
            default:
                // Responses must carry it now; its Swift type is no longer optional.
                add(.breakingSource, path, message + " (its Swift type is no longer optional)")
            }
        }
    }

    private mutating func compareEnum(
        _ old: [EnumValue], _ oldKeep: Bool, _ new: [EnumValue], _ newKeep: Bool, at path: String
    ) {
        let (oldRaw, newRaw) = (EnumRawType(old), EnumRawType(new))
        if oldRaw != newRaw {
            add(.breakingWire, path, "enum values changed from \(oldRaw.rawValue)s to \(newRaw.rawValue)s")
            return
        }
        for value in old where !new.contains(where: { $0.value == value.value }) {
            add(.breakingWire, "\(path).\(value.value)", "enum value removed")
        }
        for value in new {
            guard let before = old.first(where: { $0.value == value.value }) else {
                if newKeep {
                    add(
                        .breakingSource, "\(path).\(value.value)",
                        "enum value added (a new case; old clients see .unknown)")
                } else {
                    add(
                        .breakingSource, "\(path).\(value.value)",
                        "enum value added (a new case breaks exhaustive switches)")
                }
                continue
            }
            if Naming.enumCase(before) != Naming.enumCase(value) {
                add(
                    .breakingSource, "\(path).\(value.value)",
                    "Swift case renamed from \(Naming.enumCase(before)) to \(Naming.enumCase(value))")
            }
        }
        if oldKeep != newKeep {
            add(
                .breakingSource, path,
                newKeep ? "now keeps unknown values (a new .unknown case)" : "no longer keeps unknown values")
        }
    }

    /// Narrowing a constraint breaks requests that were valid; widening is additive.
    private mutating func compareConstraints(_ old: Constraints, _ new: Constraints, at path: String) {
        func lower(_ name: String, _ before: Double?, _ after: Double?) {
            guard before != after else { return }
            let narrowed = after != nil && (before == nil || after! > before!)
            add(
                narrowed ? .breakingWire : .additive, path,
                "\(name) \(narrowed ? "narrowed" : "relaxed") from \(show(before)) to \(show(after))")
        }
        func upper(_ name: String, _ before: Double?, _ after: Double?) {
            guard before != after else { return }
            let narrowed = after != nil && (before == nil || after! < before!)
            add(
                narrowed ? .breakingWire : .additive, path,
                "\(name) \(narrowed ? "narrowed" : "relaxed") from \(show(before)) to \(show(after))")
        }
        lower("minLength", old.minLength.map(Double.init), new.minLength.map(Double.init))
        upper("maxLength", old.maxLength.map(Double.init), new.maxLength.map(Double.init))
        lower("minimum", old.minimum, new.minimum)
        upper("maximum", old.maximum, new.maximum)
        lower("minItems", old.minItems.map(Double.init), new.minItems.map(Double.init))
        upper("maxItems", old.maxItems.map(Double.init), new.maxItems.map(Double.init))
        if old.pattern != new.pattern {
            add(
                new.pattern == nil ? .additive : .breakingWire, path,
                "pattern changed from \(old.pattern ?? "none") to \(new.pattern ?? "none")")
        }
        // An array's items and a map's values: the same rules, at the element's path.
        if old.items != nil || new.items != nil {
            compareConstraints(old.items ?? Constraints(), new.items ?? Constraints(), at: "\(path).items")
        }
        if old.values != nil || new.values != nil {
            compareConstraints(old.values ?? Constraints(), new.values ?? Constraints(), at: "\(path).values")
        }
    }

    private func show(_ value: Double?) -> String {
        guard let value else { return "none" }
        return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: Operations

    private mutating func compareOperations(_ old: Definition, _ new: Definition) {
        for operation in old.operations where !new.operations.contains(where: { $0.name == operation.name }) {
            add(
                .breakingWire, "operations.\(operation.name)",
                "operation removed (\(operation.method) \(operation.path))")
        }
        for operation in new.operations {
            let path = "operations.\(operation.name)"
            guard let before = old.operations.first(where: { $0.name == operation.name }) else {
                // A new requirement of the handler protocol: a handler must implement it to compile
                // (one that adopts the partial handler protocol answers 501 instead).
                add(
                    .breakingSource, path,
                    "operation added (\(operation.method) \(operation.path)): handlers must implement it")
                continue
            }
            if before.method != operation.method || before.path != operation.path {
                add(
                    .breakingWire, path,
                    "moved from \(before.method) \(before.path) to \(operation.method) \(operation.path)")
            }
            compareDeprecation(before.deprecated, operation.deprecated, at: path)
            compareAuthRequirements(before.auth, operation.auth, at: path)
            compareParameters(before.parameters, operation.parameters, at: path)
            compareBody(before.body, operation.body, at: "\(path).body")
            compareResponses(before.responses, operation.responses, at: "\(path).responses")
        }
    }

    private mutating func compareAuthRequirements(_ old: [[AuthUse]], _ new: [[AuthUse]], at path: String) {
        guard old != new else { return }
        let schemes = { (auth: [[AuthUse]]) in auth.map { $0.map(\.scheme) } }
        if old.isEmpty {
            add(.breakingWire, "\(path).auth", "now requires authentication")
        } else if new.isEmpty {
            add(
                .breakingSource, "\(path).auth",
                "no longer requires authentication (the handler loses its credentials argument)")
        } else if schemes(old) == schemes(new) {
            // The same schemes; only scopes changed. A token needs every scope now required.
            let more = zip(old, new).contains { before, after in
                zip(before, after).contains { !Set($1.scopes).isSubset(of: Set($0.scopes)) }
            }
            add(
                more ? .breakingWire : .additive, "\(path).auth",
                "required scopes changed from \(describe(old)) to \(describe(new))")
        } else {
            let removedAlternatives = schemes(old).filter { !schemes(new).contains($0) }
            add(
                removedAlternatives.isEmpty ? .additive : .breakingWire, "\(path).auth",
                "auth changed from \(describe(old)) to \(describe(new))")
        }
    }

    private func describe(_ auth: [[AuthUse]]) -> String {
        auth.map { $0.map(\.description).joined(separator: " + ") }.joined(separator: " or ")
    }

    private mutating func compareParameters(_ old: [Parameter], _ new: [Parameter], at path: String) {
        for parameter in old
        where !new.contains(where: { $0.name == parameter.name && $0.location == parameter.location }) {
            add(
                .breakingWire, "\(path).parameters.\(parameter.name)",
                "\(parameter.location.rawValue) parameter removed")
        }
        for parameter in new {
            let parameterPath = "\(path).parameters.\(parameter.name)"
            guard let before = old.first(where: { $0.name == parameter.name && $0.location == parameter.location })
            else {
                add(
                    parameter.required ? .breakingWire : .additive, parameterPath,
                    "\(parameter.required ? "required" : "optional") \(parameter.location.rawValue) parameter added")
                continue
            }
            if before.type != parameter.type {
                add(.breakingWire, parameterPath, "type changed from \(before.type) to \(parameter.type)")
            }
            if before.effectiveStyle != parameter.effectiveStyle {
                add(
                    .breakingWire, parameterPath,
                    "style changed from \(before.effectiveStyle.rawValue) to \(parameter.effectiveStyle.rawValue)")
            }
            // Explode changes only how an array in the style form travels (`ids=1&ids=2` or `ids=1,2`).
            if before.effectiveExplode != parameter.effectiveExplode, parameter.effectiveStyle == .form,
                case .array = parameter.type
            {
                add(
                    .breakingWire, parameterPath,
                    "explode changed from \(before.effectiveExplode) to \(parameter.effectiveExplode)")
            }
            if !before.required, parameter.required {
                add(.breakingWire, parameterPath, "became required")
            } else if before.required, !parameter.required {
                add(.breakingSource, parameterPath, "became optional (its Swift type becomes optional)")
            }
            if Naming.parameter(before) != Naming.parameter(parameter) {
                add(
                    .breakingSource, parameterPath,
                    "Swift name changed from \(Naming.parameter(before)) to \(Naming.parameter(parameter))")
            }
            compareDeprecation(before.deprecated, parameter.deprecated, at: parameterPath)
            compareConstraints(before.constraints, parameter.constraints, at: parameterPath)
        }
    }

    /// Deprecating (or no longer) changes no wire and breaks no code: Swift warns where it is used.
    private mutating func compareDeprecation(_ old: String?, _ new: String?, at path: String) {
        switch (old, new) {
        case (nil, let message?):
            add(.additive, path, "deprecated" + (message.isEmpty ? "" : ": \(message)"))
        case (.some, nil): add(.additive, path, "no longer deprecated")
        case (let before?, let after?) where before != after:
            add(.additive, path, "deprecation message changed")
        default: break
        }
    }

    private mutating func compareBody(_ old: RequestBody?, _ new: RequestBody?, at path: String) {
        switch (old, new) {
        case (nil, nil): return
        case (nil, _?): add(.breakingWire, path, "request body added")
        case (_?, nil): add(.breakingWire, path, "request body removed")
        case (let before?, let after?):
            if before.type != after.type {
                add(
                    .breakingWire, path,
                    "type changed from \(before.type?.description ?? "raw bytes") to \(after.type?.description ?? "raw bytes")"
                )
            }
            for contentType in before.contentTypes where !after.contentTypes.contains(contentType) {
                add(.breakingWire, path, "no longer accepts \(contentType)")
            }
            for contentType in after.contentTypes where !before.contentTypes.contains(contentType) {
                add(.additive, path, "also accepts \(contentType)")
            }
            // Old clients always send it, so the wire is fine; handlers now get `body: T?`.
            if !before.required, after.required {
                add(.breakingWire, path, "became required")
            } else if before.required, !after.required {
                add(.breakingSource, path, "became optional (its Swift type becomes optional)")
            }
        }
    }

    private mutating func compareResponses(_ old: [Response], _ new: [Response], at path: String) {
        // A range (`4XX`) or `default` is a case like a status's: adding or removing one changes the enum.
        func named(_ status: ResponseStatus) -> String {
            switch status {
            case .code: return "status \(status)"
            case .range: return "status range \(status)"
            case .default: return "the default response"
            }
        }
        for response in old where !new.contains(where: { $0.status == response.status }) {
            add(
                .breakingSource, "\(path).\(response.status)",
                "\(named(response.status)) no longer documented (its enum case is removed)")
        }
        for response in new {
            let responsePath = "\(path).\(response.status)"
            guard let before = old.first(where: { $0.status == response.status }) else {
                add(
                    .breakingSource, responsePath,
                    "\(named(response.status)) documented (a new enum case, .\(Naming.statusCase(response.status)))")
                continue
            }
            if before.stream != response.stream {
                let was = before.stream.map { "a stream of events (\($0.rawValue))" } ?? "a single body"
                let now = response.stream.map { "a stream of events (\($0.rawValue))" } ?? "a single body"
                add(.breakingWire, responsePath, "the answer changed from \(was) to \(now)")
                continue
            }
            if before.stream != nil, before.type != response.type {
                add(
                    .breakingWire, responsePath,
                    "event type changed from \(before.type?.description ?? "undocumented") to \(response.type?.description ?? "undocumented")"
                )
            } else if before.type != response.type {
                add(
                    .breakingWire, responsePath,
                    "body type changed from \(before.type?.description ?? "undocumented") to \(response.type?.description ?? "undocumented")"
                )
            }
            for contentType in before.contentTypes where !response.contentTypes.contains(contentType) {
                add(.breakingWire, responsePath, "no longer answers \(contentType)")
            }
            for contentType in response.contentTypes where !before.contentTypes.contains(contentType) {
                add(.additive, responsePath, "also answers \(contentType)")
            }
            compareResponseHeaders(before.headers, response.headers, at: responsePath)
        }
    }

    /// Response headers flow from the server to the client, so the impacts mirror the parameters': a
    /// header the server stops guaranteeing breaks clients that require it, and one it starts guaranteeing
    /// breaks only handlers' Swift code (which must now supply it).
    private mutating func compareResponseHeaders(_ old: [Parameter], _ new: [Parameter], at path: String) {
        func same(_ a: Parameter, _ b: Parameter) -> Bool { a.name.lowercased() == b.name.lowercased() }
        if old.isEmpty != new.isEmpty {
            add(
                .breakingSource, "\(path).headers",
                new.isEmpty
                    ? "no longer has typed headers (its enum case loses headers:)"
                    : "has typed headers (its enum case carries headers:)")
        }
        for header in old where !new.contains(where: { same($0, header) }) {
            add(
                header.required ? .breakingWire : .breakingSource, "\(path).headers.\(header.name)",
                "\(header.required ? "required" : "optional") response header removed")
        }
        for header in new {
            let headerPath = "\(path).headers.\(header.name)"
            guard let before = old.first(where: { same($0, header) }) else {
                if !old.isEmpty {
                    add(
                        header.required ? .breakingSource : .additive, headerPath,
                        header.required
                            ? "required response header added (handlers must supply it)"
                            : "optional response header added")
                }
                continue
            }
            if before.type != header.type {
                add(.breakingWire, headerPath, "type changed from \(before.type) to \(header.type)")
            }
            if !before.required, header.required {
                add(.breakingSource, headerPath, "became required (its Swift type is no longer optional)")
            } else if before.required, !header.required {
                add(.breakingWire, headerPath, "became optional")
            }
            if Naming.parameter(before) != Naming.parameter(header) {
                add(
                    .breakingSource, headerPath,
                    "Swift name changed from \(Naming.parameter(before)) to \(Naming.parameter(header))")
            }
            compareDeprecation(before.deprecated, header.deprecated, at: headerPath)
            // What the server sends: a narrowed constraint still satisfies old clients; a relaxed one may not.
            let start = changes.count
            compareConstraints(before.constraints, header.constraints, at: headerPath)
            for index in start..<changes.count {
                changes[index].impact = changes[index].impact == .breakingWire ? .additive : .breakingWire
            }
        }
    }

    // MARK: Output

    /// The changes for a terminal, grouped by impact.
    public func text(oldName: String, newName: String) -> String {
        var result = "API changes from \(oldName) to \(newName):\n"
        if changes.isEmpty { return result + "  none\n" }
        for impact in Impact.allCases {
            let group = changes.filter { $0.impact == impact }
            guard !group.isEmpty else { continue }
            result += "\n\(impact.title) (\(group.count)):\n"
            for change in group { result += "  \(change.path): \(change.message)\n" }
        }
        let counts = Impact.allCases.map { impact in
            "\(changes.filter { $0.impact == impact }.count) \(impact.rawValue)"
        }
        return result + "\n\(changes.count) change\(changes.count == 1 ? "" : "s"): " + counts.joined(separator: ", ")
            + "\n"
    }

    /// The changes as JSON, keys and changes in a stable order.
    public func json(oldName: String, newName: String) -> String {
        let quote = JSONText.quoted
        var lines = ["{", "  \"old\": \(quote(oldName)),", "  \"new\": \(quote(newName)),", "  \"changes\": ["]
        for (index, change) in changes.enumerated() {
            let comma = index == changes.count - 1 ? "" : ","
            lines.append(
                "    {\"impact\": \(quote(change.impact.rawValue)), \"path\": \(quote(change.path)), \"message\": \(quote(change.message))}\(comma)"
            )
        }
        lines.append("  ],")
        let counts = Impact.allCases.map { impact in
            "\(quote(impact.rawValue)): \(changes.filter { $0.impact == impact }.count)"
        }
        lines.append("  \"summary\": {" + counts.joined(separator: ", ") + "}")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// JSON text helpers shared by everything that writes JSON by hand (to control order and layout).
public enum JSONText {
    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
