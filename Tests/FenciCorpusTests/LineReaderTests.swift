import FenciCorpus
import Foundation
import Testing

@Suite("ByteSource, LineReader and ByteSink")
struct LineReaderTests {
    static func file(_ bytes: [UInt8], name: String = "input.txt") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenci-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func lines(_ url: URL, chunkSize: Int = 1 << 18) throws -> [(String, Int)] {
        var result: [(String, Int)] = []
        try LineReader(source: ByteSource(path: url.path, chunkSize: chunkSize)).forEachLine { line, start in
            result.append((String(decoding: line, as: UTF8.self), start))
        }
        return result
    }

    @Test("lines split at \\n; \\r\\n, a missing last newline and empty input behave", arguments: [
        ("", [String]()), ("a", ["a"]), ("a\n", ["a"]), ("a\n\nb", ["a", "", "b"]), ("a\r\nb\r\n", ["a", "b"]), ("\n", [""]),
    ])
    func lineSplitting(text: String, expected: [String]) throws {
        let url = try Self.file(Array(text.utf8))
        #expect(try Self.lines(url).map(\.0) == expected)
        #expect(try Self.lines(url, chunkSize: 1).map(\.0) == expected)
    }

    @Test("line start offsets count decompressed bytes across chunk boundaries")
    func lineOffsets() throws {
        let text = (0..<500).map { "第\($0)行 无锡" }.joined(separator: "\n")
        let url = try Self.file(Deflater.deflate(Array(text.utf8), format: .gzip), name: "lines.gz")
        let lines = try Self.lines(url, chunkSize: 7)
        #expect(lines.count == 500)
        let utf8 = Array(text.utf8)
        for (line, start) in lines { #expect(Array(utf8[start..<(start + line.utf8.count)]) == Array(line.utf8)) }
    }

    @Test("a 10 MB line without a newline is one line")
    func longLine() throws {
        let line = [UInt8](repeating: 0x61, count: 10_000_000)
        let lines = try Self.lines(try Self.file(line))
        #expect(lines.count == 1 && lines[0].0.utf8.count == 10_000_000)
    }

    @Test("a missing file is fileNotFound; a directory is unreadable")
    func missingFile() throws {
        #expect(throws: CorpusError.fileNotFound(path: "/nonexistent/x.txt")) { _ = try ByteSource(path: "/nonexistent/x.txt") }
        #expect(throws: CorpusError.self) { _ = try ByteSource(path: FileManager.default.temporaryDirectory.path) }
    }

    @Test("a truncated .gz yields its complete lines, then an error naming the file")
    func truncatedFile() throws {
        let text = (0..<20_000).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let compressed = Deflater.deflate(Array(text.utf8), format: .gzip)
        let url = try Self.file(Array(compressed.prefix(compressed.count / 2)), name: "cut.gz")
        var seen = 0
        #expect(throws: CorpusError.truncated(path: url.path)) {
            try LineReader(source: ByteSource(path: url.path, chunkSize: 1024)).forEachLine { line, _ in
                #expect(String(decoding: line, as: UTF8.self) == "line \(seen)")
                seen += 1
            }
        }
        #expect(seen > 0)
    }

    @Test("ByteSink writes gzip for .gz paths, and plain otherwise")
    func sink() throws {
        let directory = try Self.file([], name: "placeholder").deletingLastPathComponent()
        for name in ["out.txt", "out.txt.gz"] {
            let path = directory.appendingPathComponent(name).path
            let sink = try ByteSink(path: path)
            for index in 0..<10_000 { try sink.write(Array("行\(index)\n".utf8)) }
            try sink.finish()
            let read = try ByteSource(path: path).readAll()
            #expect(read == Array((0..<10_000).map { "行\($0)\n" }.joined().utf8))
            let raw = try ByteSource(path: path, decompressing: false).readAll()
            #expect(CompressionFormat.detect(raw.prefix(2)) == (name.hasSuffix(".gz") ? .gzip : .identity))
        }
    }
}
