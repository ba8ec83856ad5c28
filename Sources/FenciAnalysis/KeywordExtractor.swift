import FenciSegmenter

/// A keyword and its weight.
public struct Keyword: Sendable, Equatable {
    public var word: String
    public var weight: Double

    public init(word: String, weight: Double) {
        self.word = word
        self.weight = weight
    }
}

/// Keywords of a text, as jieba.analyse extracts them: TF-IDF (`extract_tags`) and TextRank
/// (`textrank`), with jieba's stop words and filters, ties kept in first-occurrence order.
public struct KeywordExtractor: Sendable {
    public let segmenter: Segmenter
    public let idf: IDFTable

    /// jieba.analyse's stop words (English function words; Chinese ones are filtered by length).
    public static let stopWords: Set<String> = [
        "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with",
        "can", "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or",
    ]

    /// TextRank's part-of-speech filter and co-occurrence window, as jieba's defaults.
    public static let textRankTags: Set<String> = ["ns", "n", "vn", "v"]
    public static let textRankWindow = 5
    public static let damping = 0.85

    public init(segmenter: Segmenter, idf: IDFTable) {
        self.segmenter = segmenter
        self.idf = idf
    }

    /// jieba's keyword filter: at least two characters once whitespace is stripped, and not
    /// a stop word (case-insensitively).
    static func isCandidate(_ word: String) -> Bool {
        isCandidate(utf8: Array(word.utf8)[...])
    }

    static func isCandidate(utf8 word: ArraySlice<UInt8>) -> Bool {
        var visible = 0
        var ascii = true
        for scalar in String(decoding: word, as: UTF8.self).unicodeScalars {
            if !ScalarClass.isPythonWhitespace(scalar.value) { visible += 1 }
            if scalar.value >= 0x80 { ascii = false }
            if visible >= 2 && !ascii { return true }
        }
        // Stop words are ASCII, so only ASCII words need the (allocating) lowercase check.
        return visible >= 2 && !(ascii && stopWords.contains(String(decoding: word, as: UTF8.self).lowercased()))
    }

    /// Calls `body` with each word of the default cut that passes the keyword filter.
    func forEachCandidate(in text: String, _ body: (WordKey) -> Void) {
        let utf8 = Array(text.utf8)
        forEachCandidate(utf8: utf8, tokens: segmenter.cut(text)) { word, _ in body(word) }
    }

    /// The same over an existing cut: `body` gets each passing word and its token index.
    func forEachCandidate(utf8: [UInt8], tokens: [Token], _ body: (WordKey, Int) -> Void) {
        for (index, token) in tokens.enumerated() {
            let word = utf8[token.utf8Range]
            if Self.isCandidate(utf8: word) { body(WordKey(word), index) }
        }
    }

    /// `jieba.analyse.extract_tags(text, topK, withWeight=True)`: term frequency × IDF over
    /// the default cut, normalised by the number of counted words.
    public func tfidf(_ text: String, top: Int) -> [Keyword] {
        tfidf(utf8: Array(text.utf8), tokens: segmenter.cut(text), top: top)
    }

    /// TF-IDF keywords over an existing default cut of `utf8`.
    func tfidf(utf8: [UInt8], tokens: [Token], top: Int) -> [Keyword] {
        var candidates: [WordKey] = []
        forEachCandidate(utf8: utf8, tokens: tokens) { word, _ in candidates.append(word) }
        return tfidf(candidates: candidates, top: top)
    }

    /// TF-IDF keywords over the candidate words of a text, in text order.
    func tfidf(candidates: [WordKey], top: Int) -> [Keyword] {
        var order: [WordKey] = []
        var counts: [WordKey: Double] = [:]
        for word in candidates {
            if counts[word] == nil { order.append(word) }
            counts[word, default: 0] += 1
        }
        var total = 0.0
        for word in order { total += counts[word]! }  // every word in `order` was counted
        let scored = order.map { Keyword(word: $0.string, weight: counts[$0]! * (idf[$0] / total)) }
        return Array(Self.rank(scored).prefix(top))
    }

    /// Sorts by weight, descending; equal weights keep their order (Python's stable sort).
    static func rank(_ keywords: [Keyword]) -> [Keyword] {
        keywords.enumerated().sorted { lhs, rhs in
            lhs.element.weight != rhs.element.weight ? lhs.element.weight > rhs.element.weight : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
