// Segmenter throughput per mode. Each iteration cuts the same 1,000,000-byte text (seed
// articles plus the SIGHAN PKU/MSR test texts when ../shared is present), so the
// throughput metric, in iterations per second, reads directly as MB/s.
import Benchmark
import BenchmarkSupport
import FenciResources
import FenciSegmenter
import Foundation

/// The benchmark text: real news and SIGHAN sentences, cut to exactly one megabyte (at a
/// character boundary, padded with ASCII spaces).
let sampleText: [UInt8] = {
    let root = BenchmarkData.repositoryRoot
    var parts: [Data] = []
    let seeds = root.appendingPathComponent("seeds")
    for name in (try? FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()) ?? [] where name.hasSuffix(".txt") {
        if let data = FileManager.default.contents(atPath: seeds.appendingPathComponent(name).path) { parts.append(data) }
    }
    for name in ["pku_test.utf8", "msr_test.utf8"] {
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/data/sighan2005/\(name)").path
        if let data = FileManager.default.contents(atPath: path) { parts.append(data) }
    }
    precondition(!parts.isEmpty, "the seed articles must be present")
    var bytes: [UInt8] = []
    while bytes.count < 1_000_000 { for part in parts { bytes += part; bytes.append(0x0A) } }
    var end = 1_000_000
    while bytes[end] & 0xC0 == 0x80 { end -= 1 }  // do not split a character
    return Array(bytes[..<end]) + [UInt8](repeating: 0x20, count: 1_000_000 - end)
}()

let segmenter = BenchmarkData.segmenter

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 200,
        // A cut allocates nothing, but the count is process-wide: once, on a fresh clone, a
        // stray malloc outside the cut landed in one of these 20 ms samples (p90 = 1). Two
        // at p90 absorbs that; an allocation per token or per call would add thousands.
        thresholds: [.mallocCountTotal: .init(absolute: [.p90: 2])]
    )

    let modes: [(String, CutOptions)] = [
        ("tokenizeDefaultHMM", CutOptions(mode: .default, hmm: true)),
        ("tokenizeDefaultNoHMM", CutOptions(mode: .default, hmm: false)),
        ("tokenizeSearch", CutOptions(mode: .search, hmm: true)),
        ("tokenizeFull", CutOptions(mode: .full)),
        ("tokenizePOS", CutOptions(mode: .default, hmm: true, pos: true)),
    ]
    for (name, options) in modes {
        Benchmark(name) { benchmark in
            var scratch = CutScratch()
            var tokens: [Token] = []
            sampleText.withUnsafeBufferPointer { text in
                segmenter.cut(utf8: text, options: options, scratch: &scratch, into: &tokens)  // grow buffers once
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    segmenter.cut(utf8: text, options: options, scratch: &scratch, into: &tokens)
                    blackHole(tokens.count)
                }
                benchmark.stopMeasurement()
            }
        }
    }

    Benchmark("openCachedImage", configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 1000)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try DictionaryLoader.load(DictionaryConfiguration(cacheDirectory: BenchmarkData.cacheDirectory)).segmenter.wordCount)
        }
    }
}
