/// Tests on eight bytes at once, read as one little-endian UInt64 (SWAR).
///
/// Why: the report's JSON walker finds the end of every key and string it
/// meets; byte by byte that is a load and three comparisons per byte, eight
/// bytes at a time it is a dozen instructions per eight.
///
/// Each test sets the high bit of the lanes (bytes) it finds. A lane is
/// found exactly up to and including the lowest one found; lanes above it
/// may be found falsely (a borrow carries up), so callers only use the
/// lowest lane found, or whether any lane at or below some lane is found.
enum ByteLanes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `pointer`, first byte in the low lane.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Lanes of `word` equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Lanes of `word` below 0x20 (control bytes).
    @inline(__always)
    static func control(_ word: UInt64) -> UInt64 {
        (word &- ones &* 0x20) & ~word & highs
    }

    /// Lanes of `word` of 0x80 or more (not ASCII).
    @inline(__always)
    static func nonASCII(_ word: UInt64) -> UInt64 { word & highs }

    /// The index (0 to 7) of the lowest lane found in `lanes` (not 0).
    @inline(__always)
    static func lowest(_ lanes: UInt64) -> Int { lanes.trailingZeroBitCount >> 3 }

    /// The lanes below lane `n` (0 to 7), all bits set.
    @inline(__always)
    static func below(_ n: Int) -> UInt64 { n == 0 ? 0 : ~UInt64(0) >> UInt64(64 - 8 * n) }
}
