/// A compiled dictionary and model set: every table the segmenter reads, in one flat image.
///
/// The layout is a header (magic, format version, section table) followed by 8-byte aligned
/// arrays. `DictionaryImageBuilder` writes it; this type only validates the header and hands
/// out typed views, so opening an image costs microseconds however large it is. The same
/// bytes serve a heap copy and a memory-mapped cache file.
public struct DictionaryImage: @unchecked Sendable {
    // @unchecked Sendable: all views point into `bytes`, which is immutable and kept alive here.

    /// Identifies the file type: "FENCIDIC".
    static let magic: UInt64 = 0x4349_4449_434E_4546
    /// Bumped whenever the layout or its meaning changes; older cache files are rebuilt.
    public static let formatVersion: UInt32 = 2

    /// The sections, in table order.
    enum Section: Int, CaseIterable {
        case scalars             // [Double]: logTotal, total, entryCount, codeCount, forceSplitCount
        case bmpCodes            // [UInt32] × 65536: scalar → character code (0: unknown)
        case astralCodes         // [UInt32] pairs (scalar, code), sorted by scalar
        case trieUnits           // [DoubleArrayTrie.Unit]
        case trieEntries         // [Int32]: entry index per slot, or -1
        case trieWeights         // [Double]: the distinct word scores the units index
        case entryFrequency      // [Int64]: the frequency as written (0 = prefix-like entry)
        case entryFlags          // [UInt8]: EntryFlags
        case entryTag            // [UInt16]: index into tagNames, or noTag
        case tagNames            // [UInt8]: tag names, each followed by NUL
        case hmmStart            // [Double] × 4 (B, M, E, S)
        case hmmTransition       // [Double] × 16, row = from
        case hmmEmission         // [Double] × 4 × codeCount, row = state
        case posStateTags        // [UInt16] per POS state: (BMES index << 12) | tag index
        case posStart            // [Double] per POS state
        case posTransition       // [Double] states × states, row = from; −∞ when absent
        case posSuccessors       // [UInt64] states × words: bit set of states with a transition
        case posCharStateStart   // [UInt32] codeCount + 1: ranges into posCharStates
        case posCharStates       // [UInt16]: allowed POS states per character
        case posEmissionStart    // [UInt32] codeCount + 1: ranges into the two arrays below
        case posEmissionState    // [UInt16]: sorted by state within each character
        case posEmissionLogProb  // [Double]
    }

    /// Bits of `entryFlags`.
    enum EntryFlags {
        /// The frequency is positive: the entry counts as a word (jieba's `FREQ.get(w)` truthy).
        static let word: UInt8 = 1
        /// A user word given frequency 0: the HMM must not emit it whole (jieba's force split).
        static let forceSplit: UInt8 = 2
    }

    static let noTag: UInt16 = .max
    /// jieba's `MIN_FLOAT`: the log probability of an impossible event.
    public static let minLogProbability: Double = -3.14e100

    /// The raw bytes this image reads from.
    public let bytes: ImageBytes

    let logTotal: Double
    /// Sum of all entries' frequencies (jieba's `total`).
    public let total: Int64
    /// Number of dictionary entries, including zero-frequency ones.
    public let entryCount: Int
    /// Number of character codes plus one (code 0 stands for "not in any table").
    let codeCount: Int
    /// Whether any entry is force-split (lets the HMM skip a trie lookup per word otherwise).
    let hasForceSplitEntries: Bool

