#if canImport(Glibc)
    import Glibc
#endif

/// Makes freed large buffers leave the process (Linux only; elsewhere nothing to do).
///
/// glibc raises its mmap threshold, up to 32 MB, each time a mapped block is freed, so later blocks of up to that
/// size come from the heap and stay resident once freed: after a few large records (a 40 MB `data` value, the
/// growing buffers of its line) the command would keep their intermediate buffers for good. A fixed threshold,
/// which also ends the raising, maps every block of 4 MB or more and unmaps it when it is freed. `mallopt` is
/// looked up at run time because Swift's Glibc module does not include `<malloc.h>`; when it is not found (another
/// C library), nothing changes.
func returnLargeBlocksToTheSystem() {
    #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        /// `M_MMAP_THRESHOLD` in `<malloc.h>`.
        let mmapThresholdOption: Int32 = -3
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThresholdOption, 4 << 20)
    #endif
}
