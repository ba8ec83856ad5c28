import FenciRPC
import Testing

@Suite("JSONParser")
struct JSONParserTests {
    @Test("valid documents parse", arguments: [
        "null", "true", "false", "0", "-0", "12.5e-3", "1E+2", "\"\"", "\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\"", "\"\\u00e9\\ud83d\\ude00\"",
        "[]", "{}", " [1, [2, [3]], {\"a\": {\"b\": null}}] ", "\"无锡\"", "123456789012345678901234567890",
    ])
    func validDocuments(text: String) throws {
        _ = try JSONParser.parse(text)
    }

    @Test("invalid documents are rejected with a byte offset", arguments: [
        ("", 0), ("nul", 0), ("01", 1), ("1.", 2), ("-", 1), ("[1,]", 3), ("{\"a\" 1}", 5), ("{a:1}", 1), ("[1 2]", 3),
        ("\"abc", 4), ("\"\\x\"", 2), ("\"\\ud800\"", 7), ("\"\\udc00\"", 7), ("\"tab\there\"", 4), ("1 2", 2), ("NaN", 0), ("[", 1),
    ])
    func invalidDocuments(text: String, offset: Int) {
        #expect(throws: JSONParseError.self) { _ = try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.offset == offset, "\(text.debugDescription): \(error)")
        }
    }

    @Test("invalid UTF-8 inside a string is an error")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xE6, 0x97, 0xFF, 0x22]
        #expect(throws: JSONParseError.self) { _ = try JSONParser.parse(bytes) }
    }

    @Test("deep nesting is refused instead of overflowing the stack")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { _ = try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        _ = try JSONParser.parse(fine)
    }

    @Test("escapes decode to the right characters; objects keep order and the last duplicate wins")
    func values() throws {
        #expect(try JSONParser.parse("\"\\u00e9\\ud83d\\ude00\\n\"") == .string("é😀\n"))
        let object = try JSONParser.parse("{\"b\":1,\"a\":2,\"b\":3}")
        #expect(object["b"] == .integer(3))
        guard case let .object(members) = object else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "b"])
    }

    @Test("write(parse(x)) round trips, numbers keep their literal")
    func roundTrip() throws {
        for text in [#"{"a":[1,-2.50,1e3,true,null],"b":"无锡\n\"q\""}"#, #"[[],{},"",0]"#] {
            var writer = JSONWriter()
            writer.value(try JSONParser.parse(text))
            #expect(String(decoding: writer.buffer, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\\n"))
        }
    }
}
