import FenciSegmenter
import NIOConcurrencyHelpers

/// Per-connection protocol state: the negotiated position encoding and the lifecycle.
///
/// Shared between the connection's reader and the workers running its requests, so every
/// field sits behind a lock.
public final class ConnectionContext: Sendable {
    private struct State {
        var positionEncoding: PositionEncoding = .utf16
        var shutDown = false
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// The connection's default position encoding (`utf-16` until `initialize` picks one).
    public var positionEncoding: PositionEncoding {
        get { state.withLockedValue { $0.positionEncoding } }
        set { state.withLockedValue { $0.positionEncoding = newValue } }
    }

    /// Whether `shutdown` was received.
    public var isShutDown: Bool { state.withLockedValue { $0.shutDown } }

    func markShutDown() {
        state.withLockedValue { $0.shutDown = true }
    }
}
