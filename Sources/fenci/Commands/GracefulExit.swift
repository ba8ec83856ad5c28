import Foundation
import Logging

/// SIGTERM/SIGINT handling for `serve`: stop accepting, let in-flight requests finish
/// (up to 30 s), exit 0.
///
/// The signals are blocked before any thread exists (`blockSignals`, first thing in `run`)
/// and taken with `sigwait` on a dedicated thread. Every thread inherits the blocked mask, so
/// the kernel cannot hand the signal to a thread that would drop it; a handler installed
/// later than the threads can miss signals.
enum GracefulExit {
    static func blockSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    static func install(logger: Logger, stopAccepting: @escaping @Sendable () -> Void, inFlight: @escaping @Sendable () -> Int) {
        let thread = Thread {
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGTERM)
            sigaddset(&signals, SIGINT)
            var received: Int32 = 0
            sigwait(&signals, &received)
            logger.notice("signal \(received): stopping")
            stopAccepting()
            let deadline = ContinuousClock.now + .seconds(30)
            while inFlight() > 0, ContinuousClock.now < deadline { usleep(1000) }
            exit(0)
        }
        thread.start()
    }
}
