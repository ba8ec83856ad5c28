/// Reusable working memory for cutting: decoded scalars, offsets, the route and HMM tables.
///
/// One per thread (or per request); passed `inout` so a cut allocates nothing once the
/// buffers have grown to the largest input seen. Nothing is cleared between cuts: every
/// cut writes the entries it reads (jieba-rs once regressed 40× by clearing whole buffers).
public struct CutScratch: Sendable {
    /// Number of scalars of the current input (the arrays below may be longer).
    var count = 0
    /// Unicode scalars of the input.
    var scalars: [UInt32] = []
    /// Dense character codes of the scalars (0 for characters no table knows).
    var codes: [UInt32] = []
    /// UTF-8 and UTF-16 offset of each scalar index, plus one entry for the end.
    var utf8Offsets: [Int32] = []
    var utf16Offsets: [Int32] = []
    /// Best route: score of the best path from each index to its block's end, and the
    /// last index of the first word on it.
    var routeScore: [Double] = []
    var routeEnd: [Int32] = []
    /// Output spans in scalar indices, before offsets are attached.
    var spans: [Span] = []
    /// Spans of the default cut, when search mode post-processes them.
    var baseSpans: [Span] = []
    /// Word ends found at one position (full mode).
    var ends: [Int32] = []
    /// Segmentation HMM: 4 scores and back pointers per character.
    var viterbiScore: [Double] = []
    var viterbiBack: [UInt8] = []
    var states: [UInt8] = []
    /// POS HMM, sparse: per character a run of (state, score, back-pointer index) entries.
    var posStepStart: [Int32] = []
    var posState: [UInt16] = []
    var posScore: [Double] = []
    var posBack: [Int32] = []
    var posStateSet: [UInt64] = []
    var posSeen: [UInt64] = []

    public init() {}

    /// A range of scalar indices with a tag.
    struct Span: Sendable {
        var start: Int32
        var end: Int32
        var tag: UInt16
    }
}
