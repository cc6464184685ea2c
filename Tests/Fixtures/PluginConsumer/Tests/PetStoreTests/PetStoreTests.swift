@_spi(Generated) import APIRuntime
import Foundation
import PetStore
import Testing

/// An in-memory store behind the generated server.
final class Store: PetStoreHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var pets: [Pet] = [Pet(id: 1, name: "Tom", species: .cat)]

    func listPets(_ input: ListPetsInput) async throws -> ListPetsOutput {
        .ok(lock.withLock { pets.filter { input.species == nil || $0.species == input.species } })
    }

    func addPet(_ input: AddPetInput, credentials: PetStoreCredentials) async throws -> AddPetOutput {
        guard credentials.apiKey == "secret" else { throw ServerError.unauthorized("bad key", challenge: "API-Key") }
        return lock.withLock {
            if pets.contains(where: { $0.name == input.body.name }) {
                return .conflict(Problem(message: "\(input.body.name) exists"))
            }
            let pet = Pet(id: pets.count + 1, name: input.body.name, species: input.body.species)
            pets.append(pet)
            return .created(pet)
        }
    }

    func getPet(_ input: GetPetInput) async throws -> GetPetOutput {
        lock.withLock { pets.first { $0.id == input.petID } }.map { .ok($0) } ?? .notFound(Problem(message: "no pet"))
    }
}

@Suite("The plugin-generated PetStore client against the plugin-generated server")
struct PetStoreTests {
    let client = PetStoreClient(
        credentials: PetStoreCredentials(apiKey: "secret"), transport: InProcessTransport(router: Store().makeRouter()))

    @Test func addListAndGet() async throws {
        let added = try await client.addPet(body: NewPet(name: "Rex", species: .dog))
        #expect(added == .created(Pet(id: 2, name: "Rex", species: .dog)))
        #expect(try await client.addPet(body: NewPet(name: "Rex", species: .dog)) == .conflict(Problem(message: "Rex exists")))
        #expect(try await client.listPets(species: .dog) == .ok([Pet(id: 2, name: "Rex", species: .dog)]))
        #expect(try await client.getPet(petID: 1) == .ok(Pet(id: 1, name: "Tom", species: .cat)))
        #expect(try await client.getPet(petID: 9) == .notFound(Problem(message: "no pet")))
        // Hand-written extensions see the generated types.
        #expect(Pet(id: 3, name: "x", species: .rabbit).id == 3)
    }

    @Test func validationAndAuthRunOnBothSides() async throws {
        await #expect(throws: ClientError.self) {
            _ = try await client.addPet(body: NewPet(name: "", species: .cat))
        }
        let anonymous = PetStoreClient(transport: client.transport)
        await #expect(throws: ClientError.self) {
            _ = try await anonymous.addPet(body: NewPet(name: "Kit", species: .cat))
        }
    }
}
