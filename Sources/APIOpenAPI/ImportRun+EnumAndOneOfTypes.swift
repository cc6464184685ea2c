import APIDefinition
import Foundation

/// Enum types (string enums, `oneOf`/`anyOf` of constants) and oneOf types with their discriminators.
extension ImportRun {
    func enumDeclaration(_ schema: OrderedJSON, at pointer: String, name: String, doc: String?) -> TypeDeclaration {
        var entries: [(value: String, doc: String?, pointer: String)] = []
        var kind = EnumValue.Kind.string
        var varNames: [String: String] = [:]
        if let numbers = numericEnumValues(schema), let values = schema["enum"]?.arrayValue {
            // x-enum-varnames (as OpenAPI Generator writes them) name the cases, in the order of `enum`.
            let names = schema["x-enum-varnames"]?.arrayValue?.map(\.stringValue)
            var next = numbers.makeIterator()
            kind = numbers[0].kind
            for (index, value) in values.enumerated() where value != .null {
                guard let number = next.next() else { break }
                entries.append((number.value, nil, child(child(pointer, "enum"), index)))
                if let names, names.count == values.count, let name = names[index].map(Naming.lowerCamel),
                    Naming.isMemberName(name)
                {
                    varNames[number.value] = name
                }
            }
        } else if let values = schema["enum"]?.arrayValue {
            for (index, value) in values.enumerated() {
                if let text = value.stringValue { entries.append((text, nil, child(child(pointer, "enum"), index))) }
            }
        } else if case .string(let value)? = schema["const"] {
            entries = [(value, nil, child(pointer, "const"))]
        } else {
            for key in ["oneOf", "anyOf"] {
                for (index, alternative) in (schema[key]?.arrayValue ?? []).enumerated()
                where !isNullSchema(alternative) {
                    let constants = stringConstants(alternative) ?? []
                    let alternativeDoc = constants.count == 1 ? documentation(alternative) : nil
                    for value in constants {
                        entries.append((value, alternativeDoc, child(child(pointer, key), index)))
                    }
                }
            }
        }
        let extras = schema["x-apigen-values"]
        let keepUnknown = schema["x-apigen-unknown-values"]?.stringValue == "keep"
        var values: [EnumValue] = []
        var taken: Set<String> = keepUnknown ? ["unknown"] : []
        for (index, entry) in entries.enumerated() {
            guard !values.contains(where: { $0.value == entry.value }) else {
                warn(entry.pointer, "the value '\(entry.value)' is listed twice; once is kept")
                continue
            }
            let extra = extras?[entry.value]
            var value = EnumValue(
                value: entry.value, swiftName: extra?["swiftName"]?.stringValue ?? varNames[entry.value],
                doc: extra?["doc"]?.stringValue ?? entry.doc, kind: kind)
            var swift = Naming.enumCase(value)
            var reason: String?
            if entry.value.isEmpty, value.swiftName == nil {
                // The empty string (Stripe's way to unset a value) is `empty`, as the format's docs say: no notice.
                swift = "empty"
                value.swiftName = swift
            } else if !Naming.isMemberName(swift) || swift.allSatisfy({ $0 == "_" }) || Naming.words(swift).isEmpty {
                swift = "value\(index + 1)"
                reason = "it has no letters or digits"
            } else if let owner = ReservedNames.clash(swift, in: ReservedNames.enumMembers) {
                swift += "Value"
                reason = "it clashes with \(owner)"
            }
            if taken.contains(swift) {
                swift = Self.numbered(swift) { taken.contains($0) }
                reason = "another value has the same Swift case name"
            }
            taken.insert(swift)
            if let reason {
                value.swiftName = swift
                warn(entry.pointer, "the enum value '\(entry.value)' is the Swift case '\(swift)': \(reason)")
            }
            values.append(value)
        }
        return TypeDeclaration(name: name, doc: doc, kind: .enumeration(values: values, keepUnknown: keepUnknown))
    }

