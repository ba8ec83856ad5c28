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
        var candidates: [(word: WordKey, token: Int)] = []
        keywords.forEachCandidate(utf8: utf8, tokens: tokens) { candidates.append(($0, $1)) }
        let scores = rank(sentences, tokens: tokens, candidates: candidates)
        let chosen = sentences.indices
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .prefix(max(sentenceCount, 0))
            .sorted()
            .map { ScoredSentence(sentence: sentences[$0], score: scores[$0]) }
        let keywordList: [Keyword]
        switch keywordMethod {
        case .tfidf: keywordList = keywordCount > 0 ? keywords.tfidf(candidates: candidates.map(\.word), top: keywordCount) : []
        case .textrank: keywordList = keywordCount > 0 ? keywords.textRank(text, top: keywordCount) : []
        }
        return Summary(text: chosen.map(\.sentence.text).joined(), sentences: chosen, keywords: keywordList)
    }

    /// Words shared by more sentences than this link nothing (they behave like stop words);
    /// it bounds the work on very long documents, where a common word would otherwise link
    /// every pair of sentences.
    static let maximumSentencesPerWord = 500

    /// TextRank scores of the sentences (uniform when no two sentences share a word).
    func rank(_ sentences: [Sentence], tokens: [Token], candidates: [(word: WordKey, token: Int)]) -> [Double] {
        let count = sentences.count
        guard count > 0 else { return [] }
        // Each word goes to the sentence containing it. Sentence ends are punctuation or line
        // breaks, which are tokens of their own, so no word straddles two sentences. Words are
        // numbered once (one hash per token); everything after works on those numbers.
        var termOf: [WordKey: Int32] = [:]
        var sentenceTerms = [[Int32]](repeating: [], count: count)
        var sentence = 0
        for (word, index) in candidates {
            let start = tokens[index].utf8Start
            while sentence < count, sentences[sentence].span.utf8End <= start { sentence += 1 }
            guard sentence < count, sentences[sentence].span.utf8Start <= start else { continue }
            let term: Int32
            if let known = termOf[word] {
                term = known
            } else {
                term = Int32(termOf.count)
                termOf[word] = term
            }
            sentenceTerms[sentence].append(term)
        }
        for index in sentenceTerms.indices { sentenceTerms[index] = Array(Set(sentenceTerms[index])) }
        // Sparse links through an inverted index: sentence pairs that share a word.
        var postings = [[Int32]](repeating: [], count: termOf.count)
        for (index, terms) in sentenceTerms.enumerated() { for term in terms { postings[Int(term)].append(Int32(index)) } }
        var links = [[(neighbour: Int, weight: Double)]](repeating: [], count: count)
        var shared = [Int](repeating: 0, count: count)
        var touched: [Int] = []
        for i in 0..<count {
            for term in sentenceTerms[i] {
                let list = postings[Int(term)]
                guard list.count <= Self.maximumSentencesPerWord else { continue }
                for other in list where Int(other) > i {
                    let j = Int(other)
                    if shared[j] == 0 { touched.append(j) }
                    shared[j] += 1
                }
            }
            for j in touched {
                let norm = log(Double(sentenceTerms[i].count)) + log(Double(sentenceTerms[j].count))
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
