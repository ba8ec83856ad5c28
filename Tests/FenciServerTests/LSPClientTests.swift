import Foundation
import Testing
import TestSupport

/// A real third-party JSON-RPC client (PyPI python-lsp-jsonrpc) against `fenci serve --stdio`.
/// scripts/test.sh installs it into a venv and exports FENCI_TEST_PYTHON.
@Suite("third-party LSP client")
struct LSPClientTests {
    @Test("python-lsp-jsonrpc initializes, tokenizes, gets a -32602, shuts down and exits 0")
    func pythonLSPJSONRPC() throws {
        let python = try #require(ProcessInfo.processInfo.environment["FENCI_TEST_PYTHON"],
                                  "set FENCI_TEST_PYTHON to a python with python-lsp-jsonrpc (scripts/test.sh does)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestPaths.fixtures.appendingPathComponent("lsp_client.py").path, TestPaths.fenciBinary.path]
        var environment = ProcessInfo.processInfo.environment
        environment["FENCI_CACHE_DIR"] = CommandRun.sharedCacheDirectory
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let report = try JSON.object(String(decoding: data, as: UTF8.self))
        #expect(report["server"] as? String == "fenci")
        #expect(report["positionEncoding"] as? String == "utf-16")
        #expect(report["words"] as? [String] == ["物", "联网", "创新", "促进", "中心"])
        #expect(report["offsets"] as? [[Int]] == [[0, 1], [1, 3], [3, 5], [5, 7], [7, 9]])
        let error = report["error"] as? [String: Any]
        #expect(error?["code"] as? Int == -32602)
        #expect((error?["data"] as? [String: Any])?["field"] as? String == "mode")
        #expect(report["exitStatus"] as? Int == 0)
    }
}
