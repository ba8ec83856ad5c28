import FenciAnalysis
import Testing
import TestSupport

@Suite("Summaries")
struct SummarizerTests {
    @Test("seed summaries: N sentences in document order, exact slices, scores, keywords", arguments: 0..<5)
    func seedSummaries(index: Int) {
        let text = SharedAnalysis.seeds[index]
        let summary = SharedAnalysis.summarizer.summarize(text, sentences: 3, keywords: 10)
        #expect(summary.sentences.count == 3)
        #expect(summary.sentences.map(\.sentence.index) == summary.sentences.map(\.sentence.index).sorted())
        let utf8 = Array(text.utf8)
        for chosen in summary.sentences {
            #expect(String(decoding: utf8[chosen.sentence.span.utf8Range], as: UTF8.self) == chosen.sentence.text)
            #expect(chosen.score > 0 && chosen.score < 1 && chosen.score.isFinite)
        }
        #expect(summary.text == summary.sentences.map(\.sentence.text).joined())
        #expect(summary.keywords.count == 10)
        #expect(summary.keywords.map(\.word) == SharedAnalysis.keywords.tfidf(text, top: 10).map(\.word))
    }

    @Test("short and odd documents behave", arguments: [
        ("", 0), ("一句话。", 1), ("，，，。。。！！", 1), ("abc def", 1), ("第一句。第二句。", 2),
    ])
    func shortDocuments(text: String, expected: Int) {
        let summary = SharedAnalysis.summarizer.summarize(text, sentences: 3, keywords: 5, keywordMethod: .textrank)
        #expect(summary.sentences.count == expected)
        #expect(summary.sentences.allSatisfy { $0.score.isFinite })
    }

    @Test("one very long sentence without punctuation is summarized without trouble")
    func longSentence() {
        let text = String(repeating: "物联网创新促进中心领导小组会议召开", count: 60_000)  // ≈ 3 MB, no punctuation
        let summary = SharedAnalysis.summarizer.summarize(text, sentences: 3, keywords: 5)
        #expect(summary.sentences.count == 1)
        #expect(summary.sentences[0].score == 1)
    }

    @Test("scores sum to one across all sentences")
    func scoresSumToOne() {
        let summary = SharedAnalysis.summarizer.summarize(SharedAnalysis.seeds[3], sentences: 100, keywords: 0)
        let total = summary.sentences.reduce(0) { $0 + $1.score }
        #expect(abs(total - 1) < 1e-6 || summary.sentences.count == 100)
    }
}
