import CZlib

/// Streaming gzip/zlib compressor over zlib.
public final class Deflater {
    private var stream = z_stream()
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// - Parameters:
    ///   - format: `.gzip` or `.zlib`.
    ///   - level: 0 (store) … 9 (smallest); 6 is zlib's default balance.
    public init(format: CompressionFormat, level: Int32 = 6) {
        precondition(format != .identity, "identity needs no compressor")
        // windowBits 31 writes a gzip header and trailer, 15 a zlib one.
        let status = deflateInit2_(&stream, level, Z_DEFLATED, format == .gzip ? 31 : 15, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 cannot fail with valid parameters (status \(status))")
    }

    deinit { deflateEnd(&stream) }

    /// Compresses `input`, appending whatever output is ready to `output`.
    public func deflate(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        run(input, flush: Z_NO_FLUSH, into: &output)
    }

    /// Ends the stream (trailer included), appending the rest of the output.
    public func finish(into output: inout [UInt8]) {
        run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, into: &output)
    }

    private func run(_ input: UnsafeRawBufferPointer, flush: Int32, into output: inout [UInt8]) {
        stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) }
        stream.avail_in = uInt(input.count)
        while true {
            let (status, produced) = chunk.withUnsafeMutableBytes { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(buffer.count)
                let status = CZlib.deflate(&stream, flush)
                return (status, buffer.count - Int(stream.avail_out))
            }
            output.append(contentsOf: chunk[0..<produced])
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
            } else if stream.avail_in == 0, stream.avail_out != 0 {
                return
            }
            precondition(status == Z_OK || status == Z_BUF_ERROR || status == Z_STREAM_END, "deflate failed (\(status))")
        }
    }

    /// Compresses a whole buffer.
    public static func deflate(_ bytes: [UInt8], format: CompressionFormat, level: Int32 = 6) -> [UInt8] {
        let deflater = Deflater(format: format, level: level)
        var output: [UInt8] = []
        bytes.withUnsafeBytes { deflater.deflate($0, into: &output) }
        deflater.finish(into: &output)
        return output
    }
}