    let bmpCodes: UnsafeBufferPointer<UInt32>
    let astralCodes: UnsafeBufferPointer<UInt32>
    let trie: DoubleArrayTrie
    let entryFrequency: UnsafeBufferPointer<Int64>
    let entryFlags: UnsafeBufferPointer<UInt8>
    let entryTag: UnsafeBufferPointer<UInt16>
    /// Tag names by index (`n`, `ns`, `eng`, …).
    public let tagNames: [String]
    let hmmStart: UnsafeBufferPointer<Double>
    let hmmTransition: UnsafeBufferPointer<Double>
    let hmmEmission: UnsafeBufferPointer<Double>
    let posStateTags: UnsafeBufferPointer<UInt16>
    let posStart: UnsafeBufferPointer<Double>
    let posTransition: UnsafeBufferPointer<Double>
    let posSuccessors: UnsafeBufferPointer<UInt64>
    let posCharStateStart: UnsafeBufferPointer<UInt32>
    let posCharStates: UnsafeBufferPointer<UInt16>
    let posEmissionStart: UnsafeBufferPointer<UInt32>
    let posEmissionState: UnsafeBufferPointer<UInt16>
    let posEmissionLogProb: UnsafeBufferPointer<Double>

    /// Number of POS HMM states ((B|M|E|S, tag) pairs).
    var posStateCount: Int { posStart.count }
    /// Number of 64-bit words in one POS state set.
    var posSetWords: Int { (posStateCount + 63) / 64 }

    /// Opens an image, validating its header and every section's bounds.
    ///
    /// - Throws: `SegmenterError.corruptImage` for a wrong magic, another format version, or
    ///   sections that overrun the bytes or disagree in size.
    public init(bytes: ImageBytes) throws(SegmenterError) {
        self.bytes = bytes
        let headerSize = 16 + Section.allCases.count * 16
        guard bytes.count >= headerSize else { throw .corruptImage("truncated header (\(bytes.count) bytes)") }
        let raw = bytes.baseAddress
        guard raw.loadUnaligned(as: UInt64.self) == Self.magic else { throw .corruptImage("not a Fenci dictionary image") }
        let version = raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
        guard version == Self.formatVersion else {
            throw .corruptImage("format version \(version), expected \(Self.formatVersion)")
        }
        let sectionCount = Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        guard sectionCount == Section.allCases.count else { throw .corruptImage("\(sectionCount) sections, expected \(Section.allCases.count)") }

        func view<T>(_ section: Section, _ type: T.Type) throws(SegmenterError) -> UnsafeBufferPointer<T> {
            let entry = 16 + section.rawValue * 16
            let offset = raw.loadUnaligned(fromByteOffset: entry, as: UInt64.self)
            let count = raw.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self)
            guard offset <= UInt64(Int.max), count <= UInt64(Int32.max) else { throw .corruptImage("section \(section) out of range") }
            return try bytes.buffer(at: Int(offset), count: Int(count), as: T.self)
        }

        let scalars = try view(.scalars, Double.self)
        guard scalars.count == 5 else { throw .corruptImage("scalars section has \(scalars.count) values") }
        logTotal = scalars[0]
        total = Int64(scalars[1])
        entryCount = Int(scalars[2])
        codeCount = Int(scalars[3])
        hasForceSplitEntries = scalars[4] > 0

        bmpCodes = try view(.bmpCodes, UInt32.self)
        astralCodes = try view(.astralCodes, UInt32.self)
        trie = try DoubleArrayTrie(units: view(.trieUnits, DoubleArrayTrie.Unit.self), entries: view(.trieEntries, Int32.self),
                                   weights: view(.trieWeights, Double.self))
        entryFrequency = try view(.entryFrequency, Int64.self)
        entryFlags = try view(.entryFlags, UInt8.self)
        entryTag = try view(.entryTag, UInt16.self)
        let names = try view(.tagNames, UInt8.self)
        tagNames = names.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        hmmStart = try view(.hmmStart, Double.self)
        hmmTransition = try view(.hmmTransition, Double.self)
        hmmEmission = try view(.hmmEmission, Double.self)
        posStateTags = try view(.posStateTags, UInt16.self)
        posStart = try view(.posStart, Double.self)
        posTransition = try view(.posTransition, Double.self)
        posSuccessors = try view(.posSuccessors, UInt64.self)
        posCharStateStart = try view(.posCharStateStart, UInt32.self)
        posCharStates = try view(.posCharStates, UInt16.self)
        posEmissionStart = try view(.posEmissionStart, UInt32.self)
        posEmissionState = try view(.posEmissionState, UInt16.self)
        posEmissionLogProb = try view(.posEmissionLogProb, Double.self)

