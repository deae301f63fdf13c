import Testing

@testable import CoveoPush

@Suite("Metadata key normalisation")
struct MetadataKeyNormalizationTests {
    static let rows: [(key: String, lowercase: String, snakeCase: String)] = [
        ("f-o=o", "foo", "f_o_o"),
        ("Product Name", "productname", "product_name"),
        ("2nd--Author_", "ndauthor", "nd_author"),
        ("__a__b__", "ab", "a_b"),
        ("_1_x", "x", "x"),
        ("already_fine", "alreadyfine", "already_fine"),
        ("plain", "plain", "plain"),
        ("fooBar", "foobar", "foobar"),
        ("Café Crème", "cafecreme", "cafe_creme"),
        ("Straße", "strae", "stra_e"),
        ("日本key", "key", "key"),
        ("Ünïcödé9", "unicode9", "unicode9"),
        ("123", "", ""),
        ("--", "", ""),
    ]

    @Test("lowercase and snake_case, row by row (the JavaScript client's f-o=o example included)")
    func table() {
        for row in Self.rows {
            #expect(MetadataKeyNormalization.lowercase.normalize(row.key) == row.lowercase, "\(row.key)")
            #expect(MetadataKeyNormalization.snakeCase.normalize(row.key) == row.snakeCase, "\(row.key)")
            for normalization in MetadataKeyNormalization.allCases {
                let normal = normalization.normalize(row.key)
                #expect(normal.isEmpty || FieldName.isValid(normal), "\(row.key) → \(normal)")
                #expect(normalization.normalize(normal) == normal, "idempotent for \(row.key)")
            }
        }
        #expect(MetadataKeyNormalization(rawValue: "snake_case") == .snakeCase)
        #expect(MetadataKeyNormalization(rawValue: "lowercase") == .lowercase)
    }

    @Test("a document's keys are rewritten, values and order kept")
    func document() throws {
        let document = Document(
            documentId: "https://e.com/1", title: "T",
            metadata: ["Product Name": "Lamp", "price-EUR": 12.5, "Attrs": ["Inner Key": 1]])
        let normal = try document.normalizingMetadataKeys(.snakeCase)
        #expect(normal.metadata.map(\.name) == ["product_name", "price_eur", "attrs"])
        #expect(normal.metadata["product_name"] == "Lamp")
        #expect(normal.metadata["attrs"] == ["Inner Key": 1])
        #expect(normal.title == "T")
        var normalizer = MetadataKeyNormalizer(.snakeCase)
        #expect(try normalizer.normalize(document) == normal)
        #expect(try normalizer.normalize(document) == normal)
    }

    static func failure(_ metadata: Metadata, _ normalization: MetadataKeyNormalization) -> ValidationError? {
        do {
            _ = try Document(documentId: "https://e.com/1", metadata: metadata).normalizingMetadataKeys(normalization)
            return nil
        } catch {
            return error
        }
    }

    @Test("two keys normalising to one name are an error naming both")
    func collision() {
        let snake = Self.failure(["f-o=o": 1, "f_o_o": 2], .snakeCase)
        #expect(snake?.rule == .keyCollision)
        #expect(snake?.subject == .document("https://e.com/1"))
        #expect(snake?.message == "metadata 'f-o=o' and 'f_o_o' both normalise to 'f_o_o' (snake_case)")
        #expect(Self.failure(["f-o=o": 1, "FOO": 2], .lowercase)?.message.contains("'f-o=o' and 'FOO'") == true)
        #expect(Self.failure(["f-o=o": 1, "FOO": 2], .snakeCase) == nil)
    }

    @Test("a key normalising to nothing, to a reserved key or to a typed property's key is an error naming it")
    func emptyAndReserved() {
        #expect(Self.failure(["123": 1], .lowercase)?.rule == .emptyKey)
        #expect(Self.failure(["--": 1], .snakeCase)?.message.contains("'--'") == true)
        let reserved = Self.failure(["Data!": 1], .lowercase)
        #expect(reserved?.rule == .reservedKey)
        #expect(reserved?.message.contains("'Data!' normalises to 'data'") == true)
        #expect(Self.failure(["Title": "t"], .snakeCase)?.rule == .typedFieldAsMetadata)
        #expect(Self.failure(["document_id": "x"], .lowercase)?.rule == .reservedKey)
    }

    @Test("normalised documents analyse clean: every key becomes a valid field name")
    func thenAnalysed() throws {
        var analyzer = FieldAnalyzer()
        let document = Document(documentId: "https://e.com/1", metadata: ["Product Name": "x", "2nd-Price": 3])
        try analyzer.add(document.normalizingMetadataKeys(.snakeCase))
        let report = analyzer.report()
        #expect(report.isClean)
        #expect(report.fieldsToCreate.map(\.name) == ["product_name", "nd_price"])
    }
}
