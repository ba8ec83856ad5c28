import Foundation

/// Where tests find the repository's own files and the optional ../shared data.
///
/// Paths are derived from this source file's location so tests work from any working
/// directory (`swift test` runs from the package root, Xcode does not).
public enum TestPaths {
    /// The package root (the directory holding Package.swift).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/Fixtures`, the package's own small fixtures.
    public static let fixtures: URL = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// `seeds/`, the five seed articles.
    public static let seeds: URL = repositoryRoot.appendingPathComponent("seeds")

    /// The shared data directory (`$FENCI_SHARED_DIR`, else `../shared` beside the package),
    /// or nil when it is absent. CI always has it; tests that need it say so by name.
    public static let shared: URL? = {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["FENCI_SHARED_DIR"] {
            return URL(fileURLWithPath: override)
        }
        let sibling = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return fileManager.fileExists(atPath: sibling.appendingPathComponent("data").path) ? sibling : nil
    }()
}

extension TestPaths {
    /// The `fenci` binary built alongside the tests (`$FENCI_BINARY` overrides), for
    /// end-to-end tests. `swift test` builds the executable in the same configuration.
    public static let fenciBinary: URL = {
        if let explicit = ProcessInfo.processInfo.environment["FENCI_BINARY"] { return URL(fileURLWithPath: explicit) }
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        return repositoryRoot.appendingPathComponent(".build/\(configuration)/fenci")
    }()
}
