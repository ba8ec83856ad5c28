/// How a byte stream is compressed, told from its first bytes.
public enum CompressionFormat: String, Sendable, CaseIterable {
    case identity, gzip, zlib

    /// Detects the format from at least the first two bytes.
    ///
    /// gzip starts with 1F 8B (RFC 1952). zlib has no magic number; its two-byte header
    /// (RFC 1950) is recognised by compression method 8, a window of at most 32 KiB, and the
    /// header checksum (CMF·256 + FLG divisible by 31). Chinese UTF-8 text never matches:
    /// its lead bytes (E4–E9) have the wrong low nibble.
    public static func detect(_ prefix: some Collection<UInt8>) -> CompressionFormat {
        var iterator = prefix.makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return .identity }
        if first == 0x1F, second == 0x8B { return .gzip }
        if first & 0x0F == 8, first >> 4 <= 7, (UInt16(first) << 8 | UInt16(second)) % 31 == 0 { return .zlib }
        return .identity
    }
}
