import Foundation

/// An opt-in rewriting of metadata keys into names a field can have (`^[a-z][a-z0-9_]*$`), for input whose keys
/// were not written for Coveo (`Product Name`, `price-EUR`, `2nd-author`).
///
/// Applied with ``Document/normalizingMetadataKeys(_:)`` or `coveo-push --normalize-keys lowercase|snake_case`.
/// Letters with accents lose them (`é` → `e`, through their Unicode decomposition); any other non-ASCII
/// character (`ß`, `日`) is not a letter a field name can hold and is treated like punctuation.
///
/// | Key | `lowercase` | `snake_case` |
/// |---|---|---|
/// | `f-o=o` | `foo` | `f_o_o` |
/// | `Product Name` | `productname` | `product_name` |
/// | `2nd--Author_` | `ndauthor` | `nd_author` |
/// | `Café` | `cafe` | `cafe` |
public enum MetadataKeyNormalization: String, Sendable, Hashable, CaseIterable {
    /// Lower-case; drop every character that is not a letter or a digit; then drop leading digits.
    case lowercase = "lowercase"
    /// Lower-case; every run of other characters becomes one `_`; leading digits and underscores are dropped, and
    /// a trailing underscore too. Words already joined (`fooBar`) are not split: `foobar`.
    case snakeCase = "snake_case"

    /// The key normalised; it may be empty (a key of digits or punctuation only). Returns the key itself when it
    /// is already normal.
    public func normalize(_ key: String) -> String {
        if isNormal(key) { return key }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        var pendingSeparator = false
        func append(_ byte: UInt8) {
            if pendingSeparator {
                pendingSeparator = false
                // A separator only between kept characters: none leading, none trailing, one per run.
                if !bytes.isEmpty { bytes.append(UInt8(ascii: "_")) }
            }
            // Leading digits are dropped in both forms (with the separators around them: `2_x` → `x`).
            if bytes.isEmpty, byte.isASCIIDigit { return }
            bytes.append(byte)
        }
        func visit(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if byte.isASCIILetter {
                    append(byte | 0x20)
                } else if byte.isASCIIDigit {
                    append(byte)
                } else if self == .snakeCase {
                    pendingSeparator = true
                }
            } else if scalar.properties.generalCategory == .nonspacingMark {
                // The accent of a decomposed letter: dropped, the letter is kept.
            } else if self == .snakeCase {
                pendingSeparator = true
            }
        }
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in key.utf8 { visit(Unicode.Scalar(byte)) }
        } else {
            for scalar in key.decomposedStringWithCanonicalMapping.unicodeScalars { visit(scalar) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether normalising would leave the key as it is.
    private func isNormal(_ key: String) -> Bool {
        var previous: UInt8 = 0
        var count = 0
        for byte in key.utf8 {
            let isLower = (0x61...0x7A).contains(byte)
            if count == 0 {
                guard isLower else { return false }
            } else if byte == UInt8(ascii: "_") {
                guard self == .snakeCase, previous != byte else { return false }
            } else if !(isLower || byte.isASCIIDigit) {
                return false
            }
            previous = byte
            count += 1
        }
        return count > 0 && previous != UInt8(ascii: "_")
    }
}
