import FenciSegmenter

extension KeywordExtractor {
    /// `jieba.analyse.textrank(text, topK, withWeight=True)`: words tagged ns/n/vn/v that
    /// co-occur within 5 words form a weighted undirected graph; 10 rounds of PageRank
    /// (damping 0.85, updated in place in sorted-word order, as jieba does), then scaled by the
    /// maximum.
    public func textRank(_ text: String, top: Int) -> [Keyword] {
        let utf8 = Array(text.utf8)
        let tokens = segmenter.cut(text, options: CutOptions(mode: .default, hmm: true, pos: true))
        let words = tokens.map { String(decoding: utf8[$0.utf8Range], as: UTF8.self) }
        let passes = tokens.indices.map { index in
            Self.textRankTags.contains(segmenter.tagName(tokens[index].tag) ?? "") && Self.isCandidate(words[index])
        }

        // Co-occurrence counts in first-seen order (jieba's defaultdict iteration order).
        var pairOrder: [WordPair] = []
        var pairCounts: [WordPair: Double] = [:]
        for index in words.indices where passes[index] {
            var other = index + 1
            while other < index + Self.textRankWindow, other < words.count {
                if passes[other] {
                    let pair = WordPair(first: words[index], second: words[other])
                    if pairCounts[pair] == nil { pairOrder.append(pair) }
                    pairCounts[pair, default: 0] += 1
                }
                other += 1
            }
        }
        var graph = WordGraph()
        for pair in pairOrder { graph.addEdge(pair.first, pair.second, weight: pairCounts[pair]!) }  // counted above
        let ranks = graph.rank(damping: Self.damping, iterations: 10)
        return Array(Self.rank(ranks).prefix(top))
    }
}

struct WordPair: Hashable {
    var first: String
    var second: String
}

/// jieba's `UndirectWeightedGraph`: adjacency lists in insertion order.
struct WordGraph {
    private var order: [String] = []
    private var edges: [String: [(neighbour: String, weight: Double)]] = [:]

    mutating func addEdge(_ start: String, _ end: String, weight: Double) {
        append(start, (end, weight))
        append(end, (start, weight))
    }

    private mutating func append(_ node: String, _ edge: (String, Double)) {
        if edges[node] == nil { order.append(node) }
        edges[node, default: []].append(edge)
    }

    /// PageRank with jieba's exact arithmetic: in-place updates over the nodes sorted by code
    /// point, then `(w − min/10) / (max − min/10)`.
    func rank(damping: Double, iterations: Int) -> [Keyword] {
        guard !order.isEmpty else { return [] }
        var score: [String: Double] = [:]
        var outSum: [String: Double] = [:]
        let initial = 1.0 / Double(order.count)
        for node in order {
            score[node] = initial
            var sum = 0.0
            for edge in edges[node]! { sum += edge.weight }  // every node in `order` has edges
            outSum[node] = sum
        }
        let sortedNodes = order.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
        for _ in 0..<iterations {
            for node in sortedNodes {
                var sum = 0.0
                for edge in edges[node]! { sum += edge.weight / outSum[edge.neighbour]! * score[edge.neighbour]! }
                score[node] = (1 - damping) + damping * sum
            }
        }
        var minimum = Double.greatestFiniteMagnitude
        var maximum = Double.leastNormalMagnitude
        for node in order {
            let value = score[node]!
            if value < minimum { minimum = value }
            if value > maximum { maximum = value }
        }
        return order.map { Keyword(word: $0, weight: (score[$0]! - minimum / 10.0) / (maximum - minimum / 10.0)) }
    }
}
