import FenciRPC
import Testing

@Suite("Framing")
struct FramerTests {
    static func contentLength(_ body: String, header: String = "Content-Length") -> [UInt8] {
        Array("\(header): \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    /// Feeds `bytes` in pieces of `step` and collects every event.
    static func events(_ bytes: [UInt8], step: Int, maximum: Int = 1 << 20) throws -> [FrameEvent] {
        var framer = MessageFramer(maximumMessageBytes: maximum)
        var events: [FrameEvent] = []
        var index = 0
        while index < bytes.count {
            let end = min(index + step, bytes.count)
            bytes[index..<end].withUnsafeBytes { framer.append($0) }
            while let event = try framer.next() { events.append(event) }
            index = end
        }
        return events
    }

    static let bodies = [#"{"jsonrpc":"2.0","id":1,"method":"a"}"#, #"{"jsonrpc":"2.0","id":2,"method":"无锡"}"#]

    @Test("Content-Length messages arrive whole however the bytes are split", arguments: [1, 2, 3, 7, 1000])
    func contentLengthSplits(step: Int) throws {
        let stream = Self.contentLength(Self.bodies[0]) + Array("\r\n".utf8) + Self.contentLength(Self.bodies[1], header: "content-length")
        #expect(try Self.events(stream, step: step) == Self.bodies.map { .message(Array($0.utf8)) })
    }

    @Test("other headers are ignored and whitespace before headers is skipped")
    func extraHeaders() throws {
        let body = Self.bodies[0]
        let stream = Array("\r\n  Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:\(body.utf8.count)\r\n\r\n\(body)".utf8)
        #expect(try Self.events(stream, step: 5) == [.message(Array(body.utf8))])
    }

    @Test("a too-large Content-Length is reported, its body skipped, and the next message still read")
    func tooLarge() throws {
        let big = String(repeating: "x", count: 5000)
        let stream = Self.contentLength(big) + Self.contentLength(Self.bodies[0])
        #expect(try Self.events(stream, step: 333, maximum: 1000) == [.tooLarge(declaredBytes: 5000), .message(Array(Self.bodies[0].utf8))])
    }

    @Test("unreadable headers are framing errors", arguments: [
        "Content-Length: -5\r\n\r\n", "Content-Length: abc\r\n\r\n", "Content-Type: x\r\n\r\n{}", "NoColonHere\r\n\r\n", "Content-Length: 99999999999999999999\r\n\r\n",
    ])
    func badHeaders(header: String) {
        #expect(throws: FramingError.self) { _ = try Self.events(Array(header.utf8), step: 4) }
    }

    @Test("a header block that never ends is an error once past the limit")
    func endlessHeader() {
        let header = "Content-Length: 5\r\nX-Junk: " + String(repeating: "a", count: 10_000)
        #expect(throws: FramingError.self) { _ = try Self.events(Array(header.utf8), step: 512) }
    }

    @Test("line framing: CRLF, blank lines, partial lines held until their newline", arguments: [1, 4, 1000])
    func lines(step: Int) throws {
        let stream = Array(("\n" + Self.bodies[0] + "\r\n\n  \n" + Self.bodies[1] + "\n" + "[1]").utf8)
        #expect(try Self.events(stream, step: step) == Self.bodies.map { .message(Array($0.utf8)) })
    }

    @Test("a too-long line is reported once and skipped; the next line is read")
    func longLine() throws {
        let stream = Array(("{" + String(repeating: "x", count: 5000) + "}\n" + Self.bodies[0] + "\n").utf8)
        for step in [100, 10_000] {
            #expect(try Self.events(stream, step: step, maximum: 1000).count == 2)
            #expect(try Self.events(stream, step: step, maximum: 1000).last == .message(Array(Self.bodies[0].utf8)))
        }
    }

    @Test("a 1 MB message in 4 KiB chunks")
    func bigMessage() throws {
        let body = "{\"text\":\"" + String(repeating: "无锡物联网", count: 70_000) + "\"}"
        let events = try Self.events(Self.contentLength(body), step: 4096, maximum: 64 << 20)
        #expect(events == [.message(Array(body.utf8))])
    }

    @Test("replies are framed as the connection was")
    func replyFraming() {
        #expect(ContentLengthFramer.frame(Array("{}".utf8)) == Array("Content-Length: 2\r\n\r\n{}".utf8))
        #expect(LineFramer.frame(Array("{}".utf8)) == Array("{}\n".utf8))
    }
}
