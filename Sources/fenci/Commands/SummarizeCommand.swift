import ArgumentParser
import FenciAnalysis
import FenciResources
import Foundation

/// `fenci summarize`: key sentences and keywords of a document.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize a document: its key sentences (TextRank) and keywords (TF-IDF or TextRank).",
        discussion: "FILE may be plain or gzip/zlib; '-' reads standard input. The chosen sentences are printed in document order."
    )

    @OptionGroup var dictionary: DictionaryOptions

    @Argument(help: ArgumentHelp("The document.", valueName: "FILE"))
    var file: String

    @Option(help: "Sentences to keep (1…100).")
    var sentences = 3

    @Option(help: "Keywords to list (0…200).")
    var keywords = 10

    @Option(name: .customLong("keyword-method"), help: "tfidf (jieba.analyse.extract_tags) or textrank (jieba.analyse.textrank).")
    var keywordMethod: String = "tfidf"

    @Flag(help: "Print JSON (the same shape as the summarize method's result, offsets in UTF-16).")
    var json = false

    func validate() throws {
        guard (1...100).contains(sentences) else { throw ValidationError("--sentences must be between 1 and 100") }
        guard (0...200).contains(keywords) else { throw ValidationError("--keywords must be between 0 and 200") }
        guard Summarizer.KeywordMethod(rawValue: keywordMethod) != nil else { throw ValidationError("--keyword-method must be tfidf or textrank") }
    }

    func run() throws {
        let text = try DocumentFile.read(file)
        let tools = try AnalysisLoader.load(segmenter: dictionary.load().segmenter)
        let method = Summarizer.KeywordMethod(rawValue: keywordMethod)!  // checked in validate()
        let summary = tools.summarizer.summarize(text, sentences: sentences, keywords: keywords, keywordMethod: method)
        if json {
            let object: [String: Any] = [
                "summary": summary.text,
                "sentences": summary.sentences.map {
                    ["text": $0.sentence.text, "index": $0.sentence.index, "start": Int($0.sentence.span.utf16Start),
                     "end": Int($0.sentence.span.utf16End), "score": $0.score] as [String: Any]
                },
                "keywords": summary.keywords.map { ["word": $0.word, "weight": $0.weight] as [String: Any] },
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
        } else {
            for chosen in summary.sentences { print(chosen.sentence.text) }
            if !summary.keywords.isEmpty {
                print("")
                print("keywords: " + summary.keywords.map { String(format: "%@ %.4f", $0.word, $0.weight) }.joined(separator: ", "))
            }
        }
    }
}
