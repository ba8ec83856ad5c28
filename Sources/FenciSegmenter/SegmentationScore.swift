/// SIGHAN-2005-style segmentation scores: precision, recall, F1, and recall on words seen
/// (IV) and not seen (OOV) in a training word list.
///
/// A predicted word is correct when a gold word has exactly the same character span. Scores
/// accumulate over lines, so a whole test set is one value.
public struct SegmentationScore: Sendable, Equatable {
    public private(set) var goldWords = 0
    public private(set) var predictedWords = 0
    public private(set) var correctWords = 0
    public private(set) var outOfVocabularyGoldWords = 0
    public private(set) var outOfVocabularyCorrectWords = 0
    public private(set) var lines = 0

    public init() {}

    /// Adds one line: its gold words and the predicted words (both in text order, covering the
    /// same text). `isKnown` tells whether a gold word is in the training vocabulary.
    public mutating func add(gold: [String], predicted: [String], isKnown: (String) -> Bool) {
        lines += 1
        goldWords += gold.count
        predictedWords += predicted.count
        var predictedStarts: [Int] = []
        var predictedEnds: [Int] = []
        var offset = 0
        for word in predicted {
            predictedStarts.append(offset)
            offset += word.unicodeScalars.count
            predictedEnds.append(offset)
        }
        var next = 0
        var goldStart = 0
        for word in gold {
            let goldEnd = goldStart + word.unicodeScalars.count
            let known = isKnown(word)
            if !known { outOfVocabularyGoldWords += 1 }
            while next < predictedStarts.count, predictedStarts[next] < goldStart { next += 1 }
            if next < predictedStarts.count, predictedStarts[next] == goldStart, predictedEnds[next] == goldEnd {
                correctWords += 1
                if !known { outOfVocabularyCorrectWords += 1 }
            }
            goldStart = goldEnd
        }
    }

    public var precision: Double { ratio(correctWords, predictedWords) }
    public var recall: Double { ratio(correctWords, goldWords) }
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }
    /// Share of gold words not in the training vocabulary.
    public var outOfVocabularyRate: Double { ratio(outOfVocabularyGoldWords, goldWords) }
    /// Recall on gold words not in the training vocabulary.
    public var outOfVocabularyRecall: Double { ratio(outOfVocabularyCorrectWords, outOfVocabularyGoldWords) }
    /// Recall on gold words in the training vocabulary.
    public var inVocabularyRecall: Double {
        ratio(correctWords - outOfVocabularyCorrectWords, goldWords - outOfVocabularyGoldWords)
    }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
