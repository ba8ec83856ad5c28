// Search and full modes: more words than the best route, for indexing.

extension Segmenter {
    /// jieba's `cut_for_search`: the default cut, with each word longer than two characters
    /// preceded by the dictionary words among its 2-grams, then (longer than three) 3-grams.
    func cutSearch(hmm: Bool, scratch: inout CutScratch) {
        cutDefault(hmm: hmm, scratch: &scratch)
        swap(&scratch.spans, &scratch.baseSpans)
        scratch.spans.removeAll(keepingCapacity: true)
        for index in scratch.baseSpans.indices {
            let word = scratch.baseSpans[index]
            let length = Int(word.end - word.start)
            if length > 2 { emitDictionaryGrams(of: word, size: 2, scratch: &scratch) }
            if length > 3 { emitDictionaryGrams(of: word, size: 3, scratch: &scratch) }
            scratch.spans.append(word)
        }
    }

    private func emitDictionaryGrams(of word: CutScratch.Span, size: Int, scratch: inout CutScratch) {
        var start = Int(word.start)
        while start + size <= Int(word.end) {
            if image.isWord(entry(codes: scratch.codes[start..<(start + size)])) {
                scratch.spans.append(.init(start: Int32(start), end: Int32(start + size), tag: Token.noTag))
            }
            start += 1
        }
    }

    /// jieba's `cut(cut_all=True)`: blocks as in default mode; inside a block every dictionary
    /// word at every position, with runs of ASCII letters and digits kept together. Between
    /// blocks, whitespace alone and other runs whole. jieba also yields empty strings there
    /// (an artifact of `re.split`); tokens never are empty, so those are left out.
    func cutFull(scratch: inout CutScratch) {
        let count = scratch.count
        var index = 0
        while index < count {
            let inBlock = ScalarClass.isDefaultBlockScalar(scratch.scalars[index])
            var end = index + 1
            while end < count, ScalarClass.isDefaultBlockScalar(scratch.scalars[end]) == inBlock { end += 1 }
            if inBlock { cutAll(index..<end, scratch: &scratch) } else { emitSkipped(index..<end, wholeRuns: true, scratch: &scratch) }
            index = end
        }
    }

    /// jieba's `__cut_all` over one block.
    private func cutAll(_ block: Range<Int>, scratch: inout CutScratch) {
        var lastEnd = -1  // jieba's old_j
        var englishStart = -1  // start of the pending ASCII run (eng_buf), or -1
        var englishEnd = -1
        for start in block {
            collectWordEnds(from: start, blockEnd: block.upperBound, scratch: &scratch)
            if englishStart >= 0, !ScalarClass.isASCIIAlphanumeric(scratch.scalars[start]) {
                scratch.spans.append(.init(start: Int32(englishStart), end: Int32(englishEnd), tag: Token.noTag))
                englishStart = -1
            }
            if scratch.ends.count == 1, start > lastEnd {
                let wordEnd = Int(scratch.ends[0]) + 1
                if ScalarClass.isASCIIAlphanumeric(scratch.scalars[start]) {
                    if englishStart < 0 { englishStart = start }
                    englishEnd = wordEnd
                }
                if englishStart < 0 {
                    scratch.spans.append(.init(start: Int32(start), end: Int32(wordEnd), tag: Token.noTag))
                }
                lastEnd = wordEnd - 1
            } else {
                for end in scratch.ends where Int(end) > start {
                    scratch.spans.append(.init(start: Int32(start), end: end + 1, tag: Token.noTag))
                    lastEnd = Int(end)
                }
            }
        }
        if englishStart >= 0 {
            scratch.spans.append(.init(start: Int32(englishStart), end: Int32(englishEnd), tag: Token.noTag))
        }
    }

    /// jieba's `DAG[k]`: the last index of every dictionary word starting at `start`, or just
    /// `start` when there is none.
    private func collectWordEnds(from start: Int, blockEnd: Int, scratch: inout CutScratch) {
        scratch.ends.removeAll(keepingCapacity: true)
        var node = DoubleArrayTrie.root
        var position = start
        while position < blockEnd {
            node = trie.child(of: node, code: scratch.codes[position])
            if node < 0 { break }
            if image.isWord(trie.entry(at: node)) { scratch.ends.append(Int32(position)) }
            position += 1
        }
        if scratch.ends.isEmpty { scratch.ends.append(Int32(start)) }
    }
}
