import Foundation
import Testing

@testable import CoveoPush

@Suite("JSONParser fuzzing and round trips")
struct JSONParserFuzzTests {
    typealias SplitMix = JSONWriterTests.SplitMix

    /// A random JSON value of bounded depth, with strings from every Unicode range that matters to escaping.
    static func randomValue(_ random: inout SplitMix, depth: Int = 0) -> JSONValue {
        let pick = Int.random(in: 0..<(depth > 4 ? 5 : 8), using: &random)
        switch pick {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2:
            return .integer(Int64.random(in: .min ... .max, using: &random) >> Int64.random(in: 0...63, using: &random))
        case 3:
            let double = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random))
            return JSONNumber(double).map(JSONValue.number) ?? .integer(0)
        case 4: return .string(JSONWriterTests.randomString(&random))
        case 5, 6:
            let count = Int.random(in: 0...5, using: &random)
            return .array((0..<count).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            let count = Int.random(in: 0...5, using: &random)
            var members: [(key: String, value: JSONValue)] = []
            for _ in 0..<count {
                let key = Bool.random(using: &random) ? JSONWriterTests.randomString(&random) : "k\(random.next() % 4)"
                members.append((key: key, value: randomValue(&random, depth: depth + 1)))
            }
            return .object(JSONObject(members))
        }
    }

    @Test("seeded random values written with JSONWriter read back equal, duplicates and order included")
    func roundTrip() throws {
        var random = SplitMix(state: 0x5EED_0001)
        for _ in 0..<1_000 {
            let value = Self.randomValue(&random)
            let bytes = value.jsonBytes
            let parsed = try JSONParser().parse(bytes)
            #expect(parsed == value)
            // Numbers keep their text, so writing again gives the same bytes.
            #expect(parsed.jsonBytes == bytes)
        }
    }

    @Test("what JSONParser accepts, Foundation accepts with the same strings and numbers")
    func agreesWithFoundation() throws {
        var random = SplitMix(state: 0x5EED_0002)
        for _ in 0..<300 {
            let value = Self.randomValue(&random)
            let bytes = value.jsonBytes
            let foundation = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
            #expect(Self.matches(value, foundation), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// Whether a parsed value and Foundation's reading of the same bytes agree (objects compared by last key,
    /// as Foundation keeps one value per key).
    static func matches(_ value: JSONValue, _ foundation: Any) -> Bool {
        switch value {
        case .null: return foundation is NSNull
        case .bool(let flag): return (foundation as? Bool) == flag
        case .number(let number):
            guard let other = foundation as? NSNumber else { return false }
            if let integer = number.int64Value, number.isIntegerLiteral { return integer == other.int64Value }
            // Foundation may read fractions through Decimal, which rounds differently in the last digits.
            let (ours, theirs) = (number.doubleValue, other.doubleValue)
            return ours == theirs || abs(ours - theirs) <= 1e-12 * max(abs(ours), abs(theirs))
        case .string(let text): return (foundation as? String) == text
        case .array(let elements):
            guard let others = foundation as? [Any], others.count == elements.count else { return false }
            return zip(elements, others).allSatisfy { matches($0, $1) }
        case .object(let object):
            guard let others = foundation as? [String: Any] else { return false }
            return Set(object.keys).count == others.count
                && object.members.allSatisfy { member in others[member.key].map { matches(member.value, $0) } ?? false }
                || object.hasDuplicateKeys
        }
    }

    /// Parses without crashing; returns whether the input was accepted.
    @discardableResult
    static func survive(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try JSONParser(maxDepth: 64).parse(bytes)
            return true
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count, "offset \(error.offset) of \(bytes.count)")
            #expect(error.line >= 1 && error.column >= 1)
            return false
        }
    }

    @Test("thousands of random byte strings never crash the parser and errors point inside the input")
    func randomBytes() {
        var random = SplitMix(state: 0x5EED_0003)
        let alphabet = Array(#"{}[]",:0123456789-+.eEtrufalsn\ u"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xED, 0xF0, 0xFF]
        for round in 0..<3_000 {
            let count = Int.random(in: 0...64, using: &random)
            let bytes = (0..<count).map { _ in
                round.isMultiple(of: 2)
                    ? UInt8.random(in: 0...255, using: &random)
                    : alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            Self.survive(bytes)
        }
    }

    @Test("thousands of mutations of valid JSON never crash the parser; truncations are always refused")
    func mutations() throws {
        var random = SplitMix(state: 0x5EED_0004)
        for _ in 0..<1_500 {
            let valid = Self.randomValue(&random).jsonBytes
            var mutated = valid
            for _ in 0..<Int.random(in: 1...4, using: &random) where !mutated.isEmpty {
                let position = Int.random(in: 0..<mutated.count, using: &random)
                switch random.next() % 4 {
                case 0: mutated[position] = UInt8.random(in: 0...255, using: &random)
                case 1: mutated.remove(at: position)
                case 2: mutated.insert(UInt8.random(in: 0...255, using: &random), at: position)
                default: mutated.insert(contentsOf: mutated[position...].prefix(8), at: position)
                }
            }
            Self.survive(mutated)
            // Cutting a container or string short always leaves invalid JSON.
            if let first = valid.first, first == UInt8(ascii: "[") || first == UInt8(ascii: "{") || first == 0x22 {
                let cut = Int.random(in: 0..<valid.count, using: &random)
                #expect(!Self.survive(Array(valid[..<cut])))
            }
        }
    }
}
