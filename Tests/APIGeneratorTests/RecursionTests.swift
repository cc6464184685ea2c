import APIDefinition
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// Recursive types of the awkward fixture (`TreeNode`, `Person`, `Expr`): they compile, keep the
/// model's shape, round-trip in JSON and XML, validate nested values with their paths, and refuse
/// data nested deeper than the decoders allow with a typed error.
@Suite("Recursive types")
struct RecursionTests {
    static func tree() -> TreeNode {
        let root = TreeNode(name: "root", owner: Person(name: "ann"))
        var child = TreeNode(
            name: "child", parent: root, children: [TreeNode(name: "leaf", owner: nil)], owner: nil,
            size: .sum(
                Sum(
                    left: .literal(Literal(value: 1)),
                    right: .sum(Sum(left: .literal(Literal(value: 2)), right: .literal(Literal(value: 3)))))))
        child.owner = Person(name: "bob", tree: root)
        return child
    }

    @Test func recursiveFieldsReadAndWriteLikeStoredProperties() {
        var node = Self.tree()
        #expect(node.parent?.name == "root")
        #expect(node.parent?.owner?.name == "ann")
        node.parent?.name = "renamed"
        #expect(node.parent?.name == "renamed")
        // Value semantics: a copy does not see later writes.
        let copy = node
        node.parent = nil
        #expect(copy.parent?.name == "renamed")
        #expect(node.parent == nil)
        #expect(copy != node)
        #expect(Set([copy, copy, node]).count == 2)
        // Described like any struct: property names, not the out-of-line storage.
        let description = String(describing: Self.tree())
        #expect(description.hasPrefix("TreeNode(name: child, parent: "), "\(description)")
        #expect(description.contains("name: root"), "\(description)")
        #expect(!description.contains("_parent") && !description.contains("Indirect"))
        var dumped = ""
        dump(Self.tree(), to: &dumped)
        #expect(!dumped.contains("_parent"))
    }

    @Test func roundTripsInJSON() throws {
        let value = Self.tree()
        let json = try JSONCoding.encode(value)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""parent":{"#))
        #expect(text.contains(#""op":"sum""#))
        #expect(try JSONCoding.decode(TreeNode.self, from: json) == value)
    }

    @Test func roundTripsInXML() throws {
        let value = Self.tree()
        let (data, contentType) = try BodyCoding.encode(value, as: .xml, dialect: .awkward)
        #expect(String(decoding: data, as: UTF8.self).contains("<parent><name>root</name>"))
        let back = try BodyCoding.decode(
            TreeNode.self, from: data, format: .xml, contentType: contentType, dialect: .awkward)
        #expect(back == value)
    }

    @Test func validationWalksIntoRecursiveFieldsWithTheirPaths() {
        var value = Self.tree()
        value.parent?.name = ""
        value.owner?.tree?.owner?.name = "far too long a name"
        value.size = .sum(Sum(left: .literal(Literal(value: -1)), right: .literal(Literal(value: 0))))
        #expect(
            value.validationErrors() == [
                ValidationError(path: "parent.name", reason: "must not be empty"),
                ValidationError(path: "owner.tree.owner.name", reason: "longer than 10 characters"),
                ValidationError(path: "size.left.value", reason: "less than 0"),
            ])
        #expect(throws: ValidationErrors([ValidationError(path: "parent.parent.name", reason: "must not be empty")])) {
            try JSONCoding.decode(
                TreeNode.self,
                from: Data(
                    #"{"name":"a","owner":null,"parent":{"name":"b","owner":null,"parent":{"name":"","owner":null}}}"#
                        .utf8))
        }
    }

    @Test func throughTheClientAndServer() async throws {
        struct Echo: AwkwardPartialHandler {
            func putTree(_ input: PutTreeInput) async throws -> PutTreeOutput { .ok(input.body) }
        }
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        for format in [BodyFormat.json, .xml] {
            let output = try await client.putTree(body: Self.tree(), bodyFormat: format)
            #expect(output == .ok(Self.tree()))
        }
    }

    /// A chain of `depth` parents, as JSON.
    static func chain(_ depth: Int) -> Data {
        Data(
            (String(repeating: #"{"name":"n","owner":null,"parent":"#, count: depth) + #"{"name":"end","owner":null}"#
                + String(repeating: "}", count: depth)).utf8)
    }

    @Test func theDeepestAcceptedValueDecodesOnASmallStack() async throws {
        // Swift concurrency's threads have small stacks; servers and clients decode on them.
        let depth = ProcessInfo.processInfo.environment["DEPTH"].flatMap(Int.init) ?? 510
        let value = try await Task.detached {
            try JSONCoding.decode(TreeNode.self, from: RecursionTests.chain(depth))
        }.value
        #expect(value.parent != nil)
    }

    @Test func deeplyNestedDataIsATypedErrorNotACrash() throws {
        // Within the decoder's depth limit: decodes, validates, compares and is freed.
        let fine = try JSONCoding.decode(TreeNode.self, from: Self.chain(200))
        var depth = 0
        var node: TreeNode? = fine
        while let current = node?.parent {
            depth += 1
            node = current
        }
        #expect(depth == 200)
        #expect(fine == (try JSONCoding.decode(TreeNode.self, from: Self.chain(200))))
        // Far deeper than any limit: a typed error.
        #expect(throws: ValidationErrors.self) { try JSONCoding.decode(TreeNode.self, from: Self.chain(100_000)) }
        #expect(throws: ValidationErrors.self) {
            try JSONCoding.decode(
                Expr.self,
                from: Data(
                    (String(repeating: #"{"op":"sum","right":{"op":"literal","value":1},"left":"#, count: 100_000) + "1"
                        + String(repeating: "}", count: 100_000)).utf8))
        }
    }
}

