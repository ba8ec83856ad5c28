import Foundation
import Testing
import TestSupport

/// `fenci serve --stdio`, driven as an editor drives it.
@Suite("serve --stdio")
struct StdioServeTests {
    static func frames(_ requests: [[UInt8]]) -> [UInt8] { requests.flatMap { $0 } }

    static func notification(_ method: String) -> [UInt8] {
        let body = #"{"jsonrpc":"2.0","method":"\#(method)"}"#
        return Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    @Test("LSP framing: initialize negotiates the encoding, tokenize uses it, shutdown + exit leaves with 0")
    func lifecycle() throws {
        let input = Self.frames([
            try JSON.framed(id: 1, method: "initialize", params: ["positionEncodings": ["utf-32", "utf-16"], "clientInfo": ["name": "test"]]),
            Self.notification("initialized"),
            try JSON.framed(id: 2, method: "tokenize", params: ["text": "a😀无锡", "pos": true]),
            try JSON.framed(id: 3, method: "shutdown"),
            Self.notification("exit"),
        ])
        let run = try CommandRun.fenci(["serve", "--stdio"], input: input)
        #expect(run.status == 0, "\(run.stderr)")
        let frames = try #require(ContentLengthParsing.frames(run.stdout), "stdout holds only Content-Length frames")
        #expect(frames.count == 3)
        let initialize = try JSON.object(frames[0])
        let result = try #require(initialize["result"] as? [String: Any])
        #expect(result["positionEncoding"] as? String == "utf-32")
        #expect((result["serverInfo"] as? [String: Any])?["name"] as? String == "fenci")
        #expect(((result["capabilities"] as? [String: Any])?["methods"] as? [String])?.contains("tokenize") == true)
        #expect(((result["dictionary"] as? [String: Any])?["words"] as? Int ?? 0) > 340_000)
        let tokens = try #require((try JSON.object(frames[1])["result"] as? [String: Any])?["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["text"] as? String } == ["a", "😀", "无锡"])
        #expect(tokens.map { $0["start"] as? Int } == [0, 1, 2])
        #expect(tokens.map { $0["end"] as? Int } == [1, 2, 4])
        #expect(tokens.last?["pos"] as? String == "ns")
        let shutdown = try JSON.object(frames[2])
        #expect(shutdown["id"] as? Int == 3 && shutdown.keys.contains("result") && shutdown["result"] is NSNull)
    }

    @Test("exit without shutdown leaves with 1; closing stdin leaves with 0")
    func exitCodes() throws {
        #expect(try CommandRun.fenci(["serve", "--stdio"], input: Self.notification("exit")).status == 1)
        let run = try CommandRun.fenci(["serve", "--stdio"], input: try JSON.framed(id: 1, method: "status"))
        #expect(run.status == 0)
        let status = try #require(try JSON.object(ContentLengthParsing.frames(run.stdout)?.first ?? "")["result"] as? [String: Any])
        #expect(status["status"] as? String == "ok")
        #expect(status["version"] is String && status["uptimeSeconds"] is Double && status["requestsServed"] is Int && status["inFlight"] is Int)
    }

    @Test("newline-delimited JSON: batches keep order, notifications get nothing, errors carry the spec's codes")
    func lineFramedErrors() throws {
        let input = [
            #"[{"jsonrpc":"2.0","id":"b1","method":"tokenize","params":{"text":"无锡","format":"words"}},{"jsonrpc":"2.0","method":"initialized"},{"jsonrpc":"2.0","id":"b2","method":"nope"},7]"#,
            #"[{"jsonrpc":"2.0","method":"initialized"},{"jsonrpc":"2.0","method":"tokenize","params":{"text":"x"}}]"#,
            "[]",
            "{not json",
            #"{"jsonrpc":"2.0","id":5,"method":"tokenize","params":{"text":"x","mode":"fast"}}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"tokenize","params":{"text":"x","hmm":"yes"}}"#,
            #"{"jsonrpc":"2.0","id":7,"method":"tokenize","params":["x"]}"#,
            #"{"jsonrpc":"2.0","id":8,"method":"tokenize","params":{}}"#,
            #"{"jsonrpc":"2.0","id":9,"method":"tokenize","params":{"text":42}}"#,
            #"{"jsonrpc":"2.0","id":10,"method":"tokenize","params":{"text":"x","positionEncoding":"utf-7"}}"#,
            #"{"jsonrpc":"1.0","id":11,"method":"status"}"#,
            #"{"jsonrpc":"2.0","method":"nope"}"#,
        ].joined(separator: "\n") + "\n"
        let run = try CommandRun.fenci(["serve", "--stdio"], input: Array(input.utf8))
        #expect(run.status == 0)
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.count == 10, "\(run.stdoutText)")
        var byID: [String: [String: Any]] = [:]
        for line in lines where line.hasPrefix("{") {
            let reply = try JSON.object(line)
            byID["\(reply["id"] ?? "null")"] = reply
        }
        let batch = try JSON.array(try #require(lines.first { $0.hasPrefix("[") }))
        #expect(batch.map { "\($0["id"] ?? "null")" } == ["b1", "b2", "<null>"])
        #expect(JSON.errorCode(batch[1]) == -32601)
        #expect(JSON.errorCode(batch[2]) == -32600)
        let nullReplies = lines.filter { $0.contains(#""id":null"#) && $0.hasPrefix("{") }.map { try? JSON.object($0) }
        #expect(Set(nullReplies.compactMap { $0.flatMap(JSON.errorCode) }) == [-32600, -32700])
        #expect(JSON.errorCode(byID["5"] ?? [:]) == -32602 && JSON.errorField(byID["5"] ?? [:]) == "mode")
        #expect(JSON.errorField(byID["6"] ?? [:]) == "hmm")
        #expect(JSON.errorField(byID["7"] ?? [:]) == "params")
        #expect(JSON.errorField(byID["8"] ?? [:]) == "text")
        #expect(JSON.errorField(byID["9"] ?? [:]) == "text")
        #expect(JSON.errorField(byID["10"] ?? [:]) == "positionEncoding")
        #expect(JSON.errorCode(byID["11"] ?? [:]) == -32600)
    }

    @Test("invalid UTF-8 in a message is -32700; a document with invalid UTF-8 is -32011; the stream goes on")
    func invalidUTF8() throws {
        var input = Array(#"{"jsonrpc":"2.0","id":1,"method":"tokenize","params":{"text":"无"#.utf8) + [0xFF, 0xFE] + Array("\"}}\n".utf8)
        let gzipped = Data([0xE6, 0x97, 0xFF]).base64EncodedString()
        input += Array((#"{"jsonrpc":"2.0","id":2,"method":"tokenize","params":{"text":{"data":"\#(gzipped)","encoding":"identity"}}}"# + "\n").utf8)
        input += Array(try JSON.request(id: 3, method: "status").utf8)
        let run = try CommandRun.fenci(["serve", "--stdio"], input: input)
        let replies = try run.stdoutText.split(separator: "\n").map { try JSON.object(String($0)) }
        #expect(replies.count == 3)
        #expect(replies.contains { $0["id"] is NSNull && JSON.errorCode($0) == -32700 })
        #expect(replies.contains { $0["id"] as? Int == 2 && JSON.errorCode($0) == -32011 && JSON.errorField($0) == "text" })
        #expect(replies.contains { $0["id"] as? Int == 3 && $0["result"] != nil })
    }

    @Test("a stray print cannot reach the protocol stream: stdout holds frames only, logs go to stderr")
    func stdoutIsProtocolOnly() throws {
        let input = Self.frames([try JSON.framed(id: 1, method: "tokenize", params: ["text": "无锡"]), try JSON.framed(id: 2, method: "nope")])
        let run = try CommandRun.fenci(["serve", "--stdio", "--log-level", "debug"], input: input)
        #expect(ContentLengthParsing.frames(run.stdout)?.count == 2)
        #expect(run.stderr.contains("serving"))
    }

    @Test("$/cancelRequest answers a queued request with -32800")
    func cancel() throws {
        let big = String(repeating: "无锡物联网创新促进中心领导小组会议召开。", count: 150_000)  // ≈ 9 MB: keeps the one worker busy
        let input = [
            try JSON.request(id: 1, method: "tokenize", params: ["text": big, "format": "words"]),
            try JSON.request(id: 2, method: "tokenize", params: ["text": "无锡"]),
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}"# + "\n",
        ].joined()
        let run = try CommandRun.fenci(["serve", "--stdio", "--workers", "1"], input: Array(input.utf8))
        let replies = try run.stdoutText.split(separator: "\n").map { try JSON.object(String($0)) }
        #expect(replies.count == 2)
        let second = try #require(replies.first { $0["id"] as? Int == 2 })
        #expect(JSON.errorCode(second) == -32800)
        #expect(replies.contains { $0["id"] as? Int == 1 && $0["result"] != nil })
    }

    @Test("a message just under --max-message-bytes is served; one over gets -32010 and the stream goes on")
    func messageLimits() throws {
        let padding = String(repeating: " ", count: 64 * 1024 * 1024 - 200)
        let nearLimit = #"{"jsonrpc":"2.0","id":1,"method":"status""# + padding + "}"
        let tooBig = #"{"jsonrpc":"2.0","id":2,"method":"status""# + padding + "  " + String(repeating: " ", count: 400) + "}"
        let input = Array("Content-Length: \(nearLimit.utf8.count)\r\n\r\n\(nearLimit)Content-Length: \(tooBig.utf8.count)\r\n\r\n\(tooBig)".utf8)
            + (try JSON.framed(id: 3, method: "status"))
        let run = try CommandRun.fenci(["serve", "--stdio"], input: input)
        let frames = try #require(ContentLengthParsing.frames(run.stdout)).map { try JSON.object($0) }
        #expect(frames.count == 3)
        #expect(frames.contains { $0["id"] as? Int == 1 && $0["result"] != nil })
        #expect(frames.contains { $0["id"] is NSNull && JSON.errorCode($0) == -32010 })
        #expect(frames.contains { $0["id"] as? Int == 3 && $0["result"] != nil })
    }

    @Test("at the default log level each error is logged once and successful requests not at all")
    func oneLogLinePerError() throws {
        let good = try JSON.request(id: 1, method: "tokenize", params: ["text": "无锡物联网"])
        let bad = try JSON.request(id: 2, method: "tokenize", params: ["text": 5])
        let run = try CommandRun.fenci(["serve", "--stdio"], input: Array((good + good + bad + "xx\n").utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains("request failed") }.count == 1)
        #expect(lines.contains { $0.contains("request failed") && $0.contains("code=-32602") && $0.contains("method=tokenize") })
        #expect(lines.filter { $0.contains("message rejected") && $0.contains("code=-32700") }.count == 1)
        #expect(lines.count == 4, "serving…, the two errors, stdin closed: \(lines)")
    }
}
