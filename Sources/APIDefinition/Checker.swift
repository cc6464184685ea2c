import Foundation

/// Semantic rules for a loaded definition: references resolve, names are unique (also after
/// conversion to Swift), path templates match their parameters, constraints agree with each other
/// and with their types, auth schemes are declared.
public enum DefinitionChecker {
    /// Finds the line and column of a JSON path (`preferKey` points at the key instead of the value).
    public typealias Locate = (_ path: String, _ preferKey: Bool) -> (Int, Int)?

    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// The longest service name, in UTF-8 bytes: it names the output directory, the `<Service>API`
    /// module and its build products, which must stay well within file systems' 255-byte names.
    public static let maximumServiceNameLength = 64

    /// Returns the diagnostics for `definition`; empty when it is valid.
    public static func check(_ definition: Definition, locate: @escaping Locate = { _, _ in nil }) -> [Diagnostic] {
        var checker = Run(definition: definition, recursion: Recursion(definition), locate: locate)
        checker.run()
        return checker.diagnostics
    }

    struct Run {
        let definition: Definition
        /// The fields stored out of line (`Indirect`) because they make their type contain itself.
        let recursion: Recursion
        let locate: Locate
        var diagnostics: [Diagnostic] = []
        /// For a run on another thread: its diagnostics, located later by the run that started it.
        var unlocated: UnlocatedDiagnostics?
        /// Patterns already compiled once: APIs repeat the same few.
        var validPatterns = Set<String>()
        /// Bounds the work on suggestions, for every run of this check.
        var suggestions = SuggestionBudget()
        static let noConstraints = Constraints()

        mutating func report(
            _ path: String, _ message: String, preferKey: Bool = false, severity: Diagnostic.Severity = .error
        ) {
            if unlocated != nil {
                unlocated?.append(
                    Diagnostic(
                        severity: severity, file: definition.file, line: nil, column: nil, path: path, message: message),
                    preferKey: preferKey)
                return
            }
            let position = locate(path, preferKey)
            diagnostics.append(
                Diagnostic(
                    severity: severity, file: definition.file, line: position?.0, column: position?.1, path: path,
                    message: message))
        }

        mutating func run() {
            checkService()
            checkUnique(definition.auth.map(\.name), at: { "auth[\($0)].name" }, what: "auth scheme")
            checkUnique(
                definition.auth.map { Naming.lowerCamel($0.name) }, at: { "auth[\($0)].name" },
                what: "Swift credential name", original: definition.auth.map(\.name))
            for (index, scheme) in definition.auth.enumerated()
            where Naming.words(scheme.name).isEmpty || !Naming.isMemberName(Naming.lowerCamel(scheme.name)) {
                report(
                    "auth[\(index)].name",
                    "'\(DefinitionChecker.shown(scheme.name))' has no letters or digits to make a Swift credential name from; rename the scheme"
                )
            }
            for (index, scheme) in definition.auth.enumerated()
            where ReservedNames.redactionMembers.contains(Naming.lowerCamel(scheme.name))
                || Naming.keywords.contains(Naming.lowerCamel(scheme.name))
            {
                report(
                    "auth[\(index)].name",
                    "'\(scheme.name)' clashes with a member of the generated credentials; rename the scheme")
            }
            checkUnique(definition.types.map(\.name), at: { "types[\($0)].name" }, what: "type")
            checkUnique(
                definition.types.map { Naming.type($0.name) }, at: { "types[\($0)].name" }, what: "Swift type name",
                original: definition.types.map(\.name))
            checkUnique(definition.operations.map(\.name), at: { "operations[\($0)].name" }, what: "operation")
            checkUnique(
                definition.operations.map(Naming.method), at: { "operations[\($0)].name" }, what: "Swift method name",
                original: definition.operations.map(\.name))
            checkGeneratedNameClashes()
            checkEach(definition.types.count) { run, index in
                run.checkType(run.definition.types[index], at: "types[\(index)]")
            }
            checkEach(definition.operations.count) { run, index in
                run.checkOperation(run.definition.operations[index], at: "operations[\(index)]")
            }
            checkXMLNames()
            checkAdditionalProperties()
            checkErrorBody()
            checkFiles()
            checkAnyOfNotInDeepObjects()
        }

        /// An object type with a map of the rest (`additionalProperties`): the map's values are any type a
        /// map `{T}` may hold (files are refused in Checker+Files), and no field takes the map's Swift name.
        /// The members travel in JSON, XML, forms and multipart; in a deepObject parameter (flat
        /// `name[member]=value` items) they must be flat too: a primitive or an enum.
        mutating func checkAdditionalProperties() {
            let indices = definition.types.indices.filter { definition.types[$0].additionalProperties != nil }
            guard !indices.isEmpty else { return }
            for index in indices {
                let type = definition.types[index]
                guard let rest = type.additionalProperties else { continue }
                checkTypeRef(rest, at: "types[\(index)].additionalProperties")
                for (position, field) in type.fields.enumerated()
                where Naming.property(field) == DefinitionChecker.additionalPropertiesName {
                    report(
                        "types[\(index)].fields[\(position)].name",
                        "'\(DefinitionChecker.additionalPropertiesName)' holds the members beside the fields of '\(type.name)'; give this field a 'swiftName'"
                    )
                }
            }
        }

        /// XML carries each field as an element named by its wire name, so the dialect's element
        /// names and the wire names of every type that travels as XML (a body or answer offered as
        /// XML, and every type it contains) must be XML names: `<1st>` is not well-formed XML.
        mutating func checkXMLNames() {
            guard let xml = definition.service.xml else { return }
            for (key, name) in [("rootElement", xml.rootElement), ("listItemElement", xml.listItemElement)]
            where !DefinitionChecker.isXMLName(name) {
                report(
                    "service.xml.\(key)",
                    "'\(DefinitionChecker.shown(name))' is not an XML element name (a letter or '_', then letters, digits, '-', '_' or '.')"
                )
            }
            var pending: [TypeRef] = []
            for operation in definition.operations {
                if let body = operation.body, body.contentTypes.contains(MediaTypes.xml), let type = body.type {
                    pending.append(type)
                }
                for response in operation.responses where response.contentTypes.contains(MediaTypes.xml) {
                    if let type = response.type { pending.append(type) }
                }
            }
            var seen = Set<String>()
            while let type = pending.popLast() {
                guard case .named(let name) = type.element, seen.insert(name).inserted,
                    let index = definition.typeIndex[name]
                else { continue }
                switch definition.types[index].kind {
                case .object(let fields):
                    for (position, field) in fields.enumerated() {
                        pending.append(field.type)
                        guard !DefinitionChecker.isXMLName(field.name) else { continue }
                        report(
                            "types[\(index)].fields[\(position)].name",
                            "'\(DefinitionChecker.shown(field.name))' is not an XML element name, but '\(name)' travels as XML; use a wire name that starts with a letter or '_' and holds only letters, digits, '-', '_' and '.'"
                        )
                    }
                case .oneOf(let variants, _): pending += variants.map { TypeRef.named($0.type) }
                case .anyOf(let variants): pending += variants.map(\.type)
                case .enumeration: break
                }
            }
        }

