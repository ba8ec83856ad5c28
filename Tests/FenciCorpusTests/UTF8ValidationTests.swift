import FenciCorpus
import Testing

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test("the first invalid byte is found; valid text passes", arguments: [
        (Array("无锡 abc 😀".utf8), Int?.none),
        ([0x41, 0xC0, 0x80], 1),            // overlong
        ([0x41, 0x42, 0xED, 0xA0, 0x80], 2),  // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),      // above U+10FFFF
        ([0xE4, 0xB8], 0),                  // truncated
        (Array("abcdefghij".utf8) + [0xFF], 10),
        ([0xE6, 0x97, 0xA0, 0x80], 3),      // stray continuation
    ] as [([UInt8], Int?)])
    func firstInvalidByte(bytes: [UInt8], offset: Int?) {
        #expect(UTF8Validation.firstInvalidByteOffset(in: bytes) == offset)
    }

    @Test("repair replaces each invalid byte with U+FFFD and keeps valid text")
    func repair() {
        let bytes: [UInt8] = [0xE6, 0x97, 0xA0, 0xFF, 0x41, 0xE4, 0xB8]
        let repaired = bytes.withUnsafeBytes { UTF8Validation.repairing($0) }
        #expect(String(decoding: repaired, as: UTF8.self) == "无\u{FFFD}A\u{FFFD}\u{FFFD}")
        #expect(UTF8Validation.firstInvalidByteOffset(in: repaired) == nil)
    }
}
