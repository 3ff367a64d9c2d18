/// A fixed set of scalar values (the rules' character classes: stop
/// characters, place endings, quotes, keyword initials), as a bitmap.
///
/// Why not `Set<UInt32>`: Swift's `Set` hashes every probe with SipHash,
/// which costs more than the rule around it when the question is asked at
/// every character or token of every paragraph. The classes are small and
/// their members lie close together (a few thousand code points at most), so
/// one bit per value between the smallest and the largest member answers
/// with a subtraction, a compare and one load.
public struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    /// The smallest member (bit 0 of `bits`).
    @usableFromInline let low: UInt32
    @usableFromInline let bits: [UInt64]

    public init(_ members: some Sequence<UInt32>) {
        let values = Array(members)
        let low = values.min() ?? 0
        let span = Int((values.max() ?? 0) - low) + 1
        var bits = [UInt64](repeating: 0, count: values.isEmpty ? 0 : (span + 63) / 64)
        for v in values {
            let d = Int(v - low)
            bits[d >> 6] |= 1 << UInt64(d & 63)
        }
        self.low = low
        self.bits = bits
    }

    public init(arrayLiteral members: UInt32...) { self.init(members) }

    /// The set of the scalars of `characters`.
    public init(characters: String) { self.init(characters.unicodeScalars.map(\.value)) }

    @inlinable @inline(__always)
    public func contains(_ v: UInt32) -> Bool {
        let d = v &- low  // wraps to a large value below `low`
        let word = Int(d >> 6)
        return word < bits.count && (bits[word] >> UInt64(d & 63)) & 1 != 0
    }
}