        mutating func checkService() {
            let service = definition.service
            if service.name.utf8.count > DefinitionChecker.maximumServiceNameLength {
                report(
                    "service.name",
                    "the service name is \(service.name.utf8.count) bytes long; it names a directory, a module and files, so it may be at most \(DefinitionChecker.maximumServiceNameLength) bytes"
                )
            } else if !Naming.isIdentifier(service.name) || Naming.words(service.name).isEmpty {
                report(
                    "service.name",
                    "'\(DefinitionChecker.shown(service.name))' is not a Swift identifier with a letter or digit; it prefixes generated type names"
                )
            } else if Naming.keywords.contains(Naming.lowerCamel(service.name))
                || Naming.lowerCamel(service.name) == "djangoREST"
            {
                report(
                    "service.name",
                    "'\(service.name)' names the service's XMLDialect '\(Naming.lowerCamel(service.name))', which is taken; choose another name"
                )
            }
            if let xml = service.xml {
                for (key, text, expected) in [
                    ("trueText", xml.trueText, "true"), ("falseText", xml.falseText, "false"),
                ]
                where text.lowercased() != expected {
                    report(
                        "service.xml.\(key)",
                        "'\(text)' cannot be read back as a boolean; write '\(expected)' in any letter case (DRF writes '\(expected.capitalized)')"
                    )
                }
            }
            if let baseURL = service.baseURL {
                if let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
                    url.host != nil
                {
                    if baseURL.hasSuffix("/") {
                        report("service.baseURL", "drop the trailing '/': operation paths start with '/'")
                    }
                } else {
                    report("service.baseURL", "'\(baseURL)' is not an absolute http or https URL")
                }
            }
        }

        /// Reports the second and later occurrences of each name.
        mutating func checkUnique(_ names: [String], at path: (Int) -> String, what: String, original: [String]? = nil)
        {
            var seen: [String: Int] = [:]
            for (index, name) in names.enumerated() {
                if let first = seen[name] {
                    if let original, original[first] != original[index] {
                        report(
                            path(index),
                            "'\(original[index])' and '\(original[first])' (\(path(first))) both become the \(what) '\(name)'; rename one or give it a 'swiftName'"
                        )
                    } else if original == nil {
                        report(path(index), "duplicate \(what) '\(name)' (first declared at \(path(first)))")
                    }
                } else {
                    seen[name] = index
                }
            }
        }

        mutating func checkGeneratedNameClashes() {
            let prefix = definition.service.name
            var generated: [String: String] = [
                "\(prefix)Client": "the client", "\(prefix)Handler": "the server handler protocol",
                "\(prefix)PartialHandler": "the partial server handler protocol",
                "\(prefix)Credentials": "the credentials",
            ]
            for suffix in ["Client", "Handler", "PartialHandler", "Credentials"] where ReservedNames.typeNames.contains(prefix + suffix) {
                report(
                    "service.name",
                    "the service's \(suffix.lowercased()) type '\(prefix)\(suffix)' would shadow a type generated code uses; choose another name"
                )
            }
            for (index, operation) in definition.operations.enumerated() {
                let base = Naming.operationType(operation)
                generated["\(base)Input"] = "operation '\(operation.name)'"
                generated["\(base)Output"] = "operation '\(operation.name)'"
                for suffix in ["Input", "Output"] where ReservedNames.typeNames.contains(base + suffix) {
                    report(
                        "operations[\(index)].name",
                        "the operation's type '\(base)\(suffix)' would shadow a type generated code uses; choose another name"
                    )
                }
            }
            for (index, type) in definition.types.enumerated() {
                if let owner = generated[Naming.type(type.name)] {
                    report(
                        "types[\(index)].name",
                        "'\(type.name)' is a name apigen generates for \(owner); rename the type")
                }
            }
        }

        /// Checks items `0..<count` (types or operations, each checked on its own). Many are
        /// checked on every core, in runs of their own; the diagnostics come back in order, as one
        /// run would give them, and are located here.
        mutating func checkEach(_ count: Int, _ check: @escaping @Sendable (inout Run, Int) -> Void) {
            guard count > 64, unlocated == nil else {
                for index in 0..<count { check(&self, index) }
                return
            }
            let definition = definition
            let recursion = recursion
            let suggestions = suggestions
            let runs = Parallel.runs(of: count, length: 64) { range in
                var run = Run(definition: definition, recursion: recursion, locate: { _, _ in nil })
                run.suggestions = suggestions
                run.unlocated = UnlocatedDiagnostics()
                for index in range { check(&run, index) }
                return run.unlocated!
            }
            for run in runs { diagnostics += run.located(by: locate) }
        }

        func resolve(_ type: TypeRef, at path: String) -> (ok: Bool, message: String?) {
            guard case .named(let name) = type.element else { return (true, nil) }
            if definition.type(named: name) != nil { return (true, nil) }
            let suggestion = Suggest.didYouMean(
                name, TypeRef.primitives.map(\.name) + definition.types.map(\.name), budget: suggestions)
            return (false, "unknown type '\(name)'\(suggestion)")
        }

        /// The path is spelled out only for a diagnostic.
        mutating func checkTypeRef(_ type: TypeRef, at path: @autoclosure () -> String) {
            guard case .named(let name) = type.element, definition.type(named: name) == nil else { return }
            let path = path()
            if let message = resolve(type, at: path).message { report(path, message) }
        }

