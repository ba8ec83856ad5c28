import ArgumentParser
import FenciAnalysis
import FenciCorpus
import FenciResources
import Foundation
import Synchronization

/// `fenci dedup`: groups of near-duplicate documents in a corpus.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Group near-duplicate documents of a corpus (SimHash buckets, then TF-IDF cosine).",
        discussion: """
            Each FILE is one document (plain, gzip or zlib); a DIR adds every file below it. With \
            --lines each non-empty line is a document instead (a feed with one article per line), \
            named FILE:LINE. Documents are normalized like compare's (Traditional→Simplified, widths, \
            pinyin). Prints one group per line, its documents separated by tabs; documents with no \
            near-duplicate are not listed. Work is spread over all cores; a progress line goes to \
            standard error when it is a terminal.
            """
    )

    @OptionGroup var dictionary: DictionaryOptions

    @Argument(help: ArgumentHelp("Files or directories.", valueName: "FILE|DIR"))
    var paths: [String]

    @Flag(help: "Treat each line of each file as a document.")
    var lines = false

    @Option(help: "Cosine at or above which two documents are near-duplicates.")
    var threshold = DocumentComparer.nearDuplicateCosine

    @Flag(help: "Print one JSON object: {\"documents\", \"groups\": [[name, …], …]}.")
    var json = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one FILE or DIR") }
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1]") }
    }

    func run() throws {
        let tools = try AnalysisLoader.load(segmenter: dictionary.load().segmenter)
        var failed = false
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                var found: [String] = []
                while let relative = enumerator?.nextObject() as? String {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var childIsDirectory: ObjCBool = false
                    if !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                       FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                        found.append(full)
                    }
                }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }

        var names: [String] = []
        var index = NearDuplicateIndex(threshold: threshold)
        let progress = StandardError.isTerminal ? ProgressLine(name: "dedup", totalBytes: nil, unit: .documents) : nil
        var batch: [(name: String, text: String)] = []
        func flush() {
            for fingerprint in Self.fingerprints(batch.map(\.text), comparer: tools.comparer) { index.add(fingerprint) }
            names += batch.map(\.name)
            batch.removeAll(keepingCapacity: true)
            progress?.update(consumedBytes: names.count)
        }
        for file in files {
            do {
                if lines {
                    var lineNumber = 0
                    try LineReader(source: ByteSource(path: file)).forEachLine { line, _ in
                        lineNumber += 1
                        let text = String(decoding: line, as: UTF8.self)
                        guard !text.allSatisfy(\.isWhitespace) else { return }
                        batch.append(("\(file):\(lineNumber)", text))
                        if batch.count >= 512 { flush() }
                    }
                } else {
                    batch.append((file, try DocumentFile.readQuietly(file)))
                    if batch.count >= 512 { flush() }
                }
            } catch {
                StandardError.error("\(error)")
                failed = true
            }
        }
        flush()
        progress?.finish()

        let groups = index.groups().map { $0.map { names[$0] } }
        if json {
            let object: [String: Any] = ["documents": names.count, "groups": groups]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
        } else {
            for group in groups { print(group.joined(separator: "\t")) }
        }
        if failed { throw ExitCode(1) }
    }

    /// Fingerprints of a batch, computed on all cores.
    static func fingerprints(_ texts: [String], comparer: DocumentComparer) -> [DocumentFingerprint] {
        let results = Mutex<[DocumentFingerprint?]>(Array(repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { position in
            let fingerprint = comparer.fingerprint(texts[position])
            results.withLock { $0[position] = fingerprint }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
