// jieba.posseg's Viterbi over (B|M|E|S, tag) states, kept sparse: at each character only the
// states the character allows (and the previous states can reach) are scored.

extension Segmenter {
    /// Cuts a Han run into tagged words with the POS HMM, exactly as `posseg.viterbi` +
    /// `POSTokenizer.__cut`. States are numbered in Python's tuple order, so "higher number
    /// wins ties" is jieba's `max((prob, state) …)`.
    func posViterbiCut(_ run: Range<Int>, scratch: inout CutScratch) {
        let stateCount = image.posStateCount
        let setWords = image.posSetWords
        CutScratch.grow(&scratch.posStateSet, to: setWords, filler: 0)
        CutScratch.grow(&scratch.posSeen, to: setWords, filler: 0)
        scratch.posStepStart.removeAll(keepingCapacity: true)
        scratch.posState.removeAll(keepingCapacity: true)
        scratch.posScore.removeAll(keepingCapacity: true)
        scratch.posBack.removeAll(keepingCapacity: true)

        // t = 0: the character's allowed states (all states when it has none listed).
        let firstCode = Int(scratch.codes[run.lowerBound])
        scratch.posStepStart.append(0)
        forEachCandidate(code: firstCode, restricted: false, scratch: &scratch) { state, scratch in
            scratch.posState.append(UInt16(state))
            scratch.posScore.append(image.posStart[state] + posEmission(state: state, code: firstCode))
            scratch.posBack.append(-1)
        }
        for offset in 1..<max(run.count, 1) {
            let code = Int(scratch.codes[run.lowerBound + offset])
            let previousStart = Int(scratch.posStepStart[offset - 1])
            let previousEnd = scratch.posState.count
            scratch.posStepStart.append(Int32(previousEnd))
            // States reachable from the previous step's states that have any transition.
            for word in 0..<setWords { scratch.posStateSet[word] = 0 }
            for entry in previousStart..<previousEnd {
                let state = Int(scratch.posState[entry])
                for word in 0..<setWords { scratch.posStateSet[word] |= image.posSuccessors[state * setWords + word] }
            }
            // jieba would fail (max of an empty list) when no previous state has a transition;
            // that cannot happen with its tables, and here it degrades to "any state, any predecessor".
            let reachable = (0..<setWords).contains { scratch.posStateSet[$0] != 0 }
            forEachCandidate(code: code, restricted: reachable, scratch: &scratch) { state, scratch in
                let emit = posEmission(state: state, code: code)
                var best = -Double.infinity
                var bestEntry = -1
                var bestState = -1
                for entry in previousStart..<previousEnd {
                    let previous = Int(scratch.posState[entry])
                    guard !reachable || hasSuccessors(previous, setWords: setWords) else { continue }
                    let candidate = scratch.posScore[entry] + image.posTransition[previous * stateCount + state] + emit
                    if bestEntry < 0 || candidate > best || (candidate == best && previous > bestState) {
                        best = candidate
                        bestEntry = entry
                        bestState = previous
                    }
                }
                scratch.posState.append(UInt16(state))
                scratch.posScore.append(best)
                scratch.posBack.append(Int32(bestEntry))
            }
        }
        scratch.posStepStart.append(Int32(scratch.posState.count))

        // The best final state (ties to the higher state), then back pointers.
        let lastStart = Int(scratch.posStepStart[run.count - 1])
        var entry = lastStart
        for candidate in lastStart..<scratch.posState.count {
            let score = scratch.posScore[candidate]
            if score > scratch.posScore[entry] || (score == scratch.posScore[entry] && scratch.posState[candidate] > scratch.posState[entry]) {
                entry = candidate
            }
        }
        // Reuse `ends` to hold the chosen state per character.
        scratch.ends.removeAll(keepingCapacity: true)
        scratch.ends.append(contentsOf: repeatElement(0, count: run.count))
        var offset = run.count - 1
        while offset >= 0 {
            scratch.ends[offset] = Int32(scratch.posState[entry])
            entry = Int(scratch.posBack[entry])
            offset -= 1
        }
        emitPosStates(run, scratch: &scratch)
    }

    /// POSTokenizer's `__cut`: B opens, E closes (tagged with E's tag), S stands alone; a
    /// trailing open word takes the tag of its first character's state.
    private func emitPosStates(_ run: Range<Int>, scratch: inout CutScratch) {
        var begin = 0
        var next = 0
        for offset in 0..<run.count {
            let stateTag = image.posStateTags[Int(scratch.ends[offset])]
            let letter = stateTag >> 12
            let tag = stateTag & 0xFFF
            switch letter {
            case 0:  // B
                begin = offset
            case 2:  // E
                scratch.spans.append(.init(start: Int32(run.lowerBound + begin), end: Int32(run.lowerBound + offset + 1), tag: tag))
                next = offset + 1
            case 3:  // S
                scratch.spans.append(.init(start: Int32(run.lowerBound + offset), end: Int32(run.lowerBound + offset + 1), tag: tag))
                next = offset + 1
            default:
                break
            }
        }
        if next < run.count {
            let tag = image.posStateTags[Int(scratch.ends[next])] & 0xFFF
            scratch.spans.append(.init(start: Int32(run.lowerBound + next), end: Int32(run.upperBound), tag: tag))
        }
    }

    /// Calls `body` once per candidate state of a character: its allowed states (all states
    /// when the table lists none), intersected with `scratch.posStateSet` when `restricted`;
    /// when the intersection is empty, that set itself (jieba's fallback).
    private func forEachCandidate(code: Int, restricted: Bool, scratch: inout CutScratch,
                                  _ body: (Int, inout CutScratch) -> Void) {
        let setWords = image.posSetWords
        let stateCount = image.posStateCount
        let lower = Int(image.posCharStateStart[code])
        let upper = Int(image.posCharStateStart[code + 1])
        for word in 0..<setWords { scratch.posSeen[word] = 0 }
        var emitted = 0
        if lower < upper {
            for index in lower..<upper {
                let state = Int(image.posCharStates[index])
                let bit = UInt64(1) << UInt64(state % 64)
                if restricted, scratch.posStateSet[state / 64] & bit == 0 { continue }
                if scratch.posSeen[state / 64] & bit != 0 { continue }
                scratch.posSeen[state / 64] |= bit
                body(state, &scratch)
                emitted += 1
            }
            if emitted > 0 { return }
        }
        for state in 0..<stateCount {
            let bit = UInt64(1) << UInt64(state % 64)
            // Fallback after an empty intersection, or a character with no listed states.
            if restricted, scratch.posStateSet[state / 64] & bit == 0 { continue }
            body(state, &scratch)
        }
    }

    @inline(__always)
    private func hasSuccessors(_ state: Int, setWords: Int) -> Bool {
        for word in 0..<setWords where image.posSuccessors[state * setWords + word] != 0 { return true }
        return false
    }

    /// `emit_p[state].get(char, MIN_FLOAT)`, by binary search in the character's sorted row.
    @inline(__always)
    private func posEmission(state: Int, code: Int) -> Double {
        var low = Int(image.posEmissionStart[code])
        var high = Int(image.posEmissionStart[code + 1])
        let target = UInt16(state)
        while low < high {
            let mid = (low + high) / 2
            let value = image.posEmissionState[mid]
            if value == target { return image.posEmissionLogProb[mid] }
            if value < target { low = mid + 1 } else { high = mid }
        }
        return DictionaryImage.minLogProbability
    }
}
