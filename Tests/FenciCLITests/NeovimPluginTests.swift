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
        // run.sh prints Neovim's PASS/FAIL lines on its standard output, its own errors on stderr.
        let run = try CommandRun.run(URL(fileURLWithPath: "/bin/bash"), [script.path, TestPaths.fenciBinary.path])
        let report = run.stdoutText + run.stderr
        #expect(run.status == 0, "\(report)")
        #expect(report.contains("PASS [utf-8] w visits each token start"))
        #expect(report.contains("PASS [utf-16] w visits each token start"))
        #expect(!report.contains("FAIL"))
    }
}
