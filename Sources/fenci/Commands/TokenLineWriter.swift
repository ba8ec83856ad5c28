import FenciCorpus
import FenciRPC
import FenciSegmenter

/// Formats the tokens of one input line into an output buffer, flushed to a sink in large
/// writes. Token texts are copied straight from the input bytes: no `String` per token.
struct TokenLineWriter {
    let segmenter: Segmenter
    let options: CutOptions
    let format: TokenOutputFormat
    let encoding: PositionEncoding
    private var scratch = CutScratch()
    private var tokens: [Token] = []
    private var buffer: [UInt8] = []
    private let tagNames: [[UInt8]]

    init(segmenter: Segmenter, options: CutOptions, format: TokenOutputFormat, encoding: PositionEncoding) {
        self.segmenter = segmenter
        self.options = options
        self.format = format
        self.encoding = encoding
        self.tagNames = segmenter.tagNames.map { Array($0.utf8) }
        buffer.reserveCapacity(1 << 17)
    }

    /// Segments one line (without its newline) and appends its output line.
    mutating func write(line: UnsafeRawBufferPointer) {
        let bytes = line.bindMemory(to: UInt8.self)
        segmenter.cut(utf8: bytes, options: options, scratch: &scratch, into: &tokens)
        switch format {
        case .text: appendText(bytes)
        case .jsonl: appendJSON(bytes)
        }
    }

    private mutating func appendText(_ line: UnsafeBufferPointer<UInt8>) {
        for (index, token) in tokens.enumerated() {
            if index > 0 { buffer.append(0x20) }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: line[token.utf8Range]))
            if options.pos, token.tag != Token.noTag {
                buffer.append(0x2F)  // "/"
                buffer.append(contentsOf: tagNames[Int(token.tag)])
            }
        }
        buffer.append(0x0A)
    }

    private mutating func appendJSON(_ line: UnsafeBufferPointer<UInt8>) {
        // Room for the usual line: the text, quoted, plus about 40 bytes of keys and offsets per token.
        var json = JSONWriter(reservingCapacity: line.count + 48 * tokens.count + 32)
        json.beginObject()
        json.key("tokens")
        json.beginArray()
        for token in tokens {
            json.beginObject()
            json.key("text")
            json.string(utf8: UnsafeBufferPointer(rebasing: line[token.utf8Range]))
            json.key("start")
            json.integer(encoding.start(of: token))
            json.key("end")
            json.integer(encoding.end(of: token))
            if options.pos, token.tag != Token.noTag {
                json.key("pos")
                json.string(segmenter.tagNames[Int(token.tag)])
            }
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.drain(into: &buffer)
        buffer.append(0x0A)
    }

    /// Writes the buffer out once it is large; whole lines only, so output stays well-formed.
    mutating func flushIfNeeded(to sink: ByteSink) throws {
        if buffer.count >= 1 << 16 { try flush(to: sink) }
    }

    mutating func flush(to sink: ByteSink) throws {
        guard !buffer.isEmpty else { return }
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
