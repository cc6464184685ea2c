import Foundation
import XMLCoder

// The peers' side of the coder benchmarks: TeamUp's PendingLogin with compiler-synthesized
// Codable, used through Foundation's JSONDecoder/JSONEncoder and through CoreOffice/XMLCoder.

/// `PendingLogin` as a hand-written model would be: synthesized `Codable`, snake_case keys.
struct SynthesizedPendingLogin: Codable, Hashable, Sendable {
    var object: String
    var id: UUID
    var createdAt: Date
    var user: Int
    var twoFactorRequiredProviders: [Int]

    enum CodingKeys: String, CodingKey {
        case object, id, user
        case createdAt = "created_at"
        case twoFactorRequiredProviders = "two_factor_required_providers"
    }
}

/// The same record as XMLCoder reads Django REST framework's XML: arrays are `<list-item>` children.
struct XMLPendingLogin: Codable, Hashable, Sendable {
    struct Providers: Codable, Hashable, Sendable {
        var listItem: [Int]
        enum CodingKeys: String, CodingKey { case listItem = "list-item" }
    }

    var object: String
    var id: UUID
    var createdAt: Date
    var user: Int
    var twoFactorRequiredProviders: Providers

    enum CodingKeys: String, CodingKey {
        case object, id, user
        case createdAt = "created_at"
        case twoFactorRequiredProviders = "two_factor_required_providers"
    }
}

/// `<root><list-item>…</list-item>…</root>`.
struct XMLRoot: Codable, Sendable {
    var listItem: [XMLPendingLogin]
    enum CodingKeys: String, CodingKey { case listItem = "list-item" }
}

enum Peers {
    static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func xmlDecoder() -> XMLDecoder {
        let decoder = XMLDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.shouldProcessNamespaces = false
        return decoder
    }

    static func xmlEncoder() -> XMLEncoder {
        let encoder = XMLEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
