import Foundation
import Testing
import TestSupport

/// deploy/editors/neovim: the plugin's own headless test, run in a real Neovim against the
/// built `fenci` (w/e/b over 无锡物联网创新促进中心成立 in UTF-8 and UTF-16, counts, operators,
/// ASCII left to Vim, a missing or dying server falling back to the built-in motions).
@Suite("Neovim plugin")
struct NeovimPluginTests {
    @Test("headless Neovim moves the cursor word by word along Fenci's tokens")
    func headlessMotionTest() throws {
        let script = TestPaths.repositoryRoot.appendingPathComponent("deploy/editors/neovim/test/run.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, TestPaths.fenciBinary.path]
        var environment = ProcessInfo.processInfo.environment
        environment["FENCI_CACHE_DIR"] = CommandRun.sharedCacheDirectory
        process.environment = environment
        let output = Pipe()  // run.sh prints Neovim's PASS/FAIL lines on its standard output
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)")
        #expect(report.contains("PASS [utf-8] w visits each token start"))
        #expect(report.contains("PASS [utf-16] w visits each token start"))
        #expect(!report.contains("FAIL"))
    }
}
