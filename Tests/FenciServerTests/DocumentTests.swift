import FenciCorpus
import FenciRPC
import FenciServer
import Foundation
import Testing

@Suite("Documents")
struct DocumentTests {
    static let corpus: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fenci-corpus-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try? Data("无锡物联网".utf8).write(to: url.appendingPathComponent("plain.txt"))
        try? Data(Deflater.deflate(Array("创新中心".utf8), format: .gzip)).write(to: url.appendingPathComponent("sub/zipped.txt.gz"))
        try? Data([0xE6, 0x97, 0xFF]).write(to: url.appendingPathComponent("bad.txt"))
        try? Data("secret".utf8).write(to: url.deletingLastPathComponent().appendingPathComponent("outside-\(url.lastPathComponent).txt"))
        try? FileManager.default.createSymbolicLink(atPath: url.appendingPathComponent("escape.txt").path,
                                                    withDestinationPath: url.deletingLastPathComponent().appendingPathComponent("outside-\(url.lastPathComponent).txt").path)
        return URL(fileURLWithPath: realpath(url.path, nil).map { String(cString: $0) } ?? url.path)
    }()

    let reader = DocumentReader(maximumDocumentBytes: 1_000_000, corpusDirectory: DocumentTests.corpus.path)

    static func base64(_ bytes: [UInt8]) -> JSONValue { .string(Data(bytes).base64EncodedString()) }

    @Test("every document shape reads to the same text")
    func shapes() throws {
        let text = Array("无锡物联网".utf8)
        let shapes: [JSONValue] = [
            .string("无锡物联网"),
            .object([("text", .string("无锡物联网"))]),
            .object([("data", Self.base64(Deflater.deflate(text, format: .gzip))), ("encoding", .string("gzip"))]),
            .object([("data", Self.base64(Deflater.deflate(text, format: .zlib))), ("encoding", .string("zlib"))]),
            .object([("data", Self.base64(text)), ("encoding", .string("identity"))]),
            .object([("path", .string("plain.txt"))]),
        ]
        for shape in shapes { #expect(try reader.read(shape, field: "text") == text) }
        #expect(try reader.read(.object([("path", .string("sub/zipped.txt.gz"))]), field: "a") == Array("创新中心".utf8))
    }

    @Test("unreadable documents are -32011 naming the field", arguments: [
        JSONValue.object([("data", .string("!!!not base64!!!")), ("encoding", .string("gzip"))]),
        .object([("data", DocumentTests.base64([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02])), ("encoding", .string("gzip"))]),
        .object([("data", DocumentTests.base64([0xE6, 0x97, 0xFF])), ("encoding", .string("identity"))]),
        .object([("path", .string("bad.txt"))]),
        .object([("path", .string("missing.txt"))]),
        .object([("path", .string("../etc/passwd"))]),
        .object([("path", .string("/etc/passwd"))]),
        .object([("path", .string("escape.txt"))]),
    ])
    func unreadable(document: JSONValue) {
        #expect {
            _ = try reader.read(document, field: "b")
        } throws: { error in
            guard let error = error as? RPCError else { return false }
            return error.code == .documentUnreadable && error.data?["field"] == .string("b")
        }
    }

    @Test("paths are refused without a corpus directory")
    func noCorpusDirectory() {
        let reader = DocumentReader(maximumDocumentBytes: 1000, corpusDirectory: nil)
        #expect(throws: RPCError.self) { _ = try reader.read(.object([("path", .string("plain.txt"))]), field: "text") }
    }

    @Test("a gzip bomb and an oversized string are -32010; a bad encoding or shape is -32602")
    func limitsAndShapes() {
        let bomb = Deflater.deflate([UInt8](repeating: 0x20, count: 20_000_000), format: .gzip, level: 9)
        for (document, code) in [
            (JSONValue.object([("data", Self.base64(bomb)), ("encoding", .string("gzip"))]), ErrorCode.messageTooLarge),
            (.string(String(repeating: "x", count: 1_000_001)), .messageTooLarge),
            (.object([("data", Self.base64([0x41])), ("encoding", .string("brotli"))]), .invalidParams),
            (.integer(5), .invalidParams),
            (.object([("other", .null)]), .invalidParams),
        ] {
            #expect {
                _ = try reader.read(document, field: "text")
            } throws: { error in
                (error as? RPCError)?.code == code
            }
        }
    }
}
