import Foundation

/// Appends JSON to a byte buffer: the SDK's hot path for documents and batch files.
///
/// Strings are escaped completely (quote, backslash, every control character, and U+2028/U+2029, which some
/// JavaScript parsers treat as line ends); `/` is not escaped. Keys are written in the order given, so output
/// is deterministic. Commas between members and elements are inserted automatically.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.beginObject()
/// writer.key("title"); writer.string("Hello")
/// writer.endObject()
/// String(decoding: writer.bytes, as: UTF8.self)  // {"title":"Hello"}
/// ```
package struct JSONWriter: Sendable {
    /// The JSON written so far, as UTF-8.
    package private(set) var bytes: [UInt8]
    private var needsComma = false
    private var afterKey = false

    /// Creates an empty writer with room for `capacity` bytes.
    package init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its capacity, so one writer can encode many values.
    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
        afterKey = false
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
        } else if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
        needsComma = true
    }

    /// Opens an object (`{`).
    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes an object (`}`).
    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array (`[`).
    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes an array (`]`).
    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next value written is its value.
    package mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a string value.
    package mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    /// Writes an integer value.
    package mutating func integer(_ value: Int64) {
        separate()
        appendInteger(value)
    }

    /// Writes a finite double value in its shortest round-trip form (`5.0`, `0.1`, `1e+20`); NaN and infinity,
    /// which JSON cannot represent, are written as `null` (``Document/validate()`` refuses them before this).
    package mutating func double(_ value: Double) {
        separate()
        bytes.append(contentsOf: (value.isFinite ? value.description : "null").utf8)
    }

    /// Writes `true` or `false`.
    package mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes `null`.
    package mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes a date as a UTC ISO 8601 string with milliseconds.
    package mutating func date(_ value: Date) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        ISO8601Timestamp.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes already-encoded JSON (one complete value) as the next value.
    package mutating func rawValue(_ json: some Sequence<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Writes a string value whose bytes are known to need no escaping (such as base64), without scanning them.
    mutating func unescapedString(_ ascii: some Sequence<UInt8>) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: ascii)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendInteger(_ value: Int64) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the bytes, escaping what JSON requires; unescaped runs are copied in bulk.
    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
                index += 1
                continue
            }
            let isLineSeparator =
                byte == 0xE2 && index + 2 < count && source[index + 1] == 0x80
                && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9)
            if byte == 0xE2 && !isLineSeparator {
                index += 1
                continue
            }
            if runStart < index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            }
            bytes.append(0x5C)
            switch byte {
            case 0x22, 0x5C: bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) end lines in some JavaScript parsers.
                bytes.append(contentsOf: [UInt8(ascii: "u"), 0x32, 0x30, 0x32, source[index + 2] == 0xA8 ? 0x38 : 0x39])
                index += 2
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, Self.hexDigits[Int(byte >> 4)]])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            }
            index += 1
            runStart = index
        }
        if runStart < count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count]))
        }
    }
}
