import CCoveoZlib

/// zlib called directly, the way a C program would: the reference ``CompressionScenario`` measures the
/// SDK's compressor against.
enum ZlibDirect {
    /// Why a direct call failed.
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "zlib returned \(code)" }
    }

    /// Compresses `input` in pieces of `chunkSize` with one `deflate` stream, passing each filled part of
    /// an `outputBufferSize` buffer to `consume`.
    static func compress(
        _ input: UnsafeRawBufferPointer,
        chunkSize: Int,
        level: Int32,
        windowBits: Int32,
        outputBufferSize: Int,
        consume: (UnsafeRawBufferPointer) -> Void
    ) throws(Failure) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: outputBufferSize, alignment: 16)
        defer {
            output.deallocate()
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let initCode = ccoveo_deflateInit2(stream, level, windowBits)
        guard initCode == Z_OK else { throw Failure(code: initCode) }
        defer { deflateEnd(stream) }
        let outputBase = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        var offset = 0
        repeat {
            let count = min(chunkSize, input.count - offset)
            let flush = offset + count == input.count ? Z_FINISH : Z_NO_FLUSH
            stream.pointee.next_in = input.baseAddress.map {
                UnsafeMutablePointer(mutating: ($0 + offset).assumingMemoryBound(to: Bytef.self))
            }
            stream.pointee.avail_in = UInt32(count)
            repeat {
                stream.pointee.next_out = outputBase
                stream.pointee.avail_out = UInt32(outputBufferSize)
                let code = deflate(stream, flush)
                guard code != Z_STREAM_ERROR else { throw Failure(code: code) }
                let produced = outputBufferSize - Int(stream.pointee.avail_out)
                consume(UnsafeRawBufferPointer(start: output.baseAddress, count: produced))
            } while stream.pointee.avail_out == 0
            offset += count
        } while offset < input.count
    }
}
