#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A blocking TCP client for tests: send bytes, read framed replies with a timeout.
public final class TestSocket {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    public init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(descriptor); throw TestFailure("connect() failed: \(errno)") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw TestFailure("send() failed: \(errno)") }
            offset += sent
        }
    }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Half-closes the sending side.
    public func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Reads more bytes; false at end of stream (or timeout).
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// The next newline-delimited reply, or nil at end of stream.
    public func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            guard fill() else { return nil }
        }
    }

    /// The next Content-Length-framed reply body, or nil at end of stream.
    public func readFrame() -> String? {
        while true {
            if let (body, consumed) = ContentLengthParsing.parse(buffer) {
                buffer.removeSubrange(0..<consumed)
                return body
            }
            guard fill() else { return nil }
        }
    }

    /// Everything the server sends until it closes the connection.
    public func readAll() -> [UInt8] {
        while fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// One HTTP/1.1 request with `Connection: close`: the status code and the body.
    public static func http(port: UInt16, method: String = "GET", path: String) throws -> (status: Int, body: String) {
        let socket = try TestSocket(port: port)
        try socket.send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let reply = String(decoding: socket.readAll(), as: UTF8.self)
        let parts = reply.components(separatedBy: "\r\n\r\n")
        let statusLine = parts.first?.split(separator: "\r\n").first ?? ""
        let fields = statusLine.split(separator: " ")
        guard fields.count >= 2, let status = Int(fields[1]) else { throw TestFailure("not an HTTP reply: \(reply.debugDescription)") }
        return (status, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Reads until the server closes the connection; true if it did within the timeout.
    public func waitForClose() -> Bool {
        while fill() {}
        var probe: UInt8 = 0
        return recv(descriptor, &probe, 1, 0) == 0
    }
}

/// Splits `Content-Length: N\r\n\r\n` + body off the front of a byte buffer.
public enum ContentLengthParsing {
    public static func parse(_ buffer: [UInt8]) -> (String, Int)? {
        guard let headerEnd = (0..<max(buffer.count - 3, 0)).first(where: {
            buffer[$0] == 0x0D && buffer[$0 + 1] == 0x0A && buffer[$0 + 2] == 0x0D && buffer[$0 + 3] == 0x0A
        }) else { return nil }
        let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst("Content-Length: ".count)) else { return nil }
        let start = headerEnd + 4
        guard buffer.count >= start + length else { return nil }
        return (String(decoding: buffer[start..<(start + length)], as: UTF8.self), start + length)
    }

    /// Every frame in a complete output stream; nil if the stream holds anything else.
    public static func frames(_ bytes: [UInt8]) -> [String]? {
        var rest = bytes
        var frames: [String] = []
        while !rest.isEmpty {
            guard let (body, consumed) = parse(rest) else { return nil }
            frames.append(body)
            rest.removeSubrange(0..<consumed)
        }
        return frames
    }
}

/// JSON helpers for tests.
public enum JSON {
    public static func object(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(text.prefix(200))")
        }
        return object
    }

    public static func array(_ text: String) throws -> [[String: Any]] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw TestFailure("not a JSON array of objects: \(text.prefix(200))")
        }
        return array
    }

    public static func errorCode(_ reply: [String: Any]) -> Int? {
        (reply["error"] as? [String: Any])?["code"] as? Int
    }

    public static func errorField(_ reply: [String: Any]) -> String? {
        ((reply["error"] as? [String: Any])?["data"] as? [String: Any])?["field"] as? String
    }

    /// A request line (newline-delimited JSON).
    public static func request(id: Any, method: String, params: [String: Any]? = nil) throws -> String {
        var object: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { object["params"] = params }
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n"
    }

    /// The same request with Content-Length framing.
    public static func framed(id: Any, method: String, params: [String: Any]? = nil) throws -> [UInt8] {
        let body = try request(id: id, method: method, params: params).dropLast()
        return Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }
}
