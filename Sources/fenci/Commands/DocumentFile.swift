import ArgumentParser
import FenciCorpus

/// Reads a whole document file for `summarize`, `compare` and `dedup`: plain or gzip/zlib, UTF-8
/// checked; errors name the file (and byte) and exit with status 1.
enum DocumentFile {
    static func read(_ path: String) throws -> String {
        do {
            return try readQuietly(path)
        } catch {
            StandardError.error("\(error)")
            throw ExitCode(1)
        }
    }

    /// The same, throwing the error (naming the file) instead of exiting.
    static func readQuietly(_ path: String) throws -> String {
        let bytes = try ByteSource(path: path).readAll()
        if let offset = UTF8Validation.firstInvalidByteOffset(in: bytes) {
            throw TokenizeError.invalidUTF8(file: path, byteOffset: offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
