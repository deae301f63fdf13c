#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's peak resident memory.
enum PeakMemory {
    /// The peak resident set size so far, in megabytes of 10⁶ bytes (`ru_maxrss` is KiB on Linux, bytes
    /// on Darwin).
    static func megabytes() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return .nan }
        #if canImport(Darwin)
            let bytes = Double(usage.ru_maxrss)
        #else
            let bytes = Double(usage.ru_maxrss) * 1024
        #endif
        return bytes / 1_000_000
    }
}
