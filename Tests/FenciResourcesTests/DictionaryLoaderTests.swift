import FenciCorpus
import FenciResources
import FenciSegmenter
import Foundation
import Testing
import TestSupport

@Suite("Dictionary loader")
struct DictionaryLoaderTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fenci-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let tinyDictionary = "无锡 100 ns\n物联网 50 n\n创新 80 vn\n中心 60 n\n"

    @Test("the first load compiles and caches; the next maps the cached image")
    func cachesCompiledImages() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dictionary = directory.appendingPathComponent("dict.txt")
        try Data(Self.tinyDictionary.utf8).write(to: dictionary)
        let configuration = DictionaryConfiguration(dictionaryPath: dictionary.path, cacheDirectory: directory.appendingPathComponent("cache/nested").path)

        let first = try DictionaryLoader.load(configuration)
        #expect(!first.fromCache)
        let cachePath = try #require(first.cachePath)
        #expect(FileManager.default.fileExists(atPath: cachePath))

        let second = try DictionaryLoader.load(configuration)
        #expect(second.fromCache)
        #expect(second.segmenter.words("无锡物联网创新中心", options: CutOptions(hmm: false)) == ["无锡", "物联网", "创新", "中心"])

        // A changed dictionary gets a new image, never the stale one.
        try Data((Self.tinyDictionary + "创新中心 1000 n\n").utf8).write(to: dictionary)
        let third = try DictionaryLoader.load(configuration)
        #expect(!third.fromCache)
        #expect(third.cachePath != cachePath)
        #expect(third.segmenter.words("创新中心", options: CutOptions(hmm: false)) == ["创新中心"])
    }

    @Test("a damaged cache file is rebuilt instead of crashing")
    func damagedCacheIsRebuilt() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dictionary = directory.appendingPathComponent("dict.txt")
        try Data(Self.tinyDictionary.utf8).write(to: dictionary)
        let configuration = DictionaryConfiguration(dictionaryPath: dictionary.path, cacheDirectory: directory.path)
        let cachePath = try #require(try DictionaryLoader.load(configuration).cachePath)
        let original = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        try original.prefix(original.count / 2).write(to: URL(fileURLWithPath: cachePath))
        let reloaded = try DictionaryLoader.load(configuration)
        #expect(!reloaded.fromCache)
        #expect(reloaded.segmenter.wordCount == 4)
    }

    @Test("gzip-compressed dictionaries and user dictionaries load")
    func compressedDictionaries() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dictionary = directory.appendingPathComponent("dict.txt.gz")
        try Data(Deflater.deflate(Array(Self.tinyDictionary.utf8), format: .gzip)).write(to: dictionary)
        let user = directory.appendingPathComponent("user.txt.z")
        try Data(Deflater.deflate(Array("创新中心 1000 nt\n".utf8), format: .zlib)).write(to: user)
        let loaded = try DictionaryLoader.load(DictionaryConfiguration(dictionaryPath: dictionary.path, userDictionaryPaths: [user.path]))
        #expect(loaded.segmenter.words("无锡创新中心", options: CutOptions(hmm: false)) == ["无锡", "创新中心"])
        #expect(loaded.source.contains("user.txt.z"))
    }

    @Test("a missing dictionary file is an error naming it")
    func missingDictionary() {
        #expect {
            _ = try DictionaryLoader.load(DictionaryConfiguration(dictionaryPath: "/nonexistent/dict.txt"))
        } throws: { error in
            "\(error)".contains("/nonexistent/dict.txt")
        }
    }

    @Test("an invalid user dictionary line is an error naming the file and line")
    func invalidUserDictionary() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dictionary = directory.appendingPathComponent("dict.txt")
        try Data("无锡 100 ns\n物联网 x n\n".utf8).write(to: dictionary)
        #expect {
            _ = try DictionaryLoader.load(DictionaryConfiguration(dictionaryPath: dictionary.path))
        } throws: { error in
            "\(error)".contains("dict.txt:2")
        }
    }

    @Test("the built-in dictionary has jieba's 349,046 lines")
    func builtinDictionary() {
        #expect(SharedSegmenter.builtin.wordCount > 340_000)
        #expect(SharedSegmenter.builtin.frequency(of: "无锡") != nil)
    }
}
