import Foundation
import Testing
import TestSupport

/// Every `serve` flag can come from the environment (FENCI_*); flags win.
@Suite("serve configuration from the environment")
struct ServeConfigurationTests {
    @Test("FENCI_STDIO and FENCI_MAX_MESSAGE_BYTES configure the server; a flag overrides the variable")
    func environmentSettings() throws {
        let big = try JSON.request(id: 1, method: "tokenize", params: ["text": String(repeating: "无锡", count: 100)])
        let small = try JSON.request(id: 2, method: "status")
        let input = Array((big + small).utf8)
        let limited = try CommandRun.fenci(["serve"], input: input, environment: ["FENCI_STDIO": "1", "FENCI_MAX_MESSAGE_BYTES": "200"])
        #expect(limited.status == 0, "\(limited.stderr)")
        let replies = try limited.stdoutText.split(separator: "\n").map { try JSON.object(String($0)) }
        #expect(replies.contains { JSON.errorCode($0) == -32010 })
        #expect(replies.contains { $0["id"] as? Int == 2 && $0["result"] != nil })
        let overridden = try CommandRun.fenci(["serve", "--max-message-bytes", "100000"], input: input,
                                              environment: ["FENCI_STDIO": "1", "FENCI_MAX_MESSAGE_BYTES": "200"])
        #expect(!overridden.stdoutText.contains("-32010"))
    }

    @Test("a malformed variable is an error naming it")
    func badVariable() throws {
        let run = try CommandRun.fenci(["serve"], environment: ["FENCI_STDIO": "1", "FENCI_WORKERS": "many"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("FENCI_WORKERS"))
    }

    @Test("FENCI_METRICS starts the metrics endpoint; a bad value is a usage error quoting it")
    func metricsFromEnvironment() throws {
        let run = try CommandRun.fenci(["serve"], environment: ["FENCI_STDIO": "1", "FENCI_METRICS": "127.0.0.1:0"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("metrics on 127.0.0.1:"))
        let bad = try CommandRun.fenci(["serve"], environment: ["FENCI_STDIO": "1", "FENCI_METRICS": "nowhere"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--metrics must be HOST:PORT") && bad.stderr.contains("nowhere"))
    }
}
