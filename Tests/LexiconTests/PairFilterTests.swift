import Lexicon
import Testing

/// The filter never says "absent" of a key it was given, and says so of
/// nearly every other key while it is sparse.
@Suite struct PairFilterTests {
    @Test func neverHidesAnInsertedKeyAndRejectsMostOthers() {
        var filter = PairFilter()
        var generator = SystemRandomNumberGenerator()
        let inserted = (0..<50_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        for key in inserted { filter.insert(key) }
        #expect(inserted.allSatisfy { filter.mayContain($0) })
        filter.withBits { bits in #expect(inserted.allSatisfy { bits.mayContain($0) }) }
        // 50,000 keys set at most 2.4 % of the 2^21 bits: far fewer than 10 % of other keys pass.
        let others = (0..<20_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        let passed = others.filter { filter.mayContain($0) }.count
        #expect(passed < 2_000)
        #expect(!PairFilter().mayContain(inserted[0]))
    }
}
