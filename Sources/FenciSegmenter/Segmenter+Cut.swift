// The hot path, top-down as jieba's `cut`: split by character class → best route over the
// dictionary DAG → emit words, sending runs of unknown single characters through the HMM.

extension Segmenter {
    /// jieba's `cut(sentence, HMM=hmm)`.
    func cutDefault(hmm: Bool, scratch: inout CutScratch) {
        let count = scratch.count
        var index = 0
        while index < count {
            if ScalarClass.isDefaultBlockScalar(scratch.scalars[index]) {
                var end = index + 1
                while end < count, ScalarClass.isDefaultBlockScalar(scratch.scalars[end]) { end += 1 }
                computeRoute(index..<end, scratch: &scratch)
                if hmm { emitRouteWithHMM(index..<end, scratch: &scratch) } else { emitRouteWithoutHMM(index..<end, scratch: &scratch) }
                index = end
            } else {
                var end = index + 1
                while end < count, !ScalarClass.isDefaultBlockScalar(scratch.scalars[end]) { end += 1 }
                emitSkipped(index..<end, wholeRuns: false, scratch: &scratch)
                index = end
            }
        }
    }

    /// Text between blocks, split as `re_skip_default.split` does: `\r\n` and each whitespace
    /// scalar alone; other scalars one by one (default) or as whole runs (full mode).
    func emitSkipped(_ range: Range<Int>, wholeRuns: Bool, scratch: inout CutScratch) {
        var index = range.lowerBound
        var runStart = index
        func flushRun(upTo end: Int) {
            guard runStart < end else { return }
            if wholeRuns {
                scratch.spans.append(.init(start: Int32(runStart), end: Int32(end), tag: Token.noTag))
            } else {
                for position in runStart..<end {
                    scratch.spans.append(.init(start: Int32(position), end: Int32(position + 1), tag: Token.noTag))
                }
            }
        }
        while index < range.upperBound {
            let scalar = scratch.scalars[index]
            if scalar == 0x0D, index + 1 < range.upperBound, scratch.scalars[index + 1] == 0x0A {
                flushRun(upTo: index)
                scratch.spans.append(.init(start: Int32(index), end: Int32(index + 2), tag: Token.noTag))
                index += 2
                runStart = index
            } else if ScalarClass.isPythonWhitespace(scalar) {
                flushRun(upTo: index)
                scratch.spans.append(.init(start: Int32(index), end: Int32(index + 1), tag: Token.noTag))
                index += 1
                runStart = index
            } else {
                index += 1
            }
        }
        flushRun(upTo: range.upperBound)
    }

    // MARK: - Route

    /// jieba's `get_DAG` + `calc`, fused: right to left, each position walks the trie over the
    /// characters after it and keeps the best (log-probability, end) pair. Ties go to the
    /// longer word, as Python's `max` over `(prob, x)` tuples does.
    func computeRoute(_ block: Range<Int>, scratch: inout CutScratch) {
        CutScratch.grow(&scratch.routeScore, to: block.upperBound + 1, filler: 0)
        CutScratch.grow(&scratch.routeEnd, to: block.upperBound, filler: 0)
        let end = block.upperBound
        scratch.codes.withUnsafeBufferPointer { codes in
            scratch.routeScore.withUnsafeMutableBufferPointer { score in
                scratch.routeEnd.withUnsafeMutableBufferPointer { routeEnd in
                    score[end] = 0
                    var start = end - 1
                    while start >= block.lowerBound {
                        var bestScore = -Double.infinity
                        var bestEnd = -1
                        var node = DoubleArrayTrie.root
                        var position = start
                        while position < end {
                            node = trie.child(of: node, code: codes[position])
                            if node < 0 { break }
                            let weight = trie.weight(at: node)
                            if weight < .infinity {
                                let candidate = weight + score[position + 1]
                                if candidate >= bestScore {
                                    bestScore = candidate
                                    bestEnd = position
                                }
                            }
                            position += 1
                        }
                        if bestEnd < 0 {
                            bestScore = unknownWeight + score[start + 1]
                            bestEnd = start
                        }
                        score[start] = bestScore
                        routeEnd[start] = Int32(truncatingIfNeeded: bestEnd)
                        start -= 1
                    }
                }
            }
        }
    }

    // MARK: - Emitting the route

