import Foundation
import Testing
import TestSupport

@Suite("fenci eval")
struct EvalCommandTests {
    @Test("scores a gold file span by span, with OOV figures from training words")
    func scoresGoldFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenci-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let gold = directory.appendingPathComponent("gold.utf8")
        // fenci cuts 我爱北京天安门 as 我|爱|北京|天安门 and 他来到了网易杭研大厦 as 他|来到|了|网易|杭研|大厦.
        try Data("我  爱  北京  天安门\r\n他  来到  了  网易杭研  大厦\r\n".utf8).write(to: gold)
        let training = directory.appendingPathComponent("words.utf8")
        try Data("我\n爱\n北京\n天安门\n他\n来到\n了\n大厦\n".utf8).write(to: training)
        let run = try CommandRun.fenci(["eval", "--gold", gold.path, "--training-words", training.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(report["goldWords"] as? Int == 9)
        #expect(report["predictedWords"] as? Int == 10)
        #expect(abs((report["recall"] as? Double ?? 0) - 8.0 / 9.0) < 1e-12)
        #expect(abs((report["precision"] as? Double ?? 0) - 0.8) < 1e-12)
        #expect(report["oovRecall"] as? Double == 0)  // 网易杭研 is the one OOV word, and it was split
    }

    @Test("a missing gold file is an error naming it")
    func missingGold() throws {
        let run = try CommandRun.fenci(["eval", "--gold", "/nonexistent/gold.utf8"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/gold.utf8"))
    }
}
