/// How a byte stream is compressed, told from its first bytes.
public enum CompressionFormat: String, Sendable, CaseIterable {
    case identity, gzip, zlib

    /// Detects the format from at least the first two bytes.
    ///
    /// gzip starts with 1F 8B (RFC 1952). zlib has no magic number; its two-byte header
    /// (RFC 1950) is recognised by compression method 8, a window of at most 32 KiB, no preset
    /// dictionary, and the header checksum (CMF·256 + FLG divisible by 31). Plain text can
    /// pass that check (about one text in 500 starting with `(`, `8`, `H`, `X`, `h` or `x`),
    /// so a zlib guess is confirmed by decoding: see `sniff(_:)`.
    public static func detect(_ prefix: some Collection<UInt8>) -> CompressionFormat {
        var iterator = prefix.makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return .identity }
        if first == 0x1F, second == 0x8B { return .gzip }
        if first & 0x0F == 8, first >> 4 <= 7, second & 0x20 == 0, (UInt16(first) << 8 | UInt16(second)) % 31 == 0 { return .zlib }
        return .identity
    }

    /// `detect`, with a zlib guess confirmed by inflating the bytes at hand: a prefix that
    /// zlib rejects is plain text after all.
    public static func sniff(_ prefix: [UInt8]) -> CompressionFormat {
        let format = detect(prefix)
        guard format == .zlib else { return format }
        guard let trial = try? Inflater(format: .zlib) else { return .identity }
        var output: [UInt8] = []
        do {
            try prefix.prefix(4096).withUnsafeBytes { try trial.inflate($0, into: &output) }
            return .zlib
        } catch {
            return .identity
        }
    }
}
