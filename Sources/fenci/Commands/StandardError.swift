#if canImport(Glibc)
import Glibc
private let writeBytes = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let writeBytes = Darwin.write
#endif

/// Diagnostics on standard error: `fenci: error: …` lines and the terminal progress line.
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = writeBytes(2, raw.baseAddress! + offset, raw.count - offset)  // non-empty buffer
                if written <= 0 { if errno == EINTR { continue }; return }
                offset += written
            }
        }
    }

    static func error(_ message: String) {
        write("fenci: error: \(message)\n")
    }

    /// Whether standard error is a terminal (progress lines only make sense there).
    static var isTerminal: Bool { isatty(2) == 1 }
}
