import FenciCorpus
import Foundation
import Testing
import TestSupport

/// `summarize` and `compare` over the wire, with documents in every shape.
@Suite("summarize and compare methods")
struct AnalysisMethodsTests {
    static func seed(_ name: String) throws -> String {
        try String(contentsOf: TestPaths.seeds.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("summarize: N sentences with offsets into the document, keywords, -32602 naming bad fields")
    func summarize() throws {
        let text = try Self.seed("000_59ade88a6c5c86e6.txt")
        let gzip = Data(Deflater.deflate(Array(text.utf8), format: .gzip)).base64EncodedString()
        let input = [
            try JSON.request(id: 1, method: "summarize", params: ["text": text, "sentences": 2, "keywords": 5, "positionEncoding": "utf-32"]),
            try JSON.request(id: 2, method: "summarize", params: ["text": ["data": gzip, "encoding": "gzip"], "keywordMethod": "textrank"]),
            try JSON.request(id: 3, method: "summarize", params: ["text": "x", "sentences": 0]),
            try JSON.request(id: 4, method: "summarize", params: ["text": "x", "keywords": 201]),
            try JSON.request(id: 5, method: "summarize", params: ["text": "x", "keywordMethod": "lda"]),
            try JSON.request(id: 6, method: "summarize", params: ["text": ""]),
        ].joined()
        let run = try CommandRun.fenci(["serve", "--stdio"], input: Array(input.utf8))
        var replies: [Int: [String: Any]] = [:]
        for line in run.stdoutText.split(separator: "\n") {
            let reply = try JSON.object(String(line))
            replies[reply["id"] as? Int ?? -1] = reply
        }
        let first = try #require(replies[1]?["result"] as? [String: Any])
        let sentences = try #require(first["sentences"] as? [[String: Any]])
        #expect(sentences.count == 2)
        let scalars = Array(text.unicodeScalars)
        for sentence in sentences {
            let start = try #require(sentence["start"] as? Int), end = try #require(sentence["end"] as? Int)
            var slice = ""
            slice.unicodeScalars.append(contentsOf: scalars[start..<end])
            #expect(slice == sentence["text"] as? String)
            #expect(sentence["score"] is Double && sentence["index"] is Int)
        }
        #expect((first["keywords"] as? [[String: Any]])?.count == 5)
        #expect(first["summary"] as? String == sentences.compactMap { $0["text"] as? String }.joined())
        #expect(((replies[2]?["result"] as? [String: Any])?["sentences"] as? [Any])?.count == 3)
        #expect(JSON.errorField(replies[3] ?? [:]) == "sentences")
        #expect(JSON.errorField(replies[4] ?? [:]) == "keywords")
        #expect(JSON.errorField(replies[5] ?? [:]) == "keywordMethod")
        let empty = try #require(replies[6]?["result"] as? [String: Any])
        #expect(empty["summary"] as? String == "" && (empty["sentences"] as? [Any])?.isEmpty == true)
    }

    @Test("compare: the seed pair is a near-duplicate, with simhash and word lists; paths under --corpus-dir work")
    func compare() throws {
        let input = [
            try JSON.request(id: 1, method: "compare", params: ["a": ["path": "000_59ade88a6c5c86e6.txt"], "b": ["path": "001_93413af1b7db7dd8.txt"], "top": 3]),
            try JSON.request(id: 2, method: "compare", params: ["a": ["path": "000_59ade88a6c5c86e6.txt"], "b": ["path": "003_743f83fd17175aa3.txt"]]),
            try JSON.request(id: 3, method: "compare", params: ["a": "无锡", "b": "無(wú)錫"]),
            try JSON.request(id: 4, method: "compare", params: ["a": "无锡", "b": "無(wú)錫", "normalize": false]),
            try JSON.request(id: 5, method: "compare", params: ["a": "无锡"]),
            try JSON.request(id: 6, method: "compare", params: ["a": "", "b": "。。。"]),
        ].joined()
        let run = try CommandRun.fenci(["serve", "--stdio", "--corpus-dir", TestPaths.seeds.path], input: Array(input.utf8))
        var replies: [Int: [String: Any]] = [:]
        for line in run.stdoutText.split(separator: "\n") {
            let reply = try JSON.object(String(line))
            replies[reply["id"] as? Int ?? -1] = reply
        }
        let pair = try #require(replies[1]?["result"] as? [String: Any])
        #expect(pair["verdict"] as? String == "near-duplicate")
        let simhash = try #require(pair["simhash"] as? [String: Any])
        #expect((simhash["a"] as? String)?.count == 16 && (simhash["distance"] as? Int ?? 64) < 10)
        #expect((pair["shared"] as? [Any])?.count == 3 && (pair["onlyA"] as? [Any])?.count == 3)
        #expect((replies[2]?["result"] as? [String: Any])?["verdict"] as? String != "near-duplicate")
        #expect((replies[3]?["result"] as? [String: Any])?["verdict"] as? String == "duplicate")
        #expect((replies[4]?["result"] as? [String: Any])?["verdict"] as? String != "duplicate")
        #expect(JSON.errorField(replies[5] ?? [:]) == "b")
        let degenerate = try #require(replies[6]?["result"] as? [String: Any])
        #expect(degenerate["cosine"] as? Double == 0)
    }
}
