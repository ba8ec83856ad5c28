import ArgumentParser
import FenciSegmenter

/// Segmentation flags shared by `tokenize` and `eval`.
struct CutOptionGroup: ParsableArguments {
    @Option(help: "default (most probable cut), search (also the words inside long words) or full (every dictionary word).")
    var mode: CutMode = .default

    @Flag(name: .customLong("no-hmm"), help: "Do not discover words missing from the dictionary with the HMM.")
    var noHMM = false

    @Flag(help: "Tag parts of speech (jieba.posseg; writes word/tag in text output).")
    var pos = false

    var options: CutOptions { CutOptions(mode: mode, hmm: !noHMM, pos: pos) }
}

extension CutMode: ExpressibleByArgument {}
