/// LSP base-protocol framing: `Content-Length: N\r\n` (other headers ignored, names
/// case-insensitive), an empty line, then exactly N bytes.
///
/// A pure state machine: `append` bytes as they arrive (split anywhere), then call `next()`
/// until it returns nil. A body over `maximumMessageBytes` is reported once and its bytes
/// are discarded as they arrive, never buffered, so the connection stays usable. Consumed
/// bytes are dropped from the front lazily, keeping the work linear in the bytes received.
public struct ContentLengthFramer: Sendable {
    /// Longest header block accepted; past it the header is unreadable.
    public static let maximumHeaderBytes = 8192

    public let maximumMessageBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0  // first unconsumed byte
    private var scanned = 0  // bytes after `start` already searched for the header end
    private var skipping = 0  // body bytes of a too-large message still to discard

    public init(maximumMessageBytes: Int) {
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// Whether part of a message has arrived but not all of it.
    public var hasPartialMessage: Bool { start < buffer.count || skipping > 0 }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        var bytes = bytes
        if skipping > 0 {
            let dropped = min(skipping, bytes.count)
            skipping -= dropped
            bytes = UnsafeRawBufferPointer(rebasing: bytes[dropped...])
        }
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete event, or nil when more bytes are needed.
    ///
    /// - Throws: `FramingError` for a header that cannot be read (no colon, bad or missing
    ///   Content-Length, header block too long); the connection must then be closed.
    public mutating func next() throws(FramingError) -> FrameEvent? {
        if skipping > 0 { return nil }
        // Whitespace before a header (e.g. a stray CRLF after the previous body) is skipped.
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A || buffer[start] == 0x20 || buffer[start] == 0x09 {
            start += 1
            scanned = max(scanned - 1, 0)
        }
        guard start < buffer.count else { compact(); return nil }
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - start > Self.maximumHeaderBytes {
                throw FramingError("header block longer than \(Self.maximumHeaderBytes) bytes")
            }
            return nil
        }
        let length = try contentLength(headerStart: start, headerEnd: headerEnd)
        let bodyStart = headerEnd + 4
        if length > maximumMessageBytes {
            let available = buffer.count - bodyStart
            skipping = max(length - available, 0)
            start = min(bodyStart + length, buffer.count)
            scanned = 0
            compact()
            return .tooLarge(declaredBytes: length)
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        scanned = 0
        compact()
        return .message(body)
    }

    /// Finds "\r\n\r\n" after `start`, resuming where the last search stopped.
    private mutating func findHeaderEnd() -> Int? {
        var index = start + max(scanned - 3, 0)
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        scanned = buffer.count - start
        return nil
    }

    private func contentLength(headerStart: Int, headerEnd: Int) throws(FramingError) -> Int {
        var length: Int?
        for line in buffer[headerStart..<headerEnd].split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw FramingError("header line without a colon at byte \(line.startIndex): \(String(decoding: line.prefix(60), as: UTF8.self).debugDescription)")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingASCIIWhitespace().lowercased()
            guard name == "content-length" else { continue }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespace()
            if value.hasPrefix("-") { throw FramingError("Content-Length is negative: \(value)") }
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 &- 0x30 <= 9 }), value.count <= 18, let parsed = Int(value) else {
                throw FramingError("Content-Length is not a number: \(value.prefix(40).debugDescription)")
            }
            length = parsed
        }
        guard let length else { throw FramingError("header without Content-Length") }
        return length
    }

    private mutating func compact() {
        ReceiveBuffer.compact(&buffer, start: &start)
    }

    /// Frames a reply: exactly `Content-Length: N\r\n\r\n` then the body.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: body)
        return bytes
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
