/// Serializes sections into the `DictionaryImage` layout: header, section table, aligned arrays.
struct ImageWriter {
    private var bytes: [UInt8]
    private var table: [(offset: UInt64, count: UInt64)]

    init() {
        let sectionCount = DictionaryImage.Section.allCases.count
        bytes = [UInt8](repeating: 0, count: 16 + sectionCount * 16)
        table = Array(repeating: (0, 0), count: sectionCount)
    }

    /// Appends `values` as `section`, 8-byte aligned so the reader can view them in place.
    mutating func write<T: BitwiseCopyable>(_ section: DictionaryImage.Section, _ values: [T]) {
        while bytes.count % 8 != 0 { bytes.append(0) }
        table[section.rawValue] = (UInt64(bytes.count), UInt64(values.count))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// The finished image.
    consuming func finish() -> [UInt8] {
        func put<T: BitwiseCopyable>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value) { raw in
                for (index, byte) in raw.enumerated() { bytes[offset + index] = byte }
            }
        }
        put(DictionaryImage.magic, at: 0)
        put(DictionaryImage.formatVersion, at: 8)
        put(UInt32(table.count), at: 12)
        for (index, entry) in table.enumerated() {
            put(entry.offset, at: 16 + index * 16)
            put(entry.count, at: 24 + index * 16)
        }
        return bytes
    }
}
