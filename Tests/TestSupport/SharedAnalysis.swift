import FenciAnalysis
import FenciResources
import Foundation

/// jieba's IDF table, parsed once for the whole test process.
public enum SharedAnalysis {
    public static let idf: IDFTable = {
        do {
            return try IDFTable(parsing: BuiltinData.idf.text(), source: BuiltinData.idf.name)
        } catch {
            fatalError("the built-in IDF table must parse: \(error)")
        }
    }()

    public static let keywords = KeywordExtractor(segmenter: SharedSegmenter.builtin, idf: idf)

    public static let normalizer: TextNormalizer = {
        do {
            return try TextNormalizer(phrases: BuiltinData.traditionalToSimplifiedPhrases.text(),
                                      characters: BuiltinData.traditionalToSimplifiedCharacters.text(), source: "OpenCC")
        } catch {
            fatalError("the built-in OpenCC tables must parse: \(error)")
        }
    }()

    public static let comparer = DocumentComparer(keywords: keywords, normalizer: normalizer)
    public static let summarizer = Summarizer(keywords: keywords)

    /// The seed articles, in file order.
    public static let seeds: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds.path).sorted()) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map {
            (try? String(contentsOf: TestPaths.seeds.appendingPathComponent($0), encoding: .utf8)) ?? ""
        }
    }()
}