        try checkConsistency()
    }

    /// Cross-checks section sizes, so a damaged file fails here rather than as a crash later.
    private func checkConsistency() throws(SegmenterError) {
        let states = posStateCount
        guard bmpCodes.count == 0x1_0000, astralCodes.count % 2 == 0,
              entryFrequency.count == entryCount,
              entryFlags.count == entryCount, entryTag.count == entryCount,
              hmmStart.count == 4, hmmTransition.count == 16, hmmEmission.count == 4 * codeCount,
              posStateTags.count == states, posTransition.count == states * states,
              posSuccessors.count == states * posSetWords,
              posCharStateStart.count == codeCount + 1, posEmissionStart.count == codeCount + 1,
              Int(posCharStateStart[codeCount]) == posCharStates.count,
              Int(posEmissionStart[codeCount]) == posEmissionState.count,
              posEmissionState.count == posEmissionLogProb.count
        else { throw .corruptImage("section sizes are inconsistent") }
        // The large arrays (codes, trie) are not scanned here: that would touch every page of a
        // mapped image on each start. Their readers clamp instead (`code(of:)`, `isWord`, …).
        for tag in entryTag where tag != Self.noTag && Int(tag) >= tagNames.count { throw .corruptImage("tag index \(tag) out of range") }
        for stateTag in posStateTags where Int(stateTag & 0xFFF) >= tagNames.count { throw .corruptImage("POS tag out of range") }
        for state in posCharStates where Int(state) >= states { throw .corruptImage("POS state out of range") }
        for state in posEmissionState where Int(state) >= states { throw .corruptImage("POS state out of range") }
    }

    // MARK: - Lookups

    /// The dense code of a Unicode scalar (0 when no table knows it).
    @inline(__always)
    func code(of scalar: UInt32) -> UInt32 {
        let code = scalar < 0x1_0000 ? bmpCodes[Int(scalar)] : astralCode(of: scalar)
        return Int(code) < codeCount ? code : 0  // a damaged image degrades, never crashes
    }

    private func astralCode(of scalar: UInt32) -> UInt32 {
        var low = 0
        var high = astralCodes.count / 2
        while low < high {
            let mid = (low + high) / 2
            let key = astralCodes[mid * 2]
            if key == scalar { return astralCodes[mid * 2 + 1] }
            if key < scalar { low = mid + 1 } else { high = mid }
        }
        return 0
    }

    /// Whether `entry` is a word (positive frequency).
    @inline(__always)
    func isWord(_ entry: Int32) -> Bool {
        entry >= 0 && Int(entry) < entryCount && entryFlags[Int(entry)] & EntryFlags.word != 0
    }

    /// The flags of an entry (0 for -1 or out of range).
    @inline(__always)
    func flags(ofEntry entry: Int32) -> UInt8 {
        entry >= 0 && Int(entry) < entryCount ? entryFlags[Int(entry)] : 0
    }

    /// The frequency of an entry, or nil for -1.
    func frequency(ofEntry entry: Int32) -> Int64? {
        entry >= 0 && Int(entry) < entryCount ? entryFrequency[Int(entry)] : nil
    }

    /// The tag name of an entry, if it has one.
    func tag(ofEntry entry: Int32) -> UInt16? {
        guard entry >= 0, Int(entry) < entryCount else { return nil }
        let tag = entryTag[Int(entry)]
        return tag == Self.noTag ? nil : tag
    }

    /// The index of a tag name, if the image knows it.
    func tagIndex(named name: String) -> UInt16? {
        tagNames.firstIndex(of: name).map { UInt16($0) }
    }
}