        mutating func checkType(_ type: TypeDeclaration, at path: String) {
            let swiftName = Naming.type(type.name)
            if !Naming.isIdentifier(type.name) || Naming.keywords.contains(type.name)
                || !Naming.isIdentifier(swiftName) || swiftName.first?.isUppercase != true
            {
                let suggestion = Naming.upperCamel(type.name)
                report(
                    "\(path).name",
                    "'\(type.name)' is not a usable Swift type name; start with a letter, use letters, digits and '_', and no Swift keyword"
                        + (suggestion != type.name && suggestion.first?.isUppercase == true
                            && Naming.isIdentifier(suggestion) ? " (for example '\(suggestion)')" : "")
                )
            } else if ReservedNames.typeNames.contains(swiftName) || TypeRef.parse(type.name) != .named(type.name) {
                report(
                    "\(path).name",
                    "'\(type.name)' would shadow a type generated code uses; rename it (for example '\(definition.service.name)\(swiftName)')"
                )
            }
            switch type.kind {
            case .object(let fields):
                if fields.contains(where: { $0.sensitive || $0.deprecated != nil })
                    || recursion.indirectFields[type.name] != nil
                {
                    for (index, field) in fields.enumerated()
                    where ReservedNames.redactionMembers.contains(Naming.property(field)) {
                        report(
                            "\(path).fields[\(index)].name",
                            "'\(Naming.property(field))' clashes with the description code generated for sensitive fields and recursive types; give the field a 'swiftName'"
                        )
                    }
                }
                checkIndirectStorage(type, fields, at: path)
                checkDeprecatedStorage(
                    fields.map { (Naming.property($0), $0.deprecated != nil) }, at: { "\(path).fields[\($0)]" })
                let indirect = recursion.indirectFields[type.name] ?? []
                for (index, field) in fields.enumerated() where field.deprecated != nil && indirect.contains(field.name)
                {
                    report(
                        "\(path).fields[\(index)].deprecated",
                        "a field that makes its type recursive cannot be deprecated yet (it is stored out of line)")
                }
                if recursion.infiniteTypes.contains(type.name) {
                    report(
                        "\(path).name",
                        "every '\(type.name)' would contain another one without end (through required, non-nullable fields); make a field on the cycle optional, nullable or an array"
                    )
                }
                checkUnique(fields.map(\.name), at: { "\(path).fields[\($0)].name" }, what: "field")
                checkUnique(
                    fields.map(Naming.property), at: { "\(path).fields[\($0)].name" }, what: "Swift property name",
                    original: fields.map(\.name))
                for (index, field) in fields.enumerated() { checkField(field, at: "\(path).fields[\(index)]") }
            case .enumeration(let values, let keepUnknown):
                if values.isEmpty { report("\(path).values", "an enum needs at least one value") }
                if keepUnknown, let index = values.firstIndex(where: { Naming.enumCase($0) == "unknown" }) {
                    report(
                        "\(path).values[\(index)]",
                        "the case 'unknown' holds values the definition does not list; give this value another 'swiftName'"
                    )
                }
                let rawType = EnumRawType(values)
                if rawType == .mixed, let index = values.firstIndex(where: { $0.kind != values[0].kind }) {
                    report(
                        "\(path).values[\(index)]",
                        "an enum's values are all strings or all numbers; this one is \(values[index].kind == .string ? "a string" : "a number") and values[0] is not"
                    )
                }
                if rawType.isNumeric {
                    // Exactly: 1 and 1.0 are the same number.
                    checkUnique(
                        values.map { rawType == .integer ? $0.value : String(($0.numericValue ?? 0) + 0.0) },
                        at: { "\(path).values[\($0)]" }, what: "enum value")
                } else {
                    checkUnique(values.map(\.value), at: { "\(path).values[\($0)]" }, what: "enum value")
                }
                checkUnique(
                    values.map(Naming.enumCase), at: { "\(path).values[\($0)]" }, what: "Swift case name",
                    original: values.map(\.value))
                for (index, value) in values.enumerated() {
                    checkMemberName(
                        value.swiftName, wireName: value.value, swiftName: Naming.enumCase(value),
                        at: "\(path).values[\(index)]", namePath: "\(path).values[\(index)]", what: "case",
                        members: ReservedNames.enumMembers)
                }
            case .oneOf(let variants, let discriminator):
                checkOneOf(variants, discriminator: discriminator, at: path)
            case .anyOf(let variants):
                checkAnyOf(variants, at: path)
                checkAnyOfRecursion(type, at: path)
            }
        }

        /// A field `parent` stored out of line has the storage `_parent`, which no other field may be named.
        mutating func checkIndirectStorage(_ type: TypeDeclaration, _ fields: [Field], at path: String) {
            guard let indirect = recursion.indirectFields[type.name] else { return }
            let storage = Set(fields.filter { indirect.contains($0.name) }.map { "_" + Naming.property($0) })
            for (index, field) in fields.enumerated() where storage.contains(Naming.property(field)) {
                report(
                    "\(path).fields[\(index)].name",
                    "'\(Naming.property(field))' clashes with the storage of the recursive field '\(Naming.property(field).dropFirst())'; give the field a 'swiftName'"
                )
            }
        }

        /// A deprecated field or parameter `x` is stored as `_x` behind a deprecated accessor (so generated code
        /// uses no deprecated declaration); no other member may be named `_x`. `members`: (Swift name, deprecated).
        mutating func checkDeprecatedStorage(_ members: [(name: String, deprecated: Bool)], at path: (Int) -> String) {
            let storage = Set(members.filter(\.deprecated).map { "_" + $0.name })
            for (index, member) in members.enumerated() where storage.contains(member.name) {
                report(
                    "\(path(index)).name",
                    "'\(member.name)' clashes with the storage of the deprecated '\(member.name.dropFirst())'; give it a 'swiftName'"
                )
            }
        }

