/// 64-bit SimHash of weighted words (Charikar): each word's 64-bit hash votes +weight or
/// −weight on every bit; the fingerprint keeps the bits with a positive total. Near-identical
/// documents get fingerprints a few bits apart.
public struct SimHash: Sendable, Equatable {
    public var value: UInt64

    public init(value: UInt64) {
        self.value = value
    }

    public init(weights: [(word: [UInt8], weight: Double)]) {
        var votes = [Double](repeating: 0, count: 64)
        for (word, weight) in weights {
            let hash = Self.hash(word)
            for bit in 0..<64 { votes[bit] += (hash >> UInt64(bit)) & 1 == 1 ? weight : -weight }
        }
        var value: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { value |= 1 << UInt64(bit) }
        self.value = value
    }

    /// Number of differing bits.
    public func distance(to other: SimHash) -> Int {
        (value ^ other.value).nonzeroBitCount
    }

    /// 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// FNV-1a over the UTF-8 bytes, then a final avalanche (FNV's high bits mix poorly for
    /// short keys, and SimHash needs every bit).
    static func hash(_ word: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}
