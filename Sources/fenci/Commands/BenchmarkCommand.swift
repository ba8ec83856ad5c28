import ArgumentParser
import FenciCorpus
import FenciSegmenter

/// `fenci benchmark`: in-process segmentation throughput on a file, cut in one call, the
/// way jieba-rs is usually measured (no line splitting, no output).
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure in-process segmentation throughput (MB/s) on a file.",
        discussion: """
            Reads FILE (plain or compressed) into memory and cuts the whole text in one call, \
            --runs times, printing the median throughput. For comparing machines and peers; \
            `fenci tokenize` adds reading, line splitting and formatting on top.
            """
    )

    @OptionGroup var dictionary: DictionaryOptions
    @OptionGroup var cut: CutOptionGroup

    @Argument(help: ArgumentHelp("The text to segment.", valueName: "FILE"))
    var file: String

    @Option(help: "Timed runs (after one warm-up run); the median is reported.")
    var runs = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let segmenter = try dictionary.load().segmenter
        let text: [UInt8]
        do {
            text = try ByteSource(path: file).readAll()
        } catch {
            StandardError.error("\(error)")
            throw ExitCode(1)
        }
        var scratch = CutScratch()
        var tokens: [Token] = []
        var seconds: [Double] = []
        text.withUnsafeBufferPointer { bytes in
            segmenter.cut(utf8: bytes, options: cut.options, scratch: &scratch, into: &tokens)
            for _ in 0..<runs {
                let start = ContinuousClock.now
                segmenter.cut(utf8: bytes, options: cut.options, scratch: &scratch, into: &tokens)
                seconds.append((ContinuousClock.now - start) / .seconds(1))
            }
        }
        let median = seconds.sorted()[seconds.count / 2]
        let megabytes = Double(text.count) / 1e6
        print("{\"bytes\":\(text.count),\"tokens\":\(tokens.count),\"seconds\":\(median),\"megabytesPerSecond\":\(megabytes / median)}")
    }
}
