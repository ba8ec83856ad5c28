import FenciAnalysis
import Testing

@Suite("Sentences")
struct SentenceSplitterTests {
    @Test("sentences end at Chinese and Western ends and line breaks; closing quotes stay with them")
    func splitting() {
        let text = "他说：“无锡很美。”我同意！真的吗？？好……\n第二段；结束. Hello world! Fine"
        let sentences = SentenceSplitter.split(text)
        #expect(sentences.map(\.text) == ["他说：“无锡很美。”", "我同意！", "真的吗？？", "好……", "第二段；", "结束. Hello world!", "Fine"])
        #expect(sentences.map(\.index) == Array(0..<7))
    }

    @Test("every sentence is the exact slice of the input at its offsets, in all encodings")
    func offsetsAreExact() {
        for text in SharedAnalysisSeeds.all + ["  前后有空格。  \r\n\r\n 😀表情！ "] {
            let utf8 = Array(text.utf8)
            let utf16 = Array(text.utf16)
            for sentence in SentenceSplitter.split(text) {
                #expect(String(decoding: utf8[sentence.span.utf8Range], as: UTF8.self) == sentence.text)
                #expect(String(decoding: utf16[Int(sentence.span.utf16Start)..<Int(sentence.span.utf16End)], as: UTF16.self) == sentence.text)
                #expect(!sentence.text.isEmpty && sentence.text.first?.isWhitespace == false && sentence.text.last?.isWhitespace == false)
            }
        }
    }

    @Test("empty and whitespace-only text have no sentences; text without an end is one sentence")
    func edges() {
        #expect(SentenceSplitter.split("").isEmpty)
        #expect(SentenceSplitter.split(" \n\t\u{3000}\n").isEmpty)
        #expect(SentenceSplitter.split("没有标点的一句话").map(\.text) == ["没有标点的一句话"])
    }
}

import TestSupport

enum SharedAnalysisSeeds {
    static var all: [String] { SharedAnalysis.seeds }
}
