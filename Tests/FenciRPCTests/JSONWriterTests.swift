import FenciRPC
import Foundation
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    static func text(_ build: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        build(&writer)
        return String(decoding: writer.buffer, as: UTF8.self)
    }

    @Test("objects and arrays get commas in the right places")
    func structure() {
        let json = Self.text { writer in
            writer.beginObject()
            writer.key("a"); writer.integer(1)
            writer.key("b"); writer.beginArray(); writer.integer(-2); writer.bool(true); writer.null(); writer.beginObject(); writer.endObject(); writer.endArray()
            writer.key("c"); writer.string("无锡")
            writer.endObject()
        }
        #expect(json == #"{"a":1,"b":[-2,true,null,{}],"c":"无锡"}"#)
    }

    @Test("strings are escaped per RFC 8259 and parse back unchanged", arguments: [
        "plain", "quote\" backslash\\ slash/", "newline\n tab\t cr\r", "\u{0}\u{1}\u{1F}\u{7F}", "无锡😀", "",
    ])
    func escaping(value: String) throws {
        let json = Self.text { $0.string(value) }
        #expect(!json.contains("\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String
        #expect(parsed == value)
    }

    @Test("integers and doubles round trip; NaN and infinity become null", arguments: [
        (0.0, "0"), (-17.0, "-17"), (0.5, "0.5"), (1e-7, "1e-07"), (.nan, "null"), (.infinity, "null"),
    ])
    func numbers(value: Double, expected: String) {
        #expect(Self.text { $0.double(value) } == expected)
    }

    @Test("extreme integers are written exactly")
    func extremeIntegers() {
        #expect(Self.text { $0.integer(Int.max) } == "\(Int.max)")
        #expect(Self.text { $0.integer(Int.min) } == "\(Int.min)")
    }

    @Test("integers of every length are written exactly", arguments: [1, 9, 10, 99, 100, 12_345, -1, -10, -987_654_321, 1 << 40])
    func integerLengths(value: Int) {
        #expect(Self.text { $0.integer(value) } == "\(value)")
    }

    @Test("output far past the initial capacity stays intact, and drain appends it to an array")
    func growthAndDrain() throws {
        var writer = JSONWriter(reservingCapacity: 16)
        var expected: [Any] = []
        writer.beginArray()
        for index in 0..<5_000 {
            let text = "第\(index)个\"词\"\n"
            writer.string(text); writer.integer(index * 7919)
            expected.append(text); expected.append(index * 7919)
        }
        writer.endArray()
        var output = Array("prefix:".utf8)
        writer.drain(into: &output)
        #expect(output.starts(with: Array("prefix:".utf8)))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.dropFirst(7))) as? [Any])
        #expect(parsed.count == expected.count)
        #expect((parsed[9_998] as? String) == (expected[9_998] as? String))
        #expect((parsed[9_999] as? Int) == (expected[9_999] as? Int))
        #expect(writer.buffer.isEmpty)  // drained
        writer.integer(5)
        #expect(writer.takeBuffer() == Array("5".utf8))  // no comma left over from before the drain
    }

    @Test("a writer started from existing bytes continues after them")
    func startsFromBuffer() {
        var writer = JSONWriter(buffer: Array("[1]\n".utf8))
        writer.beginArray(); writer.integer(2); writer.endArray()
        #expect(String(decoding: writer.takeBuffer(), as: UTF8.self) == "[1]\n[2]")
    }
}
