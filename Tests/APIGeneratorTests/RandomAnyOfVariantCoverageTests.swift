import APIDefinition
import TestSupport
import Testing

/// The seeded generative tests draw anyOf alternatives with constraints and converted scalars, so that they
/// meet every other construct (`RandomDefinitionTests`).
@Suite("Random definitions: anyOf alternatives")
struct RandomAnyOfVariantCoverageTests {
    @Test func theyDrawConstrainedPrimitivesAndConvertedScalars() {
        var generator = RandomDefinitions(random: SeededGenerator(seed: 21))
        var constrained = 0
        var scalars: Set<TypeRef> = []
        for index in 0..<60 {
            let definition = generator.definition(index).definition
            for type in definition.types {
                guard case .anyOf(let variants) = type.kind else { continue }
                constrained += variants.filter { !$0.constraints.isEmpty }.count
                scalars.formUnion(variants.map(\.type).filter { $0.isConvertedScalar || $0 == .date })
            }
            // Every drawn definition is valid.
            #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
        }
        #expect(constrained > 0, "\(constrained)")
        #expect(scalars.count >= 4, "\(scalars)")
    }
}
