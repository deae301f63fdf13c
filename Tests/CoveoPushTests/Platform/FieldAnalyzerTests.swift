import Foundation
import Testing

@testable import CoveoPush

@Suite("FieldAnalyzer")
struct FieldAnalyzerTests {
    static func doc(_ number: Int, _ metadata: Metadata) -> Document {
        Document(documentId: "https://e.com/\(number)", metadata: metadata)
    }

    /// The report of documents given as metadata, numbered from 1.
    static func analyse(
        _ metadata: [Metadata], existing: [FieldDefinition] = []
    ) throws -> FieldAnalysisReport {
        var analyzer = FieldAnalyzer(existingFields: existing)
        for (offset, entry) in metadata.enumerated() { try analyzer.add(doc(offset + 1, entry)) }
        return analyzer.report()
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let value: MetadataValue
        let type: FieldType
        let multiValueFacet: Bool?
        let keyValue: Bool?
        var testDescription: String { "\(value) → \(type)" }
        init(_ value: MetadataValue, _ type: FieldType, multiValueFacet: Bool? = nil, keyValue: Bool? = nil) {
            self.value = value
            self.type = type
            self.multiValueFacet = multiValueFacet
            self.keyValue = keyValue
        }
    }

    static let typeTable: [Row] = [
        Row("text", .string),
        Row("2024-01-31T12:00:00Z", .string),  // looks like a date, stays STRING
        Row(true, .string),
        Row(.integer(42), .long),
        Row(.integer(Int64(Int32.max)), .long),
        Row(.integer(Int64(Int32.min)), .long),
        Row(.integer(Int64(Int32.max) + 1), .long64),
        Row(.integer(Int64(Int32.min) - 1), .long64),
        Row(.integer(.max), .long64),
        Row(.double(6.5), .double),
        Row(.double(10.0), .double),
        Row(.date(Date(timeIntervalSince1970: 1_700_000_000)), .date),
        Row(["a", "b"], .string, multiValueFacet: true),
        Row([true, false], .string, multiValueFacet: true),
        Row([42, 12.23], .double),
        Row([.integer(1), .integer(.max)], .long64),
        Row(["k": "v"], .string, keyValue: true),
        Row(["a": 1, "b": 2.5], .double, keyValue: true),
        Row(["a": .date(Date(timeIntervalSince1970: 0))], .date, keyValue: true),
    ]

