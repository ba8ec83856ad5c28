// A load generator for `fenci serve --tcp`: N connections, each keeping W requests in
// flight (pipelined, newline-delimited JSON), for D seconds. Prints requests/s and latency
// percentiles as JSON. Blocking sockets, one thread per connection: simple, and cheap enough
// that the server, not the generator, is what gets measured.
//
//   swift run -c release LoadGenerator --port P [--connections 32] [--window 64] [--seconds 10]
//                                      [--text 我爱北京天安门] [--document-bytes N | --document-file PATH]
//                                      [--method tokenize|summarize]
#if canImport(Glibc)
import Glibc
#endif
import Foundation

struct Options {
    var host = "127.0.0.1"
    var port: UInt16 = 0
    var connections = 32
    var window = 64
    var seconds = 10.0
    var text = "无锡物联网创新促进中心领导小组会议今天召开了"  // 20 characters
    var documentBytes = 0  // > 0: send one document of this size per request instead
    var documentFile: String?  // send this file's text as the document of every request
    var method = "tokenize"  // or "summarize" (3 sentences, 10 keywords)

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            let value = iterator.next() ?? ""
            switch flag {
            case "--host": host = value
            case "--port": port = UInt16(value) ?? 0
            case "--connections": connections = Int(value) ?? connections
            case "--window": window = Int(value) ?? window
            case "--seconds": seconds = Double(value) ?? seconds
            case "--text": text = value
            case "--document-bytes": documentBytes = Int(value) ?? 0
            case "--document-file": documentFile = value
            case "--method": method = value
            default: fatalError("unknown option \(flag)")
            }
        }
        precondition(port != 0, "--port is required")
        precondition(["tokenize", "summarize"].contains(method), "--method is tokenize or summarize")
    }
}

final class Connection: @unchecked Sendable {
    // @unchecked Sendable: each connection is used by exactly one thread.
    let descriptor: Int32
    var latencies: [Double] = []
    var completed = 0
    var errors = 0

    init(host: String, port: UInt16) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(result == 0, "cannot connect to \(host):\(port)")
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    func sendAll(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            precondition(sent > 0, "send failed")
            offset += sent
        }
    }

    /// Runs until `deadline`: keeps `window` requests outstanding; a reply is one line.
    func run(request: [UInt8], window: Int, deadline: Double) {
        var sentTimes: [Double] = []
        sentTimes.reserveCapacity(1 << 16)
        var nextReply = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var batch: [UInt8] = []
        for _ in 0..<window { batch += request; sentTimes.append(now()) }
        sendAll(batch)
        var stopping = false
        while nextReply < sentTimes.count {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { errors += sentTimes.count - nextReply; return }
            let received = now()
            // memchr, not a Swift loop: the generator must cost as little CPU as possible,
            // since it shares the machine's cores with the server it measures.
            var replies = 0
            buffer.withUnsafeBytes { raw in
                var cursor = raw.baseAddress!  // the buffer is never empty
                let end = cursor + count
                while cursor < end, let newline = memchr(cursor, 0x0A, end - cursor) {
                    replies += 1
                    cursor = UnsafeRawPointer(newline) + 1
                }
            }
            if replies == 0 { continue }
            for _ in 0..<replies {
                latencies.append(received - sentTimes[nextReply])
                nextReply += 1
                completed += 1
            }
            if !stopping, received >= deadline { stopping = true }
            if !stopping {
                batch.removeAll(keepingCapacity: true)
                for _ in 0..<replies { batch += request; sentTimes.append(received) }
                sendAll(batch)
            }
        }
        close(descriptor)
    }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let options = Options(arguments: CommandLine.arguments)
let text = options.documentFile.map { String(decoding: FileManager.default.contents(atPath: $0) ?? Data(), as: UTF8.self) } ?? (options.documentBytes > 0
    ? String(repeating: options.text, count: max(1, options.documentBytes / max(options.text.utf8.count, 1)))
    : options.text)
let params: [String: Any] = options.method == "summarize" ? ["text": text, "sentences": 3] : ["text": text, "format": "words"]
let payload = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": 1, "method": options.method,
                                                          "params": params] as [String: Any])
let request = [UInt8](payload) + [0x0A]
let connections = (0..<options.connections).map { _ in Connection(host: options.host, port: options.port) }
let start = now()
let deadline = start + options.seconds
let group = DispatchGroup()
for connection in connections {
    group.enter()
    let thread = Thread {
        connection.run(request: request, window: options.window, deadline: deadline)
        group.leave()
    }
    thread.stackSize = 1 << 20
    thread.start()
}
group.wait()
let elapsed = now() - start
let latencies = connections.flatMap(\.latencies).sorted()
let completed = connections.reduce(0) { $0 + $1.completed }
func percentile(_ p: Double) -> Double {
    latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] * 1000
}
let report: [String: Any] = [
    "method": options.method, "connections": options.connections, "window": options.window, "requestBytes": request.count,
    "requests": completed, "errors": connections.reduce(0) { $0 + $1.errors }, "seconds": elapsed,
    "requestsPerSecond": Double(completed) / elapsed,
    "megabytesPerSecond": Double(completed) * Double(text.utf8.count) / elapsed / 1e6,
    "latencyMs": ["p50": percentile(0.5), "p90": percentile(0.9), "p99": percentile(0.99), "max": percentile(1.0)],
]
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
