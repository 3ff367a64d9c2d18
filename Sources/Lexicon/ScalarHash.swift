/// The hash of a sequence of scalar values, extended one scalar at a time
/// (FNV-1a over 32-bit values), for the word tables that look up every
/// prefix of a text position: the hash of text[i..<j+1] comes from that of
/// text[i..<j] in one step.
///
/// Why one definition: segment's word table stores these hashes in its cache
/// file and extract's word trie keys its table with them; both extend a
/// candidate word character by character in their inner loops.
public enum ScalarHash {
    /// The hash of the empty sequence.
    public static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of a sequence extended by one scalar.
    @inlinable @inline(__always)
    public static func extend(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01b3
    }
}
