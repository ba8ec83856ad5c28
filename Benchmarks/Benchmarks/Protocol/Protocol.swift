// The service's per-request path outside the segmenter: framing and JSON decoding of a
// request, JSON encoding of a reply, one request through an in-process `RPCConnection`
// (decode → worker → tokenize → encode → frame), and a full TCP round trip to an in-process
// `TCPServer` on loopback. Every iteration is one request; the document is one 200-character
// news sentence, the size an editor sends for a line or two.
#if canImport(Glibc)
import Glibc
#endif
import Benchmark
import BenchmarkSupport
import FenciRPC
import FenciSegmenter
import FenciServer
import Foundation
import Logging

let sentence = "无锡物联网创新促进中心今天召开会议，研究部署下一阶段物联网产业发展工作。会议指出，要加快传感网技术研发和产业化，推动物联网在工业、交通、环保等领域的应用示范，"
let document = String(repeating: sentence, count: 3)  // about 200 characters
let requestBody = Array(#"{"jsonrpc":"2.0","id":17,"method":"tokenize","params":{"text":"\#(document)"}}"#.utf8)
let contentLengthRequest = Array("Content-Length: \(requestBody.count)\r\n\r\n".utf8) + requestBody
let lineRequest = requestBody + [0x0A]

let segmenter = BenchmarkData.segmenter

/// Waits for one reply at a time from an in-process connection.
final class ReplySignal: @unchecked Sendable {
    // @unchecked Sendable: the semaphore is thread-safe; `bytes` is written before signalling
    // and read after waiting.
    private let semaphore = DispatchSemaphore(value: 0)
    var bytes = 0

    func deliver(_ reply: [UInt8]) {
        bytes = reply.count
        semaphore.signal()
    }

    func wait() { semaphore.wait() }
}

/// A blocking loopback client: send one line, read until the reply's newline.
final class LineClient: @unchecked Sendable {
    // @unchecked Sendable: one thread at a time sends and reads.
    let descriptor: Int32
    var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(port: Int) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(result == 0, "cannot connect to the in-process server")
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(descriptor) }

    func roundTrip(_ request: [UInt8]) -> Int {
        let sent = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        precondition(sent == request.count, "short send")
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            precondition(count > 0, "the server closed the connection")
            total += count
            if buffer[count - 1] == 0x0A { return total }
        }
    }
}

/// One service, worker and connection for every sample (a benchmark closure runs once per
/// sample, so fixtures live in globals, made on first use during the warm-up).
final class ConnectionFixture: @unchecked Sendable {
    // @unchecked Sendable: used by one benchmark thread; the connection is thread-safe.
    let workers = WorkerPool(threads: 1)
    let signal = ReplySignal()
    let connection: RPCConnection

    init() {
        let service = Service(segmenter: segmenter, dictionarySource: "built-in", configuration: ServiceConfiguration())
        let signal = self.signal
        connection = RPCConnection(service: service, workers: workers, logger: Logger(label: "benchmark"), handlers: .init(
            send: { signal.deliver($0) }, close: { _ in }, exit: { _ in }))
    }

    func roundTrip(_ request: [UInt8]) -> Int {
        request.withUnsafeBytes { connection.receive($0) }
        signal.wait()
        return signal.bytes
    }
}

/// An in-process TCP server on a free loopback port and one connected client.
final class TCPFixture: @unchecked Sendable {
    // @unchecked Sendable: the client is used by one benchmark thread at a time.
    let server: TCPServer
    let client: LineClient

    init() {
        var logger = Logger(label: "benchmark")
        logger.logLevel = .critical
        let service = Service(segmenter: segmenter, dictionarySource: "built-in", configuration: ServiceConfiguration())
        do {
            server = try TCPServer(service: service, workers: WorkerPool(threads: 1), logger: logger, host: "127.0.0.1", port: 0)
        } catch {
            fatalError("cannot listen on loopback: \(error)")
        }
        client = LineClient(port: server.localAddress?.port ?? 0)
    }
}

let connectionFixture = ConnectionFixture()
let tcpFixture = TCPFixture()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], warmupIterations: 10,
                                           maxDuration: .seconds(2), maxIterations: 20_000)

    Benchmark("protocolDecodeRequest") { benchmark in
        var framer = MessageFramer(maximumMessageBytes: 1 << 26)
        for _ in benchmark.scaledIterations {
            contentLengthRequest.withUnsafeBytes { framer.append($0) }
            guard case let .message(body)? = try framer.next(), case .single(.request) = DecodedFrame(body: body) else {
                fatalError("the request must decode")
            }
            blackHole(body.count)
        }
    }

    Benchmark("protocolEncodeReply") { benchmark in
        var scratch = CutScratch()
        var tokens: [Token] = []
        let text = Array(document.utf8)
        text.withUnsafeBufferPointer { segmenter.cut(utf8: $0, options: CutOptions(), scratch: &scratch, into: &tokens) }
        for _ in benchmark.scaledIterations {
            let reply = text.withUnsafeBufferPointer { bytes in
                ResponseEncoder.result(id: .number("17")) { writer in
                    writer.beginObject()
                    writer.key("tokens")
                    writer.beginArray()
                    for token in tokens {
                        writer.beginObject()
                        writer.key("text"); writer.string(utf8: UnsafeBufferPointer(rebasing: bytes[token.utf8Range]))
                        writer.key("start"); writer.integer(PositionEncoding.utf16.start(of: token))
                        writer.key("end"); writer.integer(PositionEncoding.utf16.end(of: token))
                        writer.endObject()
                    }
                    writer.endArray()
                    writer.endObject()
                }
            }
            blackHole(ContentLengthFramer.frame(reply).count)
        }
    }

    // Cross-thread round trips: a message that arrives in two reads, or a wake-up that takes
    // another path through NIO or the thread pool, can cost a malloc or two more without any
    // change in Fenci, so these two tolerate 3 at p90; everything else must match exactly.
    let crossThread = Benchmark.Configuration(thresholds: [.mallocCountTotal: .init(absolute: [.p90: 3])])

    Benchmark("protocolConnectionRoundTrip", configuration: crossThread) { benchmark in
        let fixture = connectionFixture
        for _ in benchmark.scaledIterations {
            blackHole(fixture.roundTrip(lineRequest))
        }
    }

    Benchmark("tcpRoundTrip", configuration: crossThread) { benchmark in
        let client = tcpFixture.client
        for _ in benchmark.scaledIterations {
            blackHole(client.roundTrip(lineRequest))
        }
    }
}
