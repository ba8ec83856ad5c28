/// A framing error the connection cannot recover from: the server closes the connection.
public struct FramingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// What a framer yields.
public enum FrameEvent: Equatable, Sendable {
    /// One message body.
    case message([UInt8])
    /// A message over the size limit, skipped without being buffered; answer -32010.
    case tooLarge(declaredBytes: Int?)
}
