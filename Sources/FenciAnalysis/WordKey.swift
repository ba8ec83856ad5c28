/// A word as UTF-8 bytes, hashed byte-wise.
///
/// `String` hashing normalizes non-ASCII text to NFC first, which dominated keyword and
/// comparison time on Chinese text; dictionary text is already in one normal form, so
/// byte equality is the right equality and far cheaper.
public struct WordKey: Hashable, Sendable {
    public let bytes: [UInt8]
    /// FNV-1a of the bytes.
    public let digest: UInt64

    public init<C: Collection<UInt8>>(_ bytes: C) {
        self.bytes = Array(bytes)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in self.bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        digest = hash
    }

    public init(_ word: String) {
        self.init(word.utf8)
    }

    public static func == (lhs: WordKey, rhs: WordKey) -> Bool {
        lhs.digest == rhs.digest && lhs.bytes == rhs.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
