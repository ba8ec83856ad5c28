import FenciSegmenter
import Testing
import TestSupport

@Suite("Dictionaries")
struct UserDictionaryTests {
    static let tiny = """
        无锡 100 ns
        物联网 50 n
        物联 10 n
        联网 20 v
        创新 80 vn
        中心 60 n
        """

    @Test("a replacement dictionary is all the segmenter knows")
    func replacementDictionary() throws {
        let segmenter = try TinyDictionary.segmenter(dictionary: Self.tiny)
        #expect(segmenter.wordCount == 6)
        #expect(segmenter.words("无锡物联网创新中心", options: CutOptions(hmm: false)) == ["无锡", "物联网", "创新", "中心"])
        #expect(segmenter.frequency(of: "物联网") == 50)
        #expect(segmenter.frequency(of: "物") == 0)  // a prefix: jieba's FREQ holds it with 0
        #expect(segmenter.frequency(of: "大厦") == nil)
    }

    @Test("user words with frequency and tag are added; the tag shows with pos")
    func userWordsAreAdded() throws {
        let segmenter = try TinyDictionary.segmenter(dictionary: Self.tiny, userDictionaries: ["创新中心 1000 nt\n"])
        #expect(segmenter.words("无锡物联网创新中心", options: CutOptions(hmm: false)) == ["无锡", "物联网", "创新中心"])
        let tokens = segmenter.cut("创新中心", options: CutOptions(pos: true))
        #expect(tokens.count == 1 && segmenter.tagName(tokens[0].tag) == "nt")
    }

    @Test("a user word without frequency gets jieba's suggested frequency, enough to win")
    func suggestedFrequency() throws {
        let segmenter = try TinyDictionary.segmenter(dictionary: Self.tiny, userDictionaries: ["创新中心\n"])
        #expect(segmenter.words("创新中心", options: CutOptions(hmm: false)) == ["创新中心"])
        #expect((segmenter.frequency(of: "创新中心") ?? 0) > 1)
    }

    @Test("a user word with frequency 0 is forced apart, even when the HMM would join it")
    func forceSplit() throws {
        let builtin = SharedSegmenter.builtin
        #expect(builtin.words("他来到了网易杭研大厦").contains("杭研"))
        let segmenter = try TinyDictionary.segmenter(dictionary: "他 100 r\n来到 100 v\n了 100 ul\n网易 100 nz\n大厦 100 n\n",
                                                     userDictionaries: ["杭研 0\n"])
        #expect(!segmenter.words("他来到了网易杭研大厦").contains("杭研"))
    }

    @Test("user dictionary lines follow jieba's pattern: words may contain spaces", arguments: [
        ("Hello World 3 n", "Hello World", Int64?(3), Optional("n")),
        ("云计算", "云计算", nil, nil),
        ("云计算 5", "云计算", 5, nil),
        ("云计算 nz", "云计算", nil, "nz"),
        ("C++ 12 nz", "C++", 12, "nz"),
        ("a 1 2", "a 1", 2, nil),
    ])
    func userDictionaryLines(line: String, word: String, frequency: Int64?, tag: String?) throws {
        let segmenter = try TinyDictionary.segmenter(dictionary: Self.tiny, userDictionaries: [line])
        #expect(segmenter.frequency(of: word) != nil)
        if let frequency { #expect(segmenter.frequency(of: word) == frequency) }
        if let tag, !word.contains(" ") {  // words with spaces never form one block, as in jieba
            let tokens = segmenter.cut(word, options: CutOptions(mode: .full, pos: true))
            #expect(tokens.contains { segmenter.tagName($0.tag) == tag })
        }
    }

    @Test("bad dictionary lines are reported with source and line number", arguments: [
        "无锡 100 ns\n物联网 many n\n", "无锡\n", "无锡  100 ns\n",
    ])
    func badLinesAreReported(text: String) throws {
        #expect {
            _ = try TinyDictionary.segmenter(dictionary: text)
        } throws: { error in
            guard case let .invalidDictionaryLine(source, line, _, _) = error as? SegmenterError else { return false }
            return source == "tiny-dict.txt" && line >= 1
        }
    }

    @Test("an empty dictionary is an error")
    func emptyDictionary() {
        #expect(throws: SegmenterError.emptyDictionary(source: "tiny-dict.txt")) {
            _ = try TinyDictionary.segmenter(dictionary: "\n\n")
        }
    }
}
