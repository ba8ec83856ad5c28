import Foundation
import Testing
import TestSupport

@Suite("fenci benchmark")
struct BenchmarkCommandTests {
    @Test("reports bytes, tokens and MB/s as JSON; --threads N cuts N copies and counts them all")
    func threadsMultiplyTheWork() throws {
        let seed = try #require(try FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds.path).sorted().first)
        let path = TestPaths.seeds.appendingPathComponent(seed).path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        var reports: [[String: Any]] = []
        for threads in [1, 2] {
            let run = try CommandRun.fenci(["benchmark", path, "--runs", "1", "--threads", "\(threads)"])
            #expect(run.status == 0, "\(run.stderr)")
            reports.append(try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any]))
        }
        #expect(reports.map { $0["bytes"] as? Int } == [size, size])
        #expect(reports.map { $0["threads"] as? Int } == [1, 2])
        let tokens = try #require(reports[0]["tokens"] as? Int)
        #expect(tokens > 0 && reports[1]["tokens"] as? Int == tokens)
        let seconds = try #require(reports[1]["seconds"] as? Double)
        let rate = try #require(reports[1]["megabytesPerSecond"] as? Double)
        #expect(abs(rate - Double(2 * size) / 1e6 / seconds) < rate * 1e-9)
    }

    @Test("--threads 0 is a usage error")
    func zeroThreads() throws {
        let run = try CommandRun.fenci(["benchmark", "seeds", "--threads", "0"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--threads must be at least 1"))
    }
}
