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

    @Flag(help: "Serve one client on standard input/output (how editors spawn it). Env: FENCI_STDIO=1.")
    var stdio = false

    @Option(help: ArgumentHelp("Listen on HOST:PORT (port 0 picks a free port; 'listening on HOST:PORT' goes to stderr). Env: FENCI_TCP.", valueName: "HOST:PORT"))
    var tcp: String?

    @Option(name: .customLong("max-message-bytes"), help: "Largest message accepted; larger ones get error -32010 (default 67108864). Env: FENCI_MAX_MESSAGE_BYTES.")
    var maximumMessageBytes: Int?

    @Option(name: .customLong("max-document-bytes"), help: "Largest document after decompression; larger ones get error -32010 (default 67108864). Env: FENCI_MAX_DOCUMENT_BYTES.")
    var maximumDocumentBytes: Int?

    @Option(name: .customLong("corpus-dir"), help: ArgumentHelp("Directory that {\"path\": …} documents are read from (nothing outside it). Env: FENCI_CORPUS_DIR.", valueName: "DIR"))
    var corpusDirectory: String?

    @Option(name: .customLong("read-timeout"), help: "Seconds a TCP client may stall in the middle of a message before it is disconnected (default 30). Env: FENCI_READ_TIMEOUT.")
    var readTimeout: Int?

    @Option(help: ArgumentHelp("Serve Prometheus text at http://HOST:PORT/metrics and readiness at /healthz (200 while accepting requests, 503 before and while draining). Env: FENCI_METRICS.", valueName: "HOST:PORT"))
    var metrics: String?

    @Option(help: "Threads that run requests (default: one per core). Env: FENCI_WORKERS.")
    var workers: Int?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info). Env: FENCI_LOG_LEVEL.")
    var logLevel: String?

    /// The effective settings: a flag wins over its environment variable, which wins over
    /// the default. Set by `validate()`.
    private struct Settings {
        var stdio: Bool
        var tcp: String?
        var maximumMessageBytes: Int
        var maximumDocumentBytes: Int
        var corpusDirectory: String?
        var readTimeout: Int
        var workers: Int
        var logLevel: Logger.Level
        var metrics: String?
    }

    private func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        func integer(_ flag: Int?, _ variable: String, default value: Int) throws -> Int {
            if let flag { return flag }
            guard let text = environment[variable], !text.isEmpty else { return value }
            guard let parsed = Int(text) else { throw ValidationError("\(variable)=\(text) is not an integer") }
            return parsed
        }
        let stdioFromEnvironment = ["1", "true", "yes"].contains(environment["FENCI_STDIO"]?.lowercased() ?? "")
        let tcpAddress = tcp ?? environment["FENCI_TCP"].flatMap { $0.isEmpty ? nil : $0 }
        let levelName = logLevel ?? environment["FENCI_LOG_LEVEL"].flatMap { $0.isEmpty ? nil : $0 } ?? "info"
        guard let level = Logger.Level(rawValue: levelName) else { throw ValidationError("unknown log level \(levelName)") }
        return Settings(
            // A --tcp on the command line wins over FENCI_STDIO, and --stdio over FENCI_TCP.
            stdio: stdio || (tcp == nil && stdioFromEnvironment),
            tcp: stdio ? nil : tcpAddress,
            maximumMessageBytes: try integer(maximumMessageBytes, "FENCI_MAX_MESSAGE_BYTES", default: 67_108_864),
            maximumDocumentBytes: try integer(maximumDocumentBytes, "FENCI_MAX_DOCUMENT_BYTES", default: 67_108_864),
            corpusDirectory: corpusDirectory ?? environment["FENCI_CORPUS_DIR"].flatMap { $0.isEmpty ? nil : $0 },
            readTimeout: try integer(readTimeout, "FENCI_READ_TIMEOUT", default: 30),
            workers: try integer(workers, "FENCI_WORKERS", default: ProcessInfo.processInfo.activeProcessorCount),
            logLevel: level,
            metrics: metrics ?? environment["FENCI_METRICS"].flatMap { $0.isEmpty ? nil : $0 })
    }

    func validate() throws {
        let settings = try settings()
        guard settings.stdio != (settings.tcp != nil) else {
            throw ValidationError("give exactly one of --stdio and --tcp HOST:PORT (or FENCI_STDIO=1 / FENCI_TCP)")
        }
        if let tcp = settings.tcp { _ = try Self.parseAddress(tcp) }
        if let metrics = settings.metrics { _ = try Self.parseAddress(metrics, option: "--metrics") }
        guard settings.maximumMessageBytes > 0, settings.maximumDocumentBytes > 0 else { throw ValidationError("limits must be positive") }
        guard settings.readTimeout > 0 else { throw ValidationError("the read timeout must be positive") }
        guard settings.workers > 0 else { throw ValidationError("the worker count must be positive") }
    }

    static func parseAddress(_ text: String, option: String = "--tcp") throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("\(option) must be HOST:PORT, e.g. 127.0.0.1:7070 (port 0 picks a free one), not \"\(text)\"")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }

    func run() throws {
        GracefulExit.blockSignals()  // before any thread exists; see GracefulExit
        let settings = try settings()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = settings.logLevel
            return handler
        }
        let logger = Logger(label: "fenci")
        let corpus = try settings.corpusDirectory.map(Self.resolveDirectory)
        // Before the service exists: it takes its metric handles from the bootstrapped factory.
        let metricsServer: MetricsHTTPServer? = try settings.metrics.map { address in
            let (host, port) = try Self.parseAddress(address, option: "--metrics")
            do {
                let server = try MetricsEndpoint.start(host: host, port: port, logger: logger)
                StandardError.write("metrics on \(host):\(server.localAddress?.port ?? port)\n")
                return server
            } catch {
                StandardError.error("cannot listen on \(host):\(port) for --metrics: \(error)")
                throw ExitCode(1)
            }
        }
        let loaded = try dictionary.load()
        let service = Service(segmenter: loaded.segmenter, dictionarySource: loaded.source, configuration: ServiceConfiguration(
            maximumMessageBytes: settings.maximumMessageBytes, maximumDocumentBytes: settings.maximumDocumentBytes,
            corpusDirectory: corpus, readTimeoutSeconds: settings.readTimeout, workerThreads: settings.workers))
        let pool = WorkerPool(threads: settings.workers)
        // The IDF and OpenCC tables load in the background: start-up stays fast, and the
        // first summarize/compare waits only if it arrives within the first ~0.2 s.
        Thread { service.warmUp() }.start()

        if settings.stdio {
            // Over stdio a reply is written before its request counts as answered.
            GracefulExit.install(logger: logger, stopAccepting: { metricsServer?.setReady(false) }, inFlight: { service.unansweredRequests })
            metricsServer?.setReady(true)
            StdioTransport.run(service: service, workers: pool, logger: logger)
        }
        let (host, port) = try Self.parseAddress(settings.tcp ?? "")
        let server: TCPServer
        do {
            server = try TCPServer(service: service, workers: pool, logger: logger, host: host, port: port)
        } catch {
            StandardError.error("cannot listen on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
        // Signal handling goes in before the announcement: a supervisor may signal as soon as it
        // reads "listening on", and a signal arriving before the handler exists would be lost.
        GracefulExit.install(logger: logger, stopAccepting: {
            metricsServer?.setReady(false)
            server.stopAccepting()
        }, inFlight: { service.unansweredRequests + server.pendingWrites })
        let bound = server.localAddress?.port ?? port
        metricsServer?.setReady(true)
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
