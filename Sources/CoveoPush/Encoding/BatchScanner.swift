import Foundation

/// Reads the entries back out of a batch file written by ``BatchFileWriter``, streaming, one entry at a time.
///
/// The client uses it on failure paths only: to split a batch the upload host refused as too large, and to name
/// the documents of a batch that could not be pushed. It reads the file in chunks and holds one entry at a time.
enum BatchScanner {
    /// Calls `visit` with each entry's section and JSON bytes, in file order.
    ///
    /// - Throws: what `visit` throws, a read error, or ``BatchScannerError`` when the bytes are not a batch file.
    static func forEachEntry(in body: RequestBody, _ visit: (BatchSection, [UInt8]) throws -> Void) throws {
        var state = State()
        switch body {
        case .data(let data):
            try data.withUnsafeBytes { try state.feed($0, visit) }
        case .file(let url):
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                try chunk.withUnsafeBytes { try state.feed($0, visit) }
            }
        }
        guard state.tracker.depth == 0, state.sawObject else { throw BatchScannerError.malformed }
    }

    /// The ID of an entry: `documentId` for items, `identity.name` for identities.
    static func entryIdentifier(_ entry: [UInt8]) -> String? {
        guard case .object(let object)? = try? JSONParser().parse(entry) else { return nil }
        if let id = object["documentId"]?.stringValue { return id }
        return object["identity"]?["name"]?.stringValue
    }

    /// Every entry ID of a batch file, in order.
    static func identifiers(in body: RequestBody) -> [String] {
        var ids: [String] = []
        try? forEachEntry(in: body) { _, entry in
            if let id = entryIdentifier(entry) { ids.append(id) }
        }
        return ids
    }

    /// Where the scan is: the tokenizer's structure tracker, plus the current section key and entry.
    private struct State {
        var tracker = JSONTokenizer.StructureTracker()
        var sawObject = false
        var key: [UInt8] = []
        var collectingKey = false
        var section: BatchSection?
        var entry: [UInt8] = []

        mutating func feed(_ bytes: UnsafeRawBufferPointer, _ visit: (BatchSection, [UInt8]) throws -> Void) throws {
            for byte in bytes {
                // Entries are the values at depth 3: the batch object, then a section's array, then the entry.
                if tracker.depth >= 3 { entry.append(byte) }
                switch tracker.consume(byte) {
                case .stringText:
                    if collectingKey { key.append(byte) }
                case .stringClosed:
                    if collectingKey {
                        collectingKey = false
                        section = BatchSection(rawValue: String(decoding: key, as: UTF8.self))
                    }
                case .stringOpened:
                    if tracker.depth == 1 {
                        collectingKey = true
                        key.removeAll(keepingCapacity: true)
                    }
                case .opened:
                    if tracker.depth == 1 { sawObject = true }
                    if tracker.depth == 3 {
                        entry.removeAll(keepingCapacity: true)
                        entry.append(byte)
                    }
                case .closed:
                    guard tracker.depth >= 0 else { throw BatchScannerError.malformed }
                    if tracker.depth == 2 {
                        guard let section else { throw BatchScannerError.malformed }
                        try visit(section, entry)
                    }
                case .escape, .other:
                    break
                }
            }
        }
    }
}

/// The bytes are not a batch file of the expected shape.
enum BatchScannerError: Error {
    case malformed
}
