extension CutScratch {
    /// Decodes UTF-8 into scalars, their character codes and their UTF-8/UTF-16 offsets, in
    /// one pass. Each maximal invalid sequence prefix decodes as one U+FFFD per byte.
    mutating func load(utf8 text: UnsafeBufferPointer<UInt8>, image: DictionaryImage) {
        // Arrays only grow (to the largest input seen); `count` says how much is in use, so
        // the loop below writes through pointers with no per-scalar capacity checks.
        Self.grow(&scalars, to: text.count, filler: 0)
        Self.grow(&codes, to: text.count, filler: 0)
        Self.grow(&utf8Offsets, to: text.count + 1, filler: 0)
        Self.grow(&utf16Offsets, to: text.count + 1, filler: 0)
        var scalarCount = 0
        scalars.withUnsafeMutableBufferPointer { scalars in
            codes.withUnsafeMutableBufferPointer { codes in
                utf8Offsets.withUnsafeMutableBufferPointer { utf8Offsets in
                    utf16Offsets.withUnsafeMutableBufferPointer { utf16Offsets in
                        var index = 0
                        var utf16 = Int32(0)
                        let byteCount = text.count
                        while index < byteCount {
                            let lead = text[index]
                            var scalar = UInt32(lead)
                            var length = 1
                            if lead >= 0x80 { (scalar, length) = Self.decodeMultibyte(text, at: index) }
                            scalars[scalarCount] = scalar
                            codes[scalarCount] = image.code(of: scalar)
                            utf8Offsets[scalarCount] = Int32(truncatingIfNeeded: index)
                            utf16Offsets[scalarCount] = utf16
                            utf16 &+= scalar >= 0x1_0000 ? 2 : 1
                            scalarCount += 1
                            index += length
                        }
                        utf8Offsets[scalarCount] = Int32(truncatingIfNeeded: byteCount)
                        utf16Offsets[scalarCount] = utf16
                    }
                }
            }
        }
        count = scalarCount
    }

    /// Decodes the multi-byte sequence at `index`; invalid or truncated sequences give
    /// (U+FFFD, 1) so decoding resynchronizes on the next byte.
    @inline(__always)
    private static func decodeMultibyte(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(text[index])
        let remaining = text.count - index
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            let byte = text[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if lead & 0xE0 == 0xC0, lead >= 0xC2, remaining >= 2, let b1 = continuation(1) {
            return ((lead & 0x1F) << 6 | b1, 2)
        }
        if lead & 0xF0 == 0xE0, remaining >= 3, let b1 = continuation(1), let b2 = continuation(2) {
            let scalar = (lead & 0x0F) << 12 | b1 << 6 | b2
            if scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) { return (scalar, 3) }
        }
        if lead & 0xF8 == 0xF0, remaining >= 4, let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
            let scalar = (lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            if (0x1_0000...0x10_FFFF).contains(scalar) { return (scalar, 4) }
        }
        return (0xFFFD, 1)
    }

    /// Turns the spans into tokens carrying all three kinds of offsets.
    func makeTokens(into tokens: inout [Token]) {
        tokens.reserveCapacity(spans.count)
        for span in spans {
            let start = Int(span.start)
            let end = Int(span.end)
            tokens.append(Token(utf8Start: utf8Offsets[start], utf8End: utf8Offsets[end],
                                utf16Start: utf16Offsets[start], utf16End: utf16Offsets[end],
                                scalarStart: span.start, scalarEnd: span.end, tag: span.tag))
        }
    }

    /// Makes `array` at least `count` long without touching existing entries.
    @inline(__always)
    static func grow<T>(_ array: inout [T], to count: Int, filler: T) {
        if array.count < count { array.append(contentsOf: repeatElement(filler, count: count - array.count)) }
    }
}
