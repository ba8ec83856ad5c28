import FenciSegmenter

/// A sentence of a document: its text, its position among the sentences, and its range.
///
/// `span` is a `Token` used as a plain range: offsets in UTF-8, UTF-16 and scalars, so callers
/// report positions in whichever encoding their client negotiated.
public struct Sentence: Sendable, Equatable {
    public var index: Int
    public var text: String
    public var span: Token
}

/// Splits text into sentences at Chinese and Western sentence ends.
///
/// A sentence ends after a run of `。！？；!?;…` (so `……` and `?!` stay whole) together with
/// any closing quotes or brackets that follow, or at a line break. Whitespace around a
/// sentence is not part of it; sentences of only whitespace are dropped. Offsets are exact:
/// each sentence's text is the input between its offsets.
public enum SentenceSplitter {
    static func isTerminator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x2026, 0xFF61: true  // 。！？；!?;…｡
        default: false
        }
    }

    static func isLineBreak(_ scalar: UInt32) -> Bool {
        scalar == 0x0A || scalar == 0x0D || scalar == 0x2028 || scalar == 0x2029 || scalar == 0x85
    }

    /// Closing quotes and brackets that belong to the sentence before them.
    static func isCloser(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3011, 0x22, 0x27, 0x5D, 0x7D, 0xFF3D, 0x3009, 0x3017, 0xFF02, 0xFF07: true
        default: false
        }
    }

    public static func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        // Offsets of every scalar boundary, in each encoding.
        var utf8 = [Int32](repeating: 0, count: scalars.count + 1)
        var utf16 = [Int32](repeating: 0, count: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            utf8[index + 1] = utf8[index] + Int32(UTF8.width(scalar))
            utf16[index + 1] = utf16[index] + Int32(UTF16.width(scalar))
        }
        var sentences: [Sentence] = []
        func emit(_ start: Int, _ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, ScalarClass.isPythonWhitespace(scalars[lower].value) { lower += 1 }
            while upper > lower, ScalarClass.isPythonWhitespace(scalars[upper - 1].value) { upper -= 1 }
            guard lower < upper else { return }
            var sentenceText = ""
            sentenceText.unicodeScalars.append(contentsOf: scalars[lower..<upper])
            sentences.append(Sentence(index: sentences.count, text: sentenceText, span: Token(
                utf8Start: utf8[lower], utf8End: utf8[upper], utf16Start: utf16[lower], utf16End: utf16[upper],
                scalarStart: Int32(lower), scalarEnd: Int32(upper))))
        }
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index].value
            if isLineBreak(scalar) {
                emit(start, index)
                index += 1
                start = index
            } else if isTerminator(scalar) {
                index += 1
                while index < scalars.count, isTerminator(scalars[index].value) { index += 1 }
                while index < scalars.count, isCloser(scalars[index].value) { index += 1 }
                emit(start, index)
                start = index
            } else {
                index += 1
            }
        }
        emit(start, scalars.count)
        return sentences
    }
}
