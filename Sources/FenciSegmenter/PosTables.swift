/// jieba's part-of-speech HMM (posseg) parsed from its TSV tables, for compilation into an image.
///
/// A state is a (B|M|E|S, tag) pair. States are numbered in Python's tuple order (letter, then
/// tag, byte-wise) so that comparing state numbers breaks Viterbi ties exactly as jieba's
/// `max((prob, state) …)` does.
struct PosTables {
    struct State: Hashable {
        var state: Int  // 0…3 = B M E S
        var tag: String
    }

    var states: [State] = []
    var start: [Double] = []
    /// Row-major `[from × to]`; −∞ where jieba's table has no entry (`trans_p[y0].get(y, MIN_INF)`).
    var transition: [Double] = []
    /// Per state, a bit set of the states it has a transition to.
    var successorSets: [UInt64] = []
    var emission: [(state: Int, scalar: UInt32, logProb: Double)] = []
    var charStates: [(scalar: UInt32, states: [Int])] = []

    var scalars: [UInt32] { emission.map(\.scalar) + charStates.map(\.scalar) }

    init(start startText: DictionarySources.Text, transition transitionText: DictionarySources.Text,
         emission emissionText: DictionarySources.Text, charStates charStateText: DictionarySources.Text) throws(SegmenterError) {
        var startValues: [(State, Double)] = []
        for line in TextLines(bytes: startText.bytes) where !line.text.isEmpty {
            let fields = line.fields(separator: 0x09)
            guard fields.count == 3, let state = HMMTables.state(fields[0]), !fields[1].isEmpty, let value = fields[2].doubleValue else {
                throw .invalidModelLine(source: startText.name, line: line.number, text: line.string, reason: "expected 'state TAB tag TAB logprob'")
            }
            startValues.append((State(state: state, tag: String(decoding: fields[1], as: UTF8.self)), value))
        }
        // B < E < M < S in Python's string order; our letter indices are B M E S.
        let pythonLetterRank = [0, 2, 1, 3]
        startValues.sort { lhs, rhs in
            pythonLetterRank[lhs.0.state] != pythonLetterRank[rhs.0.state]
                ? pythonLetterRank[lhs.0.state] < pythonLetterRank[rhs.0.state]
                : Array(lhs.0.tag.utf8).lexicographicallyPrecedes(Array(rhs.0.tag.utf8))
        }
        states = startValues.map(\.0)
        start = startValues.map(\.1)
        var number: [State: Int] = [:]
        for (index, state) in states.enumerated() { number[state] = index }
        let count = states.count
        guard count > 0 else { throw .invalidModelLine(source: startText.name, line: 0, text: "", reason: "no states") }

        func parseState(_ letter: ArraySlice<UInt8>, _ tag: ArraySlice<UInt8>) -> Int? {
            guard let state = HMMTables.state(letter) else { return nil }
            return number[State(state: state, tag: String(decoding: tag, as: UTF8.self))]
        }

        transition = [Double](repeating: -.infinity, count: count * count)
        let setWords = (count + 63) / 64
        successorSets = [UInt64](repeating: 0, count: count * setWords)
        for line in TextLines(bytes: transitionText.bytes) where !line.text.isEmpty {
            let fields = line.fields(separator: 0x09)
            guard fields.count == 5, let from = parseState(fields[0], fields[1]), let to = parseState(fields[2], fields[3]),
                  let value = fields[4].doubleValue else {
                throw .invalidModelLine(source: transitionText.name, line: line.number, text: line.string,
                                        reason: "expected 'state TAB tag TAB state TAB tag TAB logprob' with known states")
            }
            transition[from * count + to] = value
            successorSets[from * setWords + to / 64] |= 1 << UInt64(to % 64)
        }
        for line in TextLines(bytes: emissionText.bytes) where !line.text.isEmpty {
            let fields = line.fields(separator: 0x09)
            let scalars = fields.count == 4 ? fields[2].scalars : []
            guard fields.count == 4, let state = parseState(fields[0], fields[1]), scalars.count == 1,
                  let value = fields[3].doubleValue else {
                throw .invalidModelLine(source: emissionText.name, line: line.number, text: line.string,
                                        reason: "expected 'state TAB tag TAB character TAB logprob' with a known state")
            }
            emission.append((state, scalars[0], value))
        }
        for line in TextLines(bytes: charStateText.bytes) where !line.text.isEmpty {
            let fields = line.fields(separator: 0x09)
            let scalars = fields.count == 2 ? fields[0].scalars : []
            guard fields.count == 2, scalars.count == 1 else {
                throw .invalidModelLine(source: charStateText.name, line: line.number, text: line.string,
                                        reason: "expected 'character TAB state,tag …'")
            }
            var allowed: [Int] = []
            for pair in fields[1].split(separator: 0x20) {
                let parts = pair.split(separator: 0x2C, maxSplits: 1)
                guard parts.count == 2, let state = parseState(parts[0], parts[1]) else {
                    throw .invalidModelLine(source: charStateText.name, line: line.number, text: line.string,
                                            reason: "unknown state \(String(decoding: pair, as: UTF8.self))")
                }
                allowed.append(state)
            }
            charStates.append((scalars[0], allowed))
        }
    }

    func charStateTable(codeCount: Int, codeOf: [UInt32: UInt32]) -> (start: [UInt32], states: [UInt16]) {
        var byCode = [[UInt16]](repeating: [], count: codeCount)
        for (scalar, allowed) in charStates { byCode[Int(codeOf[scalar]!)] = allowed.map { UInt16($0) } }  // every table scalar has a code
        return flatten(byCode)
    }

    func emissionTable(codeCount: Int, codeOf: [UInt32: UInt32]) -> (start: [UInt32], states: [UInt16], logProbs: [Double]) {
        var byCode = [[(UInt16, Double)]](repeating: [], count: codeCount)
        for (state, scalar, logProb) in emission { byCode[Int(codeOf[scalar]!)].append((UInt16(state), logProb)) }  // as above
        var start: [UInt32] = [0]
        var states: [UInt16] = []
        var logProbs: [Double] = []
        for var row in byCode {
            row.sort { $0.0 < $1.0 }
            for (state, logProb) in row { states.append(state); logProbs.append(logProb) }
            start.append(UInt32(states.count))
        }
        return (start, states, logProbs)
    }

    private func flatten(_ rows: [[UInt16]]) -> (start: [UInt32], states: [UInt16]) {
        var start: [UInt32] = [0]
        var flat: [UInt16] = []
        for row in rows { flat.append(contentsOf: row); start.append(UInt32(flat.count)) }
        return (start, flat)
    }
}
