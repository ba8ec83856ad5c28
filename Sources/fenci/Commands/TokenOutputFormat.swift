import ArgumentParser
import FenciSegmenter

/// Output formats of `fenci tokenize`.
enum TokenOutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Words separated by single spaces (`word/tag` with --pos), one line per input line.
    case text
    /// One JSON object per input line: `{"tokens":[{"text","start","end","pos"?}]}`.
    case jsonl
}

extension PositionEncoding: ExpressibleByArgument {}
