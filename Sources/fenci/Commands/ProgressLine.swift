import Foundation

/// A one-line progress report on a terminal's standard error, redrawn at most 5 times a second.
final class ProgressLine {
    /// What is counted.
    enum Unit {
        case bytes, documents
    }

    private let name: String
    private let totalBytes: Int?
    private let unit: Unit
    private let started = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now
    private var drawn = false

    init(name: String, totalBytes: Int?, unit: Unit = .bytes) {
        self.name = name
        self.totalBytes = totalBytes
        self.unit = unit
    }

    /// Redraws with the compressed bytes consumed so far, if enough time has passed.
    func update(consumedBytes: Int) {
        let now = ContinuousClock.now
        guard now - lastDrawn >= .milliseconds(200) else { return }
        lastDrawn = now
        drawn = true
        let seconds = max((now - started) / .seconds(1), 0.001)
        if unit == .documents {
            StandardError.write(String(format: "\r%@: %d documents, %.0f/s   ", name, consumedBytes, Double(consumedBytes) / seconds))
            return
        }
        var line = "\r\(name): \(Self.megabytes(consumedBytes))"
        if let totalBytes, totalBytes > 0 {
            line += " / \(Self.megabytes(totalBytes)) (\(consumedBytes * 100 / totalBytes)%)"
        }
        line += String(format: ", %.1f MB/s   ", Double(consumedBytes) / 1e6 / seconds)
        StandardError.write(line)
    }

    /// Ends the line so later messages start on a fresh one.
    func finish() {
        if drawn { StandardError.write("\n") }
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}
