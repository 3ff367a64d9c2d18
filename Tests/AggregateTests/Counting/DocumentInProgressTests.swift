import Testing
@testable import Aggregate

/// The document being read ends as the tally a mention-by-mention count would give.
@Suite struct DocumentInProgressTests {
    @Test func endGivesTheTallyAndStartsAfresh() throws {
        var document = DocumentInProgress()
        let nothing = document.end(typeNames: [])
        #expect(nothing == nil)
        document.begin("a")
        document.counters.records = 2
        for (entity, type) in [(5, 1), (2, 0), (5, 1), (9, 1)] as [(Int32, Int32)] { document.countMention(entity: entity, type: type) }
        for group in [3, 0, 3] as [Int32] { document.countGroup(group) }
        let ended = document.end(typeNames: ["LOC", "PER"])
        let a = try #require(ended)
        #expect(a.id == "a")
        #expect(a.counters.records == 2)
        #expect(a.entityMentions == [5: 2, 2: 1, 9: 1])
        #expect(a.numberGroups == [0, 3])
        #expect(a.counters.mentionsByType.counts == ["PER": 3, "LOC": 1])
        #expect(document.id == nil)

        // Nothing of "a" is left in "b".
        document.begin("b")
        document.countMention(entity: 2, type: 0)
        let endedB = document.end(typeNames: ["LOC", "PER"])
        let b = try #require(endedB)
        #expect(b.counters.records == 0)
        #expect(b.entityMentions == [2: 1])
        #expect(b.numberGroups.isEmpty)
        #expect(b.counters.mentionsByType.counts == ["LOC": 1])
    }
}
