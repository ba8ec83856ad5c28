import FenciSegmenter
import Testing
import TestSupport

@Suite("Segmenter")
struct SegmenterTests {
    let segmenter = SharedSegmenter.builtin

    @Test("default mode tokens concatenate back to the input, whitespace included")
    func defaultModeIsLossless() {
        let text = "  无锡物联网\t创新促进中心，2018年 iPhone12 售价\r\n5999.5元！\u{3000}end"
        let words = segmenter.words(text)
        #expect(words.joined() == text)
        #expect(words.contains("\r\n"))
        #expect(words.contains("\u{3000}"))
    }

    @Test("empty text gives no tokens", arguments: CutMode.allCases)
    func emptyTextGivesNoTokens(mode: CutMode) {
        #expect(segmenter.cut("", options: CutOptions(mode: mode)).isEmpty)
    }

    @Test("offsets in UTF-8, UTF-16 and scalars agree with the text")
    func offsetsInEveryEncoding() {
        let text = "a😀无锡 z"
        let tokens = segmenter.cut(text)
        let utf16 = Array(text.utf16)
        let scalars = Array(text.unicodeScalars)
        let utf8 = Array(text.utf8)
        for token in tokens {
            let fromUTF8 = String(decoding: utf8[token.utf8Range], as: UTF8.self)
            let fromUTF16 = String(decoding: utf16[Int(token.utf16Start)..<Int(token.utf16End)], as: UTF16.self)
            var fromScalars = ""
            fromScalars.unicodeScalars.append(contentsOf: scalars[Int(token.scalarStart)..<Int(token.scalarEnd)])
            #expect(fromUTF8 == fromUTF16)
            #expect(fromUTF8 == fromScalars)
        }
        let emoji = tokens.first { String(decoding: utf8[$0.utf8Range], as: UTF8.self) == "😀" }
        #expect(emoji?.utf16End == 3 && emoji?.utf16Start == 1)
        #expect(emoji?.scalarEnd == 2)
        #expect(emoji?.utf8End == 5)
        #expect(PositionEncoding.utf16.end(of: tokens.last!) == utf16.count)
    }

    @Test("invalid UTF-8 decodes as U+FFFD per bad byte, offsets stay inside the input")
    func invalidUTF8NeverCrashes() {
        let bytes: [UInt8] = [0xE6, 0x97, 0xA0, 0xFF, 0xE9, 0x94, 0xA1, 0xE4, 0xB8, 0x41, 0xED, 0xA0, 0x80, 0xF0, 0x9F]
        var scratch = CutScratch()
        var tokens: [Token] = []
        for mode in CutMode.allCases {
            for pos in [false, true] {
                bytes.withUnsafeBufferPointer { segmenter.cut(utf8: $0, options: CutOptions(mode: mode, pos: pos), scratch: &scratch, into: &tokens) }
                #expect(!tokens.isEmpty)
                for token in tokens { #expect(token.utf8Start >= 0 && Int(token.utf8End) <= bytes.count && token.utf8Start < token.utf8End) }
            }
        }
    }

    @Test("search mode puts a long word's dictionary sub-words before it")
    func searchModeEmitsSubwords() {
        let words = segmenter.words("中华人民共和国", options: CutOptions(mode: .search))
        #expect(words == ["中华", "华人", "人民", "共和", "共和国", "中华人民共和国"])  // jieba.lcut_for_search
    }

    @Test("full mode lists every dictionary word")
    func fullModeListsEveryWord() {
        let words = segmenter.words("物联网创新", options: CutOptions(mode: .full))
        #expect(words == ["物", "联网", "创新"])  // jieba.lcut(…, cut_all=True)
    }

    @Test("HMM joins unknown characters; without it they stay apart")
    func hmmDiscoversWords() {
        // 杭研 is not in jieba's dictionary; the HMM joins it (jieba's README example).
        #expect(segmenter.words("他来到了网易杭研大厦") == ["他", "来到", "了", "网易", "杭研", "大厦"])
        #expect(segmenter.words("他来到了网易杭研大厦", options: CutOptions(hmm: false)) == ["他", "来到", "了", "网易", "杭", "研", "大厦"])
    }

    @Test("part-of-speech tags come from the dictionary and the POS HMM")
    func posTags() {
        let text = "我爱北京天安门"
        let tokens = segmenter.cut(text, options: CutOptions(pos: true))
        let utf8 = Array(text.utf8)
        let pairs = tokens.map { (String(decoding: utf8[$0.utf8Range], as: UTF8.self), segmenter.tagName($0.tag) ?? "") }
        #expect(pairs.map(\.0) == ["我", "爱", "北京", "天安门"])
        #expect(pairs.map(\.1) == ["r", "v", "ns", "ns"])
    }

    @Test("a very long line without punctuation is cut completely")
    func longLine() {
        let text = String(repeating: "物联网创新促进中心领导小组会议召开", count: 20_000)
        let tokens = segmenter.cut(text)
        #expect(tokens.last?.utf8End == Int32(text.utf8.count))
    }
}
