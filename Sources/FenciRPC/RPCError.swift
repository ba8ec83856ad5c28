/// A JSON-RPC error object: code, message, and optional structured data.
public struct RPCError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    public var data: JSONValue?

    public init(code: ErrorCode, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func parseError(_ message: String) -> RPCError {
        RPCError(code: .parseError, message: message)
    }

    public static func invalidRequest(_ message: String) -> RPCError {
        RPCError(code: .invalidRequest, message: message)
    }

    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: .methodNotFound, message: "method not found: \(method)", data: .object([("method", .string(method))]))
    }

    /// Invalid params, naming the field: `data` is `{"field": name}`.
    public static func invalidParams(field: String, _ message: String) -> RPCError {
        RPCError(code: .invalidParams, message: message, data: .object([("field", .string(field))]))
    }

    public static func internalError(_ message: String) -> RPCError {
        RPCError(code: .internalError, message: message)
    }

    public static func messageTooLarge(_ message: String) -> RPCError {
        RPCError(code: .messageTooLarge, message: message)
    }

    public static func documentUnreadable(field: String, _ message: String) -> RPCError {
        RPCError(code: .documentUnreadable, message: message, data: .object([("field", .string(field))]))
    }

    public static let cancelled = RPCError(code: .requestCancelled, message: "request cancelled")
}

extension JSONWriter {
    /// Writes `{"code":…,"message":…,"data":…}` (no other members: some clients reject them).
    public mutating func error(_ error: RPCError) {
        beginObject()
        key("code")
        integer(error.code.rawValue)
        key("message")
        string(error.message)
        if let data = error.data {
            key("data")
            value(data)
        }
        endObject()
    }
}