        mutating func checkOneOf(_ variants: [OneOfVariant], discriminator: String?, at path: String) {
            if variants.count < 2 { report("\(path).variants", "a oneOf needs at least two variants") }
            checkUnique(variants.map(\.type), at: { "\(path).variants[\($0)]" }, what: "oneOf variant")
            checkUnique(
                variants.map(Naming.variantCase), at: { "\(path).variants[\($0)]" }, what: "Swift case name",
                original: variants.map(\.type))
            for (index, variant) in variants.enumerated() {
                let variantPath = "\(path).variants[\(index)]"
                if let swiftName = variant.swiftName, Naming.keywords.contains(swiftName) {
                    report("\(variantPath).swiftName", "'\(swiftName)' is not a usable Swift case name")
                } else {
                    checkMemberName(
                        variant.swiftName, wireName: variant.type, swiftName: Naming.variantCase(variant),
                        at: variantPath, namePath: variantPath, what: "case", members: ReservedNames.oneOfMembers)
                }
                guard let declaration = definition.type(named: variant.type) else {
                    checkTypeRef(.named(variant.type), at: variantPath)
                    continue
                }
                guard case .object(let fields) = declaration.kind else {
                    report(variantPath, "a oneOf variant must be an object type; '\(variant.type)' is not")
                    continue
                }
                switch (discriminator, variant.discriminatorValue) {
                case (let property?, nil):
                    report(
                        variantPath,
                        "with \"discriminator\": \"\(property)\", each variant needs a 'discriminatorValue'")
                case (nil, _?):
                    report(
                        "\(variantPath).discriminatorValue",
                        "a 'discriminatorValue' needs a 'discriminator' on the oneOf type")
                case (let property?, let value?):
                    if let field = fields.first(where: {
                        $0.name == property && $0.type == .string && $0.requiredBothWays
                    }) {
                        if let constant = field.constant, constant != .string(value) {
                            report(
                                variantPath,
                                "'\(variant.type).\(property)' is always \(constant), but its discriminatorValue is \"\(value)\""
                            )
                        }
                    } else if fields.contains(where: { $0.name == property && ($0.readOnly || $0.writeOnly) }) {
                        report(
                            variantPath,
                            "'\(variant.type).\(property)', the discriminator, cannot be readOnly or writeOnly: it must travel both ways"
                        )
                    } else {
                        report(
                            variantPath,
                            "'\(variant.type)' needs a required string field '\(property)', the discriminator")
                    }
                case (nil, nil): break
                }
            }
            if let discriminator {
                checkUnique(
                    variants.map { $0.discriminatorValue ?? "" }, at: { "\(path).variants[\($0)].discriminatorValue" },
                    what: "discriminator value for '\(discriminator)'")
            }
        }

        mutating func checkField(_ field: Field, at path: String) {
            checkMemberName(
                field.swiftName, wireName: field.name, swiftName: Naming.property(field), at: path,
                namePath: "\(path).name", what: "property", members: ReservedNames.structMembers)
            // Any nesting of arrays and maps around any element a field can have (`[[number]]`, `{[uuid]}`).
            checkTypeRef(field.type, at: "\(path).type")
            checkConstraints(field.constraints, type: field.type, at: path)
            if field.type == .json, field.nullable {
                report(
                    "\(path).nullable", "a json value already includes null; 'nullable' has no effect",
                    severity: .warning)
            }
            if let constant = field.constant {
                if field.type.isConvertedScalar || [.json, .date, .decimal, .file].contains(field.type)
                    || isArrayOrObject(field.type)
                {
                    report(
                        "\(path).const",
                        "'const' applies to strings, numbers, booleans and enums, not to '\(field.type)'")
                }
                if !field.required {
                    report("\(path).required", "a field with 'const' is always present; remove \"required\": false")
                }
                checkValue(
                    constant, fits: field.type, constraints: field.constraints, at: "\(path).const", what: "const")
                if field.defaultValue != nil { report("\(path).default", "a field with 'const' takes no 'default'") }
                if field.nullable { report("\(path).nullable", "a field with 'const' cannot be nullable") }
            }
            if field.readOnly, field.writeOnly {
                report(
                    "\(path).writeOnly",
                    "a field cannot be both 'readOnly' (only responses carry it) and 'writeOnly' (only requests carry it)")
            }
            if field.readOnly || field.writeOnly {
                let key = field.readOnly ? "readOnly" : "writeOnly"
                if field.constant != nil {
                    report("\(path).\(key)", "a field with 'const' is always present; it cannot be '\(key)'")
                } else if field.required, field.defaultValue != nil {
                    report(
                        "\(path).default",
                        "a required '\(key)' field takes no 'default': it is required in one direction and absent in the other"
                    )
                }
            }
            if let value = field.defaultValue {
                checkValue(
                    value, fits: field.type, constraints: field.constraints, at: "\(path).default", what: "default")
                if field.required {
                    report(
                        "\(path).default",
                        "a required field's default is never used; mark the field \"required\": false",
                        severity: .warning)
                }
            }
        }

        /// A default or constant: a value of the type that meets the constraints (generated code
        /// writes it as a literal, without `!`).
        mutating func checkValue(
            _ value: JSONValue, fits type: TypeRef, constraints: Constraints, at path: String, what: String
        ) {
            if let problem = DefinitionValues.problem(
                with: value, for: type, constraints: constraints, in: definition)
            {
                let shown: String
                if case .string(let text) = value {
                    shown = "'\(DefinitionChecker.shown(text))'"
                } else {
                    shown = DefinitionChecker.shown(value.description)
                }
                report(path, "\(what) \(shown) \(problem)")
            }
        }

