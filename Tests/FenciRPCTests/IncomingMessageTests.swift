import FenciRPC
import Testing

@Suite("JSON-RPC messages")
struct IncomingMessageTests {
    static func decode(_ text: String) -> DecodedFrame { DecodedFrame(body: Array(text.utf8)) }

    @Test("requests and notifications decode; ids of every type are kept exactly", arguments: [
        (#"{"jsonrpc":"2.0","id":1,"method":"m"}"#, RequestID.number("1")),
        (#"{"jsonrpc":"2.0","id":-5,"method":"m"}"#, .number("-5")),
        (#"{"jsonrpc":"2.0","id":1.50,"method":"m"}"#, .number("1.50")),
        (#"{"jsonrpc":"2.0","id":1e3,"method":"m"}"#, .number("1e3")),
        (#"{"jsonrpc":"2.0","id":"abc","method":"m","params":{}}"#, .string("abc")),
        (#"{"jsonrpc":"2.0","id":null,"method":"m","params":[]}"#, .null),
    ])
    func requests(text: String, id: RequestID) {
        guard case let .single(.request(decodedID, method, _)) = Self.decode(text) else {
            Issue.record("not a request: \(text)")
            return
        }
        #expect(decodedID == id && method == "m")
        var writer = JSONWriter()
        writer.id(decodedID)
        #expect(text.contains(String(decoding: writer.buffer, as: UTF8.self)))
    }

    @Test("a message without id is a notification")
    func notification() {
        #expect(Self.decode(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#) == .single(.notification(method: "initialized", params: .object([]))))
    }

    @Test("invalid request objects get -32600, keeping the id when it is valid", arguments: [
        (#"{"jsonrpc":"1.0","id":7,"method":"m"}"#, RequestID.number("7")),
        (#"{"id":7,"method":"m"}"#, .number("7")),
        (#"{"jsonrpc":"2.0","id":"x","method":3}"#, .string("x")),
        (#"{"jsonrpc":"2.0","id":"x","method":"m","params":"str"}"#, .string("x")),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"m"}"#, .null),
        (#"{"jsonrpc":"2.0","id":true,"method":"m"}"#, .null),
        (#"{"jsonrpc":"2.0","method":1,"params":"bar"}"#, .null),
        ("5", .null),
    ])
    func invalidRequests(text: String, id: RequestID) {
        guard case let .single(.invalid(decodedID, error)) = Self.decode(text) else {
            Issue.record("not invalid: \(text)")
            return
        }
        #expect(decodedID == id)
        #expect(error.code == .invalidRequest)
    }

    @Test("bytes that are not JSON are -32700")
    func parseError() {
        guard case let .failure(error) = Self.decode("{\"jsonrpc\":") else { Issue.record("no failure"); return }
        #expect(error.code == .parseError)
    }

    @Test("batches: empty is one -32600; elements are validated one by one")
    func batches() {
        guard case let .failure(error) = Self.decode("[]") else { Issue.record("no failure"); return }
        #expect(error.code == .invalidRequest)
        guard case let .batch(messages) = Self.decode(#"[{"jsonrpc":"2.0","id":1,"method":"a"},1,{"jsonrpc":"2.0","method":"n"}]"#) else {
            Issue.record("not a batch")
            return
        }
        #expect(messages.count == 3)
        if case .invalid(.null, let error) = messages[1] { #expect(error.code == .invalidRequest) } else { Issue.record("element 2 not invalid") }
        #expect(messages[2] == .notification(method: "n", params: nil))
    }

    @Test("responses: result, error with data, and batch arrays")
    func responses() {
        let result = ResponseEncoder.result(id: .number("1e3")) { $0.null() }
        #expect(String(decoding: result, as: UTF8.self) == #"{"jsonrpc":"2.0","id":1e3,"result":null}"#)
        let error = ResponseEncoder.error(id: .string("a"), .invalidParams(field: "mode", "bad mode"))
        #expect(String(decoding: error, as: UTF8.self) == #"{"jsonrpc":"2.0","id":"a","error":{"code":-32602,"message":"bad mode","data":{"field":"mode"}}}"#)
        #expect(ResponseEncoder.batch([Array("1".utf8), Array("2".utf8)]) == Array("[1,2]".utf8))
    }

    @Test("params: typed getters name the field; positional params are refused")
    func params() throws {
        let reader = try ParamsReader(try JSONParser.parse(#"{"n":3,"s":"x","b":true,"f":1.5}"#))
        #expect(try reader.integer("n", default: 0, range: 1...5) == 3)
        #expect(try reader.string("s", default: "") == "x")
        #expect(try reader.bool("b", default: false))
        #expect(try reader.integer("missing", default: 9, range: 0...10) == 9)
        for (field, call) in [("n", { _ = try reader.integer("n", default: 0, range: 4...5) }), ("f", { _ = try reader.integer("f", default: 0, range: 0...5) }),
                              ("s", { _ = try reader.bool("s", default: false) }), ("s", { _ = try reader.choice("s", default: "a", allowed: ["a", "b"]) }),
                              ("x", { _ = try reader.required("x") })] as [(String, () throws -> Void)] {
            do {
                try call()
                Issue.record("no error for \(field)")
            } catch let error as RPCError {
                #expect(error.code == .invalidParams && error.data?["field"] == .string(field))
            }
        }
        #expect(throws: RPCError.self) { _ = try ParamsReader(.array([])) }
    }
}
