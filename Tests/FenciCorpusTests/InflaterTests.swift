import FenciCorpus
import Testing

@Suite("Inflater and Deflater")
struct InflaterTests {
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 59)  // low entropy: compressible but varied
        }
    }

    @Test("gzip and zlib round trip, empty and large", arguments: [CompressionFormat.gzip, .zlib], [0, 1, 70_000, 1_000_000])
    func roundTrip(format: CompressionFormat, size: Int) throws {
        let data = Self.randomBytes(size, seed: UInt64(size))
        let compressed = Deflater.deflate(data, format: format)
        #expect(CompressionFormat.detect(compressed.prefix(2)) == format)
        #expect(try Inflater.inflate(compressed, format: format) == data)
    }

    @Test("concatenated gzip members decode as one stream")
    func concatenatedMembers() throws {
        let joined = Deflater.deflate(Array("无锡".utf8), format: .gzip) + Deflater.deflate(Array("物联网".utf8), format: .gzip)
        #expect(try Inflater.inflate(joined, format: .gzip) == Array("无锡物联网".utf8))
    }

    @Test("a truncated stream is reported as truncated", arguments: [1, 8, 100])
    func truncated(cut: Int) throws {
        let compressed = Deflater.deflate(Self.randomBytes(50_000, seed: 7), format: .gzip)
        #expect(throws: CorpusError.truncated(path: "<memory>")) {
            _ = try Inflater.inflate(Array(compressed.dropLast(cut)), format: .gzip)
        }
    }

    @Test("a damaged stream is reported as corrupt")
    func corrupt() throws {
        var compressed = Deflater.deflate(Array(String(repeating: "物联网创新", count: 1000).utf8), format: .gzip)
        for index in 12..<40 { compressed[index] ^= 0x5A }
        #expect {
            _ = try Inflater.inflate(compressed, format: .gzip)
        } throws: { error in
            if case .corrupt = error as? CorpusError { return true }
            return false
        }
    }

    @Test("a gzip bomb stops at the limit instead of inflating")
    func bomb() throws {
        let compressed = Deflater.deflate([UInt8](repeating: 0, count: 10_000_000), format: .gzip, level: 9)
        #expect(compressed.count < 20_000)
        #expect(throws: CorpusError.outputTooLarge(path: "<memory>", limit: 1_000_000)) {
            _ = try Inflater.inflate(compressed, format: .gzip, maximumOutputBytes: 1_000_000)
        }
    }

    @Test("text that passes zlib's header check is still read as text")
    func zlibLookalikeText() {
        // "HK" is 0x48 0x4B: method 8, window 4, no dictionary, 0x484B % 31 == 0 — a valid zlib header.
        let text = Array("HK这是一段普通的文本，不是压缩数据。".utf8)
        #expect(CompressionFormat.detect(text) == .zlib)
        #expect(CompressionFormat.sniff(text) == .identity)
        #expect(CompressionFormat.sniff(Deflater.deflate(text, format: .zlib)) == .zlib)
    }

    @Test("format detection", arguments: [
        ([0x1F, 0x8B, 0x08], CompressionFormat.gzip),
        ([0x78, 0x9C], .zlib), ([0x78, 0x01], .zlib), ([0x78, 0xDA], .zlib),
        (Array("无锡".utf8), .identity), (Array("xy".utf8), .identity), ([0x1F], .identity), ([], .identity),
    ] as [([UInt8], CompressionFormat)])
    func detection(prefix: [UInt8], format: CompressionFormat) {
        #expect(CompressionFormat.detect(prefix) == format)
    }
}
