import FenciAnalysis
import FenciSegmenter

/// Builds the analysis tools over the built-in data: jieba's IDF table and OpenCC's
/// Traditional→Simplified tables (parsing both takes ~0.2 s, so servers do it off the
/// start-up path).
public enum AnalysisLoader {
    /// The keyword extractor, summarizer and comparer for a segmenter.
    public struct Tools: Sendable {
        public let keywords: KeywordExtractor
        public let summarizer: Summarizer
        public let comparer: DocumentComparer
    }

    public static func load(segmenter: Segmenter) throws -> Tools {
        let idf = try IDFTable(parsing: BuiltinData.idf.text(), source: BuiltinData.idf.name)
        let normalizer = try TextNormalizer(phrases: BuiltinData.traditionalToSimplifiedPhrases.text(),
                                            characters: BuiltinData.traditionalToSimplifiedCharacters.text(),
                                            source: "built-in OpenCC")
        let keywords = KeywordExtractor(segmenter: segmenter, idf: idf)
        return Tools(keywords: keywords, summarizer: Summarizer(keywords: keywords),
                     comparer: DocumentComparer(keywords: keywords, normalizer: normalizer))
    }
}
