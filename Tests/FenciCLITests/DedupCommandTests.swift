import FenciCorpus
import Foundation
import Testing
import TestSupport

@Suite("fenci dedup")
struct DedupCommandTests {
    @Test("the seed directory has one near-duplicate group: 000 and 001")
    func seedDirectory() throws {
        let run = try CommandRun.fenci(["dedup", TestPaths.seeds.path])
        #expect(run.status == 0, "\(run.stderr)")
        let groups = run.stdoutText.split(separator: "\n").map { $0.split(separator: "\t").map { ($0 as NSString).lastPathComponent } }
        #expect(groups == [["000_59ade88a6c5c86e6.txt", "001_93413af1b7db7dd8.txt"]])
    }

    @Test("--lines treats each line of a compressed feed as a document; --json reports counts")
    func feedLines() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenci-dedup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds.path).sorted()
        let articles = try names.map { try String(contentsOf: TestPaths.seeds.appendingPathComponent($0), encoding: .utf8).replacingOccurrences(of: "\n", with: " ") }
        let feed = [articles[2], "", articles[0], articles[3], articles[1], articles[4], articles[2]].joined(separator: "\n") + "\n"
        let path = directory.appendingPathComponent("feed.jsonl.gz")
        try Data(Deflater.deflate(Array(feed.utf8), format: .gzip)).write(to: path)
        let run = try CommandRun.fenci(["dedup", "--lines", "--json", path.path])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSON.object(run.stdoutText)
        #expect(report["documents"] as? Int == 6)
        let groups = try #require(report["groups"] as? [[String]])
        #expect(groups == [["\(path.path):1", "\(path.path):7"], ["\(path.path):3", "\(path.path):5"]])
    }

    @Test("an unreadable file is reported, the rest is still grouped, and the exit status is 1")
    func missingFile() throws {
        let run = try CommandRun.fenci(["dedup", "/nonexistent/x.txt", TestPaths.seeds.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/x.txt"))
        #expect(run.stdoutText.split(separator: "\n").count == 1)
    }
}
