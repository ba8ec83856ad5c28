import FenciCorpus
import FenciSegmenter

/// Why a dictionary could not be loaded; each case names the file at fault.
public enum DictionaryLoadError: Error, CustomStringConvertible {
    /// A dictionary or user dictionary file that cannot be read or decompressed.
    case unreadable(path: String, reason: String)
    /// A file whose content is not a valid dictionary (the segmenter's error says where).
    case invalid(SegmenterError)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "dictionary \(path): \(reason)"
        case let .invalid(error): error.description
        }
    }
}
