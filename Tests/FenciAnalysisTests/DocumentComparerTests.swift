import FenciAnalysis
import Testing
import TestSupport

@Suite("Comparison")
struct DocumentComparerTests {
    @Test("normalization removes pinyin, converts Traditional to Simplified and full-width to half-width")
    func normalization() {
        let normalizer = SharedAnalysis.normalizer
        #expect(normalizer.normalize("無(wú)錫物聯(lián)網") == "无锡物联网")
        #expect(normalizer.normalize("錫（xī）山，ＡＢＣ１２３　ｘ") == "锡山,ABC123 x")
        #expect(normalizer.normalize("一目瞭然") == "一目了然")  // a phrase, not character by character
        #expect(normalizer.normalize("函数(hanshu)式(not pinyin 1)") == "函数式(not pinyin 1)")
    }

    @Test("seed 001 (Traditional with pinyin) is a near-duplicate of 000; 002–004 are not")
    func seedVerdicts() {
        let seeds = SharedAnalysis.seeds
        let pair = SharedAnalysis.comparer.compare(seeds[0], seeds[1])
        #expect(pair.verdict == .nearDuplicate)
        #expect(pair.cosine >= DocumentComparer.nearDuplicateCosine)
        #expect(pair.simhashDistance < 10)
        for other in 2..<5 {
            let comparison = SharedAnalysis.comparer.compare(seeds[0], seeds[other])
            #expect(comparison.verdict != .nearDuplicate && comparison.verdict != .duplicate, "000 vs 00\(other)")
            #expect(comparison.simhashDistance > 10)
        }
        // Without normalization the scripts differ and the pair looks unrelated.
        #expect(SharedAnalysis.comparer.compare(seeds[0], seeds[1], normalize: false).cosine < 0.2)
    }

    @Test("identical texts after normalization are duplicates; shared and one-sided words are reported")
    func duplicatesAndWords() {
        let comparison = SharedAnalysis.comparer.compare("無(wú)錫物聯網創新", "无锡物联网创新")
        #expect(comparison.verdict == .duplicate)
        #expect(comparison.cosine > 0.999 && comparison.jaccard == 1 && comparison.simhashDistance == 0)
        let partial = SharedAnalysis.comparer.compare("无锡物联网创新中心", "无锡软件产业园区", top: 5)
        #expect(partial.shared.map(\.word) == ["无锡"])
        #expect(partial.onlyA.map(\.word).contains("创新") && partial.onlyB.map(\.word).contains("软件产业"))
        #expect(partial.onlyA.count <= 5)
    }

    @Test("empty and Han-free documents compare without NaN", arguments: [("", ""), ("", "无锡"), ("。。。", "!!!"), ("abc", "xyz")])
    func degenerate(a: String, b: String) {
        let comparison = SharedAnalysis.comparer.compare(a, b)
        #expect(comparison.cosine.isFinite && comparison.jaccard.isFinite)
        #expect((0...1).contains(comparison.cosine) && (0...1).contains(comparison.jaccard))
    }
}