    @Test("each row of the type table", arguments: typeTable)
    func typeRow(row: Row) throws {
        let report = try Self.analyse([["value": row.value]])
        #expect(
            report.fieldsToCreate
                == [FieldDefinition(name: "value", type: row.type, multiValueFacet: row.multiValueFacet, keyValue: row.keyValue)])
        #expect(report.isClean)
    }

    @Test("JSON numbers: 10 is LONG, 10.0 and 1e3 are DOUBLE (the JavaScript client says LONG)")
    func jsonNumbers() throws {
        var analyzer = FieldAnalyzer()
        let line = #"{"documentId": "https://e.com/1", "a": 10, "b": 10.0, "c": 1e3, "d": 5000000000, "e": 9223372036854775808}"#
        try analyzer.add(Document(json: JSONParser().parse(line)))
        #expect(
            analyzer.report().fieldsToCreate.map { "\($0.name) \($0.type)" } == [
                "a LONG", "b DOUBLE", "c DOUBLE", "d LONG_64", "e DOUBLE",
            ])
    }

    @Test("empty arrays and dictionaries give no evidence until a value comes")
    func emptyValues() throws {
        let report = try Self.analyse([["tags": [], "attributes": [:]]])
        #expect(report.fieldsToCreate.isEmpty)
        #expect(report.keysWithoutValues == ["tags", "attributes"])
        let later = try Self.analyse([["tags": []], ["tags": .strings(["x"])], ["tags": []]])
        #expect(later.fieldsToCreate == [FieldDefinition(name: "tags", type: .string, multiValueFacet: true)])
        #expect(later.keysWithoutValues.isEmpty)
    }

    @Test(
        "LONG, LONG_64 and DOUBLE widen in either order",
        arguments: [
            ([MetadataValue.integer(1), .double(1.5)], FieldType.double),
            ([.double(1.5), .integer(1)], .double),
            ([.integer(1), .integer(.max)], .long64),
            ([.integer(.max), .integer(1)], .long64),
            ([.integer(.max), .double(0.5)], .double),
            ([.double(0.5), .integer(.max), .integer(3)], .double),
        ])
    func widening(values: [MetadataValue], type: FieldType) throws {
        let report = try Self.analyse(values.map { ["n": $0] })
        #expect(report.fieldsToCreate == [FieldDefinition(name: "n", type: type)])
        #expect(report.inconsistencies.isEmpty)
    }

    static let samples: [FieldType: MetadataValue] = [
        .long: 7, .long64: .integer(.max), .double: 6.5, .string: "six-and-a-half Brapples",
        .date: .date(Date(timeIntervalSince1970: 0)),
    ]
    static let clashes: [(FieldType, FieldType)] = {
        let types: [FieldType] = [.long, .long64, .double, .string, .date]
        return types.flatMap { first in
            types.compactMap { second in
                FieldAnalyzer.widened(first, second) == nil ? (first, second) : nil
            }
        }
    }()

    @Test("every other pair of types is an inconsistency naming the key, both types and both documents")
    func everyClash() throws {
        #expect(Self.clashes.count == 14)
        for (first, second) in Self.clashes {
            let first32 = try #require(Self.samples[first])
            let second32 = try #require(Self.samples[second])
            let report = try Self.analyse([["other": 1], ["k": first32], ["k": first32], ["k": second32], ["k": second32]])
            #expect(
                report.inconsistencies == [
                    FieldInconsistency(
                        name: "k", firstType: first, firstDocumentId: "https://e.com/2", secondType: second,
                        secondDocumentId: "https://e.com/4", types: [first, second])
                ], "\(first) then \(second)")
            #expect(report.fieldsToCreate == [FieldDefinition(name: "other", type: .long)])
            #expect(!report.isClean)
        }
    }

    @Test("the JavaScript client's spec cases: a string then 6.5, true then 0")
    func javaScriptCases() throws {
        let report = try Self.analyse([["a": "six-and-a-half Brapples", "b": true], ["a": 6.5, "b": 0]])
        #expect(report.inconsistencies.map(\.description) == [
            "'a': STRING in document 'https://e.com/1', DOUBLE in document 'https://e.com/2'",
            "'b': STRING in document 'https://e.com/1', LONG in document 'https://e.com/2'",
        ])
    }

    @Test("a widened type names the document that widened it; later types are listed; one array can clash")
    func clashDetails() throws {
        let report = try Self.analyse([["k": 1], ["k": 2.5], ["k": "x"], ["k": .date(Date())], ["m": [1, "one"]]])
        let k = try #require(report.inconsistencies.first)
        #expect(k.firstType == .double && k.firstDocumentId == "https://e.com/2")
        #expect(k.secondType == .string && k.secondDocumentId == "https://e.com/3")
        #expect(k.types == [.double, .string, .date])
        let m = try #require(report.inconsistencies.last)
        #expect(m.name == "m" && m.firstDocumentId == "https://e.com/5" && m.secondDocumentId == "https://e.com/5")
        #expect(report.fieldsToCreate.isEmpty)
    }

    @Test("keys map to their lower-cased name; fields come in first-seen order")
    func namesAndOrder() throws {
        let report = try Self.analyse([["Zeta": 1, "alpha": "a"], ["ZETA": 2, "mid": 1.5, "Alpha": "b"]])
        #expect(report.fieldsToCreate.map(\.name) == ["zeta", "alpha", "mid"])
        #expect(report.isClean)
    }

    @Test("keys no field can have are reported with the first document, and gather no evidence")
    func unmappable() throws {
        let long = String(repeating: "a", count: 256)
        let longest = String(repeating: "b", count: 255)
        let report = try Self.analyse([
            ["ok": 1],
            ["f-o=o": 1, "2nd": 1, "_x": 1, "café": 1, long: 1, longest: 1, "data": 1, "Title": "t"],
            ["f-o=o": "again"],
        ])
        #expect(report.unmappableKeys.map(\.key) == ["f-o=o", "2nd", "_x", "café", long, "data", "Title"])
        #expect(report.unmappableKeys.map(\.reason) == [
            .invalidName, .invalidName, .invalidName, .invalidName, .tooLong, .reserved, .reserved,
        ])
        #expect(report.unmappableKeys.allSatisfy { $0.documentId == "https://e.com/2" })
        #expect(report.fieldsToCreate.map(\.name) == ["ok", longest])
        #expect(report.inconsistencies.isEmpty)
        #expect(!report.isClean)
        #expect(FieldName.isValid("a") && FieldName.isValid("a_9") && !FieldName.isValid("") && !FieldName.isValid("A"))
    }

    @Test("only metadata is analysed: a document's own properties propose nothing")
    func onlyMetadata() throws {
        var analyzer = FieldAnalyzer()
        try analyzer.add(
            Document(
                documentId: "https://e.com/1", title: "T", author: "me", date: Date(), permanentId: "p",
                content: .text("x")))
        #expect(analyzer.report() == FieldAnalysisReport(documentCount: 1))
    }

    @Test("more than 5,000 distinct keys are refused with a typed error; the document is not analysed")
    func keyLimit() throws {
        var analyzer = FieldAnalyzer()
        #expect(analyzer.maximumKeyCount == 5_000)
        var metadata = Metadata()
        for index in 0..<5_000 { metadata["k\(index)"] = 1 }
        try analyzer.add(Self.doc(1, metadata))
        try analyzer.add(Self.doc(2, ["K17": 2, "k4999": 3]))  // case variants are not new keys
        #expect(analyzer.keyCount == 5_000)
        do {
            try analyzer.add(Self.doc(3, ["k1": "now a string", "extra": 1]))
            Issue.record("the 5,001st key was accepted")
        } catch {
            #expect(error.rule == .tooManyKeys)
            #expect(error.subject == .document("https://e.com/3"))
            #expect(error.message.contains("'extra'"))
        }
        let report = analyzer.report()
        #expect(report.documentCount == 2)
        #expect(report.inconsistencies.isEmpty)  // document 3 was not analysed at all
        #expect(report.fieldsToCreate.count == 5_000)

        var small = FieldAnalyzer(maximumKeyCount: 2)
        try small.add(Self.doc(1, ["a": 1, "A": 2, "b": 1]))
        #expect(throws: ValidationError.self) { try small.add(Self.doc(2, ["c": 1])) }
    }

    @Test("existing fields match ignoring case and are skipped; a widening-compatible type is no conflict")
    func existingFields() throws {
        let existing = [
            FieldDefinition(name: "Views", type: .long), FieldDefinition(name: "price", type: .double),
            FieldDefinition(name: "big", type: .long64), FieldDefinition(name: "published", type: .date),
        ]
        let report = try Self.analyse(
            [["views": 3, "Price": 4, "big": 5, "published": "2024-01-31", "new": "n"], ["PRICE": .integer(.max)]],
            existing: existing)
        #expect(report.existingFieldNames == ["Views", "price", "big", "published"])
        #expect(report.fieldsToCreate == [FieldDefinition(name: "new", type: .string)])
        #expect(report.conflicts.isEmpty)
        #expect(report.isClean)
    }

    @Test("a field that exists with another type is a conflict naming the first document that does not fit")
    func conflicts() throws {
        let existing = [
            FieldDefinition(name: "views", type: .long), FieldDefinition(name: "label", type: .string),
            FieldDefinition(name: "published", type: .date), FieldDefinition(name: "ratio", type: .long64),
        ]
        let report = try Self.analyse(
            [
                ["views": 1, "label": "x", "published": "2024-01-31T00:00:00Z", "ratio": 1],
                ["views": .integer(.max), "label": 3, "published": "soon", "ratio": 0.5],
                ["views": "text"],
            ], existing: existing)
        #expect(report.conflicts.map(\.description) == [
            "'views' exists as LONG; document 'https://e.com/2' needs LONG_64",
            "'label' exists as STRING; document 'https://e.com/2' needs LONG",
            "'published' exists as DATE; document 'https://e.com/2' needs STRING",
            "'ratio' exists as LONG_64; document 'https://e.com/2' needs DOUBLE",
        ])
        #expect(report.fieldsToCreate.isEmpty)
        #expect(!report.isClean)
    }

    @Test("permanentid is never proposed; an existing permanentid that is not STRING is a conflict")
    func permanentId() throws {
        let fine = try Self.analyse([["a": 1]], existing: [FieldDefinition(name: "permanentid", type: .string)])
        #expect(fine.isClean && fine.fieldsToCreate.map(\.name) == ["a"])
        let missing = try Self.analyse([["a": 1]])
        #expect(!missing.fieldsToCreate.contains { $0.name == "permanentid" })
        let wrong = try Self.analyse([["a": 1]], existing: [FieldDefinition(name: "PermanentId", type: .long)])
        #expect(wrong.conflicts == [
            FieldConflict(
                existing: FieldDefinition(name: "PermanentId", type: .long), analyzedType: .string,
                documentId: "https://e.com/1")
        ])
        #expect(try Self.analyse([], existing: [FieldDefinition(name: "permanentid", type: .long)]).isClean)
    }

    @Test("takeNewFields returns what is needed since the last call; taken fields then count as existing")
    func incremental() throws {
        var analyzer = FieldAnalyzer(existingFields: [FieldDefinition(name: "title2", type: .string)])
        #expect(!analyzer.hasNewFields)
        try analyzer.add(Self.doc(1, ["count": 1, "title2": "t", "tags": []]))
        #expect(analyzer.hasNewFields)
        #expect(analyzer.takeNewFields() == [FieldDefinition(name: "count", type: .long)])
        #expect(analyzer.takeNewFields().isEmpty)
        try analyzer.add(Self.doc(2, ["count": 2, "tags": ["a"], "mixed": "x"]))
        try analyzer.add(Self.doc(3, ["mixed": 3]))
        #expect(analyzer.takeNewFields() == [FieldDefinition(name: "tags", type: .string, multiValueFacet: true)])
        try analyzer.add(Self.doc(4, ["count": .integer(.max)]))
        #expect(!analyzer.hasNewFields)
        let report = analyzer.report()
        #expect(report.fieldsToCreate.isEmpty)
        #expect(report.existingFieldNames == ["title2"])
        #expect(report.conflicts == [
            FieldConflict(
                existing: FieldDefinition(name: "count", type: .long), analyzedType: .long64,
                documentId: "https://e.com/4")
        ])
        #expect(report.inconsistencies.map(\.name) == ["mixed"])
    }

    @Test("documents with the same metadata names as the one before are analysed as fully as any other")
    func repeatedNames() throws {
        let report = try Self.analyse([
            ["views": 1, "bad key": "x", "tags": ["a"]],
            ["views": .integer(3_000_000_000), "bad key": "y", "tags": ["b"]],
            ["views": "many", "bad key": "z", "tags": []],
            ["Views": 1, "bad key": "x", "tags": ["c"]],
            ["views": 2.5, "extra": true, "tags": ["d"]],
        ])
        #expect(report.documentCount == 5)
        #expect(
            report.inconsistencies == [
                FieldInconsistency(
                    name: "views", firstType: .long64, firstDocumentId: "https://e.com/2", secondType: .string,
                    secondDocumentId: "https://e.com/3", types: [.long64, .string])
            ])
        #expect(
            report.fieldsToCreate == [
                FieldDefinition(name: "tags", type: .string, multiValueFacet: true),
                FieldDefinition(name: "extra", type: .string),
            ])
        #expect(
            report.unmappableKeys == [
                UnmappableMetadataKey(key: "bad key", reason: .invalidName, documentId: "https://e.com/1")
            ])
    }

    @Test("documents without metadata before the first with some: counted, and the first one is remembered")
    func emptyMetadataFirst() throws {
        let report = try Self.analyse(
            [[:], [:], ["a": 1]], existing: [FieldDefinition(name: "permanentid", type: .long)])
        #expect(report.documentCount == 3)
        #expect(report.fieldsToCreate == [FieldDefinition(name: "a", type: .long)])
        #expect(report.conflicts.map(\.documentId) == ["https://e.com/1"])
    }
}
