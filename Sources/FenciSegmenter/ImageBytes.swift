/// Immutable bytes of a compiled dictionary image: owned heap memory or a memory-mapped file.
///
/// The segmenter reads its tables straight out of these bytes, so an image written to disk
/// once can be mapped by every later process in microseconds (that is what makes a cold
/// start cheap). The segmenter knows nothing of files: whoever maps a file passes a
/// `release` closure that unmaps it.
public final class ImageBytes: @unchecked Sendable {
    // @unchecked Sendable: the bytes are never written after `init`, and the pointer stays
    // valid until `deinit`, so sharing across threads is safe.

    /// Start of the bytes; 8-byte aligned (heap allocations and mmap are page aligned).
    public let baseAddress: UnsafeRawPointer
    /// Number of bytes.
    public let count: Int
    private let release: (@Sendable () -> Void)?
    /// Whether `baseAddress` is a heap allocation of ours to deallocate.
    private let ownsAllocation: Bool

    /// Copies `bytes` into an aligned heap allocation owned by this object.
    public init(copying bytes: [UInt8]) {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let sourceBase = source.baseAddress { storage.copyMemory(from: sourceBase, byteCount: source.count) }
        }
        self.baseAddress = UnsafeRawPointer(storage)
        self.count = bytes.count
        self.release = nil
        self.ownsAllocation = true
    }

    /// Adopts memory owned elsewhere (e.g. an mmap'd file); `release` runs once in `deinit`.
    ///
    /// - Precondition: `baseAddress` is 8-byte aligned and valid for `count` bytes until `release`.
    public init(adopting baseAddress: UnsafeRawPointer, count: Int, release: (@Sendable () -> Void)?) {
        precondition(Int(bitPattern: baseAddress) % 8 == 0, "image bytes must be 8-byte aligned")
        self.baseAddress = baseAddress
        self.count = count
        self.release = release
        self.ownsAllocation = false
    }

    deinit {
        if ownsAllocation { UnsafeMutableRawPointer(mutating: baseAddress).deallocate() }
        release?()
    }

    /// A typed view of `count` elements at `byteOffset`, bounds-checked against the image.
    func buffer<T>(at byteOffset: Int, count elements: Int, as type: T.Type) throws(SegmenterError) -> UnsafeBufferPointer<T> {
        let byteCount = elements &* MemoryLayout<T>.stride
        guard byteOffset >= 0, elements >= 0, byteOffset % MemoryLayout<T>.alignment == 0,
              byteOffset <= count, byteCount <= count - byteOffset else {
            throw .corruptImage("section at byte \(byteOffset) with \(elements) elements overruns the \(count)-byte image")
        }
        let start = (baseAddress + byteOffset).assumingMemoryBound(to: T.self)
        return UnsafeBufferPointer(start: start, count: elements)
    }
}
