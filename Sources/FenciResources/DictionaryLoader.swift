#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FenciCorpus
import FenciSegmenter

/// Loads a `Segmenter`: from a cached compiled image when one matches the inputs, else by
/// compiling the dictionary and caching the result for the next process.
///
/// The cache key is a digest of every input's bytes (compressed, as stored) and the image
/// format version, so editing a user dictionary or upgrading Fenci never reads a stale image.
public enum DictionaryLoader {
    /// The outcome of a load.
    public struct Loaded: Sendable {
        public let segmenter: Segmenter
        /// "built-in jieba 0.42.1" or the dictionary path, plus user dictionaries.
        public let source: String
        /// Whether the image came from the cache (false: compiled in this process).
        public let fromCache: Bool
        /// The cache file used or written, if any.
        public let cachePath: String?
    }

    /// Loads the configured dictionary.
    ///
    /// - Throws: `DictionaryLoadError` naming the unreadable or invalid file. Cache problems
    ///   are never errors: an unwritable cache directory only means compiling every time.
    public static func load(_ configuration: DictionaryConfiguration) throws(DictionaryLoadError) -> Loaded {
        let dictionaryBytes: [UInt8]
        let dictionaryName: String
        if let path = configuration.dictionaryPath {
            dictionaryBytes = try readRaw(path)
            dictionaryName = path
        } else {
            dictionaryBytes = Array(BuiltinData.dictionary.compressedBytes)
            dictionaryName = BuiltinData.dictionary.name
        }
        let userBytes = try configuration.userDictionaryPaths.map { path throws(DictionaryLoadError) in try readRaw(path) }

        var digest = ContentDigest()
        digest.update("fenci-image-v\(DictionaryImage.formatVersion)")
        digest.update(dictionaryBytes)
        for bytes in userBytes { digest.update(bytes) }
        for model in modelTables { digest.update(model.compressedBytes) }
        let cachePath = configuration.cacheDirectory.map { "\($0)/dict-\(digest.hex).fenci" }
        var source = configuration.dictionaryPath ?? "built-in jieba 0.42.1"
        if !configuration.userDictionaryPaths.isEmpty { source += " + " + configuration.userDictionaryPaths.joined(separator: ", ") }

        if let cachePath, let bytes = MappedFile.map(path: cachePath), let image = try? DictionaryImage(bytes: bytes) {
            return Loaded(segmenter: Segmenter(image: image), source: source, fromCache: true, cachePath: cachePath)
        }

        let sources = try DictionarySources(
            dictionary: .init(name: dictionaryName, bytes: decompress(dictionaryBytes, name: dictionaryName)),
            userDictionaries: zip(configuration.userDictionaryPaths, userBytes).map { path, bytes throws(DictionaryLoadError) in
                .init(name: path, bytes: try decompress(bytes, name: path))
            },
            hmmStart: builtin(.hmmStart), hmmTransition: builtin(.hmmTransition), hmmEmission: builtin(.hmmEmission),
            posStart: builtin(.posStart), posTransition: builtin(.posTransition),
            posEmission: builtin(.posEmission), posCharStates: builtin(.posCharStates))
        let imageBytes: [UInt8]
        let image: DictionaryImage
        do {
            imageBytes = try DictionaryImageBuilder.build(sources)
            image = try DictionaryImage(bytes: ImageBytes(copying: imageBytes))
        } catch {
            throw .invalid(error)
        }
        var written: String?
        if let cachePath, let directory = configuration.cacheDirectory, writeAtomically(imageBytes, to: cachePath, directory: directory) {
            written = cachePath
        }
        return Loaded(segmenter: Segmenter(image: image), source: source, fromCache: false, cachePath: written)
    }

    private static let modelTables: [BuiltinData] = [
        .hmmStart, .hmmTransition, .hmmEmission, .posStart, .posTransition, .posEmission, .posCharStates,
    ]

    private static func builtin(_ data: BuiltinData) throws(DictionaryLoadError) -> DictionarySources.Text {
        do {
            return .init(name: data.name, bytes: try data.text())
        } catch {
            throw .unreadable(path: data.name, reason: "\(error)")
        }
    }

    private static func readRaw(_ path: String) throws(DictionaryLoadError) -> [UInt8] {
        do {
            return try ByteSource(path: path, decompressing: false).readAll()
        } catch {
            throw .unreadable(path: path, reason: (error as? CorpusError).map(\.reason) ?? "\(error)")
        }
    }

    private static func decompress(_ bytes: [UInt8], name: String) throws(DictionaryLoadError) -> [UInt8] {
        do {
            return try Inflater.inflate(bytes, format: CompressionFormat.sniff(bytes), maximumOutputBytes: nil)
        } catch {
            throw .unreadable(path: name, reason: (error as? CorpusError).map(\.reason) ?? "\(error)")
        }
    }

    /// Writes to a temporary file beside the target, then renames it into place, so a
    /// concurrent reader never maps a half-written image. Returns false on any failure.
    private static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) -> Bool {
        makeDirectories(directory)
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let result = write(descriptor, raw.baseAddress! + offset, raw.count - offset)  // non-empty, so baseAddress exists
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += result
            }
            return true
        }
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// `mkdir -p`: creates each missing directory along `path`; failures surface at open().
    private static func makeDirectories(_ path: String) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            mkdir(prefix, 0o755)
        }
    }
}
