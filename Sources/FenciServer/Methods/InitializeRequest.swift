import FenciRPC
import FenciSegmenter

/// `initialize`: negotiates the position encoding and describes the server.
enum InitializeRequest {
    static let method = "initialize"

    /// The first offered encoding the server supports (all three are); `utf-16` when none is
    /// offered, as LSP specifies.
    static func handle(_ params: ParamsReader, service: Service, connection: ConnectionContext, into writer: inout JSONWriter) throws(RPCError) {
        var chosen = PositionEncoding.utf16
        if let offered = params.value("positionEncodings") {
            guard case let .array(values) = offered else {
                throw RPCError.invalidParams(field: "positionEncodings", "\"positionEncodings\" must be an array of strings")
            }
            let names = values.compactMap { value -> String? in
                if case let .string(name) = value { return name }
                return nil
            }
            guard names.count == values.count else {
                throw RPCError.invalidParams(field: "positionEncodings", "\"positionEncodings\" must be an array of strings")
            }
            if let first = names.lazy.compactMap(PositionEncoding.init(rawValue:)).first { chosen = first }
        }
        if let info = params.value("clientInfo"), case .object = info {} else if params.value("clientInfo") != nil {
            throw RPCError.invalidParams(field: "clientInfo", "\"clientInfo\" must be an object")
        }
        connection.positionEncoding = chosen
        writer.beginObject()
        writer.key("serverInfo")
        writer.beginObject()
        writer.key("name"); writer.string("fenci")
        writer.key("version"); writer.string(Service.version)
        writer.endObject()
        writer.key("positionEncoding"); writer.string(chosen.rawValue)
        writer.key("capabilities")
        writer.beginObject()
        writer.key("methods")
        writer.beginArray()
        for name in Service.methods { writer.string(name) }
        writer.endArray()
        writer.endObject()
        writer.key("dictionary")
        writer.beginObject()
        writer.key("words"); writer.integer(service.segmenter.wordCount)
        writer.key("source"); writer.string(service.dictionarySource)
        writer.endObject()
        writer.endObject()
    }
}
