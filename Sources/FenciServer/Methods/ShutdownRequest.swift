import FenciRPC

/// `shutdown`: answers null; afterwards only `exit` is accepted.
enum ShutdownRequest {
    static let method = "shutdown"

    static func handle(connection: ConnectionContext, into writer: inout JSONWriter) {
        connection.markShutDown()
        writer.null()
    }
}
