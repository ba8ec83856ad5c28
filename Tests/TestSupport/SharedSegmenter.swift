import FenciResources
import FenciSegmenter

/// One segmenter over the built-in dictionary for the whole test process (compiling the
/// image is the expensive part; the loader is exercised on its own in FenciResourcesTests).
public enum SharedSegmenter {
    public static let builtin: Segmenter = {
        do {
            return try DictionaryLoader.load(DictionaryConfiguration(cacheDirectory: nil)).segmenter
        } catch {
            fatalError("the built-in dictionary must load: \(error)")
        }
    }()
}
