@_spi(Generated) import APIRuntime
import Testing

// The build plugin generates internal code unless the definition says otherwise (inventory.json
// does not): the test reaches it as a unit test reaches any internal code.
@testable import Inventory

/// Answers the one operation in the second part of the generated server.
struct Shelves: InventoryPartialHandler {
    func countShelf(_ input: CountShelfInput) async throws -> CountShelfOutput {
        .ok(Count(shelf: .open, items: 3))
    }
}

@Suite("A definition large enough to be generated in parts")
struct InventoryTests {
    let client = InventoryClient(transport: InProcessTransport(router: Shelves().makeRouter()))

    /// `countShelf` is operation 51: its client method, input, output and route are in the
    /// `+2` files, which the plugin must have declared for them to be compiled at all.
    @Test func theSecondPartIsCompiledAndRouted() async throws {
        #expect(try await client.countShelf() == .ok(Count(shelf: .open, items: 3)))
        #expect(Count(shelf: .closed, items: 0).isEmpty)
        // Operation 1, in the first part, is not implemented here.
        let first = try await client.touchShelf0()
        guard case .undocumented(let status, _) = first else {
            Issue.record("expected the 501 answer of an unimplemented operation, got \(first)")
            return
        }
        #expect(status == 501)
    }
}
