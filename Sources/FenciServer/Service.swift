import FenciAnalysis
import FenciResources
import FenciRPC
import FenciSegmenter
import Foundation
import Logging
import Synchronization

/// The methods of the Fenci service, dispatched in one place, independent of any transport.
///
/// One instance serves every connection: it holds the (immutable) segmenter and the
/// counters `status` reports. Handlers read params through `ParamsReader` and write their
/// result straight into a `JSONWriter`; they never see bytes on the wire.
public final class Service: Sendable {
    /// Fenci's version, reported by `initialize` and `status`.
    public static let version = "0.1.0"

    public let segmenter: Segmenter
    /// Where the dictionary came from ("built-in jieba 0.42.1", a path …).
    public let dictionarySource: String
    public let configuration: ServiceConfiguration
    /// Requests, latency, bytes and connections, for `--metrics`.
    public let metrics: ServiceMetrics
    let documents: DocumentReader
    private let tools: AnalysisTools
    private let started = ContinuousClock.now
    private let served = Atomic<Int>(0)
    private let running = Atomic<Int>(0)
    private let unanswered = Atomic<Int>(0)

    /// Every method, for `initialize`'s capabilities.
    public static let methods = ["initialize", "initialized", "shutdown", "exit", "$/cancelRequest", "status", "tokenize", "summarize", "compare"]

    public init(segmenter: Segmenter, dictionarySource: String, configuration: ServiceConfiguration,
                metrics: ServiceMetrics = ServiceMetrics()) {
        self.segmenter = segmenter
        self.metrics = metrics
        self.dictionarySource = dictionarySource
        self.configuration = configuration
        self.documents = DocumentReader(maximumDocumentBytes: configuration.maximumDocumentBytes,
                                        corpusDirectory: configuration.corpusDirectory)
        self.tools = AnalysisTools(segmenter: segmenter)
    }

    /// Loads the analysis tools (IDF and OpenCC tables) now; servers call it on a background
    /// thread once they listen, so the first `summarize` does not pay for it.
    public func warmUp() {
        _ = try? tools.get()
    }

    /// The analysis tools; a failure to load the built-in tables is an internal error.
    func analysis() throws(RPCError) -> AnalysisLoader.Tools {
        do {
            return try tools.get()
        } catch {
            throw RPCError.internalError("cannot load the analysis tables: \(error)")
        }
    }

    /// Requests answered so far.
    public var requestsServed: Int { served.load(ordering: .relaxed) }
    /// Requests being worked on now.
    public var inFlight: Int { running.load(ordering: .relaxed) }
    /// Requests received (queued or running) whose reply has not yet been handed to the
    /// transport; a graceful stop waits for this to reach zero.
    public var unansweredRequests: Int { unanswered.load(ordering: .acquiring) }

    func requestReceived() {
        unanswered.add(1, ordering: .relaxed)
    }

    func requestAnswered() {
        unanswered.subtract(1, ordering: .releasing)
    }

    var uptimeSeconds: Double { (ContinuousClock.now - started) / .seconds(1) }

    /// Runs one request and returns the encoded reply (a result or an error).
    ///
    /// Never throws and never traps on bad input: every failure becomes an error reply.
    /// Every error reply is logged once (`info` for the client's mistakes, `error` for
    /// internal ones); successful requests are not logged at the default level.
    func respond(id: RequestID, method: String, params: JSONValue?, connection: ConnectionContext, logger: Logger,
                 scratch: inout CutScratch, tokens: inout [Token]) -> [UInt8] {
        running.add(1, ordering: .relaxed)
        metrics.requestStarted()
        let began = ContinuousClock.now
        var failure: ErrorCode?
        defer {
            running.subtract(1, ordering: .relaxed)
            served.add(1, ordering: .relaxed)
            let elapsed = (ContinuousClock.now - began).components
            metrics.requestFinished(method: method, nanoseconds: elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000,
                                    error: failure)
        }
        do {
            let reader = try ParamsReader(params)
            return try ResponseEncoder.result(id: id) { (writer: inout JSONWriter) throws(RPCError) in
                try dispatch(method: method, params: reader, connection: connection, scratch: &scratch, tokens: &tokens, into: &writer)
            }
        } catch let error as RPCError {
            failure = error.code
            logger.log(level: error.code == .internalError ? .error : .info, "request failed",
                       metadata: ["method": "\(method)", "id": "\(id)", "code": "\(error.code.rawValue)", "error": "\(error.message)"])
            return ResponseEncoder.error(id: id, error)
        } catch {
            failure = .internalError
            logger.error("request failed", metadata: ["method": "\(method)", "id": "\(id)", "error": "\(error)"])
            return ResponseEncoder.error(id: id, .internalError("\(error)"))
        }
    }

    /// The one dispatch switch.
    private func dispatch(method: String, params: ParamsReader, connection: ConnectionContext,
                          scratch: inout CutScratch, tokens: inout [Token], into writer: inout JSONWriter) throws(RPCError) {
        if connection.isShutDown, method != "exit" {
            throw RPCError(code: .shuttingDown, message: "the server is shutting down: only \"exit\" is accepted after \"shutdown\"")
        }
        switch method {
        case InitializeRequest.method: try InitializeRequest.handle(params, service: self, connection: connection, into: &writer)
        case ShutdownRequest.method: ShutdownRequest.handle(connection: connection, into: &writer)
        case StatusRequest.method: StatusRequest.handle(service: self, into: &writer)
        case TokenizeRequest.method:
            try TokenizeRequest.handle(params, service: self, connection: connection, scratch: &scratch, tokens: &tokens, into: &writer)
        case SummarizeRequest.method: try SummarizeRequest.handle(params, service: self, connection: connection, into: &writer)
        case CompareRequest.method: try CompareRequest.handle(params, service: self, into: &writer)
        default: throw RPCError.methodNotFound(method)
        }
    }
}
