#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decompressed bytes of a file or of standard input, read in fixed-size chunks.
///
/// Reads with plain blocking `read(2)`, so standard input may be a pipe, a terminal or a
/// regular file alike. The compression format is detected from the first bytes; memory use
/// is bounded by the chunk size whatever the file size.
public final class ByteSource {
    /// The source's name for messages: the path, or `<stdin>`.
    public let name: String
    /// The detected compression format.
    public private(set) var format: CompressionFormat = .identity
    /// Size of the file in bytes when known (regular files), for progress reports.
    public let totalBytes: Int?
    /// Raw (compressed) bytes read so far.
    public private(set) var consumedBytes = 0

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var inflater: Inflater?
    private var pending: [UInt8] = []  // sniffed bytes not yet handed out
    private var readBuffer: [UInt8]
    private var finished = false
    private let maximumOutputBytes: Int?
    private let decompressing: Bool

    /// Opens `path`, or standard input when `path` is nil or "-".
    ///
    /// - Parameters:
    ///   - chunkSize: bytes per `read(2)`.
    ///   - maximumOutputBytes: fail with `.outputTooLarge` past this many decompressed bytes.
    ///   - decompressing: false hands out the raw bytes (e.g. to fingerprint a file).
    /// - Throws: `CorpusError.fileNotFound` or `.unreadable`.
    public init(path: String?, chunkSize: Int = 1 << 18, maximumOutputBytes: Int? = nil, decompressing: Bool = true) throws {
        self.maximumOutputBytes = maximumOutputBytes
        self.decompressing = decompressing
        readBuffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
        if let path, path != "-" {
            name = path
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                let code = errno
                throw code == ENOENT ? CorpusError.fileNotFound(path: path) : CorpusError.unreadable(path: path, reason: String(cString: strerror(code)))
            }
            var info = stat()
            if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw CorpusError.unreadable(path: path, reason: "is a directory")
            }
            self.descriptor = descriptor
            ownsDescriptor = true
            totalBytes = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        } else {
            name = "<stdin>"
            descriptor = 0
            ownsDescriptor = false
            var info = stat()
            totalBytes = fstat(0, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        }
        try sniff()
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads until two bytes are known (or the input ends), then picks the decoder.
    private func sniff() throws {
        while pending.count < 2 {
            let count = try readRaw()
            if count == 0 { break }
            pending.append(contentsOf: readBuffer[0..<count])
        }
        format = CompressionFormat.sniff(pending)
        if format != .identity, decompressing {
            inflater = try Inflater(format: format, name: name, maximumOutputBytes: maximumOutputBytes)
        }
    }

    private func readRaw() throws -> Int {
        while true {
            let count = readBuffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 {
                consumedBytes += count
                return count
            }
            if errno == EINTR { continue }
            throw CorpusError.unreadable(path: name, reason: String(cString: strerror(errno)))
        }
    }

    /// Appends the next decompressed bytes to `output`; returns false at the end of input.
    ///
    /// - Throws: `CorpusError.truncated`/`.corrupt` for damaged compressed data, naming the file.
    public func read(into output: inout [UInt8]) throws -> Bool {
        if finished { return false }
        if !pending.isEmpty {
            let sniffed = pending
            pending = []
            try deliver(sniffed, into: &output)
            return true
        }
        let count = try readRaw()
        if count == 0 {
            finished = true
            try inflater?.finish()
            return false
        }
        try deliver(Array(readBuffer[0..<count]), into: &output)
        return true
    }

    private func deliver(_ bytes: [UInt8], into output: inout [UInt8]) throws {
        if let inflater {
            try bytes.withUnsafeBytes { try inflater.inflate($0, into: &output) }
        } else {
            if let maximumOutputBytes, output.count + bytes.count > maximumOutputBytes {
                throw CorpusError.outputTooLarge(path: name, limit: maximumOutputBytes)
            }
            output.append(contentsOf: bytes)
        }
    }

    /// Reads everything that is left.
    public func readAll() throws -> [UInt8] {
        var output: [UInt8] = []
        while try read(into: &output) {}
        return output
    }
}
