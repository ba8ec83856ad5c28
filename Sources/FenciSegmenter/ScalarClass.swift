/// Character classes of Unicode scalars, exactly as jieba 0.42.1's regular expressions draw them.
///
/// jieba splits text with Python `re` character classes; parity depends on reproducing them
/// scalar for scalar, so each predicate names the pattern it mirrors. They are plain range
/// checks on `UInt32` scalars: no `Character`, no `Regex`, nothing allocated.
public enum ScalarClass {
    /// `[\u4E00-\u9FD5]`: the Han range jieba treats as Chinese (`re_han` in finalseg and posseg).
    @inline(__always)
    public static func isHan(_ scalar: UInt32) -> Bool {
        scalar &- 0x4E00 <= 0x9FD5 - 0x4E00
    }

    /// `[a-zA-Z0-9]`, ASCII only (jieba's `re_eng`).
    @inline(__always)
    public static func isASCIIAlphanumeric(_ scalar: UInt32) -> Bool {
        (scalar &- 0x30 <= 9) || ((scalar | 0x20) &- 0x61 <= 25)
    }

    /// `[0-9]`, ASCII only.
    @inline(__always)
    public static func isASCIIDigit(_ scalar: UInt32) -> Bool {
        scalar &- 0x30 <= 9
    }

    /// `[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]`: what `jieba.cut` keeps together in one block
    /// (`re_han_default`). Everything else is whitespace or a symbol emitted on its own.
    @inline(__always)
    public static func isDefaultBlockScalar(_ scalar: UInt32) -> Bool {
        if isHan(scalar) || isASCIIAlphanumeric(scalar) { return true }
        switch scalar {
        case 0x2B, 0x23, 0x26, 0x2E, 0x5F, 0x25, 0x2D: return true  // + # & . _ % -
        default: return false
        }
    }

    /// `[\u4E00-\u9FD5a-zA-Z0-9+#&\._]`: the block class of `jieba.posseg` (`re_han_internal`),
    /// which, unlike `jieba.cut`, leaves `%` and `-` out.
    @inline(__always)
    public static func isPosBlockScalar(_ scalar: UInt32) -> Bool {
        if isHan(scalar) || isASCIIAlphanumeric(scalar) { return true }
        switch scalar {
        case 0x2B, 0x23, 0x26, 0x2E, 0x5F: return true  // + # & . _
        default: return false
        }
    }

    /// Python's `\s` on `str` patterns (`str.isspace()`): ASCII whitespace, the information
    /// separators U+001C…U+001F, and Unicode's White_Space characters.
    @inline(__always)
    public static func isPythonWhitespace(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            return (scalar &- 0x09 <= 4) || (scalar &- 0x1C <= 4)  // \t\n\v\f\r, 1C…1F, space
        }
        switch scalar {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
