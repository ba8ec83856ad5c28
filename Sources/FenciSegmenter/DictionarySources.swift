/// The text inputs an image is compiled from, already decompressed: jieba's dictionary format
/// and its HMM tables. Reading files and gzip is the caller's business (see FenciResources).
public struct DictionarySources: Sendable {
    /// A named text (the name appears in error messages: a path or "built-in dict.txt").
    public struct Text: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The main dictionary: `word frequency [tag]` per line (jieba's dict.txt).
    public var dictionary: Text
    /// User dictionaries, applied in order: `word [frequency] [tag]` per line.
    public var userDictionaries: [Text]
    /// Segmentation HMM: `state TAB logprob`, `from TAB to TAB logprob`, `state TAB char TAB logprob`.
    public var hmmStart: Text
    public var hmmTransition: Text
    public var hmmEmission: Text
    /// Part-of-speech HMM over (state, tag) pairs, in the layouts described in the data README.
    public var posStart: Text
    public var posTransition: Text
    public var posEmission: Text
    public var posCharStates: Text

    public init(dictionary: Text, userDictionaries: [Text], hmmStart: Text, hmmTransition: Text, hmmEmission: Text,
                posStart: Text, posTransition: Text, posEmission: Text, posCharStates: Text) {
        self.dictionary = dictionary
        self.userDictionaries = userDictionaries
        self.hmmStart = hmmStart
        self.hmmTransition = hmmTransition
        self.hmmEmission = hmmEmission
        self.posStart = posStart
        self.posTransition = posTransition
        self.posEmission = posEmission
        self.posCharStates = posCharStates
    }
}
