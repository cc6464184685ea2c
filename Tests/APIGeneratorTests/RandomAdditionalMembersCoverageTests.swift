import APIDefinition
import TestSupport
import Testing

/// The seeded generative tests draw members beside the fields (`additionalProperties`) of containers,
/// converted scalars and objects, in types that travel as XML and in forms (top-level and nested), so that
/// they meet every other construct (`RandomDefinitionTests`).
@Suite("Random definitions: members beside the fields")
struct RandomAdditionalMembersCoverageTests {
    @Test func theyDrawContainersConvertedScalarsAndTextFormats() {
        var generator = RandomDefinitions(random: SeededGenerator(seed: 12))
        var containers = 0
        var converted = 0
        var inText = 0
        var inForms = 0
        var errorBodies = 0
        for index in 0..<40 {
            let definition = generator.definition(index).definition
            let text = definition.operations.textCarriedTypeNames { definition.type(named: $0) }
            let forms = Set(
                definition.operations.compactMap { operation -> String? in
                    guard let body = operation.body, body.contentTypes.contains(MediaTypes.formURLEncoded),
                        case .named(let name)? = body.type
                    else { return nil }
                    return name
                })
            for type in definition.types {
                guard let rest = type.additionalProperties else { continue }
                if rest.isContainer { containers += 1 }
                if rest.element.isConvertedScalar { converted += 1 }
                if text.contains(type.name) { inText += 1 }
                if forms.contains(type.name) { inForms += 1 }
                if definition.service.errorBody == type.name, rest == .array(.string) { errorBodies += 1 }
            }
            // Every drawn definition is valid.
            #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
        }
        #expect(
            containers > 0 && converted > 0 && inText > 0 && inForms > 0 && errorBodies > 0,
            "\(containers) \(converted) \(inText) \(inForms) \(errorBodies)")
    }
}
