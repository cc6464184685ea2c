// Hand-written code lives beside the generated code in the same module.
extension Pet: Identifiable {}
