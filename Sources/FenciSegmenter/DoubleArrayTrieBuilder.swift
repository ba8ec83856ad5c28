/// Builds the three arrays of a `DoubleArrayTrie` from a set of code sequences.
///
/// Keys are sorted, then placed breadth-first: each node's children get the first base, in
/// free-list order, at which every child slot is free. With codes numbered by frequency
/// (common characters get small codes) the arrays come out dense (see `DictionaryImageBuilder`).
struct DoubleArrayTrieBuilder {
    private(set) var base: [Int32] = [0]
    private(set) var check: [Int32] = [-2]  // the root is its own; -1 marks a free slot
    private(set) var value: [Int32] = [-1]
    /// Doubly linked list of free slots (-1 terminates), in index order.
    private var nextFree: [Int32] = [-1]
    private var previousFree: [Int32] = [-1]
    private var freeHead = -1
    /// Failed proposals per slot, and the cut-off after which a slot is no longer proposed.
    private var failures: [UInt8] = [0]
    private static let maximumFailures: UInt8 = 16
    /// `previousFree` value of a slot that is no longer in the candidate list.
    private static let unlinked: Int32 = -2
    private var freeTail = -1

    /// Builds a trie holding `keys[i]` with value `i`. Keys must be non-empty, unique, and use
    /// codes ≥ 1.
    ///
    /// - Complexity: O(n log n) to sort plus roughly O(total key length) to place.
    static func build(keys: [[UInt32]]) -> DoubleArrayTrieBuilder {
        var builder = DoubleArrayTrieBuilder()
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        // Work items: a node and the range of sorted keys that share its prefix.
        var queue: [(node: Int32, depth: Int, lower: Int, upper: Int)] = [(0, 0, 0, order.count)]
        var head = 0
        var childCodes: [UInt32] = []
        var childRanges: [(Int, Int)] = []
        while head < queue.count {
            let (node, depth, lower, upper) = queue[head]
            head += 1
            childCodes.removeAll(keepingCapacity: true)
            childRanges.removeAll(keepingCapacity: true)
            var index = lower
            while index < upper {
                let key = keys[order[index]]
                if key.count == depth {
                    builder.value[Int(node)] = Int32(order[index])
                    index += 1
                    continue
                }
                let code = key[depth]
                precondition(code >= 1, "trie codes start at 1")
                var end = index + 1
                while end < upper, keys[order[end]][depth] == code { end += 1 }
                childCodes.append(code)
                childRanges.append((index, end))
                index = end
            }
            if childCodes.isEmpty { continue }
            let nodeBase = builder.placeChildren(codes: childCodes, parent: node)
            builder.base[Int(node)] = nodeBase
            for (offset, code) in childCodes.enumerated() {
                let slot = Int32(Int(nodeBase) + Int(code))
                queue.append((slot, depth + 1, childRanges[offset].0, childRanges[offset].1))
            }
            // The queue's consumed prefix is dead weight on large dictionaries.
            if head > 65_536, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
        }
        builder.trimFreeTail()
        return builder
    }

    /// Finds a base where all `codes` (ascending) land on free slots and claims them.
    ///
    /// Candidates come from a linked list of free slots, so placing a node never walks over
    /// occupied ones: the first free slot `f` proposes base `f − codes[0]` (bases may be
    /// negative; every target is still ≥ 1 because codes only grow).
    private mutating func placeChildren(codes: [UInt32], parent: Int32) -> Int32 {
        let firstCode = Int(codes[0])
        let lastCode = Int(codes[codes.count - 1])
        var slot = freeHead
        search: while true {
            if slot < 0 {
                // No free slot left: grow, which links new free slots at the tail.
                let firstNew = check.count
                ensureCapacity(check.count + lastCode + 1)
                slot = firstNew
            }
            let candidate = slot - firstCode
            ensureCapacity(candidate + lastCode + 1)
            for code in codes.dropFirst() where check[candidate + Int(code)] != -1 {
                let next = Int(nextFree[slot])
                // A free slot that keeps failing sits in a crowded region: stop proposing it
                // (it stays free for other nodes' later children). Without this, placing
                // jieba's dictionary tries ~400 million candidates instead of a few million.
                failures[slot] &+= 1
                if failures[slot] >= Self.maximumFailures { unlink(slot) }
                slot = next
                continue search
            }
            for code in codes { occupy(candidate + Int(code), parent: parent) }
            return Int32(candidate)
        }
    }

    /// Marks `slot` used by a child of `parent` and unlinks it from the free list.
    private mutating func occupy(_ slot: Int, parent: Int32) {
        check[slot] = parent
        if previousFree[slot] != Self.unlinked { unlink(slot) }
    }

    /// Removes `slot` from the candidate list.
    private mutating func unlink(_ slot: Int) {
        let previous = Int(previousFree[slot])
        let next = Int(nextFree[slot])
        if previous >= 0 { nextFree[previous] = Int32(next) } else { freeHead = next }
        if next >= 0 { previousFree[next] = Int32(previous) } else { freeTail = previous }
        previousFree[slot] = Self.unlinked
    }

    private mutating func ensureCapacity(_ size: Int) {
        if size <= check.count { return }
        let oldSize = check.count
        let newSize = max(size, oldSize + oldSize / 2 + 1024)
        let extra = newSize - oldSize
        base.append(contentsOf: repeatElement(0, count: extra))
        check.append(contentsOf: repeatElement(-1, count: extra))
        value.append(contentsOf: repeatElement(-1, count: extra))
        failures.append(contentsOf: repeatElement(0, count: extra))
        // Link the new slots, in order, after the current tail.
        nextFree.append(contentsOf: ((oldSize + 1)...newSize).map { Int32($0 == newSize ? -1 : $0) })
        previousFree.append(contentsOf: ((oldSize - 1)..<(newSize - 1)).map { Int32($0) })
        previousFree[oldSize] = Int32(freeTail)
        if freeTail >= 0 { nextFree[freeTail] = Int32(oldSize) } else { freeHead = oldSize }
        freeTail = newSize - 1
    }

    /// Drops the free slots after the last used one; lookups past the end read as "no child".
    private mutating func trimFreeTail() {
        var last = check.count - 1
        while last > 0, check[last] == -1 { last -= 1 }
        nextFree = []
        previousFree = []
        failures = []
        base.removeSubrange((last + 1)...)
        check.removeSubrange((last + 1)...)
        value.removeSubrange((last + 1)...)
    }

}
