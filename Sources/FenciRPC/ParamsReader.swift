/// Typed access to a request's named parameters; every failure is a -32602 naming the field.
public struct ParamsReader: Sendable {
    private let members: [(key: String, value: JSONValue)]

    /// - Throws: -32602 when params are given by position (this API takes them by name).
    public init(_ params: JSONValue?) throws(RPCError) {
        switch params {
        case nil, .null?: members = []
        case let .object(members)?: self.members = members
        case .array?: throw RPCError.invalidParams(field: "params", "params must be given by name (an object), not by position")
        case let other?: throw RPCError.invalidParams(field: "params", "params must be an object, not \(other.typeName)")
        }
    }

    /// The raw value of a parameter, if present (the last one when repeated).
    public func value(_ field: String) -> JSONValue? {
        members.last { $0.key == field }?.value
    }

    /// A required parameter's raw value.
    public func required(_ field: String) throws(RPCError) -> JSONValue {
        guard let value = value(field) else { throw RPCError.invalidParams(field: field, "missing required parameter \"\(field)\"") }
        return value
    }

    public func bool(_ field: String, default defaultValue: Bool) throws(RPCError) -> Bool {
        switch value(field) {
        case nil: return defaultValue
        case let .bool(flag)?: return flag
        case let other?: throw RPCError.invalidParams(field: field, "\"\(field)\" must be a boolean, not \(other.typeName)")
        }
    }

    public func string(_ field: String, default defaultValue: String) throws(RPCError) -> String {
        switch value(field) {
        case nil: return defaultValue
        case let .string(text)?: return text
        case let other?: throw RPCError.invalidParams(field: field, "\"\(field)\" must be a string, not \(other.typeName)")
        }
    }

    /// A string parameter restricted to `allowed` values.
    public func choice(_ field: String, default defaultValue: String, allowed: [String]) throws(RPCError) -> String {
        let text = try string(field, default: defaultValue)
        guard allowed.contains(text) else {
            throw RPCError.invalidParams(field: field, "\"\(field)\" must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(text)\"")
        }
        return text
    }

    /// An integer parameter within `range`.
    public func integer(_ field: String, default defaultValue: Int, range: ClosedRange<Int>) throws(RPCError) -> Int {
        switch value(field) {
        case nil:
            return defaultValue
        case let .number(number, _)?:
            guard number == number.rounded(), let integer = Int(exactly: number) else {
                throw RPCError.invalidParams(field: field, "\"\(field)\" must be an integer")
            }
            guard range.contains(integer) else {
                throw RPCError.invalidParams(field: field, "\"\(field)\" must be between \(range.lowerBound) and \(range.upperBound), not \(integer)")
            }
            return integer
        case let other?:
            throw RPCError.invalidParams(field: field, "\"\(field)\" must be an integer, not \(other.typeName)")
        }
    }
}
