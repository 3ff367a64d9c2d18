import ICUBridge

/// The BMP characters ICU's word iterator always leaves as one-character
/// segments with rule status 0 in Chinese text (punctuation and symbols
/// such as ，。「」%), as ICU itself answers when asked (`zh_word_isolated`
/// probes each punctuation or symbol character once), as bit sets; the ones that
/// join letters or digits around them (. , : ' ") are marked apart, and the
/// spaces, whose runs ICU keeps together, have a set of their own.
///
/// Why: a paragraph of Han runs, ASCII words and numbers, and such
/// characters breaks trivially, so the segment stage can skip ICU's word
/// iterator for it; tests compare with ICU on random text.
public struct IsolatedCharacters: Sendable {
    public static let shared = IsolatedCharacters()
    private let bits: [UInt64]
    private let joinerBits: [UInt64]
    private let spaceBits: [UInt64]

    private init() {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var joinerBits = bits, spaceBits = bits
        for c in 0..<UInt32(0x10000) {
            let bit: UInt64 = 1 << UInt64(c & 63)
            switch zh_word_isolated(c) {
            case 1: bits[Int(c >> 6)] |= bit
            case 2: bits[Int(c >> 6)] |= bit; joinerBits[Int(c >> 6)] |= bit
            case 3: spaceBits[Int(c >> 6)] |= bit
            default: break
            }
        }
        self.bits = bits
        self.joinerBits = joinerBits
        self.spaceBits = spaceBits
    }

    /// Calls `body` with a pointer view for inner loops.
    public func withBits<R>(_ body: (Bits) throws -> R) rethrows -> R {
        try bits.withUnsafeBufferPointer { bits in
            try joinerBits.withUnsafeBufferPointer { joiners in
                try spaceBits.withUnsafeBufferPointer { spaces in try body(Bits(words: bits, joiners: joiners, spaces: spaces)) }
            }
        }
    }

    /// The sets as pointer views.
    public struct Bits {
        let words: UnsafeBufferPointer<UInt64>
        let joiners: UnsafeBufferPointer<UInt64>
        let spaces: UnsafeBufferPointer<UInt64>
        /// Always a segment of its own.
        @inline(__always)
        public func contains(_ c: UInt32) -> Bool { c < 0x10000 && words[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 }
        /// Isolated, but would join ASCII letters or digits on both sides of it (3.5, don't).
        @inline(__always)
        public func joins(_ c: UInt32) -> Bool { c < 0x10000 && joiners[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 }
        /// A space that joins the spaces next to it into one segment (WSegSpace).
        @inline(__always)
        public func isSpace(_ c: UInt32) -> Bool { c < 0x10000 && spaces[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 }
    }
}
