import FenciRPC
import FenciSegmenter

/// `tokenize`: words with offsets (or just words) of a document.
enum TokenizeRequest {
    static let method = "tokenize"

    static func handle(_ params: ParamsReader, service: Service, connection: ConnectionContext,
                       scratch: inout CutScratch, tokens: inout [Token], into writer: inout JSONWriter) throws(RPCError) {
        let text = try service.documents.read(params.required("text"), field: "text")
        service.metrics.segmented(bytes: text.count)
        let mode = try CutMode(rawValue: params.choice("mode", default: "default", allowed: CutMode.allCases.map(\.rawValue)))!
        // ^ safe: `choice` only returns one of the allowed raw values.
        let options = CutOptions(mode: mode, hmm: try params.bool("hmm", default: true), pos: try params.bool("pos", default: false))
        let format = try params.choice("format", default: "tokens", allowed: ["tokens", "words"])
        let encoding = try PositionEncodingParameter.read(params, default: connection.positionEncoding)

        text.withUnsafeBufferPointer { service.segmenter.cut(utf8: $0, options: options, scratch: &scratch, into: &tokens) }
        text.withUnsafeBufferPointer { bytes in
            writer.beginObject()
            if format == "words" {
                writer.key("words")
                writer.beginArray()
                for token in tokens { writer.string(utf8: UnsafeBufferPointer(rebasing: bytes[token.utf8Range])) }
                writer.endArray()
            } else {
                writer.key("tokens")
                writer.beginArray()
                for token in tokens {
                    writer.beginObject()
                    writer.key("text"); writer.string(utf8: UnsafeBufferPointer(rebasing: bytes[token.utf8Range]))
                    writer.key("start"); writer.integer(encoding.start(of: token))
                    writer.key("end"); writer.integer(encoding.end(of: token))
                    if options.pos, let tag = service.segmenter.tagName(token.tag) {
                        writer.key("pos"); writer.string(tag)
                    }
                    writer.endObject()
                }
                writer.endArray()
                writer.key("positionEncoding"); writer.string(encoding.rawValue)
            }
            writer.endObject()
        }
    }
}

/// The `positionEncoding` parameter every method with offsets takes.
enum PositionEncodingParameter {
    static func read(_ params: ParamsReader, default defaultEncoding: PositionEncoding) throws(RPCError) -> PositionEncoding {
        let name = try params.choice("positionEncoding", default: defaultEncoding.rawValue, allowed: PositionEncoding.allCases.map(\.rawValue))
        return PositionEncoding(rawValue: name)!  // `choice` returned one of the raw values
    }
}
