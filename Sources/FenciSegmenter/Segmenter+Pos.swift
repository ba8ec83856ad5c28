// Part-of-speech tagging as jieba.posseg does it: its own block rules, dictionary tags for
// dictionary words, and an HMM over (B|M|E|S, tag) states for everything else.

extension Segmenter {
    /// `jieba.posseg.cut(sentence, HMM=hmm)`.
    func cutPos(hmm: Bool, scratch: inout CutScratch) {
        let count = scratch.count
        var index = 0
        while index < count {
            let inBlock = ScalarClass.isPosBlockScalar(scratch.scalars[index])
            var end = index + 1
            while end < count, ScalarClass.isPosBlockScalar(scratch.scalars[end]) == inBlock { end += 1 }
            if inBlock {
                computeRoute(index..<end, scratch: &scratch)
                if hmm { emitPosRouteWithHMM(index..<end, scratch: &scratch) } else { emitPosRouteWithoutHMM(index..<end, scratch: &scratch) }
            } else {
                // Between blocks: whitespace (and \r\n) alone, every other scalar alone; all tagged
                // `x` (posseg's `m`/`eng` branches cannot fire here: digits, '.' and letters
                // always belong to blocks).
                let first = scratch.spans.count
                emitSkipped(index..<end, wholeRuns: false, scratch: &scratch)
                for span in first..<scratch.spans.count { scratch.spans[span].tag = tagX }
            }
            index = end
        }
    }

    /// The dictionary tag of a word, `x` when it has none (posseg's `word_tag_tab.get(w, 'x')`).
    private func dictionaryTag(_ range: Range<Int>, scratch: borrowing CutScratch) -> UInt16 {
        image.tag(ofEntry: entry(codes: scratch.codes[range])) ?? tagX
    }


    /// posseg's `__cut_DAG`.
    private func emitPosRouteWithHMM(_ block: Range<Int>, scratch: inout CutScratch) {
        var index = block.lowerBound
        var bufferStart = -1
        while index < block.upperBound {
            let next = Int(scratch.routeEnd[index]) + 1
            if next - index == 1 {
                if bufferStart < 0 { bufferStart = index }
            } else {
                if bufferStart >= 0 {
                    emitPosSingleCharacterRun(bufferStart..<index, scratch: &scratch)
                    bufferStart = -1
                }
                let tag = dictionaryTag(index..<next, scratch: scratch)
                scratch.spans.append(.init(start: Int32(index), end: Int32(next), tag: tag))
            }
            index = next
        }
        if bufferStart >= 0 { emitPosSingleCharacterRun(bufferStart..<block.upperBound, scratch: &scratch) }
    }

    private func emitPosSingleCharacterRun(_ run: Range<Int>, scratch: inout CutScratch) {
        if run.count == 1 {
            let tag = dictionaryTag(run, scratch: scratch)
            scratch.spans.append(.init(start: Int32(run.lowerBound), end: Int32(run.upperBound), tag: tag))
        } else if image.isWord(entry(codes: scratch.codes[run])) {
            for position in run {
                let tag = dictionaryTag(position..<position + 1, scratch: scratch)
                scratch.spans.append(.init(start: Int32(position), end: Int32(position + 1), tag: tag))
            }
        } else {
            cutPosDetail(run, scratch: &scratch)
        }
    }

    /// posseg's `__cut_DAG_NO_HMM`: single ASCII letters/digits joined and tagged `eng`.
    private func emitPosRouteWithoutHMM(_ block: Range<Int>, scratch: inout CutScratch) {
        var index = block.lowerBound
        var bufferStart = -1
        while index < block.upperBound {
            let next = Int(scratch.routeEnd[index]) + 1
            if next - index == 1, ScalarClass.isASCIIAlphanumeric(scratch.scalars[index]) {
                if bufferStart < 0 { bufferStart = index }
            } else {
                if bufferStart >= 0 {
                    scratch.spans.append(.init(start: Int32(bufferStart), end: Int32(index), tag: tagEng))
                    bufferStart = -1
                }
                let tag = dictionaryTag(index..<next, scratch: scratch)
                scratch.spans.append(.init(start: Int32(index), end: Int32(next), tag: tag))
            }
            index = next
        }
        if bufferStart >= 0 {
            scratch.spans.append(.init(start: Int32(bufferStart), end: Int32(block.upperBound), tag: tagEng))
        }
    }

    /// posseg's `__cut_detail`: Han runs through the POS Viterbi; the rest split into
    /// `[.0-9]+` (tagged `m`), `[a-zA-Z0-9]+` (`eng`) and the text between (`x`).
    private func cutPosDetail(_ run: Range<Int>, scratch: inout CutScratch) {
        var index = run.lowerBound
        while index < run.upperBound {
            var end = index + 1
            if ScalarClass.isHan(scratch.scalars[index]) {
                while end < run.upperBound, ScalarClass.isHan(scratch.scalars[end]) { end += 1 }
                posViterbiCut(index..<end, scratch: &scratch)
            } else {
                while end < run.upperBound, !ScalarClass.isHan(scratch.scalars[end]) { end += 1 }
                splitNumbersAndLetters(index..<end, scratch: &scratch)
            }
            index = end
        }
    }

    private func splitNumbersAndLetters(_ range: Range<Int>, scratch: inout CutScratch) {
        func isNumber(_ scalar: UInt32) -> Bool { scalar == 0x2E || ScalarClass.isASCIIDigit(scalar) }
        var index = range.lowerBound
        var gapStart = index
        let end = range.upperBound
        while index < end {
            let scalar = scratch.scalars[index]
            let matchesNumber = isNumber(scalar)
            guard matchesNumber || ScalarClass.isASCIIAlphanumeric(scalar) else { index += 1; continue }
            var matchEnd = index + 1
            if matchesNumber {
                while matchEnd < end, isNumber(scratch.scalars[matchEnd]) { matchEnd += 1 }
            } else {
                while matchEnd < end, ScalarClass.isASCIIAlphanumeric(scratch.scalars[matchEnd]) { matchEnd += 1 }
            }
            if gapStart < index { scratch.spans.append(.init(start: Int32(gapStart), end: Int32(index), tag: tagX)) }
            scratch.spans.append(.init(start: Int32(index), end: Int32(matchEnd), tag: matchesNumber ? tagM : tagEng))
            index = matchEnd
            gapStart = matchEnd
        }
        if gapStart < end { scratch.spans.append(.init(start: Int32(gapStart), end: Int32(end), tag: tagX)) }
    }

    /// Tags for search and full modes, which posseg does not have: the dictionary's tag, else
    /// `m` for numbers, `eng` for ASCII words, `x` for the rest.
    func tagFromDictionary(scratch: inout CutScratch) {
        for index in scratch.spans.indices {
            let span = scratch.spans[index]
            let range = Int(span.start)..<Int(span.end)
            if let tag = image.tag(ofEntry: entry(codes: scratch.codes[range])) {
                scratch.spans[index].tag = tag
            } else if scratch.scalars[range].allSatisfy({ $0 == 0x2E || ScalarClass.isASCIIDigit($0) }) {
                scratch.spans[index].tag = tagM
            } else if scratch.scalars[range].allSatisfy(ScalarClass.isASCIIAlphanumeric) {
                scratch.spans[index].tag = tagEng
            } else {
                scratch.spans[index].tag = tagX
            }
        }
    }
}
