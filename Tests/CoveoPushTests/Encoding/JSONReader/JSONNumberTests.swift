import Foundation
import Testing

@testable import CoveoPush

@Suite("JSON numbers")
struct JSONNumberTests {
    static func number(_ text: String) throws -> JSONNumber {
        try #require(try JSONParser().parse(text).numberValue)
    }

    @Test(
        "integer literals within Int64 stay exact integers",
        arguments: [
            ("0", Int64(0)), ("7", 7), ("-7", -7), ("9007199254740993", 9_007_199_254_740_993),
            ("9223372036854775807", .max), ("-9223372036854775808", .min),
            ("1000000000000000000", 1_000_000_000_000_000_000),
        ])
    func exactIntegers(text: String, value: Int64) throws {
        let number = try Self.number(text)
        #expect(number.isIntegerLiteral)
        #expect(number.int64Value == value)
        #expect(number.text == text)
    }

    @Test(
        "integers beyond Int64 become doubles and keep their text",
        arguments: [
            "9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890",
        ])
    func beyondInt64(text: String) throws {
        let number = try Self.number(text)
        #expect(!number.isIntegerLiteral)
        #expect(number.int64Value == nil)
        #expect(number.doubleValue == Double(text))
        #expect(number.text == text)
    }

    @Test(
        "fractions and exponents are doubles; integral ones still give an exact Int64",
        arguments: [
            ("1.5", 1.5, Int64?.none), ("-0.25", -0.25, nil), ("1e3", 1000, 1000), ("1E+3", 1000, 1000),
            ("2.0", 2, 2), ("1.5e1", 15, 15), ("100e-2", 1, 1), ("1e-7", 1e-7, nil),
            (
                "1.7976931348623157e308",
                .greatestFiniteMagnitude, nil
            ), ("5e-324", .leastNonzeroMagnitude, nil), ("1e-400", 0, nil), ("0.000e5", 0, 0),
            ("12.3400e2", 1234, 1234), ("9.2233720368547758e18", 9.2233720368547758e18, 9_223_372_036_854_775_800),
            ("-0", -0.0, 0),
        ])
    func doubles(text: String, value: Double, integer: Int64?) throws {
        let number = try Self.number(text)
        #expect(!number.isIntegerLiteral)
        #expect(number.doubleValue == value)
        #expect(number.int64Value == integer)
        #expect(number.text == text)
    }

    @Test("numbers are equal when they denote the same value, whatever their text")
    func equality() throws {
        #expect(try Self.number("1") == Self.number("1.0"))
        #expect(try Self.number("1") == Self.number("10e-1"))
        #expect(try Self.number("0.5") == Self.number("5e-1"))
        #expect(try Self.number("0") == Self.number("-0"))
        #expect(try Self.number("1") != Self.number("1.5"))
        #expect(try Set([Self.number("2"), Self.number("2.0"), Self.number("20e-1")]).count == 1)
        #expect(JSONNumber(3) == JSONNumber(3.0))
        #expect(JSONNumber(.nan) == nil)
        #expect(JSONNumber(.infinity) == nil)
        #expect(JSONNumber(text: "12") == JSONNumber(12))
        #expect(JSONNumber(text: "012") == nil)
        #expect(JSONNumber(text: "\"1\"") == nil)
        #expect(JSONNumber(0.1)?.text == "0.1")
    }
}
