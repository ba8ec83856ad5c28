import FenciSegmenter
import Foundation

/// Normalizes text before documents are compared: inline pinyin annotations removed
/// (`無(wú)錫` → `無錫`), Traditional → Simplified with OpenCC's tables (phrases before
/// characters, longest match first), and full-width ASCII → half-width.
public struct TextNormalizer: Sendable {
    /// Phrases by their first scalar, longest first (OpenCC's table is small: ~300 phrases).
    private let phrasesByStart: [UInt32: [(from: [Unicode.Scalar], to: [Unicode.Scalar])]]
    private let characters: [UInt32: [Unicode.Scalar]]

    /// Builds from OpenCC's `TSPhrases.txt` and `TSCharacters.txt` (`from TAB to [to…]`; the
    /// first candidate is used).
    public init(phrases phraseText: [UInt8], characters characterText: [UInt8], source: String) throws(AnalysisError) {
        var phrases: [UInt32: [(from: [Unicode.Scalar], to: [Unicode.Scalar])]] = [:]
        for (from, to) in try Self.pairs(phraseText, source: source + " phrases") {
            let scalars = Array(from.unicodeScalars)
            guard let first = scalars.first, scalars.count >= 2 else { continue }
            phrases[first.value, default: []].append((scalars, Array(to.unicodeScalars)))
        }
        for key in phrases.keys { phrases[key]!.sort { $0.from.count > $1.from.count } }  // key from the dictionary
        var characters: [UInt32: [Unicode.Scalar]] = [:]
        for (from, to) in try Self.pairs(characterText, source: source + " characters") where from.unicodeScalars.count == 1 {
            characters[from.unicodeScalars.first!.value] = Array(to.unicodeScalars)  // count == 1 checked
        }
        self.phrasesByStart = phrases
        self.characters = characters
    }

    private static func pairs(_ bytes: [UInt8], source: String) throws(AnalysisError) -> [(String, String)] {
        var result: [(String, String)] = []
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: [" ", "\r"])
            if text.isEmpty || text.hasPrefix("#") { continue }
            let fields = text.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, let first = fields[1].split(separator: " ").first else {
                throw .invalidConversionLine(source: source, line: number, text: String(text.prefix(80)))
            }
            result.append((String(fields[0]), String(first)))
        }
        return result
    }

    /// The normalized text.
    public func normalize(_ text: String) -> String {
        var scalars = removingPinyin(Array(text.unicodeScalars))
        scalars = simplified(scalars)
        halfWidth(&scalars)
        return Self.string(scalars)
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    // MARK: - Steps

    /// Removes a parenthesised run of pinyin (letters with or without tone marks, apostrophes,
    /// spaces) right after a Han character: `錫(xī)`, `錫（xī）`.
    public func removingPinyin(_ text: String) -> String {
        Self.string(removingPinyin(Array(text.unicodeScalars)))
    }

    func removingPinyin(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            output.append(scalar)
            index += 1
            guard ScalarClass.isHan(scalar.value), index < scalars.count, scalars[index] == "(" || scalars[index] == "（" else { continue }
            var end = index + 1
            var letters = 0
            while end < scalars.count, Self.isPinyin(scalars[end]) {
                if scalars[end] != " " && scalars[end] != "'" { letters += 1 }
                end += 1
            }
            if letters > 0, end < scalars.count, scalars[end] == ")" || scalars[end] == "）" {
                index = end + 1
            }
        }
        return output
    }

    static let toneMarkedVowels = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙÜ".unicodeScalars)

    static func isPinyin(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value | 0x20) &- 0x61 <= 25 || scalar == " " || scalar == "'" || toneMarkedVowels.contains(scalar)
    }

    /// Traditional → Simplified: at each position the longest phrase that matches, else the
    /// character's own conversion, else the character unchanged.
    public func simplified(_ text: String) -> String {
        Self.string(simplified(Array(text.unicodeScalars)))
    }

    func simplified(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var index = 0
        next: while index < scalars.count {
            if let candidates = phrasesByStart[scalars[index].value] {
                for phrase in candidates where index + phrase.from.count <= scalars.count
                    && scalars[index..<(index + phrase.from.count)].elementsEqual(phrase.from) {
                    output += phrase.to
                    index += phrase.from.count
                    continue next
                }
            }
            if let replacement = characters[scalars[index].value] {
                output += replacement
            } else {
                output.append(scalars[index])
            }
            index += 1
        }
        return output
    }

    /// Full-width ASCII forms (U+FF01…U+FF5E) and the ideographic space → their ASCII form.
    public func halfWidth(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        halfWidth(&scalars)
        return Self.string(scalars)
    }

    func halfWidth(_ scalars: inout [Unicode.Scalar]) {
        for index in scalars.indices {
            let value = scalars[index].value
            if (0xFF01...0xFF5E).contains(value) {
                scalars[index] = Unicode.Scalar(value - 0xFEE0)!  // lands in 0x21…0x7E
            } else if value == 0x3000 {
                scalars[index] = " "
            }
        }
    }
}
