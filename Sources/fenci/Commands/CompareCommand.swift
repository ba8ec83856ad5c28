import ArgumentParser
import FenciAnalysis
import FenciResources
import Foundation

/// `fenci compare`: how similar two documents are.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two documents: TF-IDF cosine, Jaccard, SimHash distance and a verdict.",
        discussion: """
            Files may be plain or gzip/zlib. Both are normalized first (Traditional→Simplified, \
            full-width→half-width, inline pinyin removed) unless --no-normalize. Verdicts: duplicate \
            (normalized texts equal), near-duplicate (cosine ≥ \(DocumentComparer.nearDuplicateCosine)), \
            related (cosine ≥ \(DocumentComparer.relatedCosine)), unrelated.
            """
    )

    @OptionGroup var dictionary: DictionaryOptions

    @Argument(help: ArgumentHelp("The first document.", valueName: "A"))
    var a: String

    @Argument(help: ArgumentHelp("The second document.", valueName: "B"))
    var b: String

    @Flag(name: .customLong("no-normalize"), help: "Compare the texts as they are.")
    var noNormalize = false

    @Option(help: "Shared and one-sided words to list.")
    var top = 10

    @Flag(help: "Print JSON (the same shape as the compare method's result).")
    var json = false

    func validate() throws {
        guard (0...1000).contains(top) else { throw ValidationError("--top must be between 0 and 1000") }
    }

    func run() throws {
        let textA = try DocumentFile.read(a)
        let textB = try DocumentFile.read(b)
        let tools = try AnalysisLoader.load(segmenter: dictionary.load().segmenter)
        let result = tools.comparer.compare(textA, textB, normalize: !noNormalize, top: top)
        func words(_ list: [Keyword]) -> [[String: Any]] { list.map { ["word": $0.word, "weight": $0.weight] } }
        if json {
            let object: [String: Any] = [
                "cosine": result.cosine, "jaccard": result.jaccard, "verdict": result.verdict.rawValue,
                "simhash": ["a": result.simhashA.hex, "b": result.simhashB.hex, "distance": result.simhashDistance],
                "shared": words(result.shared), "onlyA": words(result.onlyA), "onlyB": words(result.onlyB),
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        } else {
            print("verdict:  \(result.verdict.rawValue)")
            print(String(format: "cosine:   %.4f", result.cosine))
            print(String(format: "jaccard:  %.4f", result.jaccard))
            print("simhash:  \(result.simhashA.hex) \(result.simhashB.hex) (distance \(result.simhashDistance))")
            print("shared:   " + result.shared.map(\.word).joined(separator: " "))
            print("only A:   " + result.onlyA.map(\.word).joined(separator: " "))
            print("only B:   " + result.onlyB.map(\.word).joined(separator: " "))
        }
    }
}
