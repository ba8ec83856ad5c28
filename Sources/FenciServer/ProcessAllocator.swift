#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which malloc this process runs on, for `status` and the benchmarks' reports.
public enum ProcessAllocator {
    /// "jemalloc" when jemalloc's `mallctl` is visible in the process (the default build
    /// links it; see Package.swift's `Jemalloc` trait), else "system".
    public static let name: String = {
        #if canImport(Glibc)
        let defaultNamespace = UnsafeMutableRawPointer(bitPattern: 0)  // RTLD_DEFAULT
        return dlsym(defaultNamespace, "mallctl") != nil ? "jemalloc" : "system"
        #else
        return "system"
        #endif
    }()
}
