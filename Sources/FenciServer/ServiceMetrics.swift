import CoreMetrics
import FenciRPC

/// The service's operational metrics, recorded through swift-metrics.
///
/// The service never names a backend: `fenci serve --metrics` bootstraps Prometheus, tests
/// pass a test factory, and without either every handle is a no-op. Handles for the known
/// methods are made once, up front, so recording a request costs a few atomic adds and no
/// registry lookup; only error counters are made on demand (errors are the rare path).
public final class ServiceMetrics: Sendable {
    /// Method names as they appear in the `method` label. Anything else is counted as
    /// `other`, so a client sending random names cannot grow the label set without bound.
    static let methodLabels = ["initialize", "shutdown", "status", "tokenize", "summarize", "compare"]
    /// The `method` label of messages that never got as far as a method (parse errors,
    /// invalid requests, oversized messages).
    static let invalidLabel = "invalid"

    private struct MethodHandles: Sendable {
        /// The `method` label these handles carry.
        let label: String
        let succeeded: Counter
        let failed: Counter
        let duration: Timer
    }

    private let factory: any MetricsFactory
    private let handles: [String: MethodHandles]
    private let other: MethodHandles
    private let invalid: Counter
    private let inFlight: Meter
    private let openConnections: Meter
    private let connectionsOpened: Counter
    private let receivedBytes: Counter
    private let sentBytes: Counter
    private let segmentedBytes: Counter

    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
        func method(_ name: String) -> MethodHandles {
            MethodHandles(
                label: name,
                succeeded: Counter(label: "fenci_requests_total", dimensions: [("method", name), ("outcome", "ok")], factory: factory),
                failed: Counter(label: "fenci_requests_total", dimensions: [("method", name), ("outcome", "error")], factory: factory),
                duration: Timer(label: "fenci_request_duration_seconds", dimensions: [("method", name)], factory: factory))
        }
        var handles: [String: MethodHandles] = [:]
        for name in Self.methodLabels { handles[name] = method(name) }
        self.handles = handles
        other = method("other")
        invalid = Counter(label: "fenci_requests_total", dimensions: [("method", Self.invalidLabel), ("outcome", "error")], factory: factory)
        inFlight = Meter(label: "fenci_requests_in_flight", factory: factory)
        openConnections = Meter(label: "fenci_connections_open", factory: factory)
        connectionsOpened = Counter(label: "fenci_connections_total", factory: factory)
        receivedBytes = Counter(label: "fenci_received_bytes_total", factory: factory)
        sentBytes = Counter(label: "fenci_sent_bytes_total", factory: factory)
        segmentedBytes = Counter(label: "fenci_segmented_bytes_total", factory: factory)
    }

    func requestStarted() {
        inFlight.increment()
    }

    /// Records one answered request: outcome, latency, and the error code when it failed.
    func requestFinished(method: String, nanoseconds: Int64, error: ErrorCode?) {
        inFlight.decrement()
        let handles = self.handles[method] ?? other
        handles.duration.recordNanoseconds(nanoseconds)
        guard let error else {
            handles.succeeded.increment()
            return
        }
        handles.failed.increment()
        countError(method: handles.label, code: error)
    }

    /// A message rejected before dispatch: unparsable JSON, not a request, too large.
    func messageRejected(code: ErrorCode) {
        invalid.increment()
        countError(method: Self.invalidLabel, code: code)
    }

    private func countError(method: String, code: ErrorCode) {
        Counter(label: "fenci_request_errors_total", dimensions: [("method", method), ("code", String(code.rawValue))], factory: factory)
            .increment()
    }

    func connectionOpened() {
        connectionsOpened.increment()
        openConnections.increment()
    }

    func connectionClosed() {
        openConnections.decrement()
    }

    func received(bytes: Int) {
        receivedBytes.increment(by: bytes)
    }

    func sent(bytes: Int) {
        sentBytes.increment(by: bytes)
    }

    /// UTF-8 bytes of text run through the segmenter (tokenize, summarize, compare).
    func segmented(bytes: Int) {
        segmentedBytes.increment(by: bytes)
    }
}
