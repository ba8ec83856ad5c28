// jieba's finalseg: a 4-state HMM (B, M, E, S) that joins runs of characters the dictionary
// does not cover into new words.

extension Segmenter {
    /// State indices in the image's HMM tables.
    private static let (stateB, stateM, stateE, stateS) = (0, 1, 2, 3)

    /// For each state: its two possible predecessors, ordered so that the second one is the
    /// greater letter. Python's `max((prob, y0) …)` breaks ties towards the greater letter
    /// ('B' < 'E' < 'M' < 'S'), so "second wins ties" reproduces it.
    private static let predecessors: [(Int, Int)] = [
        (stateE, stateS),  // B ← E, S
        (stateB, stateM),  // M ← M, B
        (stateB, stateM),  // E ← B, M
        (stateE, stateS),  // S ← S, E
    ]

    /// Cuts a Han run with the BMES Viterbi and emits its words, splitting any word a user
    /// dictionary forced apart (frequency 0).
    func viterbiCut(_ run: Range<Int>, scratch: inout CutScratch) {
        let length = run.count
        CutScratch.grow(&scratch.viterbiScore, to: length * 4, filler: 0)
        CutScratch.grow(&scratch.viterbiBack, to: length * 4, filler: 0)
        CutScratch.grow(&scratch.states, to: length, filler: 0)
        let codeCount = image.codeCount
        let emission = image.hmmEmission
        let transition = image.hmmTransition
        let start = image.hmmStart
        let first = Int(scratch.codes[run.lowerBound])
        for state in 0..<4 {
            scratch.viterbiScore[state] = start[state] + emission[state * codeCount + first]
        }
        var step = 1
        while step < length {
            let code = Int(scratch.codes[run.lowerBound + step])
            let previous = (step - 1) * 4
            for state in 0..<4 {
                let emit = emission[state * codeCount + code]
                let (low, high) = Self.predecessors[state]
                let viaLow = scratch.viterbiScore[previous + low] + transition[low * 4 + state] + emit
                let viaHigh = scratch.viterbiScore[previous + high] + transition[high * 4 + state] + emit
                if viaHigh >= viaLow {
                    scratch.viterbiScore[step * 4 + state] = viaHigh
                    scratch.viterbiBack[step * 4 + state] = UInt8(high)
                } else {
                    scratch.viterbiScore[step * 4 + state] = viaLow
                    scratch.viterbiBack[step * 4 + state] = UInt8(low)
                }
            }
            step += 1
        }
        let last = (length - 1) * 4
        var state = scratch.viterbiScore[last + Self.stateS] >= scratch.viterbiScore[last + Self.stateE] ? Self.stateS : Self.stateE
        var position = length - 1
        while position >= 0 {
            scratch.states[position] = UInt8(state)
            state = Int(scratch.viterbiBack[position * 4 + state])
            position -= 1
        }
        emitStates(run, scratch: &scratch)
    }

    /// finalseg's `__cut`: B opens a word, E closes it, S is a word alone; a trailing open
    /// word is emitted as it stands.
    private func emitStates(_ run: Range<Int>, scratch: inout CutScratch) {
        var begin = 0
        var next = 0
        for offset in 0..<run.count {
            switch Int(scratch.states[offset]) {
            case Self.stateB:
                begin = offset
            case Self.stateE:
                emitHMMWord(run.lowerBound + begin..<run.lowerBound + offset + 1, scratch: &scratch)
                next = offset + 1
            case Self.stateS:
                emitHMMWord(run.lowerBound + offset..<run.lowerBound + offset + 1, scratch: &scratch)
                next = offset + 1
            default:
                break
            }
        }
        if next < run.count { emitHMMWord(run.lowerBound + next..<run.upperBound, scratch: &scratch) }
    }

    private func emitHMMWord(_ word: Range<Int>, scratch: inout CutScratch) {
        if word.count > 1, image.hasForceSplitEntries {
            let entry = entry(codes: scratch.codes[word])
            if image.flags(ofEntry: entry) & DictionaryImage.EntryFlags.forceSplit != 0 {
                for position in word {
                    scratch.spans.append(.init(start: Int32(position), end: Int32(position + 1), tag: Token.noTag))
                }
                return
            }
        }
        scratch.spans.append(.init(start: Int32(word.lowerBound), end: Int32(word.upperBound), tag: Token.noTag))
    }
}
