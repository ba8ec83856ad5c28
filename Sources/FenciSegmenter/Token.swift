/// How a text is cut: jieba's three modes.
public enum CutMode: String, Sendable, CaseIterable, Codable {
    /// The most probable segmentation (`jieba.cut`).
    case `default`
    /// The default segmentation plus the dictionary words inside long words (`jieba.cut_for_search`).
    case search
    /// Every dictionary word found (`jieba.cut(cut_all=True)`).
    case full
}

/// Options of one cut.
public struct CutOptions: Sendable, Equatable {
    public var mode: CutMode
    /// Discover words missing from the dictionary with the HMM (jieba's `HMM=True`).
    public var hmm: Bool
    /// Tag parts of speech. In default mode this cuts as `jieba.posseg.cut` does (its block
    /// rules and its tagging HMM); in search and full modes words get their dictionary tag.
    public var pos: Bool

    public init(mode: CutMode = .default, hmm: Bool = true, pos: Bool = false) {
        self.mode = mode
        self.hmm = hmm
        self.pos = pos
    }
}

/// A token: a range of the input with its offsets in every encoding, and an optional tag.
///
/// Offsets are computed once per cut from one pass over the input, so callers pick the
/// encoding they need (UTF-8 bytes, UTF-16 code units as LSP wants, or scalars) for free.
/// 32-bit fields keep a token at 28 bytes; inputs are limited to 2 GiB per call.
public struct Token: Sendable, Equatable, Hashable {
    public var utf8Start: Int32
    public var utf8End: Int32
    public var utf16Start: Int32
    public var utf16End: Int32
    public var scalarStart: Int32
    public var scalarEnd: Int32
    /// Index into `Segmenter.tagNames`, or `Token.noTag`.
    public var tag: UInt16

    /// The value of `tag` for untagged tokens.
    public static let noTag: UInt16 = .max

    public init(utf8Start: Int32, utf8End: Int32, utf16Start: Int32, utf16End: Int32,
                scalarStart: Int32, scalarEnd: Int32, tag: UInt16 = Token.noTag) {
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.utf16Start = utf16Start
        self.utf16End = utf16End
        self.scalarStart = scalarStart
        self.scalarEnd = scalarEnd
        self.tag = tag
    }

    /// The token's byte range in the UTF-8 input.
    public var utf8Range: Range<Int> { Int(utf8Start)..<Int(utf8End) }
}
