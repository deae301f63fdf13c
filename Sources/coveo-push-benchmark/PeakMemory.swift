import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Peak resident memory, of this process or of a child.
///
/// On Linux it is `VmHWM` from `/proc/…/status`, the high-water mark of the process's own memory since its
/// `exec`. `ru_maxrss` is not used there: glibc's `posix_spawn` runs the child on its parent's memory until
/// `exec`, and the kernel folds that memory's high-water mark into the child's `ru_maxrss`, so every child of
/// a 300 MB parent would report at least 300 MB. Elsewhere it is `ru_maxrss`.
enum PeakMemory {
    /// This process's peak resident set size so far, in megabytes of 10⁶ bytes.
    static func megabytes() -> Double {
        #if os(Linux)
            guard let bytes = highWaterBytes(process: "self") else { return .nan }
            return Double(bytes) / 1_000_000
        #else
            var usage = rusage()
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return .nan }
            return Double(usage.ru_maxrss) / 1_000_000
        #endif
    }

    /// `VmHWM` of `/proc/PROCESS/status` in bytes (`PROCESS` is a PID or `self`), or `nil` where there is none
    /// (not Linux, or the process is gone).
    static func highWaterBytes(process: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return line.split(separator: " ").lazy.compactMap { Int($0) }.first.map { $0 * 1024 }
    }
}
