import ICUBridge

/// The BMP characters ICU's word iterator always leaves as one-character
/// segments with rule status 0 in Chinese text (punctuation and symbols
/// such as ，。「」%), per `zh_word_isolated`, as a bit set.
///
/// Why: a paragraph of Han runs and such characters breaks trivially (every
/// Han run one piece, every other character its own), so the segment stage
/// can skip ICU's word iterator for it; tests compare with ICU on random text.
public struct IsolatedCharacters: Sendable {
    public static let shared = IsolatedCharacters()
    private let bits: [UInt64]

    private init() {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for c in 0..<UInt32(0x10000) where zh_word_isolated(c) != 0 { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) }
        self.bits = bits
    }

    /// Calls `body` with a pointer view for inner loops.
    public func withBits<R>(_ body: (Bits) throws -> R) rethrows -> R {
        try bits.withUnsafeBufferPointer { try body(Bits(words: $0)) }
    }

    /// The set as a pointer view.
    public struct Bits {
        let words: UnsafeBufferPointer<UInt64>
        @inline(__always)
        public func contains(_ c: UInt32) -> Bool { c < 0x10000 && words[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 }
    }
}
