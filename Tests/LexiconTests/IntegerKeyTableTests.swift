import Lexicon
import Testing

/// The hash table keeps every key's latest value through growth, finds no
/// key it was not given, and changes stored values in place.
@Suite struct IntegerKeyTableTests {
    @Test func keepsEveryValueThroughGrowthAndFindsNoOtherKey() {
        var table = IntegerKeyTable<Int32>(capacity: 2, filler: -1)
        // Keys that share low bits, so probing chains form and the table grows several times.
        let keys = (0..<5_000).map { UInt64($0) << 40 | UInt64($0 % 7) }
        for (i, key) in keys.enumerated() { table.insert(key, Int32(i)) }
        table.insert(keys[10], 99)  // replaces
        #expect(table.count == keys.count)
        for (i, key) in keys.enumerated() { #expect(table.lookup(key) == (i == 10 ? 99 : Int32(i))) }
        for absent: UInt64 in [1, 2 << 40, 12_345, UInt64.max - 1] { #expect(table.lookup(absent) == nil) }
        table.prefetch(keys[0])
        table.prefetch(7)  // a hint for an absent key changes nothing
        #expect(table.lookup(keys[0]) == 0)
    }

    @Test func updateValuesChangesStoredValuesOnly() {
        var table = IntegerKeyTable<Int32>(capacity: 4, filler: 0)
        for key: UInt64 in [3, 5, 8] { table.insert(key, Int32(key)) }
        table.updateValues { $0 *= 10 }
        #expect([3, 5, 8].map { table.lookup($0) } == [30, 50, 80])
        #expect(table.lookup(4) == nil)
        #expect(table.count == 3)
    }

    @Test func aLargeTableStillHoldsItsKeys() {
        // Large enough (over 4 MB of slots) to take the huge-page path.
        var table = IntegerKeyTable<Int64>(capacity: 300_000, filler: 0)
        for k in 0..<300_000 { table.insert(UInt64(k) &* 0x9E37_79B9, Int64(k)) }
        #expect(table.lookup(123_456 &* 0x9E37_79B9) == 123_456)
        #expect(table.lookup(300_001 &* 0x9E37_79B9) == nil)
    }
}
