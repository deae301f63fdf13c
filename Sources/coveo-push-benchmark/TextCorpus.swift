import CoveoPush

/// Realistic, moderately compressible text: pseudo-random HTML pages made of invented words, the same
/// bytes for the same seed.
///
/// Words come from a fixed vocabulary with a skewed (Zipf-like) frequency, in sentences, paragraphs,
/// headings, lists and links, so zlib finds repeats the way it does in real crawled pages (about 3:1).
enum TextCorpus {
    private static let syllables = [
        "an", "bel", "cor", "da", "en", "fi", "gor", "ha", "in", "jo", "ka", "lin", "mo", "nar", "o", "pe",
        "qua", "ri", "sen", "ta", "u", "ver", "wi", "xe", "ya", "zo", "str", "pla", "tion", "ment", "ing",
        "er", "ous", "al", "ic", "ly", "re", "con", "de", "pro",
    ]

    /// About `byteCount` bytes (exactly that many) of HTML pages.
    static func html(byteCount: Int, seed: UInt64) -> [UInt8] {
        var random = SeededRandomNumberGenerator(seed: seed)
        let vocabulary = makeVocabulary(count: 5_000, random: &random)
        var text: [UInt8] = []
        text.reserveCapacity(byteCount + 64 * 1024)
        var page = 0
        while text.count < byteCount {
            appendPage(number: page, vocabulary: vocabulary, random: &random, to: &text)
            page += 1
        }
        text.removeLast(text.count - byteCount)
        return text
    }

    private static func makeVocabulary(count: Int, random: inout SeededRandomNumberGenerator) -> [[UInt8]] {
        (0..<count).map { _ in
            let parts = Int.random(in: 1...4, using: &random)
            return (0..<parts).flatMap { _ in syllables[Int.random(in: 0..<syllables.count, using: &random)].utf8 }
        }
    }

    /// A word index skewed towards the start of the vocabulary, as word frequencies are in real text.
    private static func word(_ vocabulary: [[UInt8]], _ random: inout SeededRandomNumberGenerator) -> [UInt8] {
        let uniform = Double.random(in: 0..<1, using: &random)
        return vocabulary[Int(uniform * uniform * uniform * Double(vocabulary.count))]
    }

    private static func appendPage(
        number: Int, vocabulary: [[UInt8]], random: inout SeededRandomNumberGenerator, to text: inout [UInt8]
    ) {
        func append(_ string: String) { text.append(contentsOf: string.utf8) }
        func appendWords(_ count: Int, capitalized: Bool) {
            for index in 0..<count {
                if index > 0 {
                    text.append(index % 7 == 0 && Bool.random(using: &random) ? UInt8(ascii: ",") : UInt8(ascii: " "))
                    if text.last == UInt8(ascii: ",") { text.append(UInt8(ascii: " ")) }
                }
                var next = word(vocabulary, &random)
                if index == 0 && capitalized, let first = next.first, first >= UInt8(ascii: "a") {
                    next[0] = first - 32
                }
                text.append(contentsOf: next)
            }
        }
        append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        appendWords(Int.random(in: 2...6, using: &random), capitalized: true)
        append("</title>\n</head>\n<body>\n<article id=\"page-\(number)\">\n")
        for section in 0..<Int.random(in: 2...6, using: &random) {
            append("<h2 id=\"section-\(section)\">")
            appendWords(Int.random(in: 2...5, using: &random), capitalized: true)
            append("</h2>\n")
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                append("<p>")
                for _ in 0..<Int.random(in: 2...6, using: &random) {
                    appendWords(Int.random(in: 6...18, using: &random), capitalized: true)
                    if Int.random(in: 0..<5, using: &random) == 0 {
                        append(" <a href=\"https://docs.example.com/")
                        text.append(contentsOf: word(vocabulary, &random))
                        append("/\(Int.random(in: 1_000...99_999, using: &random)).html\">")
                        appendWords(Int.random(in: 1...3, using: &random), capitalized: false)
                        append("</a>")
                    }
                    append(". ")
                }
                append("</p>\n")
            }
            if Bool.random(using: &random) {
                append("<ul>\n")
                for _ in 0..<Int.random(in: 2...6, using: &random) {
                    append("  <li>")
                    appendWords(Int.random(in: 2...8, using: &random), capitalized: true)
                    append(" (\(Int.random(in: 1...500, using: &random)))</li>\n")
                }
                append("</ul>\n")
            }
        }
        let year = Int.random(in: 2015...2026, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        append("<footer>Updated \(year)-\(month < 10 ? "0" : "")\(month)-15</footer>\n</article>\n</body>\n</html>\n")
    }
}
