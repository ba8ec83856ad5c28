#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiles `DictionarySources` into the bytes of a `DictionaryImage`.
///
/// This is the slow, allocation-happy side (a few hundred milliseconds for jieba's 349,046
/// words), run once per dictionary; the result is cached on disk by the caller so later
/// processes only map it.
public enum DictionaryImageBuilder {
    /// Compiles the sources.
    ///
    /// - Throws: `SegmenterError` naming the source and line of the first bad entry.
    public static func build(_ sources: DictionarySources) throws(SegmenterError) -> [UInt8] {
        var entries = EntryTable()
        try entries.addMainDictionary(sources.dictionary)
        if !sources.userDictionaries.isEmpty {
            var userEntries: [UserDictionaryLine] = []
            for text in sources.userDictionaries { userEntries += try UserDictionaryLine.parse(text) }
            var suggested: [Int: Int64] = [:]
            if userEntries.contains(where: { $0.frequency == nil }) {
                // jieba's suggest_freq needs a segmenter over the dictionary so far; we use the
                // main dictionary's (documented approximation: user words do not see each other).
                let base = try Segmenter(image: DictionaryImage(bytes: ImageBytes(copying: compile(entries, sources))))
                for (index, entry) in userEntries.enumerated() where entry.frequency == nil {
                    suggested[index] = base.suggestedFrequency(of: entry.word)
                }
            }
            for (index, entry) in userEntries.enumerated() {
                entries.addUserWord(entry.word, frequency: entry.frequency ?? suggested[index]!, tag: entry.tag)
                // ^ force-unwrap is safe: every entry without a frequency got a suggestion above.
            }
        }
        return try compile(entries, sources)
    }

    // MARK: - Entries

    /// Dictionary entries keyed by word, with jieba's overwrite-and-sum semantics.
    struct EntryTable {
        var index: [String: Int] = [:]
        var words: [[UInt32]] = []
        var frequencies: [Int64] = []
        var tags: [String?] = []
        var forceSplit: [Bool] = []
        var total: Int64 = 0

        /// jieba's gen_pfdict + load_word_tag: `word freq [tag]`; a repeated word takes the later
        /// frequency and tag, while the total counts both.
        mutating func addMainDictionary(_ text: DictionarySources.Text) throws(SegmenterError) {
            for line in TextLines(bytes: text.bytes) where !line.text.isEmpty {
                let fields = line.fields(separator: 0x20)
                guard fields.count >= 2, fields.count <= 3, !fields[0].isEmpty else {
                    throw .invalidDictionaryLine(source: text.name, line: line.number, text: line.string,
                                                 reason: "expected 'word frequency [tag]'")
                }
                guard let frequency = fields[1].decimalValue else {
                    throw .invalidDictionaryLine(source: text.name, line: line.number, text: line.string,
                                                 reason: "frequency is not a non-negative integer")
                }
                let tag = fields.count == 3 && !fields[2].isEmpty ? String(decoding: fields[2], as: UTF8.self) : nil
                set(String(decoding: fields[0], as: UTF8.self), frequency: frequency, tag: tag, replacingTag: true)
            }
            if words.isEmpty { throw .emptyDictionary(source: text.name) }
        }

        /// jieba's add_word: the frequency replaces, the total grows, a given tag replaces.
        mutating func addUserWord(_ word: String, frequency: Int64, tag: String?) {
            let entry = set(word, frequency: frequency, tag: tag, replacingTag: tag != nil)
            if frequency == 0 { forceSplit[entry] = true }
        }

        @discardableResult
        private mutating func set(_ word: String, frequency: Int64, tag: String?, replacingTag: Bool) -> Int {
            total += frequency
            if let existing = index[word] {
                frequencies[existing] = frequency
                if replacingTag { tags[existing] = tag }
                return existing
            }
            index[word] = words.count
            words.append(word.unicodeScalars.map(\.value))
            frequencies.append(frequency)
            tags.append(tag)
            forceSplit.append(false)
            return words.count - 1
        }
    }

    // MARK: - Compilation

