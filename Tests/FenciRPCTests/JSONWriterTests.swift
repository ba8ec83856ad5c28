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
}
