import FenciAnalysis
import FenciRPC
import FenciSegmenter

/// `summarize`: the key sentences of a document, in document order, and its keywords.
enum SummarizeRequest {
    static let method = "summarize"

    static func handle(_ params: ParamsReader, service: Service, connection: ConnectionContext, into writer: inout JSONWriter) throws(RPCError) {
        let text = try service.documents.read(params.required("text"), field: "text")
        service.metrics.segmented(bytes: text.count)
        let sentenceCount = try params.integer("sentences", default: 3, range: 1...100)
        let keywordCount = try params.integer("keywords", default: 10, range: 0...200)
        let methodName = try params.choice("keywordMethod", default: "tfidf", allowed: Summarizer.KeywordMethod.allCases.map(\.rawValue))
        let keywordMethod = Summarizer.KeywordMethod(rawValue: methodName)!  // `choice` returned a raw value
        let encoding = try PositionEncodingParameter.read(params, default: connection.positionEncoding)
        let summary = try service.analysis().summarizer.summarize(
            String(decoding: text, as: UTF8.self), sentences: sentenceCount, keywords: keywordCount, keywordMethod: keywordMethod)

        writer.beginObject()
        writer.key("summary"); writer.string(summary.text)
        writer.key("sentences")
        writer.beginArray()
        for chosen in summary.sentences {
            writer.beginObject()
            writer.key("text"); writer.string(chosen.sentence.text)
            writer.key("index"); writer.integer(chosen.sentence.index)
            writer.key("start"); writer.integer(encoding.start(of: chosen.sentence.span))
            writer.key("end"); writer.integer(encoding.end(of: chosen.sentence.span))
            writer.key("score"); writer.double(chosen.score)
            writer.endObject()
        }
        writer.endArray()
        writer.key("keywords")
        KeywordList.write(summary.keywords, into: &writer)
        writer.key("positionEncoding"); writer.string(encoding.rawValue)
        writer.endObject()
    }
}

/// `[{"word", "weight"}, …]`, shared by summarize and compare.
enum KeywordList {
    static func write(_ keywords: [Keyword], into writer: inout JSONWriter) {
        writer.beginArray()
        for keyword in keywords {
            writer.beginObject()
            writer.key("word"); writer.string(keyword.word)
            writer.key("weight"); writer.double(keyword.weight)
            writer.endObject()
        }
        writer.endArray()
    }
}
