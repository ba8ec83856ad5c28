/// Errors reading or writing corpus files and streams; each names the file at fault.
///
/// Standard input is named `<stdin>`, standard output `<stdout>`, in-memory data `<memory>`.
public enum CorpusError: Error, Equatable, CustomStringConvertible, Sendable {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    /// The compressed stream ended before its end marker.
    case truncated(path: String)
    /// The compressed stream is damaged; `detail` is zlib's message.
    case corrupt(path: String, detail: String)
    /// Decompressed data would exceed the caller's limit (a guard against gzip bombs).
    case outputTooLarge(path: String, limit: Int)
    case writeFailed(path: String, reason: String)

    public var description: String { "\(path): \(reason)" }

    /// The file (or stream) at fault.
    public var path: String {
        switch self {
        case let .fileNotFound(path), let .unreadable(path, _), let .truncated(path), let .corrupt(path, _),
             let .outputTooLarge(path, _), let .writeFailed(path, _):
            path
        }
    }

    /// What went wrong, without the path.
    public var reason: String {
        switch self {
        case .fileNotFound: "no such file"
        case let .unreadable(_, reason): "cannot read: \(reason)"
        case .truncated: "compressed stream is truncated (unexpected end of file)"
        case let .corrupt(_, detail): "corrupt compressed data: \(detail)"
        case let .outputTooLarge(_, limit): "decompressed size exceeds the limit of \(limit) bytes"
        case let .writeFailed(_, reason): "cannot write: \(reason)"
        }
    }

    /// The same error about another source (for errors raised below the file level).
    public func renamed(_ path: String) -> CorpusError {
        switch self {
        case .fileNotFound: .fileNotFound(path: path)
        case let .unreadable(_, reason): .unreadable(path: path, reason: reason)
        case .truncated: .truncated(path: path)
        case let .corrupt(_, detail): .corrupt(path: path, detail: detail)
        case let .outputTooLarge(_, limit): .outputTooLarge(path: path, limit: limit)
        case let .writeFailed(_, reason): .writeFailed(path: path, reason: reason)
        }
    }
}
