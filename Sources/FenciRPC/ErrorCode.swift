/// JSON-RPC error codes: the specification's, LSP's cancellation, and Fenci's own
/// (-32010…-32099, outside the ranges LSP reserves).
public struct ErrorCode: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The bytes are not JSON.
    public static let parseError = ErrorCode(rawValue: -32700)
    /// The JSON is not a valid request object.
    public static let invalidRequest = ErrorCode(rawValue: -32600)
    public static let methodNotFound = ErrorCode(rawValue: -32601)
    /// `error.data.field` names the offending parameter.
    public static let invalidParams = ErrorCode(rawValue: -32602)
    /// A bug; it never takes the server down.
    public static let internalError = ErrorCode(rawValue: -32603)
    /// A message or document over the configured limit.
    public static let messageTooLarge = ErrorCode(rawValue: -32010)
    /// Bad base64, corrupt gzip/zlib, invalid UTF-8, or a refused or missing path.
    public static let documentUnreadable = ErrorCode(rawValue: -32011)
    /// A request after `shutdown` (other than `exit`).
    public static let shuttingDown = ErrorCode(rawValue: -32012)
    /// LSP's RequestCancelled, answered to a request cancelled by `$/cancelRequest`.
    public static let requestCancelled = ErrorCode(rawValue: -32800)
}
