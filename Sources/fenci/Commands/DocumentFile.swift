import ArgumentParser
import FenciCorpus

/// Reads a whole document file for `summarize` and `compare`: plain or gzip/zlib, UTF-8
/// checked; errors name the file (and byte) and exit with status 1.
enum DocumentFile {
    static func read(_ path: String) throws -> String {
        do {
            let bytes = try ByteSource(path: path).readAll()
            if let offset = UTF8Validation.firstInvalidByteOffset(in: bytes) {
                throw TokenizeError.invalidUTF8(file: path, byteOffset: offset)
            }
            return String(decoding: bytes, as: UTF8.self)
        } catch {
            StandardError.error("\(error)")
            throw ExitCode(1)
        }
    }
}
