#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FenciSegmenter

/// A sentence chosen for a summary, with its TextRank score.
public struct ScoredSentence: Sendable, Equatable {
    public var sentence: Sentence
    public var score: Double
}

/// A summary: the chosen sentences in document order, their text joined, and keywords.
public struct Summary: Sendable {
    public var text: String
    public var sentences: [ScoredSentence]
    public var keywords: [Keyword]
}

/// Extractive summaries by TextRank over sentences.
///
/// Sentences are nodes; two sentences are linked by their word overlap normalised by length,
/// `|Si ∩ Sj| / (log |Si| + log |Sj|)` (TextRank's own measure), over the words jieba's keyword
/// filter keeps. PageRank (damping 0.85) runs until no score moves by more than 1e-9, or 500
/// rounds; ties go to the earlier sentence. Scores sum to 1.
public struct Summarizer: Sendable {
    public let keywords: KeywordExtractor

    public init(keywords: KeywordExtractor) {
        self.keywords = keywords
    }

    public enum KeywordMethod: String, Sendable, CaseIterable {
        case tfidf, textrank
    }

    /// Summarizes `text` into at most `sentenceCount` sentences and `keywordCount` keywords.
    public func summarize(_ text: String, sentences sentenceCount: Int, keywords keywordCount: Int,
                          keywordMethod: KeywordMethod = .tfidf) -> Summary {
        let sentences = SentenceSplitter.split(text)
        // One cut serves both the sentence graph and the TF-IDF keywords.
        let utf8 = Array(text.utf8)
        let tokens = keywords.segmenter.cut(text)
        let scores = rank(sentences, utf8: utf8, tokens: tokens)
        let chosen = sentences.indices
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .prefix(max(sentenceCount, 0))
            .sorted()
            .map { ScoredSentence(sentence: sentences[$0], score: scores[$0]) }
        let keywordList: [Keyword]
        switch keywordMethod {
        case .tfidf: keywordList = keywordCount > 0 ? keywords.tfidf(utf8: utf8, tokens: tokens, top: keywordCount) : []
        case .textrank: keywordList = keywordCount > 0 ? keywords.textRank(text, top: keywordCount) : []
        }
        return Summary(text: chosen.map(\.sentence.text).joined(), sentences: chosen, keywords: keywordList)
    }

    /// Words shared by more sentences than this link nothing (they behave like stop words);
    /// it bounds the work on very long documents, where a common word would otherwise link
    /// every pair of sentences.
    static let maximumSentencesPerWord = 500

    /// TextRank scores of the sentences (uniform when no two sentences share a word).
    func rank(_ sentences: [Sentence], utf8: [UInt8], tokens: [Token]) -> [Double] {
        let count = sentences.count
        guard count > 0 else { return [] }
        // Each word goes to the sentence containing it. Sentence ends are punctuation or line
        // breaks, which are tokens of their own, so no word straddles two sentences.
        var words = [Set<WordKey>](repeating: [], count: count)
        var sentence = 0
        keywords.forEachCandidate(utf8: utf8, tokens: tokens) { word, index in
            let start = tokens[index].utf8Start
            while sentence < count, sentences[sentence].span.utf8End <= start { sentence += 1 }
            if sentence < count, sentences[sentence].span.utf8Start <= start { words[sentence].insert(word) }
        }
        // Sparse links through an inverted index: sentence pairs that share a word.
        var postings: [WordKey: [Int]] = [:]
        for (index, set) in words.enumerated() { for word in set { postings[word, default: []].append(index) } }
        var links = [[(neighbour: Int, weight: Double)]](repeating: [], count: count)
        var shared = [Int](repeating: 0, count: count)
        var touched: [Int] = []
        for i in 0..<count {
            for word in words[i] {
                guard let list = postings[word], list.count <= Self.maximumSentencesPerWord else { continue }
                for j in list where j > i {
                    if shared[j] == 0 { touched.append(j) }
                    shared[j] += 1
                }
            }
            for j in touched {
                let norm = log(Double(words[i].count)) + log(Double(words[j].count))
                let similarity = norm > 0 ? Double(shared[j]) / norm : Double(shared[j])
                links[i].append((j, similarity))
                links[j].append((i, similarity))
                shared[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        let outSum = links.map { $0.reduce(0) { $0 + $1.weight } }
        let damping = 0.85
        var scores = [Double](repeating: 1 / Double(count), count: count)
        var next = scores
        for _ in 0..<500 {
            // Sentences with no links spread their score evenly (the random surfer's jump).
            var dangling = 0.0
            for i in 0..<count where outSum[i] == 0 { dangling += scores[i] }
            var change = 0.0
            for i in 0..<count {
                var sum = 0.0
                for link in links[i] { sum += link.weight / outSum[link.neighbour] * scores[link.neighbour] }
                next[i] = (1 - damping) / Double(count) + damping * (sum + dangling / Double(count))
                change = max(change, abs(next[i] - scores[i]))
            }
            swap(&scores, &next)
            if change < 1e-9 { break }
        }
        return scores
    }
}
