import FenciSegmenter
import NIOPosix

/// Threads that run requests, off the I/O threads, each with its own reusable scratch.
///
/// Segmentation is CPU-bound: running it on NIO's event loops would stall every other
/// connection on that loop. The pool is sized to the cores; each thread keeps a
/// `CutScratch` and token buffer so steady-state requests allocate little.
public final class WorkerPool: Sendable {
    private let pool: NIOThreadPool
    private let scratch = ThreadSpecificVariable<ScratchBox>()

    /// A thread's working memory. `@unchecked Sendable`: each box is created by, stored for
    /// and used by exactly one worker thread.
    final class ScratchBox: @unchecked Sendable {
        var scratch = CutScratch()
        var tokens: [Token] = []
    }

    public init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: max(threads, 1))
        pool.start()
    }

    /// Runs `work` on a worker thread with that thread's scratch.
    func submit(_ work: @escaping @Sendable (inout CutScratch, inout [Token]) -> Void) {
        pool.submit { [scratch] state in
            guard case .active = state else { return }
            let box: ScratchBox
            if let existing = scratch.currentValue {
                box = existing
            } else {
                box = ScratchBox()
                scratch.currentValue = box
            }
            work(&box.scratch, &box.tokens)
        }
    }

    /// Stops the threads after the queued work has run.
    public func shutdown() {
        try? pool.syncShutdownGracefully()
    }
}
