/// Writes JSON text straight into a byte buffer: no intermediate values, no Foundation.
///
/// Commas between members and elements are placed automatically; the caller only opens and
/// closes containers and writes keys and values in order. Strings are escaped per RFC 8259
/// (quote, backslash and control characters); other UTF-8 passes through unchanged. The
/// output never contains a raw newline, so it can be framed one value per line.
///
/// The output lives in a growable buffer of its own rather than an `[UInt8]`: appending to an
/// array checks uniqueness and capacity on every byte, which cost more than the segmentation
/// itself when a reply lists every token. Here a write reserves once and stores bytes. The
/// writer is non-copyable, so the buffer has exactly one owner and is freed in `deinit`.
public struct JSONWriter: ~Copyable, @unchecked Sendable {
    // @unchecked Sendable: the storage is owned by this (non-copyable) value alone.
    private var storage: UnsafeMutablePointer<UInt8>
    private var count: Int
    private var capacity: Int
    /// Whether the current container needs a comma before its next item.
    private var needsComma = false

    /// A writer whose output starts with `buffer` (e.g. earlier lines of a batch).
    public init(buffer: [UInt8] = []) {
        capacity = max(256, buffer.count * 2)
        storage = .allocate(capacity: capacity)
        count = buffer.count
        buffer.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress { storage.initialize(from: base, count: bytes.count) }
        }
    }

    /// An empty writer with room for `capacity` bytes before it has to grow.
    public init(reservingCapacity capacity: Int) {
        self.capacity = max(16, capacity)
        storage = .allocate(capacity: self.capacity)
        count = 0
    }

    deinit {
        storage.deallocate()
    }

    /// The bytes written so far (a copy).
    public var buffer: [UInt8] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }

    /// Appends the output to `array` and leaves the writer empty.
    public mutating func drain(into array: inout [UInt8]) {
        array.append(contentsOf: UnsafeBufferPointer(start: storage, count: count))
        count = 0
        needsComma = false
    }

    /// Hands the output out and leaves the writer empty.
    public mutating func takeBuffer() -> [UInt8] {
        defer { count = 0; needsComma = false }
        return buffer
    }

    // MARK: - Output

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(toAtLeast: count + extra) }
    }

    @inline(never)
    private mutating func grow(toAtLeast needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    /// Appends one byte; the caller has reserved room for it.
    @inline(__always)
    private mutating func store(_ byte: UInt8) {
        storage[count] = byte
        count &+= 1
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        store(byte)
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + count).initialize(from: base, count: bytes.count)
        count &+= bytes.count
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { append(UInt8(ascii: ",")) }
        needsComma = true
    }

    public mutating func beginObject() {
        separate()
        append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next value written is its value.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    /// Writes a string given as UTF-8 bytes (e.g. a token's slice of the input), unchanged
    /// but for escaping. The bytes must be valid UTF-8.
    public mutating func string(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        separate()
        appendQuoted(bytes)
    }

    public mutating func integer(_ value: Int) {
        separate()
        reserve(20)  // "-9223372036854775808"
        if value == 0 { store(UInt8(ascii: "0")); return }
        if value < 0 { store(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 0
        var probe = magnitude
        while probe > 0 { digits += 1; probe /= 10 }
        var position = count + digits
        count = position
        while magnitude > 0 {
            position -= 1
            storage[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
        }
    }

    /// Writes a number. JSON has no NaN or infinity: those are written as `null`.
    public mutating func double(_ value: Double) {
        guard value.isFinite else { null(); return }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
            return
        }
        separate()
        var text = value.description  // shortest round-trip form
        text.withUTF8 { append($0) }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        var text = value ? "true" : "false"
        text.withUTF8 { append($0) }
    }

    public mutating func null() {
        separate()
        reserve(4)
        for byte in [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")] { store(byte) }
    }

    /// Appends already-encoded JSON (e.g. a request id echoed verbatim).
    public mutating func raw(_ json: [UInt8]) {
        separate()
        json.withUnsafeBufferPointer { append($0) }
    }

    // MARK: - Escaping

    private mutating func appendQuoted(_ value: String) {
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    private mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Room for the common case (nothing to escape); an escape reserves its own.
        reserve(bytes.count &+ 2)
        store(UInt8(ascii: "\""))
        var runStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendEscape(byte)
            runStart = index + 1
        }
        append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        reserve(6)
        store(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): store(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): store(UInt8(ascii: "\\"))
        case 0x0A: store(UInt8(ascii: "n"))
        case 0x0D: store(UInt8(ascii: "r"))
        case 0x09: store(UInt8(ascii: "t"))
        case 0x08: store(UInt8(ascii: "b"))
        case 0x0C: store(UInt8(ascii: "f"))
        default:
            let hex = "0123456789abcdef".utf8
            store(UInt8(ascii: "u"))
            store(0x30)
            store(0x30)
            store(hex[hex.index(hex.startIndex, offsetBy: Int(byte >> 4))])
            store(hex[hex.index(hex.startIndex, offsetBy: Int(byte & 0xF))])
        }
    }
}