    func oneOfDeclaration(_ schema: OrderedJSON, at pointer: String, name: String, doc: String?) -> TypeDeclaration {
        let oneOfPointer = child(pointer, "oneOf")
        let swiftNames = schema["x-apigen-swift-names"]
        var variants: [OneOfVariant] = []
        var variantKeys: [String?] = []
        var variantPointers: [String] = []
        for (index, alternative) in (schema["oneOf"]?.arrayValue ?? []).enumerated() where !isNullSchema(alternative) {
            let alternativePointer = child(oneOfPointer, index)
            let shape = self.shape(
                alternative, at: alternativePointer, name: name + "Variant\(index + 1)", allowsConst: false)
            guard case .named(let type) = shape.type else {
                warn(alternativePointer, "this alternative is not an object; dropped")
                continue
            }
            if variants.contains(where: { $0.type == type }) {
                warn(alternativePointer, "'\(type)' is already an alternative; it is listed once")
                continue
            }
            variants.append(
                OneOfVariant(
                    type: type, discriminatorValue: nil, swiftName: swiftNames?[type]?.stringValue, doc: nil))
            variantKeys.append(alternative["$ref"]?.stringValue.flatMap(componentKey))
            variantPointers.append(alternativePointer)
        }
        if hasOwnObjectShape(schema) {
            warn(child(pointer, "properties"), "properties next to oneOf cannot be expressed; ignored")
        }
        if variants.count < 2 {
            let only = variants.first?.type
            warn(
                oneOfPointer,
                "a oneOf needs two different alternatives; it becomes \(only.map { "a copy of '\($0)'" } ?? "an empty object")"
            )
            let fields = only.flatMap { declaration($0)?.fields } ?? []
            return TypeDeclaration(name: name, doc: doc, kind: .object(fields: fields))
        }
        var taken: Set<String> = []
        for index in variants.indices {
            var swift = Naming.variantCase(variants[index])
            if variants[index].swiftName != nil, !Naming.isIdentifier(swift) || Naming.keywords.contains(swift) {
                swift = Naming.lowerCamel(variants[index].type)
            }
            if taken.contains(swift) {
                swift = Self.numbered(swift) { taken.contains($0) }
                warn(
                    variantPointers[index],
                    "the alternative '\(variants[index].type)' is the Swift case '\(swift)': another alternative has the same case name"
                )
            }
            variants[index].swiftName = swift == Naming.lowerCamel(variants[index].type) ? nil : swift
            taken.insert(swift)
        }
        var discriminator: String?
        if let discriminatorJSON = schema["discriminator"] {
            let discriminatorPointer = child(pointer, "discriminator")
            if let property = discriminatorJSON["propertyName"]?.stringValue, !property.isEmpty {
                var mapping: [(value: String, key: String)] = []
                for entry in discriminatorJSON["mapping"]?.members ?? [] {
                    guard let target = entry.value.stringValue,
                        let key = componentKey(target)
                            ?? (target.contains("/") || target.contains("#") ? nil : target)
                    else {
                        warn(
                            child(child(discriminatorPointer, "mapping"), entry.key),
                            "the mapping target is not a component schema; ignored")
                        continue
                    }
                    mapping.append((entry.key, key))
                }
                var complete = true
                for index in variants.indices {
                    let key = variantKeys[index]
                    let values = mapping.filter { $0.key == key }.map(\.value)
                    if let first = values.first {
                        variants[index].discriminatorValue = first
                        if values.count > 1 {
                            warn(
                                child(discriminatorPointer, "mapping"),
                                "\(values.map { "'\($0)'" }.joined(separator: ", ")) all map to '\(key ?? "")'; the definition keeps '\(first)'"
                            )
                        }
                    } else if let key {
                        variants[index].discriminatorValue = key
                    } else {
                        complete = false
                    }
                }
                for entry in mapping where !variantKeys.contains(entry.key) {
                    warn(
                        child(child(discriminatorPointer, "mapping"), entry.value),
                        "'\(entry.key)' is not an alternative of this oneOf; the mapping entry is ignored")
                }
                if complete {
                    discriminator = property
                    declared.discriminatorChecks.append((name, pointer))
                } else {
                    for index in variants.indices { variants[index].discriminatorValue = nil }
                    warn(
                        discriminatorPointer,
                        "an inline alternative has no schema name or mapping value; the discriminator is dropped")
                }
            } else {
                warn(discriminatorPointer, "a discriminator without propertyName is ignored")
            }
        }
        return TypeDeclaration(name: name, doc: doc, kind: .oneOf(variants: variants, discriminator: discriminator))
    }
}
