/// A JSON-RPC request id: a string, a number (kept as its literal, echoed exactly), or null.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    /// A number id, as the literal the client wrote (`1`, `-5`, `1.5`, `1e3`).
    case number(String)
    case null

    /// The id of a parsed `id` member, or nil when the value is not a valid id type.
    public init?(_ value: JSONValue) {
        switch value {
        case let .string(text): self = .string(text)
        case let .number(_, literal): self = .number(literal)
        case .null: self = .null
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case let .string(text): "\"\(text)\""
        case let .number(literal): literal
        case .null: "null"
        }
    }
}

extension JSONWriter {
    /// Writes an id exactly as it was received.
    public mutating func id(_ id: RequestID) {
        switch id {
        case let .string(text): string(text)
        case let .number(literal): raw(Array(literal.utf8))
        case .null: null()
        }
    }
}
