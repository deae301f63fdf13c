import CoveoPush
import Foundation

/// Reads the documents of a `.json` file one element at a time, holding one chunk and one element in memory.
///
/// The file may hold one value (a single document), an array of values, or a batch object: an object whose
/// members are named arrays, its sections (`{"addOrUpdate": […], "delete": […]}`). The reader knows no section
/// by itself: the caller names those it accepts (``sectionNames``, compared ignoring case). An object whose first
/// key is one of them with an array value is read as a batch object; any other object is one document.
///
/// The reader follows only the container structure (brackets, strings and escapes, so brackets inside strings
/// do not count) and hands out each element's raw bytes with where it starts; parse them with ``JSONParser``,
/// so a bad element is reported on its own and the reader goes on. An element longer than ``maxElementBytes``
/// is reported as ``Element/Content/oversized(byteCount:)`` and skipped without being buffered.
///
/// A mistake in the container structure itself (a truncated file, a missing comma between elements, an unknown
/// section) throws a ``JSONParseError`` with its line, after which the reader returns `nil`: there is no
/// reliable way to resynchronise.
///
/// ```swift
/// var reader = try JSONArrayStreamReader(path: "batch.json", sectionNames: ["addOrUpdate", "delete"])
/// while let element = try reader.next() {
///     guard let bytes = element.bytes else { continue }  // oversized
///     do {
///         let document = try Document(json: JSONParser().parse(bytes))
///     } catch let error as JSONParseError {
///         print(error.relocated(line: element.line, column: element.column))
///     }
/// }
/// ```
package struct JSONArrayStreamReader: ~Copyable, Sendable {
    /// The shape of the file.
    package enum Layout: Sendable, Hashable {
        /// One top-level value.
        case single
        /// A top-level array.
        case array
        /// A batch object of section arrays.
        case batch
    }

    /// One element of the file.
    package struct Element: Sendable, Hashable {
        /// Where the element sits.
        package enum Container: Sendable, Hashable {
            /// The file's only top-level value.
            case single
            /// An element of a top-level array.
            case array
            /// An element of a section of a batch object, with the section's name as the caller spelled it.
            case section(String)
        }

        /// What the element holds.
        package enum Content: Sendable, Hashable {
            /// The element's bytes.
            case bytes([UInt8])
            /// An element over the size limit, skipped; its length.
            case oversized(byteCount: Int)
        }

        /// Where the element sits.
        package var container: Container
        /// Its 0-based position in its array (0 for a single value).
        package var index: Int
        /// The 1-based line of its first byte.
        package var line: Int
        /// The 1-based column of its first byte, in bytes.
        package var column: Int
        /// The 0-based byte offset of its first byte.
        package var offset: Int
        /// Its bytes, or its size when skipped.
        package var content: Content

        /// Creates an element.
        package init(container: Container, index: Int, line: Int, column: Int, offset: Int, content: Content) {
            self.container = container
            self.index = index
            self.line = line
            self.column = column
            self.offset = offset
            self.content = content
        }

        /// The element's bytes, or `nil` for an oversized element.
        package var bytes: [UInt8]? {
            if case .bytes(let bytes) = content { return bytes }
            return nil
        }
    }

    /// The default size limit of an element: 64 MB (64 × 10⁶ bytes).
    package static let defaultMaxElementBytes = 64_000_000
    /// The sections a batch object may have, in the spelling the reader hands out (the file's spelling may
    /// differ in case).
    package let sectionNames: [String]

    /// Elements longer than this many bytes are reported as oversized and skipped.
    package let maxElementBytes: Int
    /// The shape of the file, known once its first bytes have been read.
    package private(set) var layout: Layout?

    private enum State: Sendable {
        case start
        /// Inside an array; `index` elements read so far.
        case inArray(Element.Container, index: Int)
        /// After a section's closing bracket, inside the batch object.
        case afterSection
        /// After the top-level value: only whitespace may follow.
        case afterTopLevel
        case finished
    }

    private struct Position {
        var line: Int
        var column: Int
        var offset: Int
    }

    /// How many bytes of a batch object's first key are examined before deciding the object is a document.
    private static let probeLimit = 4096

    private var input: JSONChunkedInput
    private var state = State.start
    private var line = 1
    /// The offset of the first byte of the current line.
    private var lineStart = 0
    private var seenSections: [String] = []
    /// The most bytes ever held for one element (for tests of the size limit).
    private(set) var largestElementBuffer = 0

    /// Opens a file.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - maxElementBytes: The size limit of one element; 64 MB by default.
    ///   - chunkSize: How many bytes to read at a time; 256 KiB by default, at most 64 MiB.
    /// - Throws: ``JSONFileError`` when the file cannot be opened.
    package init(
        path: String, sectionNames: [String] = [], maxElementBytes: Int = defaultMaxElementBytes,
        chunkSize: Int = JSONLinesReader.defaultChunkSize
    ) throws(JSONFileError) {
        self.init(
            input: try JSONChunkedInput(path: path, chunkSize: chunkSize), sectionNames: sectionNames,
            maxElementBytes: maxElementBytes)
    }

    /// Opens a file URL.
    ///
    /// - Throws: ``JSONFileError`` when the file cannot be opened.
    package init(
        url: URL, sectionNames: [String] = [], maxElementBytes: Int = defaultMaxElementBytes,
        chunkSize: Int = JSONLinesReader.defaultChunkSize
    ) throws(JSONFileError) {
        try self.init(
            path: url.path, sectionNames: sectionNames, maxElementBytes: maxElementBytes, chunkSize: chunkSize)
    }

    /// Reads from an open file descriptor, such as standard input (`0`).
    ///
    /// - Parameters:
    ///   - fileDescriptor: The descriptor to read.
    ///   - closeWhenDone: Whether to close it at the end of the input or when the reader goes away.
    package init(
        fileDescriptor: Int32, closeWhenDone: Bool = false, sectionNames: [String] = [],
        maxElementBytes: Int = defaultMaxElementBytes, chunkSize: Int = JSONLinesReader.defaultChunkSize
    ) {
        self.init(
            input: JSONChunkedInput(descriptor: fileDescriptor, closeWhenDone: closeWhenDone, chunkSize: chunkSize),
            sectionNames: sectionNames, maxElementBytes: maxElementBytes)
    }

    /// Reads from bytes in memory.
    package init(
        bytes: [UInt8], sectionNames: [String] = [], maxElementBytes: Int = defaultMaxElementBytes,
        chunkSize: Int = JSONLinesReader.defaultChunkSize
    ) {
        self.init(
            input: JSONChunkedInput(bytes: bytes, chunkSize: chunkSize), sectionNames: sectionNames,
            maxElementBytes: maxElementBytes)
    }

    private init(input: consuming JSONChunkedInput, sectionNames: [String], maxElementBytes: Int) {
        self.input = input
        self.sectionNames = sectionNames
        self.maxElementBytes = max(0, maxElementBytes)
    }

    /// How many bytes of the input have been consumed.
    package var bytesRead: Int { input.offset }

    /// The accepted section spelled `name`, ignoring case, in the caller's spelling; `nil` when it is not one.
    private func acceptedSection(named name: String) -> String? {
        let folded = name.lowercased()
        return sectionNames.first { $0.lowercased() == folded }
    }

    /// The next element, or `nil` at the end of the file (or after a structure error).
    ///
    /// - Throws: ``JSONParseError`` for a mistake in the container structure (the reader then stops), or
    ///   ``JSONFileError`` when reading fails.
    package mutating func next() throws -> Element? {
        while true {
            switch state {
            case .finished:
                return nil
            case .start:
                try skipByteOrderMark()
                try skipWhitespace()
                guard let first = try peek() else {
                    throw structureError(.unexpectedEnd, "the file holds no JSON value")
                }
                if first == UInt8(ascii: "[") {
                    consume()
                    layout = .array
                    state = .inArray(.array, index: 0)
                } else if first == UInt8(ascii: "{") {
                    if let element = try openObject() { return element }
                } else if first == UInt8(ascii: "]") || first == UInt8(ascii: "}") || first == UInt8(ascii: ",")
                    || first == UInt8(ascii: ":")
                {
                    throw structureError(
                        .unexpectedCharacter, "\(Self.describe(first)) where a JSON value was expected")
                } else {
                    layout = .single
                    let element = try scanElement(.single, index: 0)
                    state = .afterTopLevel
                    return element
                }
            case .inArray(let container, let index):
                try skipWhitespace()
                guard var next = try peek() else {
                    throw structureError(
                        .unexpectedEnd, "the file ends inside \(Self.describe(container)) (truncated?)")
                }
                if next == UInt8(ascii: "]") {
                    consume()
                    state = container == .array ? .afterTopLevel : .afterSection
                    continue
                }
                if index > 0 {
                    guard next == UInt8(ascii: ",") else {
                        throw structureError(
                            .unexpectedCharacter,
                            "\(Self.describe(next)) where ',' or ']' was expected in \(Self.describe(container))")
                    }
                    consume()
                    try skipWhitespace()
                    guard let afterComma = try peek() else {
                        throw structureError(
                            .unexpectedEnd, "the file ends inside \(Self.describe(container)) (truncated?)")
                    }
                    if afterComma == UInt8(ascii: "]") {
                        throw structureError(.trailingComma, "a ',' must be followed by a value, not ']'")
                    }
                    next = afterComma
                }
                if next == UInt8(ascii: ",") || next == UInt8(ascii: "}") || next == UInt8(ascii: ":") {
                    throw structureError(
                        .unexpectedCharacter,
                        "\(Self.describe(next)) where a value was expected in \(Self.describe(container))")
                }
                state = .inArray(container, index: index + 1)
                return try scanElement(container, index: index)
            case .afterSection:
                try skipWhitespace()
                guard let next = try peek() else {
                    throw structureError(.unexpectedEnd, "the file ends inside the batch object (truncated?)")
                }
                if next == UInt8(ascii: "}") {
                    consume()
                    state = .afterTopLevel
                    continue
                }
                guard next == UInt8(ascii: ",") else {
                    throw structureError(
                        .unexpectedCharacter, "\(Self.describe(next)) where ',' or '}' was expected in the batch object"
                    )
                }
                consume()
                try skipWhitespace()
                if try peek() == UInt8(ascii: "}") {
                    throw structureError(.trailingComma, "a ',' must be followed by a section, not '}'")
                }
                try openNextSection()
            case .afterTopLevel:
                try skipWhitespace()
                if let next = try peek() {
                    throw structureError(.trailingData, "\(Self.describe(next)) after the end of the top-level value")
                }
                state = .finished
                return nil
            }
        }
    }

    // MARK: - The top-level object

    /// Reads the start of a top-level object: a batch object when its first key is a section whose value is an
    /// array (then returns `nil` and the sections are read next), otherwise one document, returned whole.
    private mutating func openObject() throws -> Element? {
        let start = position()
        var probe: [UInt8] = [UInt8(ascii: "{")]
        consume()
        var inString = false
        var escaped = false
        decide: do {
            guard try skipWhitespace(appendingTo: &probe), try peek() == UInt8(ascii: "\"") else { break decide }
            let keyStart = probe.count
            switch try readString(appendingTo: &probe) {
            case .complete:
                break
            case .tooLong(let isEscaped):
                inString = true
                escaped = isEscaped
                break decide
            case .endOfInput:
                throw structureError(.unexpectedEnd, "the file ends inside the top-level object (truncated?)")
            }
            let keyBytes = Array(probe[keyStart...])
            guard try skipWhitespace(appendingTo: &probe), try peek() == UInt8(ascii: ":") else { break decide }
            probe.append(UInt8(ascii: ":"))
            consume()
            guard try skipWhitespace(appendingTo: &probe), try peek() == UInt8(ascii: "["),
                let key = (try? JSONParser().parse(keyBytes))?.stringValue, let section = acceptedSection(named: key)
            else { break decide }
            consume()
            layout = .batch
            seenSections = [section]
            state = .inArray(.section(section), index: 0)
            return nil
        }
        layout = .single
        let element = try scanElement(
            .single, index: 0, start: start, prefix: probe,
            tracker: JSONTokenizer.StructureTracker(depth: 1, isInString: inString, isEscaped: escaped))
        state = .afterTopLevel
        return element
    }

    /// Reads `"section": [` after a comma of the batch object.
    private mutating func openNextSection() throws {
        guard try peek() == UInt8(ascii: "\"") else {
            let found = try peek().map(Self.describe) ?? "the end of the file"
            throw structureError(.unexpectedCharacter, "\(found) where a section name in double quotes was expected")
        }
        let keyPosition = position()
        var keyBytes: [UInt8] = []
        switch try readString(appendingTo: &keyBytes) {
        case .complete:
            break
        case .tooLong:
            throw structureError(.invalidStructure, "a batch section name is too long", at: keyPosition)
        case .endOfInput:
            throw structureError(.unexpectedEnd, "the file ends inside the batch object (truncated?)")
        }
        let parsedKey: JSONValue
        do {
            parsedKey = try JSONParser().parse(keyBytes)
        } catch {
            state = .finished
            throw error.relocated(line: keyPosition.line, column: keyPosition.column, offset: keyPosition.offset)
        }
        guard let key = parsedKey.stringValue else {
            throw structureError(.invalidStructure, "a batch section name must be a string", at: keyPosition)
        }
        guard let section = acceptedSection(named: key) else {
            throw structureError(
                .invalidStructure,
                "unknown batch section '\(key)' (expected \(sectionNames.joined(separator: ", ")))",
                at: keyPosition)
        }
        if seenSections.contains(section) {
            throw structureError(
                .invalidStructure, "the batch section '\(section)' appears more than once", at: keyPosition)
        }
        seenSections.append(section)
        try skipWhitespace()
        guard try peek() == UInt8(ascii: ":") else {
            throw structureError(.unexpectedCharacter, "':' expected after the section name '\(key)'")
        }
        consume()
        try skipWhitespace()
        guard try peek() == UInt8(ascii: "[") else {
            throw structureError(.invalidStructure, "the value of the batch section '\(key)' must be an array")
        }
        consume()
        state = .inArray(.section(section), index: 0)
    }

    // MARK: - Elements

    /// Reads one element: a container to its closing bracket, a string to its closing quote, or any other token
    /// to the next delimiter. The scan may resume in the middle of an element (after the probe of a top-level
    /// object).
    private mutating func scanElement(
        _ container: Element.Container, index: Int, start: Position? = nil, prefix: [UInt8] = [],
        tracker: JSONTokenizer.StructureTracker = JSONTokenizer.StructureTracker()
    ) throws -> Element {
        let start = start ?? position()
        var bytes = prefix
        var total = prefix.count
        var isOversized = total > maxElementBytes
        if isOversized { bytes = [] }
        var tracker = tracker
        var isToken = false
        if tracker.depth == 0 && !tracker.isInString, let first = try peek() {
            isToken = first != UInt8(ascii: "\"") && first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
        }
        var done = false
        while !done {
            if !input.hasBytes {
                guard try input.refill() else { break }
            }
            let chunkStart = input.start
            let end = input.end
            let chunkOffset = input.offset - input.start
            var line = self.line
            var lineStart = self.lineStart
            let stop = input.chunk.withUnsafeBufferPointer { chunk -> Int in
                var position = chunkStart
                while position < end {
                    let byte = chunk[position]
                    if isToken {
                        if JSONTokenizer.endsBareToken(byte) {
                            done = true
                            return position
                        }
                        position += 1
                        continue
                    }
                    if byte == 0x0A {
                        line += 1
                        lineStart = chunkOffset + position + 1
                    }
                    switch tracker.consume(byte) {
                    case .stringClosed where tracker.depth == 0, .closed where tracker.depth <= 0:
                        done = true
                        return position + 1
                    default:
                        break
                    }
                    position += 1
                }
                return end
            }
            if !isOversized {
                if total + (stop - chunkStart) > maxElementBytes {
                    isOversized = true
                    bytes = []
                } else {
                    bytes.append(contentsOf: input.chunk[chunkStart..<stop])
                    largestElementBuffer = max(largestElementBuffer, bytes.count)
                }
            }
            total += stop - chunkStart
            input.start = stop
            self.line = line
            self.lineStart = lineStart
        }
        if !done && !isToken {
            throw structureError(
                .unexpectedEnd,
                "the file ends inside the element that starts at line \(start.line), column \(start.column)"
                    + " (truncated?)")
        }
        return Element(
            container: container, index: index, line: start.line, column: start.column, offset: start.offset,
            content: isOversized ? .oversized(byteCount: total) : .bytes(bytes))
    }

    private enum StringEnd {
        case complete
        case tooLong(escaped: Bool)
        case endOfInput
    }

    /// Reads a string from its opening quote to its closing quote, appending its raw bytes; stops early when it
    /// is longer than the probe limit.
    private mutating func readString(appendingTo bytes: inout [UInt8]) throws -> StringEnd {
        guard try peek() != nil else { return .endOfInput }
        bytes.append(UInt8(ascii: "\""))
        consume()
        var tracker = JSONTokenizer.StructureTracker(isInString: true)
        var length = 0
        while let byte = try peek() {
            bytes.append(byte)
            consume()
            length += 1
            if tracker.consume(byte) == .stringClosed { return .complete }
            if length > Self.probeLimit { return .tooLong(escaped: tracker.isEscaped) }
        }
        return .endOfInput
    }

    // MARK: - Bytes, lines and errors

    private mutating func peek() throws(JSONFileError) -> UInt8? {
        if !input.hasBytes {
            guard try input.refill() else { return nil }
        }
        return input.chunk[input.start]
    }

    /// Consumes the byte `peek()` returned.
    private mutating func consume() {
        if input.chunk[input.start] == 0x0A {
            line += 1
            lineStart = input.offset + 1
        }
        input.start += 1
    }

    private mutating func skipWhitespace() throws(JSONFileError) {
        while let byte = try peek(), JSONTokenizer.isWhitespace(byte) {
            consume()
        }
    }

    /// Skips whitespace, appending it; `false` when more than the probe limit was appended.
    private mutating func skipWhitespace(appendingTo bytes: inout [UInt8]) throws(JSONFileError) -> Bool {
        while let byte = try peek(), JSONTokenizer.isWhitespace(byte) {
            bytes.append(byte)
            consume()
            if bytes.count > Self.probeLimit { return false }
        }
        return true
    }

    private mutating func skipByteOrderMark() throws {
        guard input.offset == 0, try peek() == 0xEF else { return }
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard try peek() == expected else {
                throw structureError(.invalidUTF8, "the file starts with an incomplete UTF-8 byte order mark")
            }
            consume()
        }
    }

    private func position() -> Position {
        Position(line: line, column: input.offset - lineStart + 1, offset: input.offset)
    }

    /// An error at the current position (or `position`), after which the reader stops.
    private mutating func structureError(
        _ kind: JSONParseError.Kind, _ reason: String, at position: Position? = nil
    ) -> JSONParseError {
        state = .finished
        let place = position ?? self.position()
        return JSONParseError(kind, reason, offset: place.offset, line: place.line, column: place.column)
    }

    private static func describe(_ container: Element.Container) -> String {
        switch container {
        case .single: return "the top-level value"
        case .array: return "the top-level array"
        case .section(let section): return "the '\(section)' array"
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(String(UnicodeScalar(byte)))'" : String(format: "byte 0x%02X", byte)
    }
}
