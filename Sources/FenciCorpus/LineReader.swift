/// Splits a `ByteSource` into lines, reusing one buffer (no allocation per line once warm).
///
/// A line is handed out without its `\n` and without a `\r` right before it. A last line
/// without a newline is still a line; a file ending in `\n` yields no extra empty line.
/// Memory is proportional to the longest line.
public struct LineReader {
    private let source: ByteSource

    public init(source: ByteSource) {
        self.source = source
    }

    /// Calls `body` with each line's bytes and the decompressed byte offset where it starts.
    public func forEachLine(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        var buffer: [UInt8] = []
        var lineStart = 0  // index in buffer of the current line's first byte
        var scanned = 0  // bytes of the current line already searched for a newline
        var bufferOffset = 0  // stream offset of buffer[0]
        while true {
            let more = try source.read(into: &buffer)
            var index = lineStart + scanned
            while let newline = buffer[index...].firstIndex(of: 0x0A) {
                var end = newline
                if end > lineStart, buffer[end - 1] == 0x0D { end -= 1 }
                try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[lineStart..<end]), bufferOffset + lineStart) }
                lineStart = newline + 1
                index = lineStart
            }
            scanned = buffer.count - lineStart
            if !more { break }
            // Drop consumed lines once they are most of the buffer, keeping the copy cost linear.
            if lineStart > 0, lineStart >= buffer.count / 2 {
                buffer.removeSubrange(0..<lineStart)
                bufferOffset += lineStart
                lineStart = 0
            }
        }
        if lineStart < buffer.count {
            var end = buffer.count
            if buffer[end - 1] == 0x0D { end -= 1 }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[lineStart..<end]), bufferOffset + lineStart) }
        }
    }
}
