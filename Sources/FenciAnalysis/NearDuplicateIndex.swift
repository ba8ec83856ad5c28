/// Groups near-duplicate documents among many: SimHash bands propose candidates, the cosine
/// of the TF-IDF vectors decides.
///
/// The 64-bit SimHash is cut into 8 bands of 8 bits; documents sharing any band are
/// candidates, which catches every pair within 7 bits (pigeonhole) and most beyond. A
/// candidate pair is linked when its SimHash distance is at most `maximumDistance` and its
/// cosine reaches `threshold` (the seed pair 000/001: distance 5, cosine 0.91; other seed
/// pairs: distance ≥ 16). Linked documents form groups (union-find).
public struct NearDuplicateIndex: Sendable {
    public let threshold: Double
    public let maximumDistance: Int
    private var fingerprints: [DocumentFingerprint] = []

    public init(threshold: Double = DocumentComparer.nearDuplicateCosine, maximumDistance: Int = 12) {
        self.threshold = threshold
        self.maximumDistance = maximumDistance
    }

    public var count: Int { fingerprints.count }

    /// Adds a document; its number is its position (0, 1, …).
    public mutating func add(_ fingerprint: DocumentFingerprint) {
        fingerprints.append(fingerprint)
    }

    /// Groups of two or more near-duplicate documents, each sorted, ordered by first member.
    public func groups() -> [[Int]] {
        var parent = Array(fingerprints.indices)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for band in 0..<8 {
            var buckets: [UInt8: [Int]] = [:]
            for (index, fingerprint) in fingerprints.enumerated() {
                buckets[UInt8(truncatingIfNeeded: fingerprint.simhash.value >> UInt64(band * 8)), default: []].append(index)
            }
            for members in buckets.values where members.count > 1 {
                for (offset, first) in members.enumerated() {
                    for second in members[(offset + 1)...] {
                        let rootA = root(first)
                        let rootB = root(second)
                        if rootA == rootB { continue }
                        let a = fingerprints[first]
                        let b = fingerprints[second]
                        guard a.simhash.distance(to: b.simhash) <= maximumDistance, a.cosine(b) >= threshold else { continue }
                        parent[max(rootA, rootB)] = min(rootA, rootB)
                    }
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in fingerprints.indices { groups[root(index), default: []].append(index) }
        return groups.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }
}