        mutating func checkConstraints(_ constraints: Constraints, type: TypeRef, at path: String) {
            if constraints == Self.noConstraints { return }
            let isString = type == .string
            // A file's minLength and maxLength bound its size in bytes.
            let hasLength = isString || type == .file
            let isNumber = type.isNumeric
            let isArray: Bool = {
                if case .array = type { return true }
                return false
            }()
            func misplaced(_ key: String, _ value: Any?, applies: Bool, to kind: String) -> Bool {
                guard value != nil, !applies else { return false }
                return true
            }
            for (key, value, applies, kind) in [
                ("minLength", constraints.minLength as Any?, hasLength, "strings"),
                ("maxLength", constraints.maxLength, hasLength, "strings"),
                ("pattern", constraints.pattern, isString, "strings"),
                ("minimum", constraints.minimum, isNumber, "numbers"),
                ("maximum", constraints.maximum, isNumber, "numbers"),
                ("minItems", constraints.minItems, isArray, "arrays"),
                ("maxItems", constraints.maxItems, isArray, "arrays"),
            ] where misplaced(key, value, applies: applies, to: kind) {
                report("\(path).\(key)", "'\(key)' applies to \(kind), not to '\(type)'", preferKey: true)
            }
            for (key, value) in [
                ("minLength", constraints.minLength), ("maxLength", constraints.maxLength),
                ("minItems", constraints.minItems), ("maxItems", constraints.maxItems),
            ] {
                if let value, value < 0 { report("\(path).\(key)", "'\(key)' must not be negative") }
            }
            if let low = constraints.minLength, let high = constraints.maxLength, low > high {
                report(
                    "\(path).minLength", "minLength \(low) is greater than maxLength \(high): no value can satisfy both"
                )
            }
            if let low = constraints.minItems, let high = constraints.maxItems, low > high {
                report(
                    "\(path).minItems", "minItems \(low) is greater than maxItems \(high): no value can satisfy both")
            }
            if let low = constraints.minimum, let high = constraints.maximum, low > high {
                report("\(path).minimum", "minimum \(low) is greater than maximum \(high): no value can satisfy both")
            }
            if type.isInteger {
                for (key, value) in [("minimum", constraints.minimum), ("maximum", constraints.maximum)] {
                    guard let value else { continue }
                    if value.rounded() != value {
                        report("\(path).\(key)", "'\(key)' of an integer must be a whole number")
                    } else if !DefinitionValues.integerFits(value, type) {
                        report(
                            "\(path).\(key)",
                            "'\(key)' \(DefinitionValues.shown(value)) is outside the range of '\(type)' (\(DefinitionValues.range(of: type)))"
                        )
                    }
                }
            }
            if let pattern = constraints.pattern, !validPatterns.contains(pattern) {
                if (try? NSRegularExpression(pattern: pattern)) == nil {
                    report("\(path).pattern", "'\(pattern)' is not a valid regular expression")
                } else {
                    validPatterns.insert(pattern)
                }
            }
            checkElementConstraints(constraints, type: type, at: path)
        }

        /// `items` (an array's) and `values` (a map's): the element's own constraints, checked against
        /// the element type as a field's are against its type.
        mutating func checkElementConstraints(_ constraints: Constraints, type: TypeRef, at path: String) {
            if let items = constraints.items {
                if case .array(let element) = type {
                    checkConstraints(items, type: element, at: "\(path).items")
                } else {
                    report("\(path).items", "'items' applies to arrays, not to '\(type)'", preferKey: true)
                }
            }
            if let values = constraints.values {
                if case .map(let element) = type {
                    checkConstraints(values, type: element, at: "\(path).values")
                } else {
                    report("\(path).values", "'values' applies to maps, not to '\(type)'", preferKey: true)
                }
            }
        }

        func isArrayOrObject(_ type: TypeRef) -> Bool {
            if type.isContainer { return true }
            if case .object? = definition.type(named: type.description)?.kind { return true }
            return false
        }

        /// Body and response types: declared types, the JSON-native primitives (`string`, `integer`,
        /// `int32`, `int64`, `number`, `boolean`), or arrays and maps (nested at any depth) of one or of a
        /// converted scalar (`[uuid]`, `[[date-time]]`); a stream's events are declared types.
        mutating func checkPayloadType(_ type: TypeRef, at path: String, stream: Bool = false) {
            checkTypeRef(type, at: path)
            if stream, type.element.isBodyPrimitive || type.element.isConvertedScalar || type.element == .date {
                report(path, "a stream's events are a declared type (or an array or map of one), not '\(type)'")
                return
            }
            guard case .named = type.element else {
                if type.element.isBodyPrimitive
                    || (type.isContainer && (type.element.isConvertedScalar || type.element == .date))
                {
                    return
                }
                report(
                    path,
                    "a body must be a declared type, one of \(TypeRef.bodyPrimitiveNames.joined(separator: ", ")), or an array or map of one, not '\(type)'; declare a type for it"
                )
                return
            }
        }

        mutating func checkOperation(_ operation: Operation, at path: String) {
            if !Self.isValidOperationName(operation.name) {
                report("\(path).name", "'\(operation.name)' cannot be made a Swift method name")
            } else if Naming.keywords.contains(Naming.method(operation)) {
                report(
                    "\(path).name",
                    "'\(operation.name)' becomes the Swift keyword '\(Naming.method(operation))'; choose a more specific name"
                )
            } else if let owner = ReservedNames.clash(Naming.method(operation), in: ReservedNames.serviceMembers) {
                report(
                    "\(path).name",
                    "'\(operation.name)' becomes the Swift method '\(Naming.method(operation))', which clashes with \(owner); choose another name"
                )
            }
            if !methods.contains(operation.method) {
                let hint =
                    methods.contains(operation.method.uppercased())
                    ? " (write it upper-case: '\(operation.method.uppercased())')" : ""
                report(
                    "\(path).method",
                    "unknown HTTP method '\(operation.method)'\(hint); expected one of \(methods.joined(separator: ", "))"
                )
            }
            if !operation.path.hasPrefix("/") {
                report("\(path).path", "the path must start with '/'")
            }
            checkPathParameters(of: operation, at: path)
            checkDeprecatedStorage(
                operation.parameters.map { (Naming.parameter($0), $0.deprecated != nil) },
                at: { "\(path).parameters[\($0)]" })
            if operation.parameters.contains(where: { $0.sensitive || $0.deprecated != nil }) {
                for (index, parameter) in operation.parameters.enumerated()
                where ReservedNames.redactionMembers.contains(Naming.parameter(parameter)) {
                    report(
                        "\(path).parameters[\(index)].name",
                        "'\(Naming.parameter(parameter))' clashes with the redaction code generated for sensitive parameters; give it a 'swiftName'"
                    )
                }
            }
            for (index, parameter) in operation.parameters.enumerated() {
                checkParameter(parameter, at: "\(path).parameters[\(index)]")
                if Naming.parameter(parameter) == Naming.method(operation) {
                    report(
                        "\(path).parameters[\(index)].\(parameter.swiftName == nil ? "name" : "swiftName")",
                        "the Swift argument name '\(Naming.parameter(parameter))' is the operation's method name; give it a 'swiftName'"
                    )
                }
            }
            checkUnique(
                operation.parameters.map {
                    "\($0.location.rawValue) \($0.location == .header ? $0.name.lowercased() : $0.name)"
                },
                at: { "\(path).parameters[\($0)].name" }, what: "parameter")
            checkUnique(
                operation.parameters.map(Naming.parameter), at: { "\(path).parameters[\($0)].name" },
                what: "Swift argument name",
                original: operation.parameters.map { "\($0.location.rawValue) \($0.name)" })
            for (index, alternative) in operation.auth.enumerated() {
                checkAuthUses(alternative, of: operation, at: "\(path).auth[\(index)]")
            }
            checkBody(of: operation, at: path)
            checkResponses(of: operation, at: path)
            if let name = definition.service.responseFormatParameter,
                let index = operation.parameters.firstIndex(where: { $0.name == name })
            {
                let parameter = operation.parameters[index]
                if parameter.location != .query || parameter.required {
                    report(
                        "\(path).parameters[\(index)]",
                        "'\(name)' is the service's responseFormatParameter: make it an optional query parameter")
                }
            }
        }

