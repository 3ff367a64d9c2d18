import Testing
@testable import Aggregate

/// The eight-bytes-at-once tests agree with a byte-by-byte look at the lowest lane found.
@Suite struct ByteLanesTests {
    /// The index of the first byte matching `test`, or nil.
    func first(_ bytes: [UInt8], _ test: (UInt8) -> Bool) -> Int? { bytes.firstIndex(where: test) }

    func lanes(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { ByteLanes.load($0.baseAddress!) } }

    @Test func lowestLaneFoundIsTheFirstMatchingByte() {
        var generator = SystemRandomNumberGenerator()
        // Bytes around the edges the tests care about.
        let pool: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xA0, 0xE4, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in pool.randomElement(using: &generator)! }
            let word = lanes(bytes)
            for (found, test) in [
                (ByteLanes.equal(word, 0x22), { (b: UInt8) in b == 0x22 }),
                (ByteLanes.equal(word, 0x5C), { (b: UInt8) in b == 0x5C }),
                (ByteLanes.control(word), { (b: UInt8) in b < 0x20 }),
                (ByteLanes.nonASCII(word), { (b: UInt8) in b >= 0x80 }),
            ] {
                let expected = first(bytes, test)
                #expect((found == 0 ? nil : ByteLanes.lowest(found)) == expected, "\(bytes)")
            }
        }
    }

    @Test func lanesBelow() {
        #expect(ByteLanes.below(0) == 0)
        #expect(ByteLanes.below(1) == 0xFF)
        #expect(ByteLanes.below(7) == 0x00FF_FFFF_FFFF_FFFF)
        #expect(lanes(Array("type\"...".utf8)) & ByteLanes.below(4) == 0x6570_7974)
    }
}
