import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A one-shot `GET /healthz` client, for `fenci healthcheck`: container images without a
/// shell or curl probe the server with the binary they already have.
public enum HealthProbe {
    /// Why a probe failed, in words an operator can act on.
    public enum Failure: Error, CustomStringConvertible {
        case unreachable(String)
        case timedOut(seconds: Int)
        case notHealthy(statusLine: String)
        case closedWithoutReply
        case malformedReply

        public var description: String {
            switch self {
            case let .unreachable(reason): "cannot connect: \(reason)"
            case let .timedOut(seconds): "no answer within \(seconds) s"
            case let .notHealthy(statusLine): "unhealthy: \(statusLine)"
            case .closedWithoutReply: "the connection closed without a reply (is this the --metrics port?)"
            case .malformedReply: "the reply is not HTTP (is this the --metrics port?)"
            }
        }
    }

    /// Returns the status line when `/healthz` answers 200; throws otherwise.
    public static func check(host: String, port: Int, timeoutSeconds: Int = 5) throws(Failure) -> String {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let collector = ReplyCollector()
        let channel: Channel
        do {
            channel = try ClientBootstrap(group: group)
                .connectTimeout(.seconds(Int64(timeoutSeconds)))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
                }
                .connect(host: host, port: port).wait()
        } catch {
            throw .unreachable("\(error)")
        }
        let request = "GET /healthz HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
        channel.writeAndFlush(channel.allocator.buffer(string: request), promise: nil)
        let closed = channel.closeFuture
        let timedOut = NIOLockedValueBox(false)
        let timeout = group.next().scheduleTask(in: .seconds(Int64(timeoutSeconds))) {
            timedOut.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        try? closed.wait()
        timeout.cancel()
        let reply = collector.bytes
        if reply.isEmpty {
            throw timedOut.withLockedValue { $0 } ? .timedOut(seconds: timeoutSeconds) : .closedWithoutReply
        }
        let statusLine = String(decoding: reply.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/") else { throw .malformedReply }
        guard parts[1] == "200" else { throw .notHealthy(statusLine: statusLine) }
        return statusLine
    }
}

/// Gathers every byte the server sends until it closes.
private final class ReplyCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    private let received = NIOLockedValueBox<[UInt8]>([])

    var bytes: [UInt8] { received.withLockedValue { $0 } }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        received.withLockedValue { $0.append(contentsOf: buffer.readableBytesView) }
    }
}
