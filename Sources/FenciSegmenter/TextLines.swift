/// Lines and fields of the plain-text tables jieba ships (dictionary, HMM tables).
///
/// Used only while compiling an image, never on the segmentation path.
struct TextLines: Sequence {
    let bytes: [UInt8]

    struct Line {
        /// 1-based line number, for error messages.
        let number: Int
        /// The line without its terminator and without surrounding ASCII whitespace.
        let text: ArraySlice<UInt8>

        var string: String { String(decoding: text, as: UTF8.self) }

        /// The line split at `separator`, empty fields kept (like Python's `str.split(sep)`).
        func fields(separator: UInt8) -> [ArraySlice<UInt8>] {
            text.split(separator: separator, omittingEmptySubsequences: false)
        }
    }

    func makeIterator() -> AnyIterator<Line> {
        var start = 0
        var number = 0
        // A UTF-8 byte-order mark at the start is not part of the first word.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        return AnyIterator {
            guard start < bytes.count else { return nil }
            number += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lower = start
            var upper = end
            while lower < upper, Self.isStripped(bytes[lower]) { lower += 1 }
            while upper > lower, Self.isStripped(bytes[upper - 1]) { upper -= 1 }
            start = end + 1
            return Line(number: number, text: bytes[lower..<upper])
        }
    }

    private static func isStripped(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}

extension ArraySlice<UInt8> {
    /// The bytes as a non-negative decimal integer, or nil.
    var decimalValue: Int64? {
        guard !isEmpty, count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in self {
            guard byte &- 0x30 <= 9 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    /// The bytes as a Double in Python's `float()` syntax subset used by the tables.
    var doubleValue: Double? {
        Double(String(decoding: self, as: UTF8.self))
    }

    /// The Unicode scalars of the bytes (decoded as UTF-8, invalid bytes replaced).
    var scalars: [UInt32] {
        String(decoding: self, as: UTF8.self).unicodeScalars.map(\.value)
    }
}
