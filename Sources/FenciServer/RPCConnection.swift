#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FenciRPC
import FenciSegmenter
import Logging
import NIOConcurrencyHelpers
import Synchronization

/// One client connection's protocol engine, independent of the transport.
///
/// The transport feeds received bytes to `receive(_:)` (always from one thread at a time)
/// and provides `send` (thread-safe) for framed replies. Requests run on the worker pool and
/// may be answered out of order; a batch is answered as one array in its own order.
/// Lifecycle methods run in arrival order on the receiving thread, so `shutdown` is
/// recorded before a following `exit` is seen.
public final class RPCConnection: Sendable {
    /// What the transport does for this connection.
    public struct Handlers: Sendable {
        /// Writes framed bytes to the client (any thread).
        public var send: @Sendable ([UInt8]) -> Void
        /// Closes the connection after an unrecoverable framing error.
        public var close: @Sendable (_ reason: String) -> Void
        /// The client sent `exit`; the argument says whether `shutdown` came first.
        public var exit: @Sendable (_ afterShutdown: Bool) -> Void

        public init(send: @escaping @Sendable ([UInt8]) -> Void, close: @escaping @Sendable (String) -> Void,
                    exit: @escaping @Sendable (Bool) -> Void) {
            self.send = send
            self.close = close
            self.exit = exit
        }
    }

    private enum Progress {
        case queued, running, answered
    }

    private let service: Service
    private let workers: WorkerPool
    private let handlers: Handlers
    private let logger: Logger
    public let context = ConnectionContext()
    private let framer: NIOLockedValueBox<MessageFramer>
    private let framing = NIOLockedValueBox<MessageFramer.Kind?>(nil)
    private let pending = NIOLockedValueBox<[RequestID: [Int: Progress]]>([:])
    private let nextTicket = Atomic<Int>(0)
    private let outstanding = Atomic<Int>(0)

    public init(service: Service, workers: WorkerPool, logger: Logger, handlers: Handlers) {
        self.service = service
        self.workers = workers
        self.handlers = handlers
        self.logger = logger
        self.framer = NIOLockedValueBox(MessageFramer(maximumMessageBytes: service.configuration.maximumMessageBytes))
        service.metrics.connectionOpened()
    }

    /// The transport calls this once, when the connection has closed.
    public func closed() {
        service.metrics.connectionClosed()
    }

    /// Requests received and not yet answered.
    public var outstandingRequests: Int { outstanding.load(ordering: .acquiring) }

    /// Whether a message has started arriving but is incomplete (for read timeouts).
    public var hasPartialMessage: Bool { framer.withLockedValue { $0.hasPartialMessage } }

    /// Feeds received bytes; decodes and dispatches every complete message.
    public func receive(_ bytes: UnsafeRawBufferPointer) {
        var events: [FrameEvent] = []
        var failure: FramingError?
        service.metrics.received(bytes: bytes.count)
        let kind: MessageFramer.Kind? = framer.withLockedValue { framer in
            framer.append(bytes)
            do throws(FramingError) {
                while let event = try framer.next() { events.append(event) }
            } catch {
                failure = error
            }
            return framer.kind
        }
        if let kind { framing.withLockedValue { if $0 == nil { $0 = kind } } }
        for event in events {
            switch event {
            case let .message(body): handle(body: body)
            case let .tooLarge(declared):
                let size = declared.map { "\($0) bytes" } ?? "a line"
                reply(rejected(.messageTooLarge("message of \(size) exceeds --max-message-bytes \(service.configuration.maximumMessageBytes)"), id: .null))
            }
        }
        if let failure {
            logger.warning("closing connection: unreadable header", metadata: ["reason": "\(failure.message)"])
            handlers.close(failure.message)
        }
    }

    private func reply(_ body: [UInt8]) {
        let kind = framing.withLockedValue { $0 } ?? .contentLength
        let framed = kind == .lines ? LineFramer.frame(body) : ContentLengthFramer.frame(body)
        service.metrics.sent(bytes: framed.count)
        handlers.send(framed)
    }

    /// The error reply to a message rejected before any method ran (unparsable, not a
    /// request, too large): counted and logged once, like a failed request.
    private func rejected(_ error: RPCError, id: RequestID) -> [UInt8] {
        service.metrics.messageRejected(code: error.code)
        logger.info("message rejected", metadata: ["id": "\(id)", "code": "\(error.code.rawValue)", "error": "\(error.message)"])
        return ResponseEncoder.error(id: id, error)
    }

    // MARK: - Dispatch

    private func handle(body: [UInt8]) {
        switch DecodedFrame(body: body) {
        case let .failure(error):
            reply(rejected(error, id: .null))
        case let .single(message):
            handle(single: message)
        case let .batch(messages):
            handle(batch: messages)
        }
    }

