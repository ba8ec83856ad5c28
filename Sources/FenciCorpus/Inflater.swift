import CZlib

/// Streaming gzip/zlib decompressor over zlib, with an optional output limit.
///
/// Feed compressed chunks with `inflate(_:into:)`, then call `finish()` to learn whether the
/// stream ended properly. Concatenated gzip members (as `cat a.gz b.gz` makes) decode as one
/// stream, like `gzip -d`. The limit is checked as output is produced, so a gzip bomb stops
/// after at most one chunk past the limit instead of exhausting memory.
public final class Inflater {
    private var stream = z_stream()
    private let format: CompressionFormat
    private let name: String
    private let maximumOutputBytes: Int?
    private var producedBytes = 0
    private var ended = false

    /// Output is produced in chunks of this size.
    private static let chunkSize = 1 << 16

    /// - Parameters:
    ///   - format: `.gzip` or `.zlib` (`.identity` passes bytes through).
    ///   - name: the source's name for error messages.
    ///   - maximumOutputBytes: stop with `.outputTooLarge` past this many output bytes.
    public init(format: CompressionFormat, name: String = "<memory>", maximumOutputBytes: Int? = nil) throws {
        self.format = format
        self.name = name
        self.maximumOutputBytes = maximumOutputBytes
        if format != .identity {
            // windowBits 47 = 32 (auto-detect gzip or zlib header) + 15.
            let status = inflateInit2_(&stream, 47, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw CorpusError.corrupt(path: name, detail: "inflateInit failed (\(status))") }
        }
    }

    deinit {
        if format != .identity { inflateEnd(&stream) }
    }

    /// Decompresses `input`, appending the output to `output`.
    public func inflate(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        guard !input.isEmpty else { return }
        if format == .identity {
            try account(input.count)
            output.append(contentsOf: input)
            return
        }
        var offset = 0
        while offset < input.count {
            if ended {
                // Another gzip member may follow; anything else after the end is garbage.
                let rest = input.count - offset
                if input[offset] == 0x1F, rest < 2 || input[offset + 1] == 0x8B {
                    guard inflateReset(&stream) == Z_OK else { throw CorpusError.corrupt(path: name, detail: "cannot reset") }
                    ended = false
                } else {
                    throw CorpusError.corrupt(path: name, detail: "unexpected data after the end of the compressed stream")
                }
            }
            let consumed = try inflateOnce(UnsafeRawBufferPointer(rebasing: input[offset...]), into: &output)
            offset += consumed
        }
    }

    /// Runs zlib until it has consumed `input` or reached a stream end; returns bytes consumed.
    private func inflateOnce(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws -> Int {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self))  // non-empty
        stream.avail_in = uInt(input.count)
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        repeat {
            let (status, produced) = chunk.withUnsafeMutableBytes { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(buffer.count)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            switch status {
            case Z_OK, Z_STREAM_END, Z_BUF_ERROR:
                if produced > 0 {
                    try account(produced)
                    output.append(contentsOf: chunk[0..<produced])
                }
                if status == Z_STREAM_END {
                    ended = true
                    return input.count - Int(stream.avail_in)
                }
                if status == Z_BUF_ERROR && produced == 0 { return input.count - Int(stream.avail_in) }
            case Z_NEED_DICT:
                throw CorpusError.corrupt(path: name, detail: "stream needs a preset dictionary")
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw CorpusError.corrupt(path: name, detail: message)
            }
        } while stream.avail_in > 0 || stream.avail_out == 0
        return input.count - Int(stream.avail_in)
    }

    private func account(_ bytes: Int) throws {
        producedBytes += bytes
        if let maximumOutputBytes, producedBytes > maximumOutputBytes {
            throw CorpusError.outputTooLarge(path: name, limit: maximumOutputBytes)
        }
    }

    /// Checks that the stream ended: throws `.truncated` when compressed data stopped early.
    public func finish() throws {
        if format != .identity, !ended { throw CorpusError.truncated(path: name) }
    }

    /// Decompresses a whole buffer.
    public static func inflate(_ data: [UInt8], format: CompressionFormat, maximumOutputBytes: Int? = nil, name: String = "<memory>") throws -> [UInt8] {
        let inflater = try Inflater(format: format, name: name, maximumOutputBytes: maximumOutputBytes)
        var output: [UInt8] = []
        try data.withUnsafeBytes { try inflater.inflate($0, into: &output) }
        if format != .identity { try inflater.finish() }
        return output
    }
}
