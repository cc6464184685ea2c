import APIDefinition
import Foundation

/// The discriminator check after conversion: a discriminator stays only where every variant has it.
extension ImportRun {
    /// Keeps a discriminator only when every variant has the required string field it names.
    func checkDiscriminators() {
        for (name, pointer) in declared.discriminatorChecks {
            guard case .oneOf(var variants, let property?)? = declared.declarations[name]?.kind else { continue }
            var problem: String?
            for variant in variants {
                let value = variant.discriminatorValue ?? ""
                guard case .object(let fields)? = declaration(variant.type)?.kind,
                    let field = fields.first(where: { $0.name == property })
                else {
                    problem = "'\(variant.type)' has no field '\(property)'"
                    break
                }
                if field.type != .string {
                    problem = "'\(variant.type).\(property)' is not a plain string (it is '\(field.type)')"
                } else if !field.required {
                    problem = "'\(variant.type).\(property)' is optional"
                } else if field.readOnly || field.writeOnly {
                    problem = "'\(variant.type).\(property)' is \(field.readOnly ? "readOnly" : "writeOnly")"
                } else if let constant = field.constant, constant != .string(value) {
                    problem = "'\(variant.type).\(property)' is always \(constant), not \"\(value)\""
                }
                if problem != nil { break }
            }
            let values = variants.compactMap(\.discriminatorValue)
            if problem == nil, Set(values).count != values.count {
                problem = "two alternatives have the same value"
            }
            guard let problem else { continue }
            for index in variants.indices { variants[index].discriminatorValue = nil }
            declared.declarations[name]?.kind = .oneOf(variants: variants, discriminator: nil)
            warn(
                child(pointer, "discriminator"),
                "the discriminator '\(property)' is dropped because \(problem); the alternatives are told apart by their required fields and constants"
            )
        }
    }
}
