import Foundation

/// One alternative of a `oneOf`, as the decision between them needs it.
@_spi(Generated) public struct OneOfCandidate: Sendable {
    /// A field whose value picks this alternative: a constant, or the discriminator's value.
    public struct Constant: Sendable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public var name: String
    public var required: [String]
    public var constants: [Constant]

    public init(_ name: String, required: [String], constants: [Constant] = []) {
        self.name = name
        self.required = required
        self.constants = constants
    }
}

/// Decides which alternative of a `oneOf` a payload is: by its constants (and discriminator)
/// first, then by which alternative's required fields are all present. Never "the first that
/// happens to decode": when nothing matches, or more than one does, the error says why for each.
@_spi(Generated) public enum OneOfDecision {
    /// The index of the alternative `keys` and `text` describe.
    /// - Parameters:
    ///   - keys: The member names present in the payload.
    ///   - text: The text of a scalar member (`true` for a JSON boolean), or `nil`.
    /// - Throws: A reason naming each alternative and why it does not match.
    public static func choose(
        _ candidates: [OneOfCandidate], keys: Set<String>, text: (String) -> String?
    ) -> Result<Int, OneOfMismatch> {
        var byConstant: [Int] = []
        var byRequired: [Int] = []
        var reasons: [String] = []
        for (index, candidate) in candidates.enumerated() {
            if !candidate.constants.isEmpty {
                var mismatch: String?
                for constant in candidate.constants {
                    guard let actual = text(constant.key) else {
                        mismatch = "missing '\(constant.key)'"
                        break
                    }
                    if actual != constant.value, !Self.sameBoolean(actual, constant.value) {
                        // Not the value found: it comes from the input and may be sensitive.
                        mismatch = "'\(constant.key)' is not '\(constant.value)'"
                        break
                    }
                }
                if let mismatch {
                    reasons.append("not \(candidate.name): \(mismatch)")
                } else {
                    byConstant.append(index)
                }
                continue
            }
            let missing = candidate.required.filter { !keys.contains($0) }
            if missing.isEmpty {
                byRequired.append(index)
            } else {
                reasons.append("not \(candidate.name): missing " + missing.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
        if byConstant.count == 1 { return .success(byConstant[0]) }
        if byConstant.count > 1 { return .failure(ambiguous(byConstant, candidates)) }
        if byRequired.count == 1 { return .success(byRequired[0]) }
        if byRequired.count > 1 { return .failure(ambiguous(byRequired, candidates)) }
        return .failure(OneOfMismatch(reason: "matches no alternative (" + reasons.joined(separator: "; ") + ")"))
    }

    /// `True` (Django REST framework's XML) and `true` (JSON) are the same boolean.
    static func sameBoolean(_ lhs: String, _ rhs: String) -> Bool {
        let lhs = lhs.lowercased()
        return ["true", "false"].contains(lhs) && lhs == rhs.lowercased()
    }

    private static func ambiguous(_ indices: [Int], _ candidates: [OneOfCandidate]) -> OneOfMismatch {
        let names = indices.map { candidates[$0].name }.joined(separator: " and ")
        return OneOfMismatch(reason: "ambiguous: matches \(names)")
    }

    /// Chooses for a JSON payload, through the decoder of the value.
    public static func choose(_ candidates: [OneOfCandidate], decoder: any Decoder) throws -> Int {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let keys = Set(container.allKeys.map(\.stringValue))
        let result = choose(candidates, keys: keys) { key in
            let codingKey = AnyCodingKey(stringValue: key)
            if let text = try? container.decode(String.self, forKey: codingKey) { return text }
            if let flag = try? container.decode(Bool.self, forKey: codingKey) { return flag ? "true" : "false" }
            if let number = try? container.decode(Int.self, forKey: codingKey) { return String(number) }
            if let number = try? container.decode(Double.self, forKey: codingKey) { return String(number) }
            return nil
        }
        switch result {
        case .success(let index): return index
        case .failure(let mismatch):
            throw DecodingError.dataCorrupted(RuntimeReason.context(decoder.codingPath, mismatch.reason))
        }
    }

    /// Chooses for a text-tree payload (XML, forms).
    public static func choose(_ candidates: [OneOfCandidate], reader: TextTreeReader) throws(ValidationErrors) -> Int {
        let object = try reader.object()
        switch choose(candidates, keys: Set(object.keys), text: object.text) {
        case .success(let index): return index
        case .failure(let mismatch): throw reader.error(mismatch.reason)
        }
    }
}

/// Why a payload is none (or more than one) of a oneOf's alternatives.
@_spi(Generated) public struct OneOfMismatch: Error, Sendable {
    public var reason: String
}

/// A coding key for any member name. Generated coders spell keys as string literals, the wire
/// names, rather than declaring a `CodingKeys` enum per type: the same lookups at run time, and
/// much less code to compile (no synthesized raw-value, coding-key and hashing conformances).
@_spi(Generated) public struct AnyCodingKey: CodingKey, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { self.stringValue = value }
}

@_spi(Generated) extension Decoder {
    /// Fails unless the value is an object (for types without fields).
    public func requireObject() throws {
        _ = try container(keyedBy: AnyCodingKey.self)
    }
}
