import APIDefinition
import TestSupport
import Testing

/// The seeded generative tests draw containers of any element: nested arrays and maps, and arrays and
/// maps of converted scalars, so that they meet every other construct (`RandomDefinitionTests`).
@Suite("Random definitions: containers")
struct RandomContainerCoverageTests {
    @Test func theyDrawNestedContainersAndConvertedItems() {
        var generator = RandomDefinitions(random: SeededGenerator(seed: 12))
        var nested = 0
        var converted = 0
        var nestedObjects = 0
        for index in 0..<40 {
            let definition = generator.definition(index).definition
            for field in definition.types.flatMap({ $0.fields }) {
                switch field.type {
                case .array(let inner), .map(let inner):
                    if inner.isContainer { nested += 1 }
                    if field.type.element.isConvertedScalar { converted += 1 }
                    if inner.isContainer, case .named(let name) = field.type.element,
                        case .object? = definition.type(named: name)?.kind
                    {
                        nestedObjects += 1
                    }
                default: break
                }
            }
            // Every drawn definition is valid.
            #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
        }
        #expect(nested > 0 && converted > 0 && nestedObjects > 0, "\(nested) \(converted) \(nestedObjects)")
    }
}
