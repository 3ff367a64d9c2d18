import Testing
@testable import Aggregate

/// Pair counts hold what a dictionary of the same additions holds.
@Suite struct PairCountsTests {
    @Test func agreesWithADictionary() {
        var generator = SystemRandomNumberGenerator()
        var pairs = PairCounts()
        var reference: [UInt64: Int] = [:]
        for _ in 0..<20_000 {
            let key = CooccurrenceTable.key(Int32.random(in: 0..<300, using: &generator), Int32.random(in: 0..<300, using: &generator))
            let n = Int.random(in: 1...3, using: &generator)
            pairs.add(key, n)
            reference[key, default: 0] += n
        }
        #expect(pairs.count == reference.count)
        #expect(Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }) == reference)
        for (key, n) in reference { #expect(pairs[key] == n) }
        #expect(pairs[CooccurrenceTable.key(400, 401)] == nil)

        pairs.keep(countedMoreThan: 4)
        let kept = reference.filter { $0.value > 4 }
        #expect(pairs.count == kept.count)
        #expect(Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }) == kept)
    }
}
