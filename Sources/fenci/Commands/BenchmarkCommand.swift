import ArgumentParser
import FenciCorpus
import FenciSegmenter
import Foundation

/// `fenci benchmark`: in-process segmentation throughput on a file, cut in one call, the
/// way jieba-rs is usually measured (no line splitting, no output).
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure in-process segmentation throughput (MB/s) on a file.",
        discussion: """
            Reads FILE (plain or compressed) into memory and cuts the whole text in one call, \
            --runs times, printing the median throughput. For comparing machines and peers; \
            `fenci tokenize` adds reading, line splitting and formatting on top. With --threads N, \
            N threads cut the text at once (one shared dictionary, a scratch each) and the \
            throughput is N × the text over the wall time of the slowest.
            """
    )

    @OptionGroup var dictionary: DictionaryOptions
    @OptionGroup var cut: CutOptionGroup

    @Argument(help: ArgumentHelp("The text to segment.", valueName: "FILE"))
    var file: String

    @Option(help: "Timed runs (after one warm-up run); the median is reported.")
    var runs = 5

    @Option(help: "Threads cutting the text at the same time.")
    var threads = 1

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// One thread's reusable buffers; each is used by exactly one thread per run.
    private final class CutLane: @unchecked Sendable {
        var scratch = CutScratch()
        var tokens: [Token] = []
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
        let lanes = (0..<threads).map { _ in CutLane() }
        let options = cut.options
        var seconds: [Double] = []
        for run in 0...runs {  // run 0 warms up (buffers grow, pages fault in)
            let start = ContinuousClock.now
            DispatchQueue.concurrentPerform(iterations: lanes.count) { index in
                let lane = lanes[index]
                text.withUnsafeBufferPointer { segmenter.cut(utf8: $0, options: options, scratch: &lane.scratch, into: &lane.tokens) }
            }
            if run > 0 { seconds.append((ContinuousClock.now - start) / .seconds(1)) }
        }
        let tokens = lanes[0].tokens
        let median = seconds.sorted()[seconds.count / 2]
        let megabytes = Double(text.count * threads) / 1e6
        print("{\"bytes\":\(text.count),\"tokens\":\(tokens.count),\"threads\":\(threads),\"seconds\":\(median),\"megabytesPerSecond\":\(megabytes / median)}")
    }
}
