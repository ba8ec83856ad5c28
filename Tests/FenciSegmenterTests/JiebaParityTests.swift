import FenciCorpus
import FenciSegmenter
import Foundation
import Testing
import TestSupport

/// Word-for-word parity with jieba 0.42.1 on its own output (../shared/data/jieba-golden):
/// every line of every corpus in every mode. The seeds' golden files are also committed under
/// Tests/Fixtures, so the same check runs without ../shared.
@Suite("jieba parity")
struct JiebaParityTests {
    enum Mode: String, CaseIterable, CustomTestStringConvertible {
        case hmm, nohmm, search, full, posseg
        var testDescription: String { rawValue }
        var options: CutOptions {
            switch self {
            case .hmm: CutOptions(mode: .default, hmm: true)
            case .nohmm: CutOptions(mode: .default, hmm: false)
            case .search: CutOptions(mode: .search, hmm: true)
            case .full: CutOptions(mode: .full, hmm: true)
            case .posseg: CutOptions(mode: .default, hmm: true, pos: true)
            }
        }
    }

    static func lines(_ url: URL) throws -> [Any] {
        let compressed = try [UInt8](Data(contentsOf: url))
        let text = try Inflater.inflate(compressed, format: .gzip, maximumOutputBytes: nil)
        return try text.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0), options: [.fragmentsAllowed]) }
    }

    /// Compares one golden file; returns (lines, mismatching lines, tag agreements, tags).
    static func compare(directory: URL, corpus: String, mode: Mode) throws -> (lines: Int, mismatches: [String], tagsAgreeing: Int, tags: Int) {
        let inputs = try lines(directory.appendingPathComponent("\(corpus).input.jsonl.gz")).map { $0 as! String }
        let expected = try lines(directory.appendingPathComponent("\(corpus).\(mode.rawValue).jsonl.gz"))
        #expect(inputs.count == expected.count)
        let segmenter = SharedSegmenter.builtin
        var mismatches: [String] = []
        var tagsAgreeing = 0
        var tags = 0
        for (number, (input, golden)) in zip(inputs, expected).enumerated() {
            let utf8 = Array(input.utf8)
            let tokens = segmenter.cut(input, options: mode.options)
            let words = tokens.map { String(decoding: utf8[$0.utf8Range], as: UTF8.self) }
            var goldenWords: [String]
            if mode == .posseg {
                let pairs = golden as! [[String]]
                goldenWords = pairs.map { $0[0] }
                if words == goldenWords {
                    for (token, pair) in zip(tokens, pairs) {
                        tags += 1
                        if segmenter.tagName(token.tag) == pair[1] { tagsAgreeing += 1 }
                    }
                }
            } else {
                goldenWords = golden as! [String]
                // jieba's full mode yields empty strings around whitespace (a re.split artifact); tokens are never empty.
                if mode == .full { goldenWords.removeAll { $0.isEmpty } }
            }
            if words != goldenWords {
                let firstDifference = (0..<min(words.count, goldenWords.count)).first { words[$0] != goldenWords[$0] } ?? min(words.count, goldenWords.count)
                mismatches.append("\(corpus).\(mode.rawValue) line \(number + 1) at word \(firstDifference): "
                    + "fenci \(words[firstDifference...].prefix(6)) jieba \(goldenWords[firstDifference...].prefix(6))")
            }
        }
        return (inputs.count, mismatches, tagsAgreeing, tags)
    }

    @Test("seeds (committed fixtures) match jieba", arguments: Mode.allCases)
    func seedsMatchJieba(mode: Mode) throws {
        let result = try Self.compare(directory: TestPaths.fixtures.appendingPathComponent("jieba-golden"), corpus: "seeds", mode: mode)
        #expect(result.lines == 473)
        #expect(result.mismatches.isEmpty, "\(result.mismatches.count) lines differ:\n\(result.mismatches.prefix(5).joined(separator: "\n"))")
    }

    @Test("SIGHAN PKU and MSR test texts match jieba", arguments: ["pku", "msr"], Mode.allCases)
    func sighanMatchesJieba(corpus: String, mode: Mode) throws {
        let shared = try #require(TestPaths.shared, "../shared (or $FENCI_SHARED_DIR) holds the golden files")
        let result = try Self.compare(directory: shared.appendingPathComponent("data/jieba-golden"), corpus: corpus, mode: mode)
        #expect(result.lines > 1000)
        #expect(result.mismatches.isEmpty, "\(result.mismatches.count) of \(result.lines) lines differ:\n\(result.mismatches.prefix(5).joined(separator: "\n"))")
        if mode == .posseg {
            let agreement = Double(result.tagsAgreeing) / Double(max(result.tags, 1))
            print("posseg tag agreement on \(corpus): \(result.tagsAgreeing)/\(result.tags) = \(agreement)")
            #expect(agreement >= 0.999)
        }
    }
}
