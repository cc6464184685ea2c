@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

private func object(_ members: (String, TextTree)...) -> TextTree {
    .object(members.map { TextTree.Member($0.0, $0.1) })
}

private func write(_ tree: TextTree) -> String {
    String(decoding: FormFormat.writeURLEncoded(tree), as: UTF8.self).replacingOccurrences(of: "%5B", with: "[")
        .replacingOccurrences(of: "%5D", with: "]")
}

private func read(_ body: String, maxDepth: Int = 128) throws(ValidationErrors) -> TextTree {
    try FormFormat.readURLEncoded(Data(body.utf8), maxDepth: maxDepth)
}

private func errors(_ body: String, maxDepth: Int = 128) -> [ValidationError] {
    do {
        let tree = try read(body, maxDepth: maxDepth)
        Issue.record("accepted: \(tree)")
        return []
    } catch {
        return error.errors
    }
}

// MARK: - Typed values, as generated code reads and writes them

private struct Geo: TextTreeCodable, Hashable {
    var lat: Double
    var tags: [Int]

    init(lat: Double, tags: [Int]) {
        self.lat = lat
        self.tags = tags
    }

    init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        lat = try members.decode("lat")
        tags = try members.decodeIfPresent("tags") ?? []
    }

    func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(lat, "lat")
        tree.encode(tags, "tags")
        return tree.tree
    }
}

private struct Line: TextTreeCodable, Hashable {
    var price: Int
    var note: String?
    var geo: Geo?

    init(price: Int, note: String?, geo: Geo?) {
        self.price = price
        self.note = note
        self.geo = geo
    }

    init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        price = try members.decode("price")
        note = try members.decodeIfPresent("note")
        geo = try members.decodeIfPresent("geo")
    }

    func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(price, "price")
        tree.encodeIfPresent(note, "note")
        tree.encodeIfPresent(geo, "geo")
        return tree.tree
    }
}

private struct Order: TextTreeCodable, Hashable {
    var id: String
    var address: Geo
    var lines: [Line]
    var metadata: [String: String]
    var byName: [String: Line]
    var flags: [Bool]

    init(
        id: String, address: Geo, lines: [Line], metadata: [String: String], byName: [String: Line], flags: [Bool]
    ) {
        self.id = id
        self.address = address
        self.lines = lines
        self.metadata = metadata
        self.byName = byName
        self.flags = flags
    }

    init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        id = try members.decode("id")
        address = try members.decode("address")
        lines = try members.decodeIfPresent("lines") ?? []
        metadata = try members.decodeIfPresent("metadata") ?? [:]
        byName = try members.decodeIfPresent("by_name") ?? [:]
        flags = try members.decodeIfPresent("flags") ?? []
    }

    func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(id, "id")
        tree.encode(address, "address")
        tree.encode(lines, "lines")
        tree.encode(metadata, "metadata")
        tree.encode(byName, "by_name")
        tree.encode(flags, "flags")
        return tree.tree
    }
}

