import NIOCore

/// Immutable settings of a running service, one documented field each.
public struct ServiceConfiguration: Sendable {
    /// Largest framed message (Content-Length or line) accepted; larger ones get -32010.
    public var maximumMessageBytes: Int
    /// Largest document after decompression; larger ones get -32010.
    public var maximumDocumentBytes: Int
    /// Real path of the directory `{"path": …}` documents may be read from; nil refuses them.
    public var corpusDirectory: String?
    /// Seconds a connection may sit on a half-received message before it is closed.
    public var readTimeoutSeconds: Int
    /// Threads running requests (segmentation stays off the I/O threads).
    public var workerThreads: Int

    public init(maximumMessageBytes: Int = 67_108_864, maximumDocumentBytes: Int = 67_108_864,
                corpusDirectory: String? = nil, readTimeoutSeconds: Int = 30, workerThreads: Int = System.coreCount) {
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumDocumentBytes = maximumDocumentBytes
        self.corpusDirectory = corpusDirectory
        self.readTimeoutSeconds = readTimeoutSeconds
        self.workerThreads = workerThreads
    }
}

