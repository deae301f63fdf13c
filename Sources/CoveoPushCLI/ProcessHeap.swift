#if canImport(Glibc)
    import Glibc
#endif

/// How the command asks glibc's allocator to give memory back to the system (Linux only; elsewhere both calls do
/// nothing).
///
/// Both functions are declared in `<malloc.h>`, which Swift's Glibc module does not include, so they are looked up
/// at run time; when a symbol is not found (another C library), nothing changes.
package enum ProcessHeap {
    /// Makes freed large buffers leave the process; called once, at start.
    ///
    /// glibc raises its mmap threshold, up to 32 MB, each time a mapped block is freed, so later blocks of up to
    /// that size come from the heap and stay resident once freed: after a few large records (a 40 MB `data`
    /// value, the growing buffers of its line) the command would keep their intermediate buffers for good. A fixed
    /// threshold, which also ends the raising, maps every block of 4 MB or more and unmaps it when it is freed.
    package static func returnLargeBlocksToTheSystem() {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            /// `M_MMAP_THRESHOLD` in `<malloc.h>`.
            let mmapThresholdOption: Int32 = -3
            guard let symbol = symbol(named: "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThresholdOption, 4 << 20)
        #endif
    }

    /// Returns the free pages of every heap to the system (`malloc_trim(0)`).
    ///
    /// Freed small blocks stay in their thread's heap; after the reader has parsed thousands of lines on several
    /// threads, several megabytes of them are resident but unused. The reader calls this before parsing a record
    /// of ``InputReader/trimBeforeBytes`` or more, when those pages would otherwise add to the record's own peak.
    /// It costs a walk over the heaps' free lists, negligible beside parsing such a record.
    static func releaseFreePages() {
        #if canImport(Glibc)
            typealias MallocTrim = @convention(c) (Int) -> Int32
            guard let symbol = symbol(named: "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    #if canImport(Glibc)
        /// The C library's function of that name, if it has one.
        private static func symbol(named name: String) -> UnsafeMutableRawPointer? {
            guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
            return dlsym(handle, name)
        }
    #endif
}
