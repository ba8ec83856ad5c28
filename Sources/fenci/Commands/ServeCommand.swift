import ArgumentParser
import FenciServer
import Foundation
import Logging

/// `fenci serve`: the JSON-RPC service over stdio or TCP (see docs/API.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve tokenize, summarize and compare as JSON-RPC 2.0 over stdio or TCP.",
        discussion: """
            Framing is chosen per connection by its first non-whitespace byte: '{' or '[' means \
            newline-delimited JSON, anything else LSP's 'Content-Length:' headers. Logs go to \
            standard error; over stdio, standard output carries protocol bytes only. SIGTERM or \
            SIGINT stops accepting, finishes what is in flight and exits 0.
            """
    )

    @OptionGroup var dictionary: DictionaryOptions

    @Flag(help: "Serve one client on standard input/output (how editors spawn it).")
    var stdio = false

    @Option(help: ArgumentHelp("Listen on HOST:PORT (port 0 picks a free port; 'listening on HOST:PORT' goes to stderr).", valueName: "HOST:PORT"))
    var tcp: String?

    @Option(name: .customLong("max-message-bytes"), help: "Largest message accepted; larger ones get error -32010.")
    var maximumMessageBytes = 67_108_864

    @Option(name: .customLong("max-document-bytes"), help: "Largest document after decompression; larger ones get error -32010.")
    var maximumDocumentBytes = 67_108_864

    @Option(name: .customLong("corpus-dir"), help: ArgumentHelp("Directory that {\"path\": …} documents are read from (nothing outside it).", valueName: "DIR"))
    var corpusDirectory: String?

    @Option(name: .customLong("read-timeout"), help: "Seconds a TCP client may stall in the middle of a message before it is disconnected.")
    var readTimeout = 30

    @Option(help: "Threads that run requests (default: one per core).")
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard stdio != (tcp != nil) else { throw ValidationError("give exactly one of --stdio and --tcp HOST:PORT") }
        if let tcp { _ = try Self.parseAddress(tcp) }
        guard maximumMessageBytes > 0, maximumDocumentBytes > 0 else { throw ValidationError("limits must be positive") }
        guard readTimeout > 0 else { throw ValidationError("--read-timeout must be positive") }
        guard workers > 0 else { throw ValidationError("--workers must be positive") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    static func parseAddress(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--tcp must be HOST:PORT, e.g. 127.0.0.1:7070 (port 0 picks a free one)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }

    func run() throws {
        GracefulExit.blockSignals()  // before any thread exists; see GracefulExit
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "fenci")
        let corpus = try corpusDirectory.map(Self.resolveDirectory)
        let loaded = try dictionary.load()
        let service = Service(segmenter: loaded.segmenter, dictionarySource: loaded.source, configuration: ServiceConfiguration(
            maximumMessageBytes: maximumMessageBytes, maximumDocumentBytes: maximumDocumentBytes,
            corpusDirectory: corpus, readTimeoutSeconds: readTimeout, workerThreads: workers))
        let pool = WorkerPool(threads: workers)
        // The IDF and OpenCC tables load in the background: start-up stays fast, and the
        // first summarize/compare waits only if it arrives within the first ~0.2 s.
        Thread { service.warmUp() }.start()

        if stdio {
            GracefulExit.install(logger: logger, stopAccepting: {}, inFlight: { service.inFlight })
            StdioTransport.run(service: service, workers: pool, logger: logger)
        }
        let (host, port) = try Self.parseAddress(tcp ?? "")
        let server: TCPServer
        do {
            server = try TCPServer(service: service, workers: pool, logger: logger, host: host, port: port)
        } catch {
            StandardError.error("cannot listen on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
        // Signal handling goes in before the announcement: a supervisor may signal as soon as it
        // reads "listening on", and a signal arriving before the handler exists would be lost.
        GracefulExit.install(logger: logger, stopAccepting: { server.stopAccepting() }, inFlight: { service.inFlight })
        let bound = server.localAddress?.port ?? port
        StandardError.write("listening on \(host):\(bound)\n")
        server.waitUntilClosed()
        // The listening socket closed (SIGTERM/SIGINT): GracefulExit finishes the process.
        while true { sleep(60) }
    }

    private static func resolveDirectory(_ path: String) throws -> String {
        guard let resolved = realpath(path, nil) else {
            throw ValidationError("--corpus-dir \(path): \(String(cString: strerror(errno)))")
        }
        defer { free(resolved) }
        var isDirectory: ObjCBool = false
        let real = String(cString: resolved)
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--corpus-dir \(path) is not a directory")
        }
        return real
    }
}
