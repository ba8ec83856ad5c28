/// Strict UTF-8 validation (RFC 3629) and lossy repair.
public enum UTF8Validation {
    /// The offset of the first byte of the first invalid sequence, or nil when all is valid.
    ///
    /// Rejects overlong forms, surrogates (U+D800…U+DFFF), scalars above U+10FFFF and
    /// truncated sequences. ASCII is checked eight bytes at a time.
    public static func firstInvalidByteOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            // Fast path: eight ASCII bytes at once.
            if index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 { return index }
            index += length
        }
        return nil
    }

    /// Convenience over an array.
    public static func firstInvalidByteOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { firstInvalidByteOffset(in: $0) }
    }

    /// The bytes with each invalid sequence prefix replaced by U+FFFD (EF BF BD).
    public static func repairing(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 1
            } else {
                output.append(contentsOf: bytes[index..<(index + length)])
                index += length
            }
        }
        return output
    }

    /// Length of the valid sequence starting at `index`, or 0 when it is invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let remaining = bytes.count - index
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            offset < remaining && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}
