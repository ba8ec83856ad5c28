#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FenciSegmenter

/// Maps a whole file read-only into memory and hands it out as `ImageBytes`.
///
/// Mapping (instead of reading) is what keeps a cold start cheap: the kernel pages in only
/// the parts of the dictionary image a cut touches, and every process shares those pages.
enum MappedFile {
    /// Maps `path`, or returns nil when it cannot (missing, unreadable, empty).
    static func map(path: String) -> ImageBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        let bits = Int(bitPattern: address)  // Sendable stand-in for the pointer in the release closure
        return ImageBytes(adopting: UnsafeRawPointer(address), count: size) {
            _ = munmap(UnsafeMutableRawPointer(bitPattern: bits), size)
        }
    }
}