    static func compile(_ entries: EntryTable, _ sources: DictionarySources) throws(SegmenterError) -> [UInt8] {
        let hmm = try HMMTables(start: sources.hmmStart, transition: sources.hmmTransition, emission: sources.hmmEmission)
        let pos = try PosTables(start: sources.posStart, transition: sources.posTransition,
                                emission: sources.posEmission, charStates: sources.posCharStates)

        // Character codes: dictionary characters by descending frequency (dense trie), then
        // any character only the HMM tables know.
        var counts: [UInt32: Int] = [:]
        for word in entries.words { for scalar in word { counts[scalar, default: 0] += 1 } }
        for scalar in hmm.emissionScalars where counts[scalar] == nil { counts[scalar] = 0 }
        for scalar in pos.scalars where counts[scalar] == nil { counts[scalar] = 0 }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var codeOf: [UInt32: UInt32] = [:]
        codeOf.reserveCapacity(ordered.count)
        for (offset, element) in ordered.enumerated() { codeOf[element.key] = UInt32(offset + 1) }
        let codeCount = ordered.count + 1

        var bmpCodes = [UInt32](repeating: 0, count: 0x1_0000)
        var astral: [(UInt32, UInt32)] = []
        for (scalar, code) in codeOf {
            if scalar < 0x1_0000 { bmpCodes[Int(scalar)] = code } else { astral.append((scalar, code)) }
        }
        astral.sort { $0.0 < $1.0 }

        // The trie.
        // Every key is non-empty and all its scalars have codes, so the map lookups succeed.
        let keys = entries.words.map { word in word.map { codeOf[$0]! } }
        let trie = DoubleArrayTrieBuilder.build(keys: keys)

        // Tags: dictionary tags, POS HMM tags, and the fallbacks posseg emits.
        var tagNames: [String] = []
        var tagIndex: [String: UInt16] = [:]
        func intern(_ name: String) -> UInt16 {
            if let index = tagIndex[name] { return index }
            tagIndex[name] = UInt16(tagNames.count)
            tagNames.append(name)
            return UInt16(tagNames.count - 1)
        }
        for name in ["x", "m", "eng"] { _ = intern(name) }
        let entryTags = entries.tags.map { $0.map(intern) ?? DictionaryImage.noTag }
        let posStateTags = pos.states.map { UInt16($0.state) << 12 | intern($0.tag) }
        guard tagNames.count < 0x1000 else {
            throw .invalidDictionaryLine(source: sources.dictionary.name, line: 0, text: "",
                                         reason: "more than 4095 distinct part-of-speech tags")
        }

        let logTotal = log(Double(entries.total))
        let weights = entries.frequencies.map { log(Double(max($0, 1))) - logTotal }
        var flags = [UInt8](repeating: 0, count: entries.words.count)
        for index in flags.indices {
            if entries.frequencies[index] > 0 { flags[index] |= DictionaryImage.EntryFlags.word }
            if entries.forceSplit[index] { flags[index] |= DictionaryImage.EntryFlags.forceSplit }
        }

        var writer = ImageWriter()
        let forceSplitCount = entries.forceSplit.filter { $0 }.count
        writer.write(.scalars, [logTotal, Double(entries.total), Double(entries.words.count), Double(codeCount), Double(forceSplitCount)])
        writer.write(.bmpCodes, bmpCodes)
        writer.write(.astralCodes, astral.flatMap { [$0.0, $0.1] })
        // Distinct scores (one per distinct frequency: a few thousand) in a small table.
        var weightTable: [Double] = []
        var weightIndex: [Double: UInt32] = [:]
        var units: [DoubleArrayTrie.Unit] = []
        units.reserveCapacity(trie.base.count)
        for slot in trie.base.indices {
            let entry = Int(trie.value[slot])
            var index = DoubleArrayTrie.noWord
            if entry >= 0, entries.frequencies[entry] > 0 {
                let weight = weights[entry]
                if let known = weightIndex[weight] {
                    index = known
                } else {
                    index = UInt32(weightTable.count)
                    weightIndex[weight] = index
                    weightTable.append(weight)
                }
            }
            units.append(.init(base: trie.base[slot], check: trie.check[slot], weightIndex: index, childMask: 0))
        }
        for slot in units.indices where units[slot].check >= 0 {
            let parent = Int(units[slot].check)
            let code = UInt32(truncatingIfNeeded: slot - Int(units[parent].base))
            units[parent].childMask |= 1 << (code & 31)
        }
        writer.write(.trieUnits, units)
        writer.write(.trieEntries, trie.value)
        writer.write(.trieWeights, weightTable)
        writer.write(.entryFrequency, entries.frequencies)
        writer.write(.entryFlags, flags)
        writer.write(.entryTag, entryTags)
        writer.write(.tagNames, tagNames.flatMap { Array($0.utf8) + [0] })
        writer.write(.hmmStart, hmm.start)
        writer.write(.hmmTransition, hmm.transition)
        writer.write(.hmmEmission, hmm.emissionTable(codeCount: codeCount, codeOf: codeOf))
        writer.write(.posStateTags, posStateTags)
        writer.write(.posStart, pos.start)
        writer.write(.posTransition, pos.transition)
        writer.write(.posSuccessors, pos.successorSets)
        let charStates = pos.charStateTable(codeCount: codeCount, codeOf: codeOf)
        writer.write(.posCharStateStart, charStates.start)
        writer.write(.posCharStates, charStates.states)
        let emission = pos.emissionTable(codeCount: codeCount, codeOf: codeOf)
        writer.write(.posEmissionStart, emission.start)
        writer.write(.posEmissionState, emission.states)
        writer.write(.posEmissionLogProb, emission.logProbs)
        return writer.finish()
    }
}
