import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// Plain HTTP for operators: `GET /metrics` (Prometheus text) and `GET /healthz`.
///
/// Separate from the JSON-RPC port so scrapers and load-balancer probes never share a
/// connection limit or a framing with clients. The exposition itself comes from a closure:
/// this type knows HTTP, not which metrics backend renders the text.
public final class MetricsHTTPServer: Sendable {
    /// Renders the current metrics in Prometheus' text format.
    public typealias Render = @Sendable () -> [UInt8]

    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    private let ready = NIOLockedValueBox(false)

    /// The address actually bound (port 0 picks a free port).
    public var localAddress: SocketAddress? { channel.localAddress }

    /// Binds and starts answering; `/healthz` says 503 until `setReady(true)`.
    public init(host: String, port: Int, logger: Logger, render: @escaping Render) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        let ready = self.ready
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMap {
                    channel.pipeline.addHandler(MetricsHTTPHandler(render: render, isReady: { ready.withLockedValue { $0 } }))
                }
            }
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        logger.debug("metrics endpoint bound", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
    }

    /// Ready means "send me traffic": set once the service listens, cleared when it drains,
    /// so a load balancer stops routing to a server that is shutting down.
    public func setReady(_ value: Bool) {
        ready.withLockedValue { $0 = value }
    }

    /// Closes the listening socket.
    public func close() {
        try? channel.close().wait()
    }
}

/// Answers one HTTP/1.1 connection's requests (keep-alive is handled by NIO's pipeline).
final class MetricsHTTPHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked Sendable: used on its channel's event loop only.
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let render: MetricsHTTPServer.Render
    private let isReady: @Sendable () -> Bool
    private var request: HTTPRequestHead?

    init(render: @escaping MetricsHTTPServer.Render, isReady: @escaping @Sendable () -> Bool) {
        self.render = render
        self.isReady = isReady
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head):
            request = head
        case .body:
            break  // no endpoint takes a body
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        let status: HTTPResponseStatus
        let body: [UInt8]
        var contentType = "text/plain; charset=utf-8"
        switch (head.method, path) {
        case (.GET, "/metrics"), (.HEAD, "/metrics"):
            status = .ok
            body = render()
            contentType = "text/plain; version=0.0.4; charset=utf-8"
        case (.GET, "/healthz"), (.HEAD, "/healthz"):
            let ready = isReady()
            status = ready ? .ok : .serviceUnavailable
            body = Array((ready ? "ok\n" : "not ready\n").utf8)
        case (_, "/metrics"), (_, "/healthz"):
            status = .methodNotAllowed
            body = Array("use GET\n".utf8)
        default:
            status = .notFound
            body = Array("not found: try /metrics or /healthz\n".utf8)
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        if status == .methodNotAllowed { headers.add(name: "Allow", value: "GET, HEAD") }
        let keepAlive = head.isKeepAlive
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
