import CoreMetrics
import FenciServer
import Logging
import Prometheus

/// `--metrics HOST:PORT`: makes Prometheus the process's swift-metrics backend and serves its
/// registry over HTTP with `/healthz` beside it.
///
/// The bootstrap has to happen before the `Service` is made, because the service takes its
/// metric handles from the factory once, at start-up.
enum MetricsEndpoint {
    /// Latency buckets, in seconds: editors' small requests land in the sub-millisecond ones,
    /// whole news articles in the tens of milliseconds, megabyte documents near a second.
    static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    static func start(host: String, port: Int, logger: Logger) throws -> MetricsHTTPServer {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["fenci_request_duration_seconds"] = latencyBuckets
        MetricsSystem.bootstrap(factory)
        return try MetricsHTTPServer(host: host, port: port, logger: logger, render: { registry.emitToBuffer() })
    }
}
