import Dispatch
import Foundation
import Logging

/// SIGTERM/SIGINT handling for `serve`: stop accepting, let in-flight requests finish
/// (up to 30 s), exit 0.
enum GracefulExit {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(logger: Logger, stopAccepting: @escaping @Sendable () -> Void, inFlight: @escaping @Sendable () -> Int) {
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                logger.notice("signal \(signalNumber): stopping")
                stopAccepting()
                let deadline = ContinuousClock.now + .seconds(30)
                while inFlight() > 0, ContinuousClock.now < deadline { usleep(1000) }
                exit(0)
            }
            source.resume()
            sources.append(source)
        }
    }
}
