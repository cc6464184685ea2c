// The caller in the "adding a service" test: the newly generated client against the newly
// generated server, in one process.
@_spi(Generated) import APIRuntime
import Foundation
import LibraryAPI

struct Shelf: LibraryHandler {
    func getBook(_ input: GetBookInput) async throws -> GetBookOutput {
        guard input.isbn == "9780441013593" else { return .notFound(RawBody(contentType: nil, data: Data())) }
        return .ok(Book(isbn: input.isbn, title: "Dune", author: "Frank Herbert"))
    }
}

let client = LibraryClient(transport: InProcessTransport(router: Shelf().makeRouter()))
switch try await client.getBook(isbn: "9780441013593") {
case .ok(let book): print("found: \(book.title) by \(book.author), on loan: \(book.onLoan)")
default: print("unexpected")
}
print("missing: \(try await client.getBook(isbn: "0000000000000"))")
