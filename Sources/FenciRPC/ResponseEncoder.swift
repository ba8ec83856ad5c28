/// Encodes JSON-RPC replies straight into bytes.
public enum ResponseEncoder {
    /// `{"jsonrpc":"2.0","id":…,"result":…}`; `writeResult` writes the result value.
    public static func result(id: RequestID, _ writeResult: (inout JSONWriter) throws -> Void) rethrows -> [UInt8] {
        var writer = envelope(id: id)
        writer.key("result")
        try writeResult(&writer)
        writer.endObject()
        return writer.takeBuffer()
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{"code","message","data"?}}`.
    public static func error(id: RequestID, _ error: RPCError) -> [UInt8] {
        var writer = envelope(id: id)
        writer.key("error")
        writer.error(error)
        writer.endObject()
        return writer.takeBuffer()
    }

    /// `{"jsonrpc":"2.0","id":…` — the part every response shares; the object is left open.
    private static func envelope(id: RequestID) -> JSONWriter {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("jsonrpc")
        writer.string("2.0")
        writer.key("id")
        writer.id(id)
        return writer
    }

    /// A batch reply: the responses as one JSON array, in the given order.
    public static func batch(_ responses: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, response) in responses.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: response)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
