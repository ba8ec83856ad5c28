/// One line of a jieba user dictionary: `word [frequency] [tag]`.
///
/// jieba parses these with `^(.+?)( [0-9]+)?( [a-z]+)?$`: the word is the shortest prefix
/// after which the rest is an optional ` digits` then an optional ` lowercase-letters`. So a
/// word may contain spaces ("Hello World 3 n" is the word "Hello World").
struct UserDictionaryLine: Equatable {
    var word: String
    var frequency: Int64?
    var tag: String?

    static func parse(_ text: DictionarySources.Text) throws(SegmenterError) -> [UserDictionaryLine] {
        var result: [UserDictionaryLine] = []
        for line in TextLines(bytes: text.bytes) where !line.text.isEmpty {
            guard let parsed = parse(line: Array(line.text)) else {
                throw .invalidDictionaryLine(source: text.name, line: line.number, text: line.string,
                                             reason: "expected 'word [frequency] [tag]'")
            }
            result.append(parsed)
        }
        return result
    }

    /// Parses one stripped, non-empty line, or returns nil when the frequency does not fit.
    static func parse(line: [UInt8]) -> UserDictionaryLine? {
        // Try each space as the end of the word, shortest word first (the lazy `.+?`).
        for split in line.indices where line[split] == 0x20 && split > 0 {
            if let (digits, tag) = matchSuffix(line[split...]) {
                var frequency: Int64?
                if let digits {
                    guard let value = digits.decimalValue else { return nil }
                    frequency = value
                }
                return UserDictionaryLine(word: String(decoding: line[..<split], as: UTF8.self), frequency: frequency,
                                          tag: tag.map { String(decoding: $0, as: UTF8.self) })
            }
        }
        return UserDictionaryLine(word: String(decoding: line, as: UTF8.self), frequency: nil, tag: nil)
    }

    /// Matches `( [0-9]+)?( [a-z]+)?$` against the whole suffix; returns the captured groups.
    private static func matchSuffix(_ suffix: ArraySlice<UInt8>) -> (frequency: ArraySlice<UInt8>?, tag: ArraySlice<UInt8>?)? {
        func run(_ from: Int, _ predicate: (UInt8) -> Bool) -> Int {
            var end = from
            while end < suffix.endIndex, predicate(suffix[end]) { end += 1 }
            return end
        }
        var position = suffix.startIndex
        var frequency: ArraySlice<UInt8>?
        var tag: ArraySlice<UInt8>?
        if position < suffix.endIndex, suffix[position] == 0x20 {
            let end = run(position + 1) { $0 &- 0x30 <= 9 }
            if end > position + 1 { frequency = suffix[(position + 1)..<end]; position = end }
        }
        if position < suffix.endIndex, suffix[position] == 0x20 {
            let end = run(position + 1) { $0 &- 0x61 <= 25 }
            if end > position + 1 { tag = suffix[(position + 1)..<end]; position = end }
        }
        return position == suffix.endIndex ? (frequency, tag) : nil
    }
}
