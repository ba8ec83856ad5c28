import FenciSegmenter
import Testing

@Suite("Segmentation scores")
struct SegmentationScoreTests {
    @Test("spans are compared exactly; OOV recall counts words outside the vocabulary")
    func scores() {
        var score = SegmentationScore()
        // gold: 无锡 | 物联网 | 创新 ; predicted: 无锡 | 物 | 联网 | 创新
        score.add(gold: ["无锡", "物联网", "创新"], predicted: ["无锡", "物", "联网", "创新"], isKnown: { $0 != "物联网" })
        #expect(score.goldWords == 3)
        #expect(score.predictedWords == 4)
        #expect(score.correctWords == 2)
        #expect(score.precision == 0.5)
        #expect(abs(score.recall - 2.0 / 3.0) < 1e-12)
        #expect(abs(score.f1 - 4.0 / 7.0) < 1e-12)
        #expect(score.outOfVocabularyGoldWords == 1)
        #expect(score.outOfVocabularyRecall == 0)
        #expect(score.inVocabularyRecall == 1)
    }

    @Test("an empty score is all zeros, not NaN")
    func emptyScore() {
        let score = SegmentationScore()
        #expect(score.precision == 0 && score.recall == 0 && score.f1 == 0 && score.outOfVocabularyRecall == 0)
    }
}
