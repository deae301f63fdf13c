import Testing

@testable import CoveoPushCLI

@Suite("ResumePoint")
struct InProcessResumePointTests {
    static func at(_ file: String, _ line: Int? = nil) -> InputPosition {
        InputPosition(file: file, line: line)
    }

    @Test("nothing is accepted before the first commit")
    func empty() {
        let resume = ResumePoint()
        #expect(resume.lastAccepted == nil)
        resume.appended(Self.at("a.jsonl", 1))
        #expect(resume.lastAccepted == nil)
        resume.committed(0)
        #expect(resume.lastAccepted == nil)
    }

    @Test("commits after appends: the last of the first N positions, files and content files included")
    func commitsAfterAppends() {
        let resume = ResumePoint()
        resume.appended(Self.at("a.jsonl", 1))
        resume.appended(Self.at("a.jsonl", 3))
        resume.appended(Self.at("photo.png"))
        resume.appended(Self.at("b.json", 2))
        resume.committed(2)
        #expect(resume.lastAccepted == Self.at("a.jsonl", 3))
        resume.committed(3)
        #expect(resume.lastAccepted == Self.at("photo.png"))
        #expect(resume.lastAccepted?.line == nil)
        resume.committed(4)
        #expect(resume.lastAccepted == Self.at("b.json", 2))
    }

    @Test("a commit count ahead of the appends applies as positions arrive; lower counts never go back")
    func commitsBeforeAppends() {
        let resume = ResumePoint()
        resume.committed(2)
        #expect(resume.lastAccepted == nil)
        resume.appended(Self.at("x.jsonl", 10))
        #expect(resume.lastAccepted == Self.at("x.jsonl", 10))
        resume.appended(Self.at("y.jsonl", 20))
        #expect(resume.lastAccepted == Self.at("y.jsonl", 20))
        resume.appended(Self.at("x.jsonl", 30))
        #expect(resume.lastAccepted == Self.at("y.jsonl", 20))
        resume.committed(1)
        #expect(resume.lastAccepted == Self.at("y.jsonl", 20))
        resume.committed(3)
        #expect(resume.lastAccepted == Self.at("x.jsonl", 30))
    }

    @Test("past 65,536 committed entries the buffer is compacted and positions stay right")
    func compaction() {
        let resume = ResumePoint()
        let total = 200_000
        let files = ["one.jsonl", "two.jsonl", "three.json"]
        func position(_ ordinal: Int) -> InputPosition {
            Self.at(files[(ordinal / 1_000) % files.count], ordinal + 1)
        }
        // Append in bursts, committing behind, at and ahead of the appends.
        var appended = 0
        var committed = 0
        while appended < total {
            let burst = min(7_919, total - appended)
            for ordinal in appended..<(appended + burst) { resume.appended(position(ordinal)) }
            appended += burst
            committed = min(total, committed + 6_007)
            resume.committed(committed)
            #expect(resume.lastAccepted == position(min(committed, appended) - 1))
        }
        resume.committed(total + 2)
        #expect(resume.lastAccepted == position(total - 1))
        resume.appended(Self.at("late.jsonl", 4))
        #expect(resume.lastAccepted == Self.at("late.jsonl", 4))
        resume.appended(Self.at("late.jsonl", 5))
        resume.appended(Self.at("late.jsonl", 6))
        #expect(resume.lastAccepted == Self.at("late.jsonl", 5))
    }

    @Test("commits running ahead of 70,000 appends, one at a time")
    func aheadThroughCompaction() {
        let resume = ResumePoint()
        resume.committed(70_000)
        for line in 1...70_001 {
            resume.appended(Self.at(line % 2 == 0 ? "even.jsonl" : "odd.jsonl", line))
            if line == 65_537 { #expect(resume.lastAccepted == Self.at("odd.jsonl", 65_537)) }
        }
        #expect(resume.lastAccepted == Self.at("even.jsonl", 70_000))
        resume.committed(70_001)
        #expect(resume.lastAccepted == Self.at("odd.jsonl", 70_001))
    }
}
