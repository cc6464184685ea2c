import APIDefinition
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's `uploadFile`: a multipart body with a file, an optional file and repeated
/// files beside a text field, through the generated client and server in process.
@Suite("Awkward fixture: file parts")
struct FileUploadTests {
    /// Hands every received upload to `seen` and answers what arrived.
    struct Uploads: AwkwardPartialHandler {
        let seen: @Sendable (Upload) -> Void

        func uploadFile(_ input: UploadFileInput) async throws -> UploadFileOutput {
            seen(input.body)
            let files =
                [input.body.document] + (input.body.thumbnail.map { [$0] } ?? []) + (input.body.attachments ?? [])
            return .ok(
                UploadReceipt(
                    title: input.body.title, filenames: files.map { $0.filename ?? "" },
                    contentTypes: files.map(\.contentType), sizes: files.map(\.data.count)))
        }
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var uploads: [Upload] = []
        func add(_ upload: Upload) { lock.withLock { uploads.append(upload) } }
        var all: [Upload] { lock.withLock { uploads } }
    }

    /// CR, LF, NUL, a fake delimiter and bytes that are not UTF-8.
    static let bytes =
        Data([0x0D, 0x0A, 0x00, 0x2D, 0x2D, 0x0D, 0x0A, 0x0D, 0x0A, 0xFF, 0x00, 0x80, 0x0A])
        + Data(repeating: 0, count: 300)

    static func client(_ box: Box, limits: ServerLimits = .default) -> AwkwardClient {
        AwkwardClient(transport: InProcessTransport(router: Uploads(seen: box.add).makeRouter(limits: limits)))
    }

    @Test func theHandlerSeesTheSameBytesNamesAndTypes() async throws {
        let box = Box()
        let upload = Upload(
            title: "Résumé \"final\"",
            document: FilePart(data: Self.bytes, contentType: "application/pdf", filename: "résumé \"final\" 日本.pdf"),
            thumbnail: FilePart(
                data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), contentType: "image/png"),
            attachments: [
                FilePart(data: Data("a\r\nb".utf8), contentType: "text/plain; charset=utf-8", filename: "a.txt"),
                FilePart(data: Data(), contentType: "application/octet-stream", filename: "empty"),
            ])
        let output = try await Self.client(box).uploadFile(body: upload)
        #expect(box.all == [upload])
        #expect(
            output
                == .ok(
                    UploadReceipt(
                        title: "Résumé \"final\"", filenames: ["résumé \"final\" 日本.pdf", "", "a.txt", "empty"],
                        contentTypes: [
                            "application/pdf", "image/png", "text/plain; charset=utf-8", "application/octet-stream",
                        ],
                        sizes: [Self.bytes.count, 8, 4, 0])))
    }

    @Test func oneAttachmentIsAListOfOne() async throws {
        let box = Box()
        let upload = Upload(
            title: "t", document: FilePart(data: Data([0])),
            attachments: [FilePart(data: Data([1, 2]), contentType: "image/gif", filename: "x.gif")])
        _ = try await Self.client(box).uploadFile(body: upload)
        #expect(box.all == [upload])
    }

    @Test func theClientValidatesSizesInBytes() async {
        let box = Box()
        let tooLarge = Upload(
            title: "t", document: FilePart(data: Data(count: 65537)), thumbnail: FilePart(data: Data()))
        let error = await #expect(throws: ClientError.self) {
            try await Self.client(box).uploadFile(body: tooLarge)
        }
        guard case .invalidRequest(let errors)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(
            errors.errors == [
                ValidationError(path: "document", reason: "larger than 65536 bytes"),
                ValidationError(path: "thumbnail", reason: "must not be empty"),
            ])
        #expect(box.all.isEmpty)
    }

    /// What a browser or curl sends: the server reads parts by name, a missing file is named, a
    /// text part is a text/plain file, and the size limits answer 400 and 413.
    @Test func theServerReadsHandWrittenBodies() async {
        let box = Box()
        let router = Uploads(seen: box.add).makeRouter(limits: ServerLimits(maxBodyBytes: 100_000))
        func post(_ body: Data) async -> (Int, String) {
            var request = APIRequest(method: .post, path: "/api/v2/uploads", body: body)
            request.headers["Content-Type"] = "multipart/form-data; boundary=XyZ"
            let response = await router.handle(request)
            return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
        }
        func part(_ name: String, _ extra: String = "", _ value: Data) -> Data {
            Data("--XyZ\r\nContent-Disposition: form-data; name=\"\(name)\"\(extra)\r\n\r\n".utf8) + value
                + Data("\r\n".utf8)
        }
        let end = Data("--XyZ--\r\n".utf8)
        let ok = await post(
            part("title", "", Data("hi".utf8))
                + part("document", "; filename=\"r\\\"x.bin\"\r\nContent-Type: application/x-thing", Self.bytes)
                + part("thumbnail", "", Data("plain text".utf8)) + end)
        #expect(ok.0 == 200, "\(ok.1)")
        #expect(
            box.all.last
                == Upload(
                    title: "hi",
                    document: FilePart(data: Self.bytes, contentType: "application/x-thing", filename: "r\"x.bin"),
                    thumbnail: FilePart(data: Data("plain text".utf8), contentType: "text/plain")))
        let missing = await post(part("title", "", Data("hi".utf8)) + end)
        #expect(missing.0 == 400 && missing.1.contains("\"document\""), "\(missing.1)")
        let tooLarge = await post(
            part("title", "", Data("hi".utf8)) + part("document", "; filename=\"big\"", Data(count: 70_000)) + end)
        #expect(tooLarge.0 == 400 && tooLarge.1.contains("larger than 65536 bytes"), "\(tooLarge.1)")
        let overLimit = await post(part("document", "; filename=\"big\"", Data(count: 100_001)) + end)
        #expect(overLimit.0 == 413, "\(overLimit.1)")
        let notText = await post(part("title", "", Data([0xFF])) + part("document", "", Data([1])) + end)
        #expect(notText.0 == 400 && notText.1.contains("is not UTF-8 text"), "\(notText.1)")
    }

    @Test func diffCallsAFileThatWasTextBreaking() throws {
        func definition(_ type: String, _ constraint: String = "") throws -> Definition {
            try DefinitionLoader.load(
                data: Data(
                    #"""
                    {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
                     "types": [{"name": "U", "kind": "object", "fields": [{"name": "doc", "type": "\#(type)"\#(constraint)}]}],
                     "operations": [{"name": "up", "method": "POST", "path": "/u",
                                     "body": {"type": "U", "contentTypes": ["multipart/form-data"]},
                                     "responses": [{"status": 204}]}]}
                    """#.utf8), file: "d.json")
        }
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        #expect(
            changes(try definition("string"), try definition("file"))
                == ["breaking-wire types.U.doc: type changed from string to file"])
        let smaller = changes(
            try definition("file", #", "maxLength": 10"#), try definition("file", #", "maxLength": 5"#))
        #expect(smaller.count == 1 && smaller[0].hasPrefix("breaking-wire types.U.doc"), "\(smaller)")
    }
}
