/// The unit in which token offsets are counted (LSP's `PositionEncodingKind`).
public enum PositionEncoding: String, Sendable, CaseIterable, Codable {
    /// UTF-8 bytes.
    case utf8 = "utf-8"
    /// UTF-16 code units: the LSP default, and JavaScript's string indices.
    case utf16 = "utf-16"
    /// Unicode scalars (code points): Python's string indices, as `jieba.tokenize` reports.
    case utf32 = "utf-32"

    /// A token's start offset in this encoding.
    @inline(__always)
    public func start(of token: Token) -> Int {
        switch self {
        case .utf8: Int(token.utf8Start)
        case .utf16: Int(token.utf16Start)
        case .utf32: Int(token.scalarStart)
        }
    }

    /// A token's end offset (exclusive) in this encoding.
    @inline(__always)
    public func end(of token: Token) -> Int {
        switch self {
        case .utf8: Int(token.utf8End)
        case .utf16: Int(token.utf16End)
        case .utf32: Int(token.scalarEnd)
        }
    }
}
