/// Writes JSON text straight into a byte buffer: no intermediate values, no Foundation.
///
/// Commas between members and elements are placed automatically; the caller only opens and
/// closes containers and writes keys and values in order. Strings are escaped per RFC 8259
/// (quote, backslash and control characters); other UTF-8 passes through unchanged. The
/// output never contains a raw newline, so it can be framed one value per line.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var buffer: [UInt8]
    /// Whether the current container needs a comma before its next item.
    private var needsComma = false

    public init(buffer: [UInt8] = []) {
        self.buffer = buffer
    }

    /// Hands the buffer out and leaves the writer empty.
    public mutating func takeBuffer() -> [UInt8] {
        defer { buffer = []; needsComma = false }
        return buffer
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    public mutating func beginObject() {
        separate()
        buffer.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        buffer.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        buffer.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        buffer.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next value written is its value.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        buffer.append(UInt8(ascii: ":"))
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
        if value == 0 { buffer.append(UInt8(ascii: "0")); return }
        var magnitude = value.magnitude
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while magnitude > 0 {
                raw[count] = UInt8(magnitude % 10) &+ 0x30
                magnitude /= 10
                count += 1
            }
            while count > 0 {
                count -= 1
                buffer.append(raw[count])
            }
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
        buffer.append(contentsOf: value.description.utf8)  // shortest round-trip form
    }

    public mutating func bool(_ value: Bool) {
        separate()
        buffer.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    public mutating func null() {
        separate()
        buffer.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// Appends already-encoded JSON (e.g. a request id echoed verbatim).
    public mutating func raw(_ json: [UInt8]) {
        separate()
        buffer.append(contentsOf: json)
    }

    // MARK: - Escaping

    private mutating func appendQuoted(_ value: String) {
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    private mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            appendEscape(byte)
            runStart = index + 1
        }
        if runStart < bytes.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        buffer.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            buffer.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