@Suite("Forms: bracket notation")
struct FormBracketTests {
    @Test func writesNestedObjectsListsOfObjectsAndMaps() {
        let tree = object(
            ("address", object(("city", .text("Paris")), ("geo", object(("lat", .text("48.8")))))),
            ("items", .list([object(("price", .text("5")), ("qty", .text("1"))), object(("price", .text("7")))])),
            ("tags", .list([.text("a"), .text("b")])),
            ("metadata", object(("order id", .text("42")))),
            ("empty", object()))
        #expect(
            write(tree)
                == "address[city]=Paris&address[geo][lat]=48.8&items[0][price]=5&items[0][qty]=1&items[1][price]=7"
                + "&tags=a&tags=b&metadata[order%20id]=42&empty=")
        // Brackets are percent-encoded on the wire, as browsers and Stripe's libraries send them.
        #expect(
            String(decoding: FormFormat.writeURLEncoded(object(("a", object(("b", .text("1")))))), as: UTF8.self)
                == "a%5Bb%5D=1")
    }

    @Test func readsBracketsPlainOrPercentEncoded() throws {
        let expected = object(
            ("address", object(("city", .text("Paris")), ("geo", object(("lat", .text("48.8")))))),
            ("items", object(("0", object(("price", .text("5")))), ("1", object(("price", .text("7")))))))
        #expect(try read("address[city]=Paris&address[geo][lat]=48.8&items[0][price]=5&items[1][price]=7") == expected)
        #expect(
            try read("address%5Bcity%5D=Paris&address%5bgeo%5d%5blat%5d=48.8&items[0]%5Bprice]=5&items%5B1%5D[price]=7")
                == expected)
    }

    @Test func readsListsOfLeavesThreeWays() throws {
        let repeated = try read("tags=a&tags=b")
        #expect(try read("tags[]=a&tags[]=b") == repeated)
        #expect(repeated == object(("tags", .list([.text("a"), .text("b")]))))
        let numbered = try read("tags[1]=b&tags[0]=a")
        let reader = TextTreeReader(numbered)
        #expect(try reader.object().decode("tags") as [String] == ["a", "b"])
        #expect(try TextTreeReader(repeated).object().decode("tags") as [String] == ["a", "b"])
    }

    @Test func readsFlatNamesWithoutAWellFormedBracketSuffix() throws {
        #expect(
            try read("a[b=1&[x]=2&c]=3&d[e]f=4")
                == object(("a[b", .text("1")), ("[x]", .text("2")), ("c]", .text("3")), ("d[e]f", .text("4"))))
    }

    @Test func segmentsMayHoldBracketsButNotCloseOpen() throws {
        // A segment ends at the first ']' followed by '[' or the end of the name.
        #expect(
            try read("m[a]b]=1&m[x[]=2&m[]]=3")
                == object(("m", object(("a]b", .text("1")), ("x[", .text("2")), ("]", .text("3"))))))
        let keys = ["a]b", "x[", "]", "[", "a]", "[x", "é 世界", "0", "a=b&c"]
        let tree = object(("m", .object(keys.map { TextTree.Member($0, object(("v", .text($0)))) })))
        #expect(FormFormat.unrepresentableName(tree) == nil)
        #expect(try read(String(decoding: FormFormat.writeURLEncoded(tree), as: UTF8.self)) == tree)
        #expect(
            FormFormat.unrepresentableName(object(("m", object(("a][b", .text("1"))))))
                == ValidationError(path: "m[a][b]", reason: "a name containing '][' cannot be sent in a form"))
        #expect(
            FormFormat.unrepresentableName(object(("m", object(("", .text("1"))))))
                == ValidationError(path: "m[]", reason: "an empty name cannot be sent in a form"))
        // A top-level name is written as it is.
        #expect(FormFormat.unrepresentableName(object(("", .text("1")))) == nil)
    }

    @Test func refusesAValueThatIsAlsoAnObjectNamingTheKey() {
        #expect(errors("a=1&a[b]=2").map(\.path) == ["a"])
        #expect(errors("a[b]=2&a=1").map(\.path) == ["a"])
        #expect(errors("x[y]=1&x[y][z]=2&x[y][w]=3").map(\.path) == ["x[y]"])
        #expect(errors("a=1&a[b]=2").first?.reason == "is sent both as a value and as an object (with '[…]')")
    }

    @Test func refusesEmptyBracketsBeforeTheEnd() {
        let found = errors("items[][price]=1")
        #expect(found.map(\.path) == ["items[][price]"])
        #expect(found.first?.reason.contains("'[]' may only end a name") == true)
    }

    @Test func boundsTheNestingDepth() throws {
        let deep = "a" + String(repeating: "[b]", count: 129) + "=1"
        let found = errors(deep)
        #expect(found == [ValidationError(path: "a", reason: "is nested deeper than 128 levels of brackets")])
        #expect(errors("a[b][c]=1", maxDepth: 1).map(\.path) == ["a"])
        _ = try read("a[b]=1", maxDepth: 1)
        // A very long name with very many segments is refused without building anything.
        let huge = "a" + String(repeating: "[b]", count: 200_000) + "=1"
        #expect(errors(huge).count == 1)
    }

    @Test func refusesHugeAndSparseIndicesWithoutAllocating() throws {
        func listError(_ body: String) throws -> ValidationError? {
            let tree = try read(body)
            do {
                _ = try TextTreeReader(tree).object().decode("items") as [Geo]
                return nil
            } catch {
                return error.errors.first
            }
        }
        #expect(
            try listError("items[99999999][lat]=1")
                == ValidationError(path: "items[99999999]", reason: "is out of range: 1 items must be numbered 0…0"))
        #expect(try listError("items[0][lat]=1&items[2][lat]=2")?.path == "items[2]")
        #expect(try listError("items[00][lat]=1")?.path == "items[00]")
        #expect(try listError("items[-1][lat]=1")?.path == "items[-1]")
        #expect(try listError("items[99999999999999999999][lat]=1")?.path == "items[99999999999999999999]")
        #expect(try listError("items[x][lat]=1")?.reason == "expected a list item number (0, 1, …)")
        #expect(try listError("items[1][lat]=2&items[0][lat]=1") == nil)
        #expect(try listError("items[0][lat]=x")?.path == "items[0].lat")
    }

    /// 100,000 map entries, 100,000 numbered items and 100,000 repeats of one name: read in linear time
    /// (members and values grow in place, never copied per field), the numbered ones accepted as a list in
    /// any order.
    @Test func readsManyMembersOfOneObjectInLinearTime() throws {
        let count = 100_000
        var body = ""
        for index in 0..<count { body += "m[k\(index)]=\(index)&" }
        for index in (0..<count).reversed() { body += "items[\(index)][lat]=\(index)&" }
        for index in 0..<count { body += "tags=\(index)&" }
        let started = Date()
        let tree = try read(body)
        let members = try TextTreeReader(tree).object()
        let map: [String: Int] = try members.decode("m")
        let items: [Geo] = try members.decode("items")
        #expect(map.count == count && map["k99999"] == 99_999)
        #expect(items.count == count && items[12_345].lat == 12_345)
        let tags: [Int] = try members.decode("tags")
        #expect(tags == Array(0..<count))
        print("read and decoded \(3 * count) fields in \(Date().timeIntervalSince(started)) s")
    }

    @Test func readsOddKeys() throws {
        // Percent-encoded brackets, non-ASCII, '+' as a space, and an encoded '=' in a key.
        #expect(
            try read("m%5B%C3%A9t%C3%A9+%E4%B8%96%5D=1&m[a%3Db]=2&m[%00]=3")
                == object(("m", object(("été 世", .text("1")), ("a=b", .text("2")), ("\u{0}", .text("3"))))))
    }

    @Test func multipartCarriesBracketNamesToo() throws {
        let order = Order(
            id: "o-1", address: Geo(lat: 1.5, tags: [1, 2]),
            lines: [Line(price: 5, note: "a \"quoted\" note", geo: nil), Line(price: 7, note: nil, geo: nil)],
            metadata: ["k": "v", "a]b": "x"], byName: ["first": Line(price: 1, note: nil, geo: nil)], flags: [true])
        let boundary = FormFormat.makeBoundary()
        let data = FormFormat.writeMultipart(order.textTree(), boundary: boundary)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("name=\"lines[1][price]\""))
        #expect(text.contains("name=\"metadata[a]b]\""))
        let tree = try FormFormat.readMultipart(data, contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(try Order(textTree: TextTreeReader(tree)) == order)
    }

    @Test func emptyObjectsAndMapsTravelAsAnEmptyValue() throws {
        let order = Order(
            id: "", address: Geo(lat: 0, tags: []), lines: [Line(price: 1, note: nil, geo: Geo(lat: 2, tags: []))],
            metadata: [:], byName: [:], flags: [])
        let body = write(order.textTree())
        #expect(body == "id=&address[lat]=0.0&lines[0][price]=1&lines[0][geo][lat]=2.0&metadata=&by_name=")
        #expect(try Order(textTree: TextTreeReader(read(body))) == order)
    }

    /// Random orders, written and read back, in both formats: equal.
    @Test func roundTripsRandomNestedValues() throws {
        let seed = FuzzSeed.choose("FormBracketTests.roundTripsRandomNestedValues")
        var random = SeededGenerator(seed: seed)
        // Multipart writes a carriage return or line feed in a name as %0D and %0A (as browsers do), so names
        // leave them out; values have them.
        let nameAlphabet = Array("ab Z09-_.~%&=+#?/[]é世\"\\")
        let valueAlphabet = nameAlphabet + ["\r", "\n"]
        func text(_ random: inout SeededGenerator, allowEmpty: Bool = true) -> String {
            let count = random.int(allowEmpty ? 0...6 : 1...6)
            let alphabet = allowEmpty ? valueAlphabet : nameAlphabet
            var result = String((0..<count).map { _ in random.pick(alphabet) })
            while result.contains("][") { result = result.replacingOccurrences(of: "][", with: "]x[") }
            return result
        }
        func geo(_ random: inout SeededGenerator) -> Geo {
            Geo(lat: Double(random.int(-1000...1000)) / 4, tags: (0..<random.int(0...3)).map { _ in random.int(-9...99) })
        }
        func line(_ random: inout SeededGenerator) -> Line {
            Line(
                price: random.int(0...100), note: random.chance(50) ? text(&random, allowEmpty: false) : nil,
                geo: random.chance(50) ? geo(&random) : nil)
        }
        for iteration in 0..<300 {
            var metadata: [String: String] = [:]
            for _ in 0..<random.int(0...4) { metadata[text(&random, allowEmpty: false)] = text(&random) }
            var byName: [String: Line] = [:]
            for _ in 0..<random.int(0...2) { byName[text(&random, allowEmpty: false)] = line(&random) }
            let order = Order(
                id: text(&random), address: geo(&random), lines: (0..<random.int(0...12)).map { _ in line(&random) },
                metadata: metadata, byName: byName, flags: (0..<random.int(0...3)).map { _ in random.chance(50) })
            let tree = order.textTree()
            #expect(FormFormat.unrepresentableName(tree) == nil)
            let form = try FormFormat.readURLEncoded(FormFormat.writeURLEncoded(tree))
            #expect(try Order(textTree: TextTreeReader(form)) == order, "seed \(seed), iteration \(iteration)")
            let boundary = "boundary-\(iteration)-apigen"
            let multipart = try FormFormat.readMultipart(
                FormFormat.writeMultipart(tree, boundary: boundary),
                contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(try Order(textTree: TextTreeReader(multipart)) == order, "seed \(seed), iteration \(iteration)")
        }
    }
}