    /// jieba's `__cut_DAG`: words of two or more characters go out as they are; runs of single
    /// characters are buffered and, unless the run is itself a dictionary word, cut by the HMM.
    func emitRouteWithHMM(_ block: Range<Int>, scratch: inout CutScratch) {
        var index = block.lowerBound
        var bufferStart = -1
        while index < block.upperBound {
            let next = Int(scratch.routeEnd[index]) + 1
            if next - index == 1 {
                if bufferStart < 0 { bufferStart = index }
            } else {
                if bufferStart >= 0 {
                    emitSingleCharacterRun(bufferStart..<index, scratch: &scratch)
                    bufferStart = -1
                }
                scratch.spans.append(.init(start: Int32(index), end: Int32(next), tag: Token.noTag))
            }
            index = next
        }
        if bufferStart >= 0 { emitSingleCharacterRun(bufferStart..<block.upperBound, scratch: &scratch) }
    }

    /// A buffered run of single characters: alone, as characters when the run is a known
    /// word (the route chose not to join them), else through `finalseg.cut`.
    private func emitSingleCharacterRun(_ run: Range<Int>, scratch: inout CutScratch) {
        if run.count == 1 {
            scratch.spans.append(.init(start: Int32(run.lowerBound), end: Int32(run.upperBound), tag: Token.noTag))
        } else if image.isWord(entry(codes: scratch.codes[run])) {
            for position in run {
                scratch.spans.append(.init(start: Int32(position), end: Int32(position + 1), tag: Token.noTag))
            }
        } else {
            cutUnknownRun(run, scratch: &scratch)
        }
    }

    /// jieba's `__cut_DAG_NO_HMM`: consecutive single ASCII letters or digits are joined.
    func emitRouteWithoutHMM(_ block: Range<Int>, scratch: inout CutScratch) {
        var index = block.lowerBound
        var bufferStart = -1
        while index < block.upperBound {
            let next = Int(scratch.routeEnd[index]) + 1
            if next - index == 1, ScalarClass.isASCIIAlphanumeric(scratch.scalars[index]) {
                if bufferStart < 0 { bufferStart = index }
            } else {
                if bufferStart >= 0 {
                    scratch.spans.append(.init(start: Int32(bufferStart), end: Int32(index), tag: Token.noTag))
                    bufferStart = -1
                }
                scratch.spans.append(.init(start: Int32(index), end: Int32(next), tag: Token.noTag))
            }
            index = next
        }
        if bufferStart >= 0 {
            scratch.spans.append(.init(start: Int32(bufferStart), end: Int32(block.upperBound), tag: Token.noTag))
        }
    }

    // MARK: - finalseg

    /// jieba's `finalseg.cut`: Han runs through the BMES Viterbi; other runs split into
    /// `[a-zA-Z0-9]+(?:\.\d+)?%?` matches and the text between them.
    func cutUnknownRun(_ run: Range<Int>, scratch: inout CutScratch) {
        var index = run.lowerBound
        while index < run.upperBound {
            var end = index + 1
            if ScalarClass.isHan(scratch.scalars[index]) {
                while end < run.upperBound, ScalarClass.isHan(scratch.scalars[end]) { end += 1 }
                viterbiCut(index..<end, scratch: &scratch)
            } else {
                while end < run.upperBound, !ScalarClass.isHan(scratch.scalars[end]) { end += 1 }
                splitAlphanumeric(index..<end, scratch: &scratch)
            }
            index = end
        }
    }

    /// `re.split("([a-zA-Z0-9]+(?:\.\d+)?%?)", text)` without the empty strings.
    private func splitAlphanumeric(_ range: Range<Int>, scratch: inout CutScratch) {
        var index = range.lowerBound
        var gapStart = index
        let end = range.upperBound
        while index < end {
            guard ScalarClass.isASCIIAlphanumeric(scratch.scalars[index]) else { index += 1; continue }
            var matchEnd = index + 1
            while matchEnd < end, ScalarClass.isASCIIAlphanumeric(scratch.scalars[matchEnd]) { matchEnd += 1 }
            if matchEnd + 1 < end, scratch.scalars[matchEnd] == 0x2E, ScalarClass.isASCIIDigit(scratch.scalars[matchEnd + 1]) {
                matchEnd += 2
                while matchEnd < end, ScalarClass.isASCIIDigit(scratch.scalars[matchEnd]) { matchEnd += 1 }
            }
            if matchEnd < end, scratch.scalars[matchEnd] == 0x25 { matchEnd += 1 }
            if gapStart < index { scratch.spans.append(.init(start: Int32(gapStart), end: Int32(index), tag: Token.noTag)) }
            scratch.spans.append(.init(start: Int32(index), end: Int32(matchEnd), tag: Token.noTag))
            index = matchEnd
            gapStart = matchEnd
        }
        if gapStart < end { scratch.spans.append(.init(start: Int32(gapStart), end: Int32(end), tag: Token.noTag)) }
    }
}
