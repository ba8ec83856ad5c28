import FenciResources
import FenciSegmenter
import Foundation

/// What every benchmark target shares: where the repository is and the built-in segmenter,
/// loaded once per process from a cache of its own (so runs never touch the user's cache).
public enum BenchmarkData {
    /// The repository root (the directory holding the main Package.swift and `seeds/`).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // BenchmarkSupport
        .deletingLastPathComponent()  // Tools
        .deletingLastPathComponent()  // Benchmarks
        .deletingLastPathComponent()

    /// The dictionary image cache the benchmarks use.
    public static let cacheDirectory: String =
        FileManager.default.temporaryDirectory.appendingPathComponent("fenci-benchmark-cache").path

    /// The built-in dictionary's segmenter.
    public static let segmenter: Segmenter = {
        do {
            return try DictionaryLoader.load(DictionaryConfiguration(cacheDirectory: cacheDirectory)).segmenter
        } catch {
            fatalError("cannot load the built-in dictionary: \(error)")
        }
    }()
}
