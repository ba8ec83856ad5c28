import Foundation

/// Runs the `fenci` binary (or another executable) with arguments and standard input;
/// collects its output and status.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: [UInt8]
    public var stderr: String

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    /// Runs `fenci` with `arguments`, feeding `input` on standard input.
    ///
    /// A private cache directory per test process keeps runs independent of the user's cache
    /// while sharing the compiled image between tests.
    public static func fenci(_ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:]) throws -> CommandRun {
        try run(TestPaths.fenciBinary, arguments, input: input, environment: environment)
    }

    /// Runs any executable the same way (another build of `fenci`, a test script).
    public static func run(_ executable: URL, _ arguments: [String], input: [UInt8] = [],
                           environment: [String: String] = [:]) throws -> CommandRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["FENCI_CACHE_DIR"] = sharedCacheDirectory
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        // Write and read concurrently so large inputs and outputs cannot deadlock on full pipes.
        let writer = Thread {
            stdinPipe.fileHandleForWriting.write(Data(input))
            try? stdinPipe.fileHandleForWriting.close()
        }
        writer.start()
        let errors = ErrorCollector(handle: stderrPipe.fileHandleForReading)
        let output = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus, stdout: [UInt8](output), stderr: errors.text())
    }

    public static let sharedCacheDirectory: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fenci-test-cache-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()
}

/// Drains a pipe on a background thread.
final class ErrorCollector: @unchecked Sendable {
    // @unchecked Sendable: `data` is written by the reader thread before `done` is signalled
    // and read only after waiting on it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