/// Which fields a definition stores out of line, and which types can have no finite value.
@Suite("Recursion analysis")
struct RecursionAnalysisTests {
    static func object(_ name: String, _ fields: [Field]) -> TypeDeclaration {
        TypeDeclaration(name: name, doc: nil, kind: .object(fields: fields))
    }

    static func definition(_ types: [TypeDeclaration]) -> Definition {
        Definition(
            file: "r.json", formatVersion: 1,
            service: Service(name: "R", title: nil, doc: nil, baseURL: "https://example.com"), auth: [],
            types: types, operations: [])
    }

    @Test func onlyFieldsOnACycleAreIndirect() {
        let definition = Self.definition([
            Self.object("A", [Field(name: "b", type: .named("B")), Field(name: "list", type: .array(.named("A")))]),
            Self.object(
                "B", [Field(name: "a", type: .named("A"), required: false), Field(name: "c", type: .named("C"))]),
            Self.object("C", [Field(name: "name", type: .string)]),
            Self.object(
                "D", [Field(name: "me", type: .named("D"), nullable: true), Field(name: "a", type: .named("A"))]),
        ])
        let recursion = Recursion(definition)
        #expect(recursion.indirectFields == ["A": ["b"], "B": ["a"], "D": ["me"]])
        #expect(recursion.infiniteTypes.isEmpty)
        #expect(DefinitionChecker.check(definition).isEmpty)
    }

    @Test func aTypeWithoutAFiniteValueIsAnError() {
        let definition = Self.definition([
            Self.object("Loop", [Field(name: "next", type: .named("Loop"))]),
            Self.object("Pair", [Field(name: "other", type: .named("Twin"))]),
            Self.object("Twin", [Field(name: "other", type: .named("Pair"))]),
            Self.object("Fine", [Field(name: "next", type: .named("Fine"), required: false)]),
        ])
        #expect(Recursion(definition).infiniteTypes == ["Loop", "Pair", "Twin"])
        let messages = DefinitionChecker.check(definition).map { "\($0.path): \($0.message)" }
        #expect(
            messages == [
                "types[0].name: every 'Loop' would contain another one without end (through required, non-nullable fields); make a field on the cycle optional, nullable or an array",
                "types[1].name: every 'Pair' would contain another one without end (through required, non-nullable fields); make a field on the cycle optional, nullable or an array",
                "types[2].name: every 'Twin' would contain another one without end (through required, non-nullable fields); make a field on the cycle optional, nullable or an array",
            ])
    }

    @Test func theStorageNameOfARecursiveFieldIsTaken() {
        let definition = Self.definition([
            Self.object(
                "Node",
                [
                    Field(name: "parent", type: .named("Node"), required: false),
                    Field(name: "other", swiftName: "_parent", type: .string),
                ])
        ])
        #expect(
            DefinitionChecker.check(definition).map(\.message) == [
                "'_parent' clashes with the storage of the recursive field 'parent'; give the field a 'swiftName'"
            ])
    }

    @Test func aLongChainOfTypesDoesNotOverflowTheStack() {
        let count = 20_000
        let types = (0..<count).map { index in
            Self.object("T\(index)", [Field(name: "next", type: .named("T\((index + 1) % count)"), required: false)])
        }
        let recursion = Recursion(Self.definition(types))
        #expect(recursion.indirectFields.count == count)
        #expect(recursion.infiniteTypes.isEmpty)
    }
}
