import APIDefinition
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's `putAvatar`: a raw body (no `type`) in `image/png`, `image/jpeg` or any
/// `text/*`, answered with raw bytes, through the generated client and server.
@Suite("Awkward fixture: raw binary bodies")
struct BinaryBodyTests {
    struct Avatars: AwkwardPartialHandler {
        func putAvatar(_ input: PutAvatarInput) async throws -> PutAvatarOutput {
            if input.body.data.isEmpty { return .noContent(RawBody(contentType: nil, data: Data())) }
            // Echo the bytes with the content type they came in, reversed so the test sees the handler ran.
            return .ok(RawBody(contentType: input.body.contentType, data: Data(input.body.data.reversed())))
        }
    }

    static let router = Avatars().makeRouter()
    static let client = AwkwardClient(transport: InProcessTransport(router: router))

    @Test func bytesAndTheirContentTypeGoThroughBothWays() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 255])
        let output = try await Self.client.putAvatar(id: 3, body: RawBody(contentType: "image/png", data: png))
        guard case .ok(let answer) = output else { Issue.record("\(output)"); return }
        #expect(answer.data == Data(png.reversed()))
        #expect(answer.contentType == "image/png")
        // A range: any text/… type is taken, parameters and case as sent.
        let text = try await Self.client.putAvatar(
            id: 3, body: RawBody(contentType: "Text/Plain; charset=utf-8", data: Data("ab".utf8)))
        #expect(text == .ok(RawBody(contentType: "Text/Plain; charset=utf-8", data: Data("ba".utf8))))
        #expect(
            try await Self.client.putAvatar(id: 3, body: RawBody(contentType: "image/jpeg", data: Data()))
                == .noContent(RawBody(contentType: nil, data: Data())))
    }

    @Test func theClientRefusesAContentTypeTheDefinitionDoesNotList() async {
        for contentType in ["application/pdf", nil] as [String?] {
            let error = await #expect(throws: ClientError.self) {
                try await Self.client.putAvatar(id: 3, body: RawBody(contentType: contentType, data: Data([1])))
            }
            guard case .invalidRequest(let errors)? = error else {
                Issue.record("\(String(describing: error))")
                continue
            }
            #expect(errors.errors.map(\.path) == ["body"], "\(errors)")
        }
    }

    @Test func theServerAnswers415ForAnUnlistedMediaType() async {
        func put(_ contentType: String?) async -> (Int, String) {
            var request = APIRequest(method: .put, path: "/api/v2/avatars/1", body: Data([1, 2, 3]))
            if let contentType { request.headers["Content-Type"] = contentType }
            let response = await Self.router.handle(request)
            return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
        }
        let (status, text) = await put("application/pdf")
        #expect(status == 415)
        #expect(
            text.contains("unsupported content type 'application/pdf'; expected image/png, image/jpeg, text/*"),
            "\(text)")
        #expect(await put(nil).0 == 415)
        #expect(await put("image/gif").0 == 415)
        #expect(await put("imagex/png").0 == 415)
        #expect(await put("image/jpeg").0 == 200)
        #expect(await put("text/csv").0 == 200)
    }

    @Test func theBodySizeLimitApplies() async {
        var request = APIRequest(
            method: .put, path: "/api/v2/avatars/1", headers: ["Content-Type": "image/png"],
            body: Data(count: 2 << 20))
        request.headers["Content-Length"] = String(2 << 20)
        let router = Avatars().makeRouter(limits: ServerLimits(maxBodyBytes: 1 << 20))
        #expect(await router.handle(request).status == 413)
    }

    @Test func wildcardsMatchTypesNotSubtypes() {
        #expect(MediaType.isAccepted("image/png", by: ["image/*"]))
        #expect(MediaType.isAccepted("IMAGE/PNG;q=1", by: ["image/png"]))
        #expect(MediaType.isAccepted("anything/at-all", by: ["*/*"]))
        #expect(!MediaType.isAccepted("image", by: ["*/*"]))
        #expect(!MediaType.isAccepted("image/", by: ["image/*"]))
        #expect(!MediaType.isAccepted("images/png", by: ["image/*"]))
        #expect(!MediaType.isAccepted("text/plain", by: ["image/png", "image/*"]))
        #expect(MediaTypes.isMediaRange("image/*") && MediaTypes.isMediaRange("*/*"))
        #expect(!MediaTypes.isMediaRange("*/png") && !MediaTypes.isMediaRange("image/png; q=1"))
        #expect(!MediaTypes.isMediaRange("image") && !MediaTypes.isMediaRange("/png"))
    }

    @Test func diffCallsARawBodyThatBecameTypedBreaking() throws {
        func definition(_ body: String) throws -> Definition {
            try DefinitionLoader.load(
                data: Data(
                    #"""
                    {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
                     "operations": [{"name": "putBlob", "method": "PUT", "path": "/blob", "body": \#(body),
                                     "responses": [{"status": 204}]}]}
                    """#.utf8), file: "d.json")
        }
        let raw = try definition(#"{"contentTypes": ["image/png"]}"#)
        let typed = try definition(#"{"type": "string"}"#)
        let changes = DefinitionDiff(old: raw, new: typed).changes.map {
            "\($0.impact.rawValue) \($0.path): \($0.message)"
        }
        #expect(
            changes.contains("breaking-wire operations.putBlob.body: type changed from raw bytes to string"),
            "\(changes)")
        #expect(
            DefinitionDiff(old: raw, new: try definition(#"{"contentTypes": ["image/png", "image/gif"]}"#)).changes
                .map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
                == ["additive operations.putBlob.body: also accepts image/gif"])
    }
}
