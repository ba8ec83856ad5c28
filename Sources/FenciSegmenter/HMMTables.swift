/// jieba's segmentation HMM (finalseg) parsed from its TSV tables, for compilation into an image.
///
/// States are B, M, E, S (begin, middle, end of a word; single-character word), indexed 0…3.
/// Missing transitions and emissions get jieba's `MIN_FLOAT`, exactly as its `.get(x, MIN_FLOAT)`.
struct HMMTables {
    static let stateLetters: [UInt8] = [0x42, 0x4D, 0x45, 0x53]  // B M E S

    var start = [Double](repeating: DictionaryImage.minLogProbability, count: 4)
    var transition = [Double](repeating: DictionaryImage.minLogProbability, count: 16)
    var emission: [(state: Int, scalar: UInt32, logProb: Double)] = []

    var emissionScalars: [UInt32] { emission.map(\.scalar) }

    init(start startText: DictionarySources.Text, transition transitionText: DictionarySources.Text,
         emission emissionText: DictionarySources.Text) throws(SegmenterError) {
        for line in TextLines(bytes: startText.bytes) where !line.text.isEmpty {
            let fields = line.fields(separator: 0x09)
            guard fields.count == 2, let state = Self.state(fields[0]), let value = fields[1].doubleValue else {
                throw .invalidModelLine(source: startText.name, line: line.number, text: line.string, reason: "expected 'state TAB logprob'")
            }
            start[state] = value
        }
        for line in TextLines(bytes: transitionText.bytes) where !line.text.isEmpty {
            let fields = line.fields(separator: 0x09)
            guard fields.count == 3, let from = Self.state(fields[0]), let to = Self.state(fields[1]),
                  let value = fields[2].doubleValue else {
                throw .invalidModelLine(source: transitionText.name, line: line.number, text: line.string,
                                        reason: "expected 'from TAB to TAB logprob'")
            }
            transition[from * 4 + to] = value
        }
        for line in TextLines(bytes: emissionText.bytes) where !line.text.isEmpty {
            let fields = line.fields(separator: 0x09)
            let scalars = fields.count == 3 ? fields[1].scalars : []
            guard fields.count == 3, let state = Self.state(fields[0]), scalars.count == 1, let value = fields[2].doubleValue else {
                throw .invalidModelLine(source: emissionText.name, line: line.number, text: line.string,
                                        reason: "expected 'state TAB character TAB logprob'")
            }
            emission.append((state, scalars[0], value))
        }
    }

    /// The emission log probabilities as a dense `[state × code]` table.
    func emissionTable(codeCount: Int, codeOf: [UInt32: UInt32]) -> [Double] {
        var table = [Double](repeating: DictionaryImage.minLogProbability, count: 4 * codeCount)
        for (state, scalar, logProb) in emission {
            table[state * codeCount + Int(codeOf[scalar]!)] = logProb  // every table scalar has a code
        }
        return table
    }

    static func state(_ field: ArraySlice<UInt8>) -> Int? {
        guard field.count == 1 else { return nil }
        return stateLetters.firstIndex(of: field.first!)  // count == 1, so first exists
    }
}
