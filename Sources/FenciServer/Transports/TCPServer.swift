import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Synchronization

/// Serves many clients over TCP with SwiftNIO: one `RPCConnection` per connection, every
/// connection's errors contained so one client never takes the server down.
public final class TCPServer: Sendable {
    private let service: Service
    private let workers: WorkerPool
    private let logger: Logger
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    private let writes = PendingWrites()

    /// Replies handed to NIO and not yet written to their sockets (or failed).
    public var pendingWrites: Int { writes.count }

    /// The address actually bound (port 0 picks a free port).
    public var localAddress: SocketAddress? { channel.localAddress }

    /// Binds and starts accepting.
    public init(service: Service, workers: WorkerPool, logger: Logger, host: String, port: Int, eventLoopThreads: Int = 1) throws {
        self.service = service
        self.workers = workers
        self.logger = logger
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(eventLoopThreads, 1))
        self.group = group
        let readTimeout = TimeAmount.seconds(Int64(service.configuration.readTimeoutSeconds))
        let writes = self.writes
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: readTimeout))
                    try channel.pipeline.syncOperations.addHandler(
                        RPCChannelHandler(service: service, workers: workers, logger: logger, writes: writes))
                }
            }
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
    }

    /// Stops accepting new connections; open ones keep being served.
    public func stopAccepting() {
        try? channel.close().wait()
    }

    /// Blocks until the listening socket closes.
    public func waitUntilClosed() {
        try? channel.closeFuture.wait()
    }
}

/// The NIO side of one connection: bytes in, framed replies out, timeouts and half-closes.
final class RPCChannelHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked Sendable: NIO calls the handler on its channel's event loop only; the
    // closures handed to the connection capture the (Sendable) channel, not the handler.
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let service: Service
    private let workers: WorkerPool
    private var logger: Logger
    private let writes: PendingWrites
    private var connection: RPCConnection?
    private var inputClosed = false
    /// The most recent reply's write. Replies are written from worker threads; closing after
    /// a half-close waits for this future, so no reply still in NIO's queue is dropped.
    private let lastWrite = NIOLockedValueBox<EventLoopFuture<Void>?>(nil)

    init(service: Service, workers: WorkerPool, logger: Logger, writes: PendingWrites) {
        self.service = service
        self.workers = workers
        self.logger = logger
        self.writes = writes
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        logger[metadataKey: "peer"] = "\(channel.remoteAddress.map { "\($0)" } ?? "?")"
        logger.info("connection opened")
        let logger = self.logger
        let lastWrite = self.lastWrite
        let writes = self.writes
        connection = RPCConnection(service: service, workers: workers, logger: logger, handlers: .init(
            send: { bytes in
                writes.started()
                let written = channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
                written.whenComplete { _ in writes.finished() }
                lastWrite.withLockedValue { $0 = written }
            },
            close: { _ in
                channel.close(promise: nil)
            },
            exit: { _ in
                channel.close(promise: nil)
            }))
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        logger.info("connection closed")
        connection?.closed()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        buffer.withUnsafeReadableBytes { connection?.receive($0) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            // A client that stalls mid-message must not hold the connection forever; an idle
            // client between messages (an editor between keystrokes) may.
            if connection?.hasPartialMessage == true {
                logger.warning("closing connection: message incomplete after \(service.configuration.readTimeoutSeconds) s")
                context.close(promise: nil)
            }
            return
        }
        if let channelEvent = event as? ChannelEvent, channelEvent == .inputClosed {
            // Half-close: the client sent everything; answer it, then close.
            inputClosed = true
            closeWhenAnswered(channel: context.channel)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func closeWhenAnswered(channel: Channel) {
        guard let connection, connection.outstandingRequests > 0 else {
            // Every reply has been handed to NIO; close once the last one is on the wire.
            if let written = lastWrite.withLockedValue({ $0 }) {
                written.whenComplete { _ in channel.close(promise: nil) }
            } else {
                channel.close(promise: nil)
            }
            return
        }
        channel.eventLoop.scheduleTask(in: .milliseconds(2)) { [self] in
            closeWhenAnswered(channel: channel)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.warning("connection error: \(error)")
        context.close(promise: nil)
    }
}

/// Counts replies between `writeAndFlush` and its completion, so a graceful stop can wait
/// until every answer is on the wire rather than only computed.
final class PendingWrites: Sendable {
    private let value = Atomic<Int>(0)

    var count: Int { value.load(ordering: .acquiring) }

    func started() {
        value.add(1, ordering: .relaxed)
    }

    func finished() {
        value.subtract(1, ordering: .releasing)
    }
}
