/// A JSON number: an exact 64-bit integer when the text is an integer literal that fits, otherwise a finite
/// double, with its original text.
///
/// Two numbers are equal when they denote the same value: `1`, `1.0` and `10e-1` are equal (all integral), as
/// are `0.5` and `5e-1`. The original text is kept for callers that need it (``text``) but does not take part
/// in equality.
///
/// ```swift
/// let number = JSONNumber(text: "1.5e3")
/// number?.int64Value   // 1500
/// number?.doubleValue  // 1500.0
/// number?.text         // "1.5e3"
/// ```
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable {
        /// An integer literal that fits in `Int64`; its text is its decimal form.
        case integer(Int64)
        /// Anything else: a fraction, an exponent, `-0`, or an integer beyond `Int64`.
        case decimal(text: String, value: Double)
    }

    let storage: Storage

    /// An exact integer.
    public init(_ value: Int64) {
        storage = .integer(value)
    }

    /// A double; `nil` for NaN and infinity, which JSON cannot represent. The text is the shortest form that
    /// reads back as the same double (`5.0`, `0.1`, `1e+20`).
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        storage = .decimal(text: value.description, value: value)
    }

    /// Parses the text of one JSON number, strictly (RFC 8259 grammar, finite value); `nil` otherwise.
    public init?(text: String) {
        guard case .number(let number)? = try? JSONParser().parse(text) else { return nil }
        self = number
    }

    init(storage: Storage) {
        self.storage = storage
    }

    /// Whether the text was an integer literal within `Int64` (no fraction, no exponent, not `-0`).
    public var isIntegerLiteral: Bool {
        if case .integer = storage { return true }
        return false
    }

    /// The exact integer value when the number is integral and within `Int64` (`7`, `7.0`, `7e0`), else `nil`.
    public var int64Value: Int64? {
        switch storage {
        case .integer(let value):
            return value
        case .decimal(_, let value):
            return Int64(exactly: value)
        }
    }

    /// The value as a double (rounded to the nearest double for integers beyond 2⁵³).
    public var doubleValue: Double {
        switch storage {
        case .integer(let value): return Double(value)
        case .decimal(_, let value): return value
        }
    }

    /// The number's JSON text: the original text when it was parsed, otherwise its shortest form.
    public var text: String {
        switch storage {
        case .integer(let value): return String(value)
        case .decimal(let text, _): return text
        }
    }

    /// The number's JSON text.
    public var description: String { text }

    /// Whether two numbers denote the same value.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.int64Value, rhs.int64Value) {
        case (let left?, let right?): return left == right
        case (nil, nil): return lhs.doubleValue == rhs.doubleValue
        default: return false
        }
    }

    /// Hashes the value, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        if let integer = int64Value {
            hasher.combine(0 as UInt8)
            hasher.combine(integer)
        } else {
            hasher.combine(1 as UInt8)
            hasher.combine(doubleValue)
        }
    }
}
