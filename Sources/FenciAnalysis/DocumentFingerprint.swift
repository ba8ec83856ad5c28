/// What near-duplicate detection keeps of a document: its SimHash and its TF-IDF vector,
/// L2-normalized, as (word digest, weight) pairs sorted by digest (a merge gives the cosine).
///
/// Words are identified by the 64-bit digest of their UTF-8 bytes, so fingerprints made on
/// different threads need no shared word table; a collision would need two of a document's
/// few hundred words to share 64 bits.
public struct DocumentFingerprint: Sendable {
    public let simhash: SimHash
    let terms: [(digest: UInt64, weight: Double)]

    /// Cosine similarity of two fingerprints' vectors.
    public func cosine(_ other: DocumentFingerprint) -> Double {
        var sum = 0.0
        var i = 0
        var j = 0
        while i < terms.count, j < other.terms.count {
            let a = terms[i].digest
            let b = other.terms[j].digest
            if a == b {
                sum += terms[i].weight * other.terms[j].weight
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return min(max(sum, 0), 1)
    }
}

extension DocumentComparer {
    /// The fingerprint of a document (normalized first when `normalize` and a normalizer is set).
    public func fingerprint(_ text: String, normalize: Bool = true) -> DocumentFingerprint {
        let normalized = normalize ? normalizer?.normalize(text) ?? text : text
        let vector = vector(normalized)
        let norm = vector.norm > 0 ? vector.norm : 1
        let terms = vector.order.map { (digest: $0.digest, weight: vector.weights[$0]! / norm) }  // keys of `order` are in `weights`
            .sorted { $0.digest < $1.digest }
        return DocumentFingerprint(simhash: SimHash(weights: vector.order.map { ($0.bytes, vector.weights[$0]!) }), terms: terms)
    }
}