        /// Path template parameters and declared path parameters match one to one.
        mutating func checkPathParameters(of operation: Operation, at path: String) {
            let template = operation.templateParameters
            checkUnique(template, at: { _ in "\(path).path" }, what: "path template parameter")
            let declaredPath = operation.parameters.enumerated().filter { $0.element.location == .path }
            for (index, parameter) in declaredPath where !template.contains(parameter.name) {
                report(
                    "\(path).parameters[\(index)].name",
                    "path parameter '\(parameter.name)' does not appear in the path template '\(operation.path)'\(Suggest.didYouMean(parameter.name, template))"
                )
            }
            for name in template where !declaredPath.contains(where: { $0.element.name == name }) {
                report(
                    "\(path).path",
                    "the path template uses '{\(name)}', but no path parameter named '\(name)' is declared")
            }
        }

        mutating func checkParameter(_ parameter: Parameter, at parameterPath: String) {
            checkMemberName(
                parameter.swiftName, wireName: parameter.name, swiftName: Naming.parameter(parameter),
                at: parameterPath, namePath: "\(parameterPath).name", what: "argument",
                members: ReservedNames.inputMembers.merging(ReservedNames.structMembers) { first, _ in first })
            if parameter.location == .path, !parameter.required {
                report("\(parameterPath).required", "path parameters are always required")
            }
            checkTypeRef(parameter.type, at: "\(parameterPath).type")
            var item = parameter.type
            if case .array(let element) = parameter.type { item = element }
            if item.isContainer || item == .json {
                report(
                    "\(parameterPath).type",
                    "a parameter is a primitive, an enum, an array of them, or (deepObject) a flat object; maps, json and nested arrays cannot be expressed: a parameter is a flat list of values"
                )
            }
            checkStyle(of: parameter, at: parameterPath)
            if parameter.required, parameter.defaultValue != nil, parameter.location != .path {
                report(
                    "\(parameterPath).default",
                    "a required parameter's default is never used; mark it \"required\": false", severity: .warning)
            }
            if case .named(let name) = item, let kind = definition.type(named: name)?.kind {
                switch kind {
                case .enumeration: break
                case .object(let fields) where parameter.effectiveStyle == .deepObject && item == parameter.type:
                    checkDeepObjectFields(fields, of: name, at: parameterPath)
                    checkDeepObjectMembers(named: name, at: parameterPath)
                case .anyOf(let variants) where parameter.effectiveStyle == .deepObject && item == parameter.type:
                    // Stripe's `created`: a range object (`created[gte]=1`) or a value (`created=1`).
                    for variant in variants {
                        guard case .named(let variantName) = variant.type,
                            let variantKind = definition.type(named: variantName)?.kind
                        else { continue }  // a primitive: `name=value`
                        switch variantKind {
                        case .enumeration: break
                        case .object(let fields):
                            checkDeepObjectFields(fields, of: variantName, at: parameterPath)
                            checkDeepObjectMembers(named: variantName, at: parameterPath)
                        default:
                            report(
                                "\(parameterPath).type",
                                "a deepObject parameter's anyOf has flat objects, enums and primitives as alternatives; '\(variantName)' is not one"
                            )
                        }
                    }
                case .object where item == parameter.type:
                    report(
                        "\(parameterPath).type",
                        "an object parameter travels only in the style deepObject (in the query): add \"style\": \"deepObject\""
                    )
                default:
                    report("\(parameterPath).type", "a parameter must be a primitive, an enum or an array of them")
                }
            }
            checkConstraints(parameter.constraints, type: parameter.type, at: parameterPath)
            if let value = parameter.defaultValue {
                checkValue(
                    value, fits: parameter.type, constraints: parameter.constraints, at: "\(parameterPath).default",
                    what: "default")
            }
        }

        /// Every scheme is declared; scopes are offered by the scheme (OAuth 2) or free-form (OpenID Connect)
        /// and only those two kinds take scopes; an API key in the query does not collide with a parameter.
        mutating func checkAuthUses(_ alternative: [AuthUse], of operation: Operation, at path: String) {
            for use in alternative {
                guard let scheme = definition.auth.first(where: { $0.name == use.scheme }) else {
                    report(
                        path,
                        "auth scheme '\(use.scheme)' is not declared in 'auth'\(Suggest.didYouMean(use.scheme, definition.auth.map(\.name), budget: suggestions))"
                    )
                    continue
                }
                switch scheme.kind {
                case .oauth2(let flows):
                    let offered = flows.flatMap { $0.scopes.map(\.name) }
                    for scope in use.scopes where !offered.contains(scope) {
                        report(
                            path,
                            "scope '\(scope)' is not offered by a flow of auth scheme '\(use.scheme)'\(Suggest.didYouMean(scope, offered, budget: suggestions))"
                        )
                    }
                case .openIdConnect: break
                case .apiKeyQuery(let name):
                    if let index = operation.parameters.firstIndex(where: { $0.location == .query && $0.name == name })
                    {
                        report(
                            path,
                            "auth scheme '\(use.scheme)' sends its key in the query item '\(name)', which parameters[\(index)] also uses"
                        )
                    }
                    fallthrough
                case .apiKeyCookie(let name):
                    if case .apiKeyCookie = scheme.kind,
                        let index = operation.parameters.firstIndex(where: { $0.location == .cookie && $0.name == name })
                    {
                        report(
                            path,
                            "auth scheme '\(use.scheme)' sends its key in the cookie '\(name)', which parameters[\(index)] also uses"
                        )
                    }
                    fallthrough
                default:
                    if !use.scopes.isEmpty {
                        report(
                            path,
                            "auth scheme '\(use.scheme)' takes no scopes: only kinds 'oauth2' and 'openIdConnect' do")
                    }
                }
            }
            let names = alternative.map(\.scheme)
            if Set(names).count != names.count {
                report(path, "an auth alternative names a scheme more than once")
            }
        }

