/// Buffer housekeeping shared by the framers.
enum ReceiveBuffer {
    /// Drops consumed bytes (`buffer[..<start]`) once they are most of the buffer, so
    /// consuming messages from the front stays linear in the bytes received; an emptied
    /// buffer keeps its capacity unless it grew past 1 MiB.
    static func compact(_ buffer: inout [UInt8], start: inout Int) {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
            start = 0
        } else if start > 4096, start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}
