// What Tests/Fixtures/Reference/item-constraints.json generates: Article, ListArticlesInput.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Article
public struct Article: Sendable, Hashable {
    /// Each tag is checked at tags[index].
    ///
    /// Constraints: at most 5 items, each item (non-empty, at most 20 characters, matches `^[a-z-]+$`).
    public var tags: [String]

    /// Each score is checked at scores.name.
    ///
    /// Constraints: each value (≥ 0, ≤ 100).
    public var scores: [String: Int]?

    /// Creates an `Article`.
    ///
    /// - Parameters:
    ///   - tags: Each tag is checked at tags[index].
    ///   - scores: Each score is checked at scores.name.
    public init(tags: [String], scores: [String: Int]? = nil) {
        self.tags = tags
        self.scores = scores
    }
}

// Models.swift: Article
extension Article: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.tags, "tags", maxItems: 5)
        validator.eachItem(self.tags, "tags") { validator, item, key in
            validator.check(item, key, minLength: 1, maxLength: 20, pattern: "^[a-z-]+$")
        }
        validator.eachValue(self.scores, "scores") { validator, item, key in
            validator.check(item, key, minimum: 0, maximum: 100)
        }
    }
}

// JSONCoding.swift: Article
extension Article: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.tags = try container.decode([String].self, forKey: "tags")
        self.scores = try container.decodeIfPresent([String: Int].self, forKey: "scores")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.tags, forKey: "tags")
        try container.encodeIfPresent(self.scores, forKey: "scores")
    }
}

// Operations.swift: ListArticlesInput
/// The parameters and body of `listArticles`.
public struct ListArticlesInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "listArticles", method: .get, pathTemplate: "/articles")

    /// Constraints: each item (at most 5000 characters).
    public var expand: [String]?

    /// Creates the input of `listArticles`.
    public init(expand: [String]? = nil) {
        self.expand = expand
    }
}

// Operations.swift: ListArticlesInput
extension ListArticlesInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.eachItem(self.expand, "expand") { validator, item, key in
            validator.check(item, key, maxLength: 5000)
        }
    }
}
