import Testing
@testable import Aggregate

/// Byte keys get dense ids in order of insertion, whether given joined or in pieces.
@Suite struct ByteKeyTableTests {
    func withPieces<R>(_ a: String, _ b: String, _ c: String, _ body: (JoinedKey) -> R) -> R {
        let (x, y, z) = (Array(a.utf8), Array(b.utf8), Array(c.utf8))
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in z.withUnsafeBufferPointer { z in body(JoinedKey(x, y, z)) } } }
    }

    @Test func piecesAndJoinedBytesAreOneKey() {
        var table = ByteKeyTable()
        let joined = Array("PER".utf8) + [0xFF] + Array("郑伟".utf8) + [0xFF] + Array("鄭偉".utf8)
        #expect(withPieces("PER", "郑伟", "鄭偉") { table.find($0) } == nil)
        #expect(table.insertMissed() == 0)
        #expect(joined.withUnsafeBufferPointer { table.id(of: $0) } == 0)
        #expect(withPieces("PER", "郑伟", "鄭偉") { table.id(of: $0) } == 0)
        #expect(withPieces("PER", "郑伟", "郑伟") { table.id(of: $0) } == nil)
        // The separator keeps pieces apart: ("ab", "c") is not ("a", "bc").
        #expect(withPieces("P", "ER郑伟", "鄭偉") { table.id(of: $0) } == nil)
        #expect(withPieces("PER", "", "郑伟鄭偉") { table.id(of: $0) } == nil)
    }

    @Test func idsAreDenseAndSurviveGrowth() {
        var table = ByteKeyTable()
        let keys = (0..<1000).map { Array("key \($0)".utf8) }
        for (i, key) in keys.enumerated() {
            #expect(key.withUnsafeBufferPointer { table.id(of: $0) } == nil)
            #expect(key.withUnsafeBufferPointer { table.insert($0) } == Int32(i))
        }
        #expect(table.count == 1000)
        for (i, key) in keys.enumerated() { #expect(key.withUnsafeBufferPointer { table.id(of: $0) } == Int32(i)) }
        #expect([UInt8]().withUnsafeBufferPointer { table.id(of: $0) } == nil)
    }
}
