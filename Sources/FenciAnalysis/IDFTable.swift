/// Inverse document frequencies for TF-IDF: jieba.analyse's table (`word idf` per line).
public struct IDFTable: Sendable {
    /// IDF per word.
    public let values: [WordKey: Double]
    /// The IDF of words the table does not know: the median, exactly as jieba computes it
    /// (`sorted(values)[count // 2]`).
    public let median: Double

    public init(values: [WordKey: Double]) {
        self.values = values
        let sorted = values.values.sorted()
        self.median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// Parses `word idf` lines; a later line for the same word wins, as in jieba.
    ///
    /// - Throws: `AnalysisError.invalidIDFLine` with the source name and line number.
    public init(parsing bytes: [UInt8], source: String) throws(AnalysisError) {
        var values: [WordKey: Double] = [:]
        values.reserveCapacity(280_000)
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var text = line[...]
            while let last = text.last, last == 0x0D || last == 0x20 || last == 0x09 { text = text.dropLast() }
            while let first = text.first, first == 0x20 || first == 0x09 { text = text.dropFirst() }
            if text.isEmpty { continue }
            guard let space = text.lastIndex(of: 0x20), space > text.startIndex,
                  let idf = Double(String(decoding: text[(space + 1)...], as: UTF8.self)) else {
                throw .invalidIDFLine(source: source, line: number, text: String(decoding: text.prefix(80), as: UTF8.self))
            }
            values[WordKey(text[..<space])] = idf
        }
        self.init(values: values)
    }

    /// The IDF of a word (the median when unknown).
    public subscript(word: WordKey) -> Double { values[word] ?? median }

    public subscript(word: String) -> Double { self[WordKey(word)] }
}

/// Errors of the analysis module.
public enum AnalysisError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidIDFLine(source: String, line: Int, text: String)
    case invalidConversionLine(source: String, line: Int, text: String)

    public var description: String {
        switch self {
        case let .invalidIDFLine(source, line, text): "\(source):\(line): expected 'word idf': \(text.debugDescription)"
        case let .invalidConversionLine(source, line, text): "\(source):\(line): expected 'from TAB to': \(text.debugDescription)"
        }
    }
}
