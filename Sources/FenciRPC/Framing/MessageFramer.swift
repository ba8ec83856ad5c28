/// A connection's framing, fixed by its first non-whitespace byte: `{` or `[` selects
/// newline-delimited JSON, anything else the LSP base protocol (`Content-Length`).
public struct MessageFramer: Sendable {
    public enum Kind: Sendable, Equatable {
        case lines, contentLength
    }

    private enum State: Sendable {
        case undecided
        case lines(LineFramer)
        case contentLength(ContentLengthFramer)
    }

    public let maximumMessageBytes: Int
    private var state: State = .undecided
    private var pending: [UInt8] = []

    public init(maximumMessageBytes: Int) {
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// The framing, once the first non-whitespace byte has arrived.
    public var kind: Kind? {
        switch state {
        case .undecided: nil
        case .lines: .lines
        case .contentLength: .contentLength
        }
    }

    /// Whether a message has started arriving but is not complete (for read timeouts).
    public var hasPartialMessage: Bool {
        switch state {
        case .undecided: false
        case let .lines(framer): framer.hasPartialMessage
        case let .contentLength(framer): framer.hasPartialMessage
        }
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .undecided:
            guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }) else { return }
            let rest = UnsafeRawBufferPointer(rebasing: bytes[first...])
            if bytes[first] == UInt8(ascii: "{") || bytes[first] == UInt8(ascii: "[") {
                var framer = LineFramer(maximumMessageBytes: maximumMessageBytes)
                framer.append(rest)
                state = .lines(framer)
            } else {
                var framer = ContentLengthFramer(maximumMessageBytes: maximumMessageBytes)
                framer.append(rest)
                state = .contentLength(framer)
            }
        case var .lines(framer):
            state = .undecided  // release the reference so the append does not copy the buffer
            framer.append(bytes)
            state = .lines(framer)
        case var .contentLength(framer):
            state = .undecided
            framer.append(bytes)
            state = .contentLength(framer)
        }
    }

    public mutating func next() throws(FramingError) -> FrameEvent? {
        switch state {
        case .undecided:
            return nil
        case var .lines(framer):
            state = .undecided
            let event = framer.next()
            state = .lines(framer)
            return event
        case var .contentLength(framer):
            state = .undecided
            defer { state = .contentLength(framer) }
            return try framer.next()
        }
    }

    /// Frames a reply for this connection's framing.
    public func frame(_ body: [UInt8]) -> [UInt8] {
        kind == .lines ? LineFramer.frame(body) : ContentLengthFramer.frame(body)
    }
}
