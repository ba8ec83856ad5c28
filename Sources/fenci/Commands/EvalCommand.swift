import ArgumentParser
import FenciCorpus
import FenciSegmenter
import Foundation

/// `fenci eval`: SIGHAN-2005-style scores of the segmenter against a gold segmentation.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score segmentation against a gold standard (precision, recall, F1, OOV recall).",
        discussion: """
            GOLD has one sentence per line with words separated by spaces (the SIGHAN 2005 format). \
            Each line's words are joined, segmented, and compared span by span. With \
            --training-words (one word per line), recall is also split into words seen in training \
            (IV) and not seen (OOV).
            """
    )

    @OptionGroup var dictionary: DictionaryOptions
    @OptionGroup var cut: CutOptionGroup

    @Option(help: ArgumentHelp("The gold segmentation (plain or gzip/zlib).", valueName: "FILE"))
    var gold: String

    @Option(name: .customLong("training-words"), help: ArgumentHelp("Training vocabulary, one word per line, for OOV figures.", valueName: "FILE"))
    var trainingWords: String?

    @Flag(help: "Print the scores as one JSON object.")
    var json = false

    func run() throws {
        let segmenter = try dictionary.load().segmenter
        do {
            let vocabulary = try trainingWords.map(Self.readVocabulary)
            var score = SegmentationScore()
            try LineReader(source: ByteSource(path: gold)).forEachLine { line, lineStart in
                if let invalid = UTF8Validation.firstInvalidByteOffset(in: line) {
                    throw TokenizeError.invalidUTF8(file: gold, byteOffset: lineStart + invalid)
                }
                let goldWords = String(decoding: line, as: UTF8.self)
                    .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
                guard !goldWords.isEmpty else { return }
                let predicted = segmenter.words(goldWords.joined(), options: cut.options)
                score.add(gold: goldWords, predicted: predicted, isKnown: { vocabulary?.contains($0) ?? true })
            }
            print(json ? jsonReport(score) : textReport(score))
        } catch let error as ExitCode {
            throw error
        } catch {
            StandardError.error("\(error)")
            throw ExitCode(1)
        }
    }

    private static func readVocabulary(_ path: String) throws -> Set<String> {
        var words = Set<String>()
        try LineReader(source: ByteSource(path: path)).forEachLine { line, _ in
            let word = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { words.insert(word) }
        }
        return words
    }

    private var settings: String {
        "mode \(cut.mode.rawValue), HMM \(cut.noHMM ? "off" : "on")"
    }

    private func textReport(_ score: SegmentationScore) -> String {
        func figure(_ value: Double) -> String { String(format: "%.4f", value) }
        var lines = [
            "gold:        \(gold) (\(score.lines) lines, \(score.goldWords) words)",
            "settings:    \(settings)",
            "precision:   \(figure(score.precision))",
            "recall:      \(figure(score.recall))",
            "F1:          \(figure(score.f1))",
        ]
        if trainingWords != nil {
            lines += [
                "OOV rate:    \(figure(score.outOfVocabularyRate))",
                "OOV recall:  \(figure(score.outOfVocabularyRecall))",
                "IV recall:   \(figure(score.inVocabularyRecall))",
            ]
        }
        return lines.joined(separator: "\n")
    }

    private func jsonReport(_ score: SegmentationScore) -> String {
        var fields = [
            "\"lines\":\(score.lines)", "\"goldWords\":\(score.goldWords)", "\"predictedWords\":\(score.predictedWords)",
            "\"precision\":\(score.precision)", "\"recall\":\(score.recall)", "\"f1\":\(score.f1)",
        ]
        if trainingWords != nil {
            fields += ["\"oovRate\":\(score.outOfVocabularyRate)", "\"oovRecall\":\(score.outOfVocabularyRecall)",
                       "\"ivRecall\":\(score.inVocabularyRecall)"]
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
