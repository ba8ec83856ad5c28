import ArgumentParser
import FenciResources
import Foundation

/// Dictionary flags shared by every command that segments.
struct DictionaryOptions: ParsableArguments {
    @Option(name: .customLong("dict"), help: ArgumentHelp("A jieba-format dictionary (word freq [tag]) replacing the built-in one; plain or gzip/zlib. Env: FENCI_DICT.", valueName: "FILE"))
    var dictionary: String?

    @Option(name: .customLong("user-dict"), help: ArgumentHelp("A jieba user dictionary (word [freq] [tag]) to add; repeatable; plain or gzip/zlib. Env: FENCI_USER_DICT (':'-separated).", valueName: "FILE"))
    var userDictionaries: [String] = []

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("Where compiled dictionary images are cached (default: $FENCI_CACHE_DIR, else $XDG_CACHE_HOME/fenci, else ~/.cache/fenci).", valueName: "DIR"))
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Compile the dictionary in memory; read and write no cache.")
    var noCache = false

    /// Flags win over environment variables, which win over defaults.
    var configuration: DictionaryConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let userFromEnvironment = (environment["FENCI_USER_DICT"] ?? "").split(separator: ":").map(String.init)
        return DictionaryConfiguration(
            dictionaryPath: dictionary ?? environment["FENCI_DICT"].flatMap { $0.isEmpty ? nil : $0 },
            userDictionaryPaths: userDictionaries.isEmpty ? userFromEnvironment : userDictionaries,
            cacheDirectory: noCache ? nil : (cacheDirectory ?? DictionaryConfiguration.defaultCacheDirectory(environment: environment)))
    }

    /// Loads the segmenter, turning load errors into a clean exit.
    func load() throws -> DictionaryLoader.Loaded {
        do {
            return try DictionaryLoader.load(configuration)
        } catch {
            StandardError.error(error.description)
            throw ExitCode(2)
        }
    }
}
