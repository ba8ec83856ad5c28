#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// A buffered writer to a file or standard output; gzip-compressing when the path ends in `.gz`.
///
/// Call `finish()` when done (also after an error elsewhere): it flushes and writes the gzip
/// trailer, so what was written so far is a complete, valid file.
public final class ByteSink {
    /// The sink's name for messages: the path, or `<stdout>`.
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let deflater: Deflater?
    private var buffer: [UInt8] = []
    private var finished = false

    /// Opens (creating or truncating) `path`, or standard output when `path` is nil or "-".
    public init(path: String?) throws {
        if let path, path != "-" {
            name = path
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw CorpusError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
            ownsDescriptor = true
            deflater = path.hasSuffix(".gz") ? Deflater(format: .gzip) : nil
        } else {
            name = "<stdout>"
            descriptor = 1
            ownsDescriptor = false
            deflater = nil
        }
        buffer.reserveCapacity(1 << 17)
    }

    deinit {
        try? finish()
    }

    /// Writes bytes (buffered).
    public func write(_ bytes: [UInt8]) throws {
        precondition(!finished, "write after finish")
        if let deflater {
            bytes.withUnsafeBytes { deflater.deflate($0, into: &buffer) }
        } else {
            buffer.append(contentsOf: bytes)
        }
        if buffer.count >= 1 << 16 { try flushBuffer() }
    }

    /// Flushes everything, ends the gzip stream, and closes the file. Idempotent.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        deflater?.finish(into: &buffer)
        defer { if ownsDescriptor { close(descriptor) } }
        try flushBuffer()
    }

    private func flushBuffer() throws {
        var offset = 0
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)  // non-empty
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CorpusError.writeFailed(path: name, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}
