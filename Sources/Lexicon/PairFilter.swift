/// One bit per hash of the two-character keys of a word table: a 256 KB
/// filter that stays in the cache and answers most positions of a text
/// without a look-up in the table itself.
///
/// Why: the word tables are tens of megabytes and every look-up in them is
/// a miss to memory, yet in running Chinese text about 85 % of positions
/// start no two-character key of the word list. A clear bit says "no such
/// key" for certain; a set bit means "look in the table" (about one in
/// twelve of the absent keys share a bit with a present one). Keys are
/// `ScalarHash` values, as both tables store them.
public struct PairFilter: Sendable {
    /// log2 of the number of bits.
    public static let bits = 21
    @usableFromInline var words: [UInt64]

    /// An empty filter: every key absent.
    public init() { words = [UInt64](repeating: 0, count: 1 << (Self.bits - 6)) }

    @inlinable @inline(__always)
    static func bit(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - bits)) }

    /// Writes the filter's bits, for a `BinaryCache`.
    public func encode(into out: inout ByteWriter) { out.array(words) }

    /// The filter `encode` wrote, or nil if what is read is not one.
    public init?(decoding reader: inout ByteReader) {
        guard let words: [UInt64] = reader.array(), words.count == 1 << (Self.bits - 6) else { return nil }
        self.words = words
    }

    /// Marks the key with this hash present.
    @inlinable
    public mutating func insert(_ hash: UInt64) {
        let bit = Self.bit(hash)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// False when no inserted key has this hash; true when one may.
    @inlinable @inline(__always)
    public func mayContain(_ hash: UInt64) -> Bool {
        words.withUnsafeBufferPointer { Bits(words: $0).mayContain(hash) }
    }

    /// The filter's bits for a loop that holds them outside the array.
    public struct Bits {
        @usableFromInline let words: UnsafeBufferPointer<UInt64>
        @inlinable init(words: UnsafeBufferPointer<UInt64>) { self.words = words }

        /// False when no inserted key has this hash; true when one may.
        @inlinable @inline(__always)
        public func mayContain(_ hash: UInt64) -> Bool {
            let bit = PairFilter.bit(hash)
            return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
    }

    /// Calls `body` with the bits, valid only inside it.
    @inlinable
    public func withBits<R>(_ body: (Bits) throws -> R) rethrows -> R {
        try words.withUnsafeBufferPointer { try body(Bits(words: $0)) }
    }
}
