import FenciCorpus
import Foundation
import Testing
import TestSupport

@Suite("fenci summarize and compare")
struct AnalysisCommandTests {
    static let seeds = TestPaths.seeds.path

    @Test("summarize prints N sentences in document order, then keywords; --json has offsets")
    func summarize() throws {
        let path = "\(Self.seeds)/003_743f83fd17175aa3.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let run = try CommandRun.fenci(["summarize", path, "--sentences", "2", "--keywords", "4"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines[3].hasPrefix("keywords: "))
        #expect(text.contains(String(lines[0])) && text.contains(String(lines[1])))
        let json = try JSON.object(try CommandRun.fenci(["summarize", path, "--json", "--keyword-method", "textrank"]).stdoutText)
        #expect((json["sentences"] as? [Any])?.count == 3 && (json["keywords"] as? [Any])?.count == 10)
        #expect(try CommandRun.fenci(["summarize", path, "--sentences", "0"]).status != 0)
    }

    @Test("compare reads gzip, reports the verdict; a missing file is an error naming it")
    func compare() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenci-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let compressed = directory.appendingPathComponent("001.txt.gz")
        let traditional = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Self.seeds)/001_93413af1b7db7dd8.txt")))
        try Data(Deflater.deflate(traditional, format: .gzip)).write(to: compressed)
        let run = try CommandRun.fenci(["compare", "\(Self.seeds)/000_59ade88a6c5c86e6.txt", compressed.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try JSON.object(run.stdoutText)["verdict"] as? String == "near-duplicate")
        let text = try CommandRun.fenci(["compare", "\(Self.seeds)/000_59ade88a6c5c86e6.txt", "\(Self.seeds)/004_75f45cc625d77c14.txt"])
        #expect(text.stdoutText.hasPrefix("verdict:  related"))
        let missing = try CommandRun.fenci(["compare", "/nonexistent/a.txt", compressed.path])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/a.txt"))
    }
}
