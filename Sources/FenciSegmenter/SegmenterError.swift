/// Errors of the segmenter module: bad dictionary text, bad model tables, unusable images.
///
/// Each case carries what a user needs to fix the input: the source's name, the line number
/// and the offending text.
public enum SegmenterError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A dictionary line that is not `word frequency [tag]` (or, for user dictionaries,
    /// `word [frequency] [tag]`).
    case invalidDictionaryLine(source: String, line: Int, text: String, reason: String)
    /// A dictionary with no usable entry.
    case emptyDictionary(source: String)
    /// A model table (HMM start/transition/emission) line that does not parse.
    case invalidModelLine(source: String, line: Int, text: String, reason: String)
    /// A compiled image that is truncated, from another format version, or inconsistent.
    case corruptImage(String)

    public var description: String {
        switch self {
        case let .invalidDictionaryLine(source, line, text, reason):
            return "\(source):\(line): \(reason): \(text.prefix(80).debugDescription)"
        case let .emptyDictionary(source):
            return "\(source): the dictionary has no entries"
        case let .invalidModelLine(source, line, text, reason):
            return "\(source):\(line): \(reason): \(text.prefix(80).debugDescription)"
        case let .corruptImage(detail):
            return "dictionary image is unusable: \(detail)"
        }
    }
}
