/// How two documents relate.
public enum Verdict: String, Sendable {
    /// The normalized texts are equal.
    case duplicate
    /// The same text with edits: cosine ≥ `DocumentComparer.nearDuplicateCosine`.
    case nearDuplicate = "near-duplicate"
    /// About the same things: cosine ≥ `DocumentComparer.relatedCosine`.
    case related
    case unrelated
}

/// The comparison of two documents.
public struct Comparison: Sendable {
    /// TF-IDF cosine similarity, 0…1.
    public var cosine: Double
    /// Jaccard similarity of the word sets, 0…1.
    public var jaccard: Double
    public var simhashA: SimHash
    public var simhashB: SimHash
    public var verdict: Verdict
    /// Words in both, weighted by their contribution to the cosine.
    public var shared: [Keyword]
    /// Words only in A (B), weighted by their normalised TF-IDF in that document.
    public var onlyA: [Keyword]
    public var onlyB: [Keyword]

    public var simhashDistance: Int { simhashA.distance(to: simhashB) }
}

/// Compares documents by their words: TF-IDF cosine, Jaccard, SimHash, and a verdict.
///
/// Words are the default cut's words that jieba's keyword filter keeps (two or more
/// characters, no English stop words), weighted by count × IDF.
public struct DocumentComparer: Sendable {
    public let keywords: KeywordExtractor
    public let normalizer: TextNormalizer?

    /// Thresholds, calibrated on the seed articles (see the README): 000 and 001 are one report
    /// in two scripts, with text each lacks (cosine 0.9x once normalized); different reports
    /// on the same topic stay under 0.5.
    public static let nearDuplicateCosine = 0.8
    public static let relatedCosine = 0.2

    public init(keywords: KeywordExtractor, normalizer: TextNormalizer?) {
        self.keywords = keywords
        self.normalizer = normalizer
    }

    /// Compares `a` and `b`; `normalize` applies the normalizer first (when there is one).
    public func compare(_ a: String, _ b: String, normalize: Bool = true, top: Int = 10) -> Comparison {
        let textA = normalize ? normalizer?.normalize(a) ?? a : a
        let textB = normalize ? normalizer?.normalize(b) ?? b : b
        let vectorA = vector(textA)
        let vectorB = vector(textB)
        var dot = 0.0
        for (word, weight) in vectorA.weights { if let other = vectorB.weights[word] { dot += weight * other } }
        let cosine = vectorA.norm > 0 && vectorB.norm > 0 ? min(max(dot / (vectorA.norm * vectorB.norm), 0), 1) : 0
        let setA = Set(vectorA.weights.keys)
        let setB = Set(vectorB.weights.keys)
        let union = setA.union(setB).count
        let jaccard = union > 0 ? Double(setA.intersection(setB).count) / Double(union) : 0
        let verdict: Verdict
        if textA == textB {
            verdict = .duplicate
        } else if cosine >= Self.nearDuplicateCosine {
            verdict = .nearDuplicate
        } else if cosine >= Self.relatedCosine {
            verdict = .related
        } else {
            verdict = .unrelated
        }
        let limit = max(top, 0)
        func strongest(_ items: [Keyword]) -> [Keyword] { Array(KeywordExtractor.rank(items).prefix(limit)) }
        // Force-unwraps below: every key in `order` is in `weights`, and `shared` keys in both.
        let shared = vectorA.order.filter { vectorB.weights[$0] != nil }.map {
            Keyword(word: $0.string, weight: vectorA.weights[$0]! / vectorA.norm * vectorB.weights[$0]! / vectorB.norm)
        }
        return Comparison(
            cosine: cosine, jaccard: jaccard,
            simhashA: SimHash(weights: vectorA.order.map { ($0.bytes, vectorA.weights[$0]!) }),
            simhashB: SimHash(weights: vectorB.order.map { ($0.bytes, vectorB.weights[$0]!) }),
            verdict: verdict, shared: strongest(shared),
            onlyA: strongest(vectorA.order.filter { vectorB.weights[$0] == nil }.map { Keyword(word: $0.string, weight: vectorA.weights[$0]! / vectorA.norm) }),
            onlyB: strongest(vectorB.order.filter { vectorA.weights[$0] == nil }.map { Keyword(word: $0.string, weight: vectorB.weights[$0]! / vectorB.norm) }))
    }

    /// Count × IDF per word, words in first-seen order, and the vector's length.
    struct WordVector {
        var order: [WordKey] = []
        var weights: [WordKey: Double] = [:]
        var norm = 0.0
    }

    func vector(_ text: String) -> WordVector {
        var vector = WordVector()
        keywords.forEachCandidate(in: text) { word in
            if vector.weights[word] == nil { vector.order.append(word) }
            vector.weights[word, default: 0] += keywords.idf[word]
        }
        var sum = 0.0
        for word in vector.order { sum += vector.weights[word]! * vector.weights[word]! }
        vector.norm = sum.squareRoot()
        return vector
    }
}
