import Foundation

/// A `fenci serve --tcp 127.0.0.1:0` process for end-to-end tests; stopped on deinit.
public final class ServerProcess: @unchecked Sendable {
    // @unchecked Sendable: fields are set in init and only read afterwards.
    public let process: Process
    public let port: UInt16
    /// The `--metrics` port, when the server was started with one ("metrics on HOST:PORT").
    public let metricsPort: UInt16?
    private let errors: ErrorCollector

    /// Starts the server with extra arguments and waits for "listening on HOST:PORT".
    public init(arguments: [String] = []) throws {
        process = Process()
        process.executableURL = TestPaths.fenciBinary
        process.arguments = ["serve", "--tcp", "127.0.0.1:0", "--log-level", "warning"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FENCI_CACHE_DIR"] = CommandRun.sharedCacheDirectory
        process.environment = environment
        let stderrPipe = Pipe()
        process.standardError = stderrPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let handle = stderrPipe.fileHandleForReading
        var seen = Data()
        var found: UInt16?
        let deadline = Date().addingTimeInterval(60)
        while found == nil, Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
            let text = String(decoding: seen, as: UTF8.self)
            if let range = text.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = UInt16(text[range].split(separator: ":").last!)  // the regex guarantees the digits
            }
        }
        guard let found else {
            process.terminate()
            throw TestFailure("server did not report its port; stderr: \(String(decoding: seen, as: UTF8.self))")
        }
        port = found
        let announced = String(decoding: seen, as: UTF8.self)
        metricsPort = announced.range(of: #"metrics on 127\.0\.0\.1:(\d+)"#, options: .regularExpression)
            .flatMap { UInt16(announced[$0].split(separator: ":").last!) }  // the regex guarantees the digits
        errors = ErrorCollector(handle: handle)
    }

    /// Sends SIGTERM and waits; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    deinit { stop() }
}

/// A test precondition that did not hold.
public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
