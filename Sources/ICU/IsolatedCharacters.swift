import ICUBridge

/// The BMP characters ICU's word iterator always leaves as one-character
/// segments with rule status 0 in Chinese text (punctuation and symbols
/// such as ，。「」%), as ICU itself answers when asked (`zh_word_isolated`
/// probes each punctuation or symbol character once), as bit sets; the ones that
/// join two letters or two digits around them (. , ; ') are marked apart, and the
/// spaces, whose runs ICU keeps together, have a set of their own.
///
/// Why: a paragraph of Han runs, ASCII words and numbers, and such
/// characters breaks trivially, so the segment stage can skip ICU's word
/// iterator for it; tests compare with ICU on random text.
public struct IsolatedCharacters: Sendable {
    public static let shared = IsolatedCharacters()
    private let bits: [UInt64]
    private let letterJoinerBits: [UInt64]
    private let digitJoinerBits: [UInt64]
    private let spaceBits: [UInt64]

    private init() {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var letterJoinerBits = bits, digitJoinerBits = bits, spaceBits = bits
        for c in 0..<UInt32(0x10000) {
            let bit: UInt64 = 1 << UInt64(c & 63), word = Int(c >> 6)
            switch zh_word_isolated(c) {
            case 1: bits[word] |= bit
            case 3: spaceBits[word] |= bit
            case let joins where joins & 1 == 0 && joins > 0:
                bits[word] |= bit
                if joins & 2 != 0 { letterJoinerBits[word] |= bit }
                if joins & 4 != 0 { digitJoinerBits[word] |= bit }
            default: break
            }
        }
        self.bits = bits
        self.letterJoinerBits = letterJoinerBits
        self.digitJoinerBits = digitJoinerBits
        self.spaceBits = spaceBits
    }

    /// Calls `body` with a pointer view for inner loops.
    public func withBits<R>(_ body: (Bits) throws -> R) rethrows -> R {
        try bits.withUnsafeBufferPointer { bits in
            try letterJoinerBits.withUnsafeBufferPointer { letters in
                try digitJoinerBits.withUnsafeBufferPointer { digits in
                    try spaceBits.withUnsafeBufferPointer { spaces in
                        try body(Bits(words: bits, letterJoiners: letters, digitJoiners: digits, spaces: spaces))
                    }
                }
            }
        }
    }

    /// The sets as pointer views.
    public struct Bits {
        let words: UnsafeBufferPointer<UInt64>
        let letterJoiners: UnsafeBufferPointer<UInt64>
        let digitJoiners: UnsafeBufferPointer<UInt64>
        let spaces: UnsafeBufferPointer<UInt64>

        @inline(__always)
        static func test(_ set: UnsafeBufferPointer<UInt64>, _ c: UInt32) -> Bool {
            c < 0x10000 && set[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0
        }
        /// A segment of its own, except where it joins letters or digits (below).
        @inline(__always)
        public func contains(_ c: UInt32) -> Bool { Self.test(words, c) }
        /// Isolated, but joins two ASCII letters on either side of it into one segment (a.b, don't).
        @inline(__always)
        public func joinsLetters(_ c: UInt32) -> Bool { Self.test(letterJoiners, c) }
        /// Isolated, but joins two ASCII digits on either side of it into one segment (3.5, 1,000).
        @inline(__always)
        public func joinsDigits(_ c: UInt32) -> Bool { Self.test(digitJoiners, c) }
        /// A space that joins the spaces next to it into one segment (WSegSpace).
        @inline(__always)
        public func isSpace(_ c: UInt32) -> Bool { Self.test(spaces, c) }
    }
}
