import ArgumentParser

/// The `fenci` command: parse options, call the libraries, print. Nothing else lives here.
@main
struct Fenci: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "fenci",
        abstract: "Chinese word segmentation (jieba-compatible), summaries and document comparison.",
        discussion: """
            Segments with jieba 0.42.1's dictionary and models built in. The first run compiles the \
            dictionary into an image cached under $FENCI_CACHE_DIR (default ~/.cache/fenci); later \
            runs map it and start in milliseconds.
            """,
        version: version,
        subcommands: [TokenizeCommand.self, SummarizeCommand.self, CompareCommand.self, DedupCommand.self, ServeCommand.self, HealthcheckCommand.self, EvalCommand.self, BenchmarkCommand.self]
    )
}
