#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import NIOConcurrencyHelpers

/// Serves one client over standard input and output, LSP-style.
///
/// Standard input is read with plain blocking reads on the calling thread: NIO's pipe
/// bootstrap cannot take stdin when it is a regular file (`fenci serve --stdio < file`).
/// Standard output is duplicated to a private descriptor for protocol bytes and descriptor 1
/// is pointed at standard error, so a stray `print` can never corrupt the stream.
public enum StdioTransport {
    /// Runs until standard input closes (exit 0, after answering what is in flight) or the
    /// client sends `exit` (0 after `shutdown`, else 1).
    public static func run(service: Service, workers: WorkerPool, logger: Logger) -> Never {
        let protocolOutput = dup(1)
        precondition(protocolOutput >= 0, "cannot duplicate standard output")
        dup2(2, 1)
        let writeLock = NIOLock()
        let connection = RPCConnection(service: service, workers: workers, logger: logger, handlers: .init(
            send: { bytes in
                writeLock.withLock { writeAll(bytes, to: protocolOutput) }
            },
            close: { reason in
                logger.error("closing: \(reason)")
                Glibc.exit(1)
            },
            exit: { afterShutdown in
                Glibc.exit(afterShutdown ? 0 : 1)
            }))
        logger.info("serving on standard input/output")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                logger.error("reading standard input failed: \(String(cString: strerror(errno)))")
                break
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { connection.receive(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        // Standard input closed: answer what was already asked, then leave.
        while connection.outstandingRequests > 0 { usleep(1000) }
        logger.info("standard input closed; exiting")
        Glibc.exit(0)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)  // non-empty
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // the client went away; the read loop will see EOF
                }
                offset += written
            }
        }
    }
}
