import FenciAnalysis
import Foundation
import Testing
import TestSupport

/// Keywords against jieba 0.42.1's own (Tests/Fixtures/jieba-keywords/seeds.json, made by
/// Tests/Fixtures/make_keyword_golden.py).
@Suite("Keywords")
struct KeywordExtractorTests {
    struct Seed: Decodable {
        var file: String
        var tfidf: [[Value]]
        var textrank: [[Value]]
    }

    enum Value: Decodable {
        case word(String), weight(Double)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let word = try? container.decode(String.self) { self = .word(word) } else { self = .weight(try container.decode(Double.self)) }
        }
        var word: String? { if case let .word(word) = self { word } else { nil } }
        var weight: Double? { if case let .weight(weight) = self { weight } else { nil } }
    }

    struct Golden: Decodable {
        var seeds: [Seed]
    }

    static let golden: Golden = {
        let url = TestPaths.fixtures.appendingPathComponent("jieba-keywords/seeds.json")
        return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))  // committed fixture
    }()

    static func text(_ seed: Seed) throws -> String {
        try String(contentsOf: TestPaths.seeds.appendingPathComponent(seed.file), encoding: .utf8)
    }

    @Test("TF-IDF keywords equal jieba.analyse.extract_tags: same words, same order, weights within 1e-6", arguments: 0..<5)
    func tfidfMatchesJieba(index: Int) throws {
        let seed = Self.golden.seeds[index]
        let ours = SharedAnalysis.keywords.tfidf(try Self.text(seed), top: 20)
        #expect(ours.map(\.word) == seed.tfidf.map { $0[0].word! })
        for (keyword, expected) in zip(ours, seed.tfidf) {
            #expect(abs(keyword.weight - expected[1].weight!) < 1e-6, "\(keyword.word)")
        }
    }

    @Test("TextRank keywords equal jieba.analyse.textrank's top words", arguments: 0..<5)
    func textRankMatchesJieba(index: Int) throws {
        let seed = Self.golden.seeds[index]
        let ours = SharedAnalysis.keywords.textRank(try Self.text(seed), top: 20)
        #expect(ours.map(\.word) == seed.textrank.map { $0[0].word! })
        for (keyword, expected) in zip(ours, seed.textrank) {
            #expect(abs(keyword.weight - expected[1].weight!) < 1e-6, "\(keyword.word)")
        }
    }

    @Test("texts without candidates give no keywords", arguments: ["", "。，！", "a b c", "的了是", String(repeating: "，", count: 1000)])
    func noKeywords(text: String) {
        #expect(SharedAnalysis.keywords.tfidf(text, top: 10).isEmpty)
        #expect(SharedAnalysis.keywords.textRank(text, top: 10).isEmpty)
    }

    @Test("the IDF median is jieba's and unknown words get it")
    func idfMedian() {
        let idf = SharedAnalysis.idf
        #expect(idf.values.count > 250_000)
        #expect(idf["完全不存在的词语"] == idf.median)
        #expect(idf.median > 10 && idf.median < 12)
    }
}
