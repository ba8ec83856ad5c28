import CFenciData
import FenciCorpus

/// The data files compiled into the binary (see Sources/CFenciData): jieba 0.42.1's
/// dictionary, IDF table and HMM tables (MIT), and OpenCC's Traditional→Simplified tables
/// (Apache-2.0), gzip-compressed as committed under Resources/.
public enum BuiltinData: CaseIterable, Sendable {
    case dictionary, idf, hmmStart, hmmTransition, hmmEmission
    case posStart, posTransition, posEmission, posCharStates
    case traditionalToSimplifiedPhrases, traditionalToSimplifiedCharacters

    /// The name shown in error messages and `status` replies.
    public var name: String {
        switch self {
        case .dictionary: "built-in jieba dict.txt"
        case .idf: "built-in jieba idf.txt"
        case .hmmStart: "built-in hmm_start.tsv"
        case .hmmTransition: "built-in hmm_trans.tsv"
        case .hmmEmission: "built-in hmm_emit.tsv"
        case .posStart: "built-in posseg_start.tsv"
        case .posTransition: "built-in posseg_trans.tsv"
        case .posEmission: "built-in posseg_emit.tsv"
        case .posCharStates: "built-in posseg_char_state.tsv"
        case .traditionalToSimplifiedPhrases: "built-in OpenCC TSPhrases.txt"
        case .traditionalToSimplifiedCharacters: "built-in OpenCC TSCharacters.txt"
        }
    }

    /// The compressed bytes, which live as long as the process.
    public var compressedBytes: UnsafeRawBufferPointer {
        let file: fenci_embedded_file
        switch self {
        case .dictionary: file = fenci_jieba_dict()
        case .idf: file = fenci_jieba_idf()
        case .hmmStart: file = fenci_jieba_hmm_start()
        case .hmmTransition: file = fenci_jieba_hmm_trans()
        case .hmmEmission: file = fenci_jieba_hmm_emit()
        case .posStart: file = fenci_jieba_posseg_start()
        case .posTransition: file = fenci_jieba_posseg_trans()
        case .posEmission: file = fenci_jieba_posseg_emit()
        case .posCharStates: file = fenci_jieba_posseg_char_state()
        case .traditionalToSimplifiedPhrases: file = fenci_opencc_phrases()
        case .traditionalToSimplifiedCharacters: file = fenci_opencc_characters()
        }
        return UnsafeRawBufferPointer(start: file.bytes, count: file.count)
    }

    /// The decompressed text.
    public func text() throws -> [UInt8] {
        try Inflater.inflate(Array(compressedBytes), format: .gzip, maximumOutputBytes: nil)
    }
}
