import FenciSegmenter
import Testing
import TestSupport

@Suite("Dictionary images")
struct DictionaryImageTests {
    static func tinyImage() throws -> [UInt8] {
        try DictionaryImageBuilder.build(TinyDictionary.sources(dictionary: "无锡 100 ns\n物联网 50 n\n"))
    }

    @Test("an image survives a byte-for-byte copy")
    func imageRoundTrip() throws {
        let bytes = try Self.tinyImage()
        let segmenter = Segmenter(image: try DictionaryImage(bytes: ImageBytes(copying: bytes)))
        #expect(segmenter.words("无锡物联网", options: CutOptions(hmm: false)) == ["无锡", "物联网"])
    }

    @Test("truncated, foreign or outdated images are refused, never crash", arguments: [0, 8, 15, 100, 1000])
    func damagedImagesAreRefused(keep: Int) throws {
        let bytes = try Self.tinyImage()
        #expect(throws: SegmenterError.self) { _ = try DictionaryImage(bytes: ImageBytes(copying: Array(bytes.prefix(keep)))) }
    }

    @Test("wrong magic and wrong version are refused")
    func wrongHeader() throws {
        var bytes = try Self.tinyImage()
        var foreign = bytes
        foreign[0] ^= 0xFF
        #expect(throws: SegmenterError.self) { _ = try DictionaryImage(bytes: ImageBytes(copying: foreign)) }
        bytes[8] &+= 1
        #expect(throws: SegmenterError.self) { _ = try DictionaryImage(bytes: ImageBytes(copying: bytes)) }
    }
}
