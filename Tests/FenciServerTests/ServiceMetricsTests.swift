import CoreMetrics
import FenciServer
import Foundation
import Logging
import MetricsTestKit
import Testing
import TestSupport

/// What `ServiceMetrics` records for the traffic an `RPCConnection` sees, checked through
/// swift-metrics' test backend (no HTTP, no Prometheus).
@Suite("service metrics")
struct ServiceMetricsTests {
    /// A connection on a fresh service whose metrics go to `metrics`; replies are collected.
    private final class Harness: Sendable {
        let metrics = TestMetrics()
        let service: Service
        let connection: RPCConnection
        private let replies = ReplyLog()

        init() {
            service = Service(segmenter: SharedSegmenter.builtin, dictionarySource: "built-in", configuration: ServiceConfiguration(),
                              metrics: ServiceMetrics(factory: metrics))
            let replies = self.replies
            connection = RPCConnection(service: service, workers: WorkerPool(threads: 1), logger: Logger(label: "test"), handlers: .init(
                send: { bytes in replies.append(bytes) }, close: { _ in }, exit: { _ in }))
        }

        func receive(_ text: String) {
            Array(text.utf8).withUnsafeBytes { connection.receive($0) }
        }

        /// Waits until `count` replies have been sent.
        func waitForReplies(_ count: Int) throws -> [[UInt8]] {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let sent = replies.all
                if sent.count >= count { return sent }
                usleep(1000)
            }
            throw TestFailure("expected \(count) replies")
        }

        func counter(_ label: String, _ dimensions: [(String, String)] = []) throws -> Int64 {
            try metrics.expectCounter(label, dimensions).totalValue
        }
    }

    /// Replies in the order they were sent, from any thread.
    private final class ReplyLog: @unchecked Sendable {
        // @unchecked Sendable: `replies` is only touched under `lock`.
        private let lock = NSLock()
        private var replies: [[UInt8]] = []

        func append(_ reply: [UInt8]) { lock.withLock { replies.append(reply) } }
        var all: [[UInt8]] { lock.withLock { replies } }
    }

    @Test("requests are counted by method and outcome, with latency, bytes and segmented text")
    func requestsByMethodAndOutcome() throws {
        let harness = Harness()
        let text = "无锡物联网创新促进中心"
        harness.receive(#"{"jsonrpc":"2.0","id":1,"method":"tokenize","params":{"text":"\#(text)"}}"# + "\n")
        harness.receive(#"{"jsonrpc":"2.0","id":2,"method":"tokenize","params":{"text":5}}"# + "\n")
        harness.receive(#"{"jsonrpc":"2.0","id":3,"method":"no/such/method"}"# + "\n")
        harness.receive("{not json\n")
        let replies = try harness.waitForReplies(4)

        #expect(try harness.counter("fenci_requests_total", [("method", "tokenize"), ("outcome", "ok")]) == 1)
        #expect(try harness.counter("fenci_requests_total", [("method", "tokenize"), ("outcome", "error")]) == 1)
        #expect(try harness.counter("fenci_requests_total", [("method", "other"), ("outcome", "error")]) == 1)
        #expect(try harness.counter("fenci_requests_total", [("method", "invalid"), ("outcome", "error")]) == 1)
        #expect(try harness.counter("fenci_request_errors_total", [("method", "tokenize"), ("code", "-32602")]) == 1)
        #expect(try harness.counter("fenci_request_errors_total", [("method", "other"), ("code", "-32601")]) == 1)
        #expect(try harness.counter("fenci_request_errors_total", [("method", "invalid"), ("code", "-32700")]) == 1)
        #expect(try harness.metrics.expectTimer("fenci_request_duration_seconds", [("method", "tokenize")]).values.count == 2)
        #expect(try harness.counter("fenci_segmented_bytes_total") == Int64(text.utf8.count))
        let received = 4 + [
            #"{"jsonrpc":"2.0","id":1,"method":"tokenize","params":{"text":"\#(text)"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tokenize","params":{"text":5}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"no/such/method"}"#, "{not json",
        ].map(\.utf8.count).reduce(0, +)
        #expect(try harness.counter("fenci_received_bytes_total") == Int64(received))
        #expect(try harness.counter("fenci_sent_bytes_total") == Int64(replies.map(\.count).reduce(0, +)))
        #expect(try harness.metrics.expectMeter("fenci_requests_in_flight").lastValue == 0)
    }

    @Test("open connections go up when a connection starts and down when its transport closes it")
    func openConnections() throws {
        let harness = Harness()
        #expect(try harness.metrics.expectMeter("fenci_connections_open").lastValue == 1)
        #expect(try harness.counter("fenci_connections_total") == 1)
        harness.connection.closed()
        #expect(try harness.metrics.expectMeter("fenci_connections_open").lastValue == 0)
    }
}
