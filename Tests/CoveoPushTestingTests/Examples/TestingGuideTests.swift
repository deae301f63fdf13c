import Foundation
import Testing

@Suite("Documentation/Testing.md")
struct TestingGuideTests {
    @Test("the guide's crawler test is exactly the test this target runs")
    func guideShowsTheRealTest() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("Documentation/Testing.md"), encoding: .utf8)
        let source = try String(
            contentsOf: root.appendingPathComponent("Tests/CoveoPushTestingTests/Examples/TicketCrawlerTests.swift"),
            encoding: .utf8)
        let marker = "<!-- compiled by Tests/CoveoPushTestingTests/Examples/TicketCrawlerTests.swift -->\n```swift\n"
        let start = try #require(guide.range(of: marker))
        let end = try #require(guide.range(of: "\n```", range: start.upperBound..<guide.endIndex))
        #expect(String(guide[start.upperBound..<end.lowerBound]) + "\n" == source)
    }
}