        /// `style` and `explode` fit the location and the type.
        /// A deepObject's fields: primitives and enums, neither nullable nor const.
        mutating func checkDeepObjectFields(_ fields: [Field], of name: String, at parameterPath: String) {
            for (index, field) in fields.enumerated() {
                var flat = field.type.isContainer || field.type == .json || field.type == .unixTime
                if case .named(let fieldType) = field.type, let fieldKind = definition.type(named: fieldType)?.kind {
                    if case .enumeration = fieldKind {} else { flat = true }
                }
                if flat || field.nullable || field.constant != nil {
                    report(
                        "\(parameterPath).type",
                        "a deepObject parameter's type has only primitive and enum fields, neither nullable nor const; '\(name).\(field.name)' (field \(index)) is not"
                    )
                }
            }
        }

        mutating func checkStyle(of parameter: Parameter, at parameterPath: String) {
            let style = parameter.effectiveStyle
            let isArray: Bool
            if case .array = parameter.type { isArray = true } else { isArray = false }
            let allowed: [ParameterStyle]
            switch parameter.location {
            case .path, .header: allowed = [.simple]
            case .cookie: allowed = [.form]
            case .query: allowed = [.form, .spaceDelimited, .pipeDelimited, .deepObject]
            }
            if !allowed.contains(style) {
                report(
                    "\(parameterPath).style",
                    "the style '\(style.rawValue)' is not allowed in \(parameter.location.rawValue); use \(allowed.map { "'\($0.rawValue)'" }.joined(separator: " or "))"
                )
                return
            }
            switch style {
            case .spaceDelimited, .pipeDelimited:
                if !isArray {
                    report("\(parameterPath).style", "the style '\(style.rawValue)' applies to arrays only")
                } else if parameter.explode == true {
                    report(
                        "\(parameterPath).explode",
                        "the style '\(style.rawValue)' is not exploded (an exploded array is the style 'form')")
                }
            case .deepObject:
                var isObject = false
                switch parameter.type {
                case .named(let name):
                    switch definition.type(named: name)?.kind {
                    case .object?, .anyOf?: isObject = true
                    default: break
                    }
                // An array in bracket notation (`expand[0]=a&expand[1]=b`), as Stripe writes its lists.
                case .array: isObject = true
                default: break
                }
                if !isObject {
                    report(
                        "\(parameterPath).style", "the style 'deepObject' applies to object and anyOf types and arrays only")
                } else if parameter.explode == false {
                    report("\(parameterPath).explode", "the style 'deepObject' is always exploded")
                }
                if parameter.defaultValue != nil {
                    report("\(parameterPath).default", "a deepObject parameter cannot have a default")
                }
            case .form where parameter.location == .cookie && isArray && parameter.effectiveExplode:
                report(
                    parameterPath,
                    "an array in a cookie travels as one comma-separated value: add \"explode\": false")
            default:
                break
            }
        }

        mutating func checkBody(of operation: Operation, at path: String) {
            guard let body = operation.body else { return }
            if let type = body.type { checkPayloadType(type, at: "\(path).body.type") }
            if body.contentTypes.isEmpty {
                report(
                    "\(path).body.contentTypes", "list at least one content type (or leave the key out for JSON)")
            }
            checkUnique(body.contentTypes, at: { "\(path).body.contentTypes[\($0)]" }, what: "content type")
            for (index, contentType) in body.contentTypes.enumerated() {
                if let type = body.type {
                    checkContentType(
                        contentType, of: type, allowed: MediaTypes.requestBodies,
                        at: "\(path).body.contentTypes[\(index)]")
                } else if !MediaTypes.isMediaRange(contentType) {
                    report(
                        "\(path).body.contentTypes[\(index)]",
                        "'\(DefinitionChecker.shown(contentType))' is not a media type ('type/subtype', 'type/*' or '*/*', without parameters)"
                    )
                }
            }
            if operation.method == "GET" || operation.method == "HEAD" {
                report("\(path).body", "a \(operation.method) request has no body")
            }
        }

        mutating func checkResponses(of operation: Operation, at path: String) {
            if operation.responses.isEmpty { report("\(path).responses", "an operation needs at least one response") }
            checkUnique(
                operation.responses.map { String($0.status) }, at: { "\(path).responses[\($0)].status" },
                what: "response status")
            for (index, response) in operation.responses.enumerated() {
                let responsePath = "\(path).responses[\(index)]"
                if let code = response.status.code, !(100...599).contains(code) {
                    report("\(responsePath).status", "\(code) is not an HTTP status (100–599)")
                }
                if response.status.code == nil, response.stream != nil {
                    report(
                        "\(responsePath).stream",
                        "a '\(response.status)' response carries one body, not a stream: give the stream its own status"
                    )
                }
                checkUnique(response.contentTypes, at: { "\(responsePath).contentTypes[\($0)]" }, what: "content type")
                checkResponseHeaders(response.headers, at: responsePath)
                let headersType = Naming.type(Naming.statusCase(response.status)) + "Headers"
                if !response.headers.isEmpty, definition.type(named: headersType) != nil {
                    report(
                        "\(responsePath).headers",
                        "the struct generated for these headers, \(Naming.operationType(operation))Output.\(headersType), would hide the declared type '\(headersType)' inside the output; rename the type"
                    )
                }
                if let type = response.type, response.stream != nil {
                    checkPayloadType(type, at: "\(responsePath).type", stream: true)
                    if operation.method == "HEAD" {
                        report("\(responsePath).stream", "an answer to HEAD has no body, so it cannot be a stream")
                    }
                } else if let type = response.type {
                    if operation.responses.contains(where: { $0.stream != nil }),
                        response.contentTypes.contains(where: { $0 != MediaTypes.json })
                    {
                        report(
                            "\(responsePath).contentTypes",
                            "an operation that answers with a stream answers its other typed responses in JSON only")
                    }
                    checkPayloadType(type, at: "\(responsePath).type")
                    if response.contentTypes.isEmpty {
                        report("\(responsePath).contentTypes", "a typed response needs at least one content type")
                    }
                    for (index, contentType) in response.contentTypes.enumerated() {
                        checkContentType(
                            contentType, of: type, allowed: MediaTypes.responses,
                            at: "\(responsePath).contentTypes[\(index)]")
                    }
                }
            }
        }

