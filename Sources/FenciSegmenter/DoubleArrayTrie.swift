/// A read-only double-array trie over dense character codes, in one flat array of units.
///
/// A transition from node `s` on code `c` goes to `t = units[s].base + c` when
/// `units[t].check == s`. The route search is bound by cache misses on `units[t]`, so each
/// 16-byte unit also carries what the next step needs: the index of the score of the word
/// ending there (scores live in a small table that stays in cache) and a 32-bit mask of its
/// children's codes modulo 32, which rejects most missing children (the last, failing step
/// of every walk) without touching their slot. `entries[t]` maps a node to its dictionary
/// entry for the colder lookups (tags, flags). The arrays live inside a `DictionaryImage`:
/// shared read-only by every thread and memory-mapped straight from disk.
public struct DoubleArrayTrie: @unchecked Sendable {
    // @unchecked Sendable: the buffers point into an immutable `ImageBytes` that the owner
    // (a `DictionaryImage`) keeps alive.

    /// One slot of the double array.
    public struct Unit: Sendable, BitwiseCopyable {
        /// Offset added to a code to find this node's child; may be negative.
        public var base: Int32
        /// The parent of this slot, -1 for a free slot, -2 for the root.
        public var check: Int32
        /// Index into `weights` of log(frequency) − log(total) for the word ending here, or
        /// `noWord` when none does (a prefix, or an entry of frequency 0, which jieba does not
        /// treat as a word).
        public var weightIndex: UInt32
        /// Bit `c % 32` is set when this node has a child on code `c`.
        public var childMask: UInt32
    }

    /// `weightIndex` of a node where no word ends.
    public static let noWord: UInt32 = .max

    /// The root node's index.
    public static let root: Int32 = 0

    let units: UnsafeBufferPointer<Unit>
    let entries: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>

    init(units: UnsafeBufferPointer<Unit>, entries: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Double>) throws(SegmenterError) {
        guard units.count == entries.count, units.count > 0 else {
            throw .corruptImage("trie arrays disagree in length (\(units.count), \(entries.count))")
        }
        self.units = units
        self.entries = entries
        self.weights = weights
    }

    /// Number of slots (used and free) in the arrays.
    public var slotCount: Int { units.count }

    /// The node reached from `node` on `code`, or -1 when there is no such transition.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public func child(of node: Int32, code: UInt32) -> Int32 {
        // Bases may be negative (see the builder); the unsigned compare rejects targets below 0.
        // Code 0 (a character no table knows) is rejected before touching memory.
        let unit = units[Int(node)]
        guard unit.childMask & (1 &<< (code & 31)) != 0, code != 0 else { return -1 }
        let target = Int(unit.base) &+ Int(code)
        guard UInt(bitPattern: target) < UInt(units.count), units[target].check == node else { return -1 }
        return Int32(truncatingIfNeeded: target)
    }

    /// The word score at `node` (+∞ when no word ends there).
    @inline(__always)
    public func weight(at node: Int32) -> Double {
        let index = Int(units[Int(node)].weightIndex)
        return index < weights.count ? weights[index] : .infinity  // `noWord` (or damage): no word
    }

    /// The dictionary entry ending at `node`, or -1 when the node is only a prefix.
    @inline(__always)
    public func entry(at node: Int32) -> Int32 {
        entries[Int(node)]
    }
}
