import ArgumentParser
import FenciCorpus
import FenciSegmenter

/// `fenci tokenize`: segment files or standard input line by line, streaming.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Segment text into words, one output line per input line.",
        discussion: """
            Reads each FILE (plain, gzip or zlib, detected from its first bytes) or standard input \
            when none is given or FILE is '-'. Memory stays bounded by the longest line, whatever \
            the file size. By default words are separated by single spaces; --format jsonl writes \
            one JSON object per line with each token's offsets. A missing or unreadable file is \
            reported and skipped (exit status 1); invalid UTF-8 is an error naming the file and \
            byte unless --lossy replaces it with U+FFFD.
            """
    )

    @OptionGroup var dictionary: DictionaryOptions
    @OptionGroup var cut: CutOptionGroup

    @Argument(help: ArgumentHelp("Files to segment; '-' or none reads standard input.", valueName: "FILE"))
    var files: [String] = []

    @Option(help: "Output format: text (words separated by spaces) or jsonl (tokens with offsets).")
    var format: TokenOutputFormat = .text

    @Option(name: .customLong("position-encoding"), help: "Offsets in jsonl output: utf-8 bytes, utf-16 code units or utf-32 code points.")
    var positionEncoding: PositionEncoding = .utf16

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to FILE instead of standard output (gzip when it ends in .gz).", valueName: "FILE"))
    var output: String?

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of stopping at it.")
    var lossy = false

    func run() throws {
        let loaded = try dictionary.load()
        let sink: ByteSink
        do {
            sink = try ByteSink(path: output)
        } catch {
            StandardError.error("\(error)")
            throw ExitCode(2)
        }
        var writer = TokenLineWriter(segmenter: loaded.segmenter, options: cut.options, format: format, encoding: positionEncoding)
        var failed = false
        let inputs = files.isEmpty ? ["-"] : files
        for input in inputs {
            do {
                try tokenize(input, writer: &writer, sink: sink)
            } catch {
                StandardError.error("\(error)")
                failed = true
            }
        }
        do {
            try sink.finish()
        } catch {
            StandardError.error("\(error)")
            throw ExitCode(1)
        }
        if failed { throw ExitCode(1) }
    }

    private func tokenize(_ input: String, writer: inout TokenLineWriter, sink: ByteSink) throws {
        let path = input == "-" ? nil : input
        let name = path ?? "<stdin>"
        let source = try ByteSource(path: path)
        let progress = StandardError.isTerminal ? ProgressLine(name: name, totalBytes: source.totalBytes) : nil
        defer { progress?.finish() }
        do {
            try segmentLines(of: source, name: name, writer: &writer, sink: sink, progress: progress)
        } catch {
            try? writer.flush(to: sink)  // the complete lines produced before the error still go out
            throw error
        }
        try writer.flush(to: sink)
    }

    private func segmentLines(of source: ByteSource, name: String, writer: inout TokenLineWriter, sink: ByteSink,
                              progress: ProgressLine?) throws {
        var repaired: [UInt8] = []
        try LineReader(source: source).forEachLine { line, lineStart in
            if let invalid = UTF8Validation.firstInvalidByteOffset(in: line) {
                guard lossy else { throw TokenizeError.invalidUTF8(file: name, byteOffset: lineStart + invalid) }
                repaired = UTF8Validation.repairing(line)
                repaired.withUnsafeBytes { writer.write(line: $0) }
            } else {
                writer.write(line: line)
            }
            try writer.flushIfNeeded(to: sink)
            progress?.update(consumedBytes: source.consumedBytes)
        }
    }
}

/// Errors of `fenci tokenize` that are about the input, not the library.
enum TokenizeError: Error, CustomStringConvertible {
    case invalidUTF8(file: String, byteOffset: Int)

    var description: String {
        switch self {
        case let .invalidUTF8(file, offset):
            "\(file): invalid UTF-8 at byte \(offset) (use --lossy to replace invalid bytes with U+FFFD)"
        }
    }
}
