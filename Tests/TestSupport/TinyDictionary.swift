import FenciResources
import FenciSegmenter

/// Builds segmenters over small hand-written dictionaries, with jieba's real HMM tables, so
/// tests can pin down behaviour (user words, force splits, replacement dictionaries) exactly.
public enum TinyDictionary {
    /// Sources with `dictionary` as the main dictionary and the built-in model tables.
    public static func sources(dictionary: String, userDictionaries: [String] = []) throws -> DictionarySources {
        func builtin(_ data: BuiltinData) throws -> DictionarySources.Text {
            .init(name: data.name, bytes: try data.text())
        }
        return DictionarySources(
            dictionary: .init(name: "tiny-dict.txt", bytes: Array(dictionary.utf8)),
            userDictionaries: userDictionaries.enumerated().map { .init(name: "user-\($0.offset).txt", bytes: Array($0.element.utf8)) },
            hmmStart: try builtin(.hmmStart), hmmTransition: try builtin(.hmmTransition), hmmEmission: try builtin(.hmmEmission),
            posStart: try builtin(.posStart), posTransition: try builtin(.posTransition),
            posEmission: try builtin(.posEmission), posCharStates: try builtin(.posCharStates))
    }

    /// A segmenter over the given dictionary text.
    public static func segmenter(dictionary: String, userDictionaries: [String] = []) throws -> Segmenter {
        let bytes = try DictionaryImageBuilder.build(sources(dictionary: dictionary, userDictionaries: userDictionaries))
        return Segmenter(image: try DictionaryImage(bytes: ImageBytes(copying: bytes)))
    }
}