        /// A response's typed headers: header parameters without defaults, unique case-insensitively, not
        /// the body's own headers, with Swift property names that fit the generated headers struct.
        mutating func checkResponseHeaders(_ headers: [Parameter], at responsePath: String) {
            let path = { (index: Int) in "\(responsePath).headers[\(index)]" }
            for (index, header) in headers.enumerated() {
                checkMemberName(
                    header.swiftName, wireName: header.name, swiftName: Naming.parameter(header), at: path(index),
                    namePath: "\(path(index)).name", what: "property", members: ReservedNames.responseHeaderMembers)
                let lowered = header.name.lowercased()
                if ["content-type", "content-length", "transfer-encoding"].contains(lowered) {
                    report(
                        "\(path(index)).name",
                        "'\(header.name)' describes the body and is written by apigen; it cannot be a typed response header"
                    )
                } else if !header.name.unicodeScalars.allSatisfy(DefinitionChecker.isTokenCharacter) {
                    report(
                        "\(path(index)).name", "'\(DefinitionChecker.shown(header.name))' is not an HTTP header name")
                }
                checkTypeRef(header.type, at: "\(path(index)).type")
                if header.type.isContainer || header.type == .json {
                    report("\(path(index)).type", "array, map and json response headers are not supported yet")
                } else if header.type == .unixTime {
                    report("\(path(index)).type", "unix-time headers are not supported yet; use date-time or int64")
                } else if case .named(let name) = header.type, let kind = definition.type(named: name)?.kind {
                    if case .enumeration = kind {
                    } else {
                        report("\(path(index)).type", "a response header must be a primitive or an enum")
                    }
                }
                checkConstraints(header.constraints, type: header.type, at: path(index))
            }
            checkUnique(headers.map { $0.name.lowercased() }, at: { "\(path($0)).name" }, what: "response header")
            checkUnique(
                headers.map(Naming.parameter), at: { "\(path($0)).name" }, what: "Swift property name",
                original: headers.map(\.name))
            checkDeprecatedStorage(headers.map { (Naming.parameter($0), $0.deprecated != nil) }, at: path)
            if headers.contains(where: { $0.sensitive || $0.deprecated != nil }) {
                for (index, header) in headers.enumerated()
                where ReservedNames.redactionMembers.contains(Naming.parameter(header)) {
                    report(
                        "\(path(index)).name",
                        "'\(Naming.parameter(header))' clashes with the redaction code generated for sensitive headers; give it a 'swiftName'"
                    )
                }
            }
        }

        /// A typed body's content type: one apigen can read and write for that type.
        mutating func checkContentType(_ contentType: String, of type: TypeRef, allowed: [String], at path: String) {
            guard allowed.contains(contentType) else {
                report(
                    path,
                    "content type '\(contentType)' is not supported here\(Suggest.didYouMean(contentType, allowed)); use one of \(allowed.joined(separator: ", "))"
                )
                return
            }
            if contentType == MediaTypes.xml,
                type.element.isBodyPrimitive || type.element.isConvertedScalar || type.element == .date
            {
                report(
                    path,
                    "an \(contentType) body must be a declared type, or an array or map of one; '\(type)' travels as JSON only"
                )
                return
            }
            if contentType == MediaTypes.xml, definition.service.xml == nil {
                report(
                    path,
                    "XML needs the service's dialect: add \"xml\": {\"rootElement\": …, \"listItemElement\": …} to 'service'"
                )
            }
            if contentType == MediaTypes.formURLEncoded || contentType == MediaTypes.multipart {
                guard case .named(let name) = type else {
                    report(path, "an \(contentType) body must be an object type")
                    return
                }
                checkFormBody(contentType, type: name, at: path)
            }
        }

        static func isValidOperationName(_ name: String) -> Bool {
            Naming.isIdentifier(Naming.lowerCamel(name)) && !Naming.words(name).isEmpty
        }
    }
}

extension DefinitionChecker.Run {
    /// A generated member's name (property, argument, case), given as `given` or derived from
    /// `wireName`: an identifier that does not start upper-case (so it never shadows a type) and
    /// that is not a member the generated code declares beside it (`members`).
    mutating func checkMemberName(
        _ given: String?, wireName: String, swiftName: String, at path: String, namePath: String, what: String,
        members: [String: String]
    ) {
        if let given {
            guard Naming.isMemberName(given), !Naming.unusableMemberNames.contains(given),
                !given.allSatisfy({ $0 == "_" })
            else {
                report(
                    "\(path).swiftName",
                    "'\(DefinitionChecker.shown(given))' is not a usable Swift \(what) name; use an identifier that starts with a lower-case letter or '_'"
                )
                return
            }
        } else if Naming.words(wireName).isEmpty || !Naming.isMemberName(swiftName) {
            report(
                namePath,
                "'\(DefinitionChecker.shown(wireName))' has no letters or digits to make a Swift \(what) name from; give it a 'swiftName'"
            )
            return
        }
        if let owner = ReservedNames.clash(swiftName, in: members) {
            report(
                given == nil ? namePath : "\(path).swiftName",
                "the Swift \(what) name '\(swiftName)' clashes with \(owner) in generated code; give it \(given == nil ? "a" : "another") 'swiftName'"
            )
        }
    }
}

extension DefinitionChecker {
    /// An RFC 9110 `tchar`: what a header name is made of.
    public static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
    }

    /// The Swift property that holds an object's members beside its fields.
    public static let additionalPropertiesName = "additionalProperties"

    /// A name from a definition as a diagnostic shows it: control, format (bidi) and line
    /// separator characters, quotes and backslashes escaped, so that a message stays on one line
    /// and reads as it is.
    /// An XML element name (XML 1.0, fifth edition, `Name`), without `:` (namespaces are not
    /// apigen's): a name-start character, then name characters.
    static func isXMLName(_ name: String) -> Bool {
        func isStart(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
                0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
                0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
                true
            default: false
            }
        }
        func isName(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
            default: isStart(scalar)
            }
        }
        guard let first = name.unicodeScalars.first, isStart(first) else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy(isName)
    }

    static func shown(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
                scalar.escaped(asASCII: true)
            default: scalar.escaped(asASCII: false)
            }
        }.joined()
    }
}
