import FenciAnalysis
import FenciRPC

/// `compare`: how similar two documents are, and why.
enum CompareRequest {
    static let method = "compare"

    static func handle(_ params: ParamsReader, service: Service, into writer: inout JSONWriter) throws(RPCError) {
        let a = try service.documents.read(params.required("a"), field: "a")
        let b = try service.documents.read(params.required("b"), field: "b")
        service.metrics.segmented(bytes: a.count + b.count)
        let normalize = try params.bool("normalize", default: true)
        let top = try params.integer("top", default: 10, range: 0...1000)
        let comparison = try service.analysis().comparer.compare(
            String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self), normalize: normalize, top: top)

        writer.beginObject()
        writer.key("cosine"); writer.double(comparison.cosine)
        writer.key("jaccard"); writer.double(comparison.jaccard)
        writer.key("simhash")
        writer.beginObject()
        writer.key("a"); writer.string(comparison.simhashA.hex)
        writer.key("b"); writer.string(comparison.simhashB.hex)
        writer.key("distance"); writer.integer(comparison.simhashDistance)
        writer.endObject()
        writer.key("verdict"); writer.string(comparison.verdict.rawValue)
        writer.key("shared"); KeywordList.write(comparison.shared, into: &writer)
        writer.key("onlyA"); KeywordList.write(comparison.onlyA, into: &writer)
        writer.key("onlyB"); KeywordList.write(comparison.onlyB, into: &writer)
        writer.endObject()
    }
}
