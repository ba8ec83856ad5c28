/// Which dictionary to load and where compiled images are cached.
public struct DictionaryConfiguration: Sendable, Equatable {
    /// A jieba-format dictionary replacing the built-in one (plain or gzip/zlib), or nil.
    public var dictionaryPath: String?
    /// jieba user dictionaries (`word [freq] [tag]`, plain or compressed), applied in order.
    public var userDictionaryPaths: [String]
    /// Directory for compiled images, or nil to compile in memory on every start.
    public var cacheDirectory: String?

    public init(dictionaryPath: String? = nil, userDictionaryPaths: [String] = [], cacheDirectory: String? = nil) {
        self.dictionaryPath = dictionaryPath
        self.userDictionaryPaths = userDictionaryPaths
        self.cacheDirectory = cacheDirectory
    }

    /// `$FENCI_CACHE_DIR`, else `$XDG_CACHE_HOME/fenci`, else `$HOME/.cache/fenci`.
    public static func defaultCacheDirectory(environment: [String: String]) -> String? {
        if let explicit = environment["FENCI_CACHE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/fenci" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/fenci" }
        return nil
    }
}
