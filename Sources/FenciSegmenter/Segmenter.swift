/// Cuts Chinese text into words, word for word as jieba 0.42.1 does.
///
/// Immutable and `Sendable`: one segmenter (one compiled dictionary image) serves every
/// thread; each thread brings its own `CutScratch`. The pipeline (`Segmenter+Cut.swift`):
/// decode → split into blocks by character class → maximum-probability route over the
/// dictionary DAG → HMM for runs of unknown single characters.
public struct Segmenter: Sendable {
    /// The compiled dictionary and models.
    public let image: DictionaryImage
    let trie: DoubleArrayTrie
    /// Score of a character no dictionary word covers: log(1) − log(total), as jieba's `or 1`.
    let unknownWeight: Double
    let tagX: UInt16
    let tagM: UInt16
    let tagEng: UInt16

    public init(image: DictionaryImage) {
        self.image = image
        self.trie = image.trie
        self.unknownWeight = 0 - image.logTotal
        // The builder interns these three first, so they always exist.
        self.tagX = image.tagIndex(named: "x") ?? 0
        self.tagM = image.tagIndex(named: "m") ?? 0
        self.tagEng = image.tagIndex(named: "eng") ?? 0
    }

    /// Part-of-speech tag names; `Token.tag` indexes this array.
    public var tagNames: [String] { image.tagNames }

    /// The name of a token's tag, or nil when it has none.
    public func tagName(_ tag: UInt16) -> String? {
        tag == Token.noTag ? nil : image.tagNames[Int(tag)]
    }

    /// Number of dictionary entries.
    public var wordCount: Int { image.entryCount }

    /// Cuts UTF-8 text into `tokens` (cleared first).
    ///
    /// Invalid UTF-8 is decoded as U+FFFD per bad byte, so offsets stay within the input;
    /// callers that must reject it validate first.
    ///
    /// - Complexity: O(n · w) for n characters and the longest dictionary word w.
    public func cut(utf8 text: UnsafeBufferPointer<UInt8>, options: CutOptions,
                    scratch: inout CutScratch, into tokens: inout [Token]) {
        precondition(text.count < Int(Int32.max), "one cut takes less than 2 GiB")
        tokens.removeAll(keepingCapacity: true)
        scratch.load(utf8: text, image: image)
        scratch.spans.removeAll(keepingCapacity: true)
        switch (options.mode, options.pos) {
        case (.default, false): cutDefault(hmm: options.hmm, scratch: &scratch)
        case (.default, true): cutPos(hmm: options.hmm, scratch: &scratch)
        case (.search, _): cutSearch(hmm: options.hmm, scratch: &scratch)
        case (.full, _): cutFull(scratch: &scratch)
        }
        if options.pos, options.mode != .default { tagFromDictionary(scratch: &scratch) }
        scratch.makeTokens(into: &tokens)
    }

    /// Cuts a string. Convenience for tests and tools; servers reuse a `CutScratch`.
    public func cut(_ text: String, options: CutOptions = CutOptions()) -> [Token] {
        var scratch = CutScratch()
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { cut(utf8: $0, options: options, scratch: &scratch, into: &tokens) }
        return tokens
    }

    /// The words of a string, as jieba's `lcut` returns them. Convenience for tests and tools.
    public func words(_ text: String, options: CutOptions = CutOptions()) -> [String] {
        let utf8 = Array(text.utf8)
        return cut(text, options: options).map { String(decoding: utf8[$0.utf8Range], as: UTF8.self) }
    }

    // MARK: - Dictionary queries

    /// The trie node spelling a sequence of scalar codes, or -1.
    func node(codes: ArraySlice<UInt32>) -> Int32 {
        var node = DoubleArrayTrie.root
        for code in codes {
            node = trie.child(of: node, code: code)
            if node < 0 { return -1 }
        }
        return node
    }

    /// The dictionary entry for a sequence of scalar codes, or -1.
    func entry(codes: ArraySlice<UInt32>) -> Int32 {
        let node = node(codes: codes)
        return node < 0 ? -1 : trie.entry(at: node)
    }

    /// A word's frequency as jieba's `FREQ.get(word)` answers: nil when unknown, 0 for a
    /// prefix of dictionary words (jieba stores those with 0), else the frequency.
    public func frequency(of word: String) -> Int64? {
        let node = node(codes: ArraySlice(word.unicodeScalars.map { image.code(of: $0.value) }))
        guard node >= 0 else { return nil }
        return image.frequency(ofEntry: trie.entry(at: node)) ?? 0
    }

    /// jieba's `suggest_freq(word, tune=False)`: the frequency that makes `word` win over the
    /// pieces the dictionary would otherwise cut it into.
    func suggestedFrequency(of word: String) -> Int64 {
        let total = Double(image.total)
        var product = 1.0
        for piece in words(word, options: CutOptions(mode: .default, hmm: false)) {
            product *= Double(frequency(of: piece) ?? 1) / total
        }
        return max(Int64(product * Double(image.total)) + 1, frequency(of: word) ?? 1)
    }
}
