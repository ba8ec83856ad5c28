import FenciCorpus
import Foundation
import Testing
import TestSupport

/// End-to-end: the real `fenci` binary, as a user runs it.
@Suite("fenci tokenize")
struct TokenizeCommandTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fenci-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("standard input is segmented line by line, words separated by single spaces")
    func standardInput() throws {
        let run = try CommandRun.fenci(["tokenize"], input: Array("无锡物联网创新促进中心领导小组会议召开\n我爱北京天安门\n".utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutText == "无锡 物 联网 创新 促进 中心 领导 小组会议 召开\n我 爱 北京 天安门\n")
    }

    @Test("modes, --no-hmm and --pos select jieba's cut, cut_for_search, cut_all and posseg")
    func modesAndFlags() throws {
        #expect(try CommandRun.fenci(["tokenize", "--mode", "search"], input: Array("中华人民共和国".utf8)).stdoutText
                == "中华 华人 人民 共和 共和国 中华人民共和国\n")
        #expect(try CommandRun.fenci(["tokenize", "--mode", "full"], input: Array("物联网创新".utf8)).stdoutText == "物 联网 创新\n")
        #expect(try CommandRun.fenci(["tokenize", "--no-hmm"], input: Array("他来到了网易杭研大厦".utf8)).stdoutText
                == "他 来到 了 网易 杭 研 大厦\n")
        #expect(try CommandRun.fenci(["tokenize", "--pos"], input: Array("我爱北京天安门".utf8)).stdoutText == "我/r 爱/v 北京/ns 天安门/ns\n")
    }

    @Test("jsonl output carries offsets in the chosen encoding")
    func jsonLines() throws {
        let run = try CommandRun.fenci(["tokenize", "--format", "jsonl", "--position-encoding", "utf-8", "--pos"], input: Array("a😀无锡\n".utf8))
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any]
        let tokens = try #require(object?["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["text"] as? String } == ["a", "😀", "无锡"])
        #expect(tokens.map { $0["start"] as? Int } == [0, 1, 5])
        #expect(tokens.map { $0["end"] as? Int } == [1, 5, 11])
        #expect(tokens[2]["pos"] as? String == "ns")
        let utf16 = try CommandRun.fenci(["tokenize", "--format", "jsonl"], input: Array("a😀无锡\n".utf8))
        #expect(utf16.stdoutText.contains("\"start\":3,\"end\":5"))
    }

    @Test("gzip and zlib files are read transparently; -o FILE.gz writes gzip")
    func compressedFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gz = directory.appendingPathComponent("a.txt.gz")
        try Data(Deflater.deflate(Array("我爱北京天安门\n".utf8), format: .gzip)).write(to: gz)
        let zlib = directory.appendingPathComponent("b.z")
        try Data(Deflater.deflate(Array("物联网创新\n".utf8), format: .zlib)).write(to: zlib)
        let output = directory.appendingPathComponent("out.txt.gz")
        let run = try CommandRun.fenci(["tokenize", gz.path, zlib.path, "-o", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try [UInt8](Data(contentsOf: output))
        #expect(CompressionFormat.detect(written.prefix(4)) == .gzip)
        let text = try Inflater.inflate(written, format: .gzip, maximumOutputBytes: nil)
        #expect(String(decoding: text, as: UTF8.self) == "我 爱 北京 天安门\n物 联网 创新\n")
    }

    @Test("a missing file is reported, the others are still processed, and the exit status is 1")
    func missingFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.txt")
        try Data("我爱北京天安门\n".utf8).write(to: good)
        let run = try CommandRun.fenci(["tokenize", directory.appendingPathComponent("missing.txt").path, good.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("missing.txt"))
        #expect(run.stdoutText == "我 爱 北京 天安门\n")
    }

    @Test("invalid UTF-8 is an error naming the file and byte; --lossy replaces it")
    func invalidUTF8() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.txt")
        try Data([0x41, 0x0A, 0xE6, 0x97, 0xA0, 0xFF, 0x0A]).write(to: bad)
        let strict = try CommandRun.fenci(["tokenize", bad.path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("bad.txt") && strict.stderr.contains("byte 5"), "\(strict.stderr)")
        #expect(strict.stdoutText == "A\n")
        let lossy = try CommandRun.fenci(["tokenize", "--lossy", bad.path])
        #expect(lossy.status == 0)
        #expect(lossy.stdoutText == "A\n无 \u{FFFD}\n")
    }

    @Test("a truncated gzip file is an error naming it; lines before it are complete")
    func truncatedGzip() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = (0..<20_000).map { "第\($0)行：无锡物联网创新促进中心\n" }.joined()
        let compressed = Deflater.deflate(Array(lines.utf8), format: .gzip)
        let truncated = directory.appendingPathComponent("cut.txt.gz")
        try Data(compressed.prefix(compressed.count * 2 / 3)).write(to: truncated)
        let run = try CommandRun.fenci(["tokenize", truncated.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cut.txt.gz"), "\(run.stderr)")
        let output = run.stdoutText
        #expect(output.isEmpty || output.hasSuffix("\n"))
        #expect(output.split(separator: "\n").allSatisfy { $0.hasSuffix("中心") })
    }

    @Test("empty input gives empty output; a 10 MB line without a newline works")
    func emptyAndLongInput() throws {
        #expect(try CommandRun.fenci(["tokenize"]).stdout.isEmpty)
        let long = String(repeating: "无锡物联网创新促进中心", count: 330_000)  // ≈ 10.9 MB, no newline
        let run = try CommandRun.fenci(["tokenize"], input: Array(long.utf8))
        #expect(run.status == 0)
        #expect(run.stdout.filter { $0 != 0x20 } == Array((long + "\n").utf8))
        #expect(run.stdout.count > long.utf8.count + 330_000)
    }

    @Test("--user-dict adds words; a bad dictionary is reported with file and line")
    func userDictionary() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let user = directory.appendingPathComponent("user.txt")
        try Data("物联网创新 1000 nz\n".utf8).write(to: user)
        let run = try CommandRun.fenci(["tokenize", "--user-dict", user.path], input: Array("物联网创新".utf8))
        #expect(run.stdoutText == "物联网创新\n", "\(run.stderr)")
        let bad = directory.appendingPathComponent("bad.txt")
        try Data("无锡 100 ns\n物联网 lots n\n".utf8).write(to: bad)
        let failed = try CommandRun.fenci(["tokenize", "--dict", bad.path], input: Array("物联网".utf8))
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("bad.txt:2"), "\(failed.stderr)")
    }
}
