/// One decoded JSON-RPC message from a client.
public enum IncomingMessage: Sendable, Equatable {
    /// A call that expects a reply.
    case request(id: RequestID, method: String, params: JSONValue?)
    /// A call without an `id`: never answered, not even with an error.
    case notification(method: String, params: JSONValue?)
    /// Not a valid request object: answered with `error`, under the id it carried when one
    /// could be recovered (else null), so the client can still match the reply.
    case invalid(id: RequestID, error: RPCError)

    /// Validates a parsed value per JSON-RPC 2.0.
    public init(_ value: JSONValue) {
        guard case .object = value else {
            self = .invalid(id: .null, error: .invalidRequest("a request must be a JSON object, not \(value.typeName)"))
            return
        }
        var id: RequestID?
        if let rawID = value["id"] {
            guard let parsed = RequestID(rawID) else {
                self = .invalid(id: .null, error: .invalidRequest("\"id\" must be a string, a number or null, not \(rawID.typeName)"))
                return
            }
            id = parsed
        }
        guard case .string("2.0")? = value["jsonrpc"] else {
            self = .invalid(id: id ?? .null, error: .invalidRequest("\"jsonrpc\" must be \"2.0\""))
            return
        }
        guard case let .string(method)? = value["method"] else {
            self = .invalid(id: id ?? .null, error: .invalidRequest("\"method\" must be a string"))
            return
        }
        let params = value["params"]
        switch params {
        case nil, .object?, .array?: break
        case let other?:
            self = .invalid(id: id ?? .null, error: .invalidRequest("\"params\" must be an object or an array, not \(other.typeName)"))
            return
        }
        if let id {
            self = .request(id: id, method: method, params: params)
        } else {
            self = .notification(method: method, params: params)
        }
    }
}

/// What one framed message body decodes to: a single message, a batch, or an error that
/// gets one reply with id null (bytes that are not JSON, an empty batch).
public enum DecodedFrame: Sendable, Equatable {
    case single(IncomingMessage)
    case batch([IncomingMessage])
    case failure(RPCError)

    /// Parses and validates a message body.
    public init(body: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            self = .failure(.parseError("invalid JSON: \(error)"))
            return
        }
        if case let .array(elements) = value {
            self = elements.isEmpty ? .failure(.invalidRequest("an empty batch is not a request")) : .batch(elements.map(IncomingMessage.init))
        } else {
            self = .single(IncomingMessage(value))
        }
    }
}
