import FenciResources
import FenciSegmenter
import NIOConcurrencyHelpers

/// The analysis tools, loaded once on first use (or by `warmUp()` in the background right
/// after the server starts listening), so start-up stays fast.
final class AnalysisTools: Sendable {
    private let segmenter: Segmenter
    private let tools = NIOLockedValueBox<AnalysisLoader.Tools?>(nil)

    init(segmenter: Segmenter) {
        self.segmenter = segmenter
    }

    /// The tools, loading them if needed (callers block until loaded).
    func get() throws -> AnalysisLoader.Tools {
        try tools.withLockedValue { loaded in
            if let loaded { return loaded }
            let fresh = try AnalysisLoader.load(segmenter: segmenter)
            loaded = fresh
            return fresh
        }
    }
}
