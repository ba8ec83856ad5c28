// summarize and compare on 10,000-character news articles (seed articles, repeated and cut
// to exactly 10,000 characters).
import Benchmark
import BenchmarkSupport
import FenciAnalysis
import FenciResources
import Foundation

let root = BenchmarkData.repositoryRoot

/// Seed `index` (000…004), repeated and cut to exactly 10,000 characters.
func article(_ index: Int) -> String {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path).sorted()) ?? []
    precondition(names.count >= 5, "the seed articles must be present")
    let text = (try? String(contentsOf: root.appendingPathComponent("seeds/\(names[index])"), encoding: .utf8)) ?? ""
    var long = text
    while long.count < 10_000 { long += "\n" + text }
    return String(long.prefix(10_000))
}

let tools: AnalysisLoader.Tools = {
    do {
        return try AnalysisLoader.load(segmenter: BenchmarkData.segmenter)
    } catch {
        fatalError("cannot load the built-in data: \(error)")
    }
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], warmupIterations: 3,
                                           maxDuration: .seconds(3), maxIterations: 500)
    let first = article(0)
    let second = article(1)
    let third = article(3)

    Benchmark("summarize10k") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(tools.summarizer.summarize(third, sentences: 3, keywords: 10))
        }
    }
    Benchmark("compare10k") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(tools.comparer.compare(first, second))
        }
    }
}
