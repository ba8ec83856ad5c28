/// Newline-delimited JSON framing: one JSON value per line (`\n`, `\r\n` tolerated), blank
/// lines skipped. A line over `maximumMessageBytes` is reported once and discarded up to
/// its newline without being buffered; the connection stays usable.
public struct LineFramer: Sendable {
    public let maximumMessageBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0  // bytes after `start` known to hold no newline
    private var discarding = false  // inside a too-long line

    public init(maximumMessageBytes: Int) {
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// Whether part of a line has arrived without its newline.
    public var hasPartialMessage: Bool { discarding || buffer[start...].contains { $0 != 0x20 && $0 != 0x0D && $0 != 0x0A && $0 != 0x09 } }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete event, or nil when more bytes are needed. Never throws: every
    /// line framing problem is recoverable at the next newline.
    public mutating func next() -> FrameEvent? {
        while true {
            guard let newline = buffer[(start + scanned)...].firstIndex(of: 0x0A) else {
                scanned = buffer.count - start
                if scanned > maximumMessageBytes {
                    // Too long already: drop what we have and skip to the next newline.
                    let report = !discarding
                    discarding = true
                    buffer.removeAll(keepingCapacity: false)
                    start = 0
                    scanned = 0
                    if report { return .tooLarge(declaredBytes: nil) }
                }
                compact()
                return nil
            }
            var end = newline
            if end > start, buffer[end - 1] == 0x0D { end -= 1 }
            let lineStart = start
            start = newline + 1
            scanned = 0
            if discarding {
                discarding = false
                continue
            }
            if end - lineStart > maximumMessageBytes { compact(); return .tooLarge(declaredBytes: end - lineStart) }
            let line = buffer[lineStart..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let body = Array(line)
            compact()
            return .message(body)
        }
    }

    private mutating func compact() {
        ReceiveBuffer.compact(&buffer, start: &start)
    }

    /// Frames a reply: the body and a newline (JSONWriter never emits a raw newline).
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        body + [0x0A]
    }
}