    private func handle(single message: IncomingMessage) {
        switch message {
        case let .invalid(id, error):
            reply(rejected(error, id: id))
        case let .notification(method, params):
            notify(method: method, params: params)
        case let .request(id, method, params):
            service.requestReceived()
            if Self.runsInline(method) {
                // `shutdown` answers only after every earlier request has been answered, so a
                // client that waits for its reply has all of its results.
                if method == "shutdown" { waitForOutstandingRequests(limit: .seconds(60)) }
                var scratch = CutScratch()
                var tokens: [Token] = []
                reply(service.respond(id: id, method: method, params: params, connection: context, logger: logger, scratch: &scratch, tokens: &tokens))
                service.requestAnswered()
                return
            }
            let ticket = register(id)
            workers.submit { [self] scratch, tokens in
                guard start(id, ticket) else { return }
                let response = service.respond(id: id, method: method, params: params, connection: context, logger: logger, scratch: &scratch, tokens: &tokens)
                if finish(id, ticket) {
                    reply(response)
                } else {
                    reply(ResponseEncoder.error(id: id, .cancelled))
                }
                service.requestAnswered()
                outstanding.subtract(1, ordering: .releasing)
            }
        }
    }

    /// A batch runs on one worker, element by element, and is answered as one array
    /// (no entries for notifications; no reply at all when nothing needs one).
    private func handle(batch messages: [IncomingMessage]) {
        outstanding.add(1, ordering: .relaxed)
        service.requestReceived()
        workers.submit { [self] scratch, tokens in
            var responses: [[UInt8]] = []
            for message in messages {
                switch message {
                case let .invalid(id, error): responses.append(rejected(error, id: id))
                case let .notification(method, params): notify(method: method, params: params)
                case let .request(id, method, params):
                    responses.append(service.respond(id: id, method: method, params: params, connection: context, logger: logger, scratch: &scratch, tokens: &tokens))
                }
            }
            if !responses.isEmpty { reply(ResponseEncoder.batch(responses)) }
            service.requestAnswered()
            outstanding.subtract(1, ordering: .releasing)
        }
    }

    /// Cheap lifecycle methods run on the receiving thread, in order.
    private static func runsInline(_ method: String) -> Bool {
        method == "initialize" || method == "shutdown" || method == "status"
    }

    private func notify(method: String, params: JSONValue?) {
        switch method {
        case "exit":
            waitForOutstandingRequests(limit: .seconds(5))
            handlers.exit(context.isShutDown)
        case "$/cancelRequest":
            guard let raw = params?["id"], let id = RequestID(raw) else { return }
            cancel(id)
        default:
            break  // `initialized` and any other notification: accepted, no reply, ever
        }
    }

    /// Blocks the receiving thread until every request received so far is answered.
    private func waitForOutstandingRequests(limit: Duration) {
        let deadline = ContinuousClock.now + limit
        while outstandingRequests > 0, ContinuousClock.now < deadline {
            usleep(500)
        }
    }

    // MARK: - Cancellation

    private func register(_ id: RequestID) -> Int {
        outstanding.add(1, ordering: .relaxed)
        let ticket = nextTicket.add(1, ordering: .relaxed).newValue
        pending.withLockedValue { $0[id, default: [:]][ticket] = .queued }
        return ticket
    }

    /// Marks a request running; false when it was cancelled while queued (already answered).
    private func start(_ id: RequestID, _ ticket: Int) -> Bool {
        let proceed = pending.withLockedValue { table -> Bool in
            guard table[id]?[ticket] == .queued else { return false }
            table[id]?[ticket] = .running
            return true
        }
        if !proceed {
            pending.withLockedValue { table in
                table[id]?[ticket] = nil
                if table[id]?.isEmpty == true { table[id] = nil }
            }
            service.requestAnswered()  // answered -32800 by `cancel` when it was cancelled
            outstanding.subtract(1, ordering: .releasing)
        }
        return proceed
    }

    /// Removes a finished request; false when it was cancelled while running.
    private func finish(_ id: RequestID, _ ticket: Int) -> Bool {
        pending.withLockedValue { table -> Bool in
            let progress = table[id]?[ticket]
            table[id]?[ticket] = nil
            if table[id]?.isEmpty == true { table[id] = nil }
            return progress == .running
        }
    }

    /// `$/cancelRequest`: a queued request is answered -32800 now and never runs; a running
    /// one is answered -32800 when it ends.
    private func cancel(_ id: RequestID) {
        let answerNow = pending.withLockedValue { table -> Bool in
            guard let tickets = table[id] else { return false }
            var answered = false
            for (ticket, progress) in tickets {
                switch progress {
                case .queued:
                    table[id]?[ticket] = .answered
                    answered = true
                case .running:
                    table[id]?[ticket] = .answered
                case .answered:
                    break
                }
            }
            return answered
        }
        if answerNow { reply(ResponseEncoder.error(id: id, .cancelled)) }
    }
}
