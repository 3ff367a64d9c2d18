/// The byte damage a GBK "mirror" site does, as a function: split the bytes
/// on `！` (A3 A1) and `”“` (A1 B1 A1 B0), decode each piece on its own with
/// a decoder that swallows the byte after a bad lead byte, re-join with the
/// delimiter, and fold full-width ASCII to half-width.
///
/// The byte-level repairs push every candidate through this model and keep
/// only candidates that reproduce the damaged text exactly; the synthetic
/// damage generator uses it to make such text from clean text.
struct MirrorDecoder {
    /// What the decoder does with a lead byte left alone at the end of a piece.
    enum Orphan: CaseIterable {
        /// It becomes the bad-byte mark (as a bad byte does).
        case marked
        /// It vanishes.
        case dropped
    }

    /// How a decoder treats bytes it cannot decode.
    struct Variant: Equatable {
        /// What a bad byte becomes: `?` (PHP mbstring) or U+FFFD (ICU, Python, browsers).
        var mark: UInt32
        /// Whether the byte after a bad lead byte is taken with it.
        var swallows: Bool
        var orphan: Orphan
        /// Whether private-use characters (GBK's user-defined area) are dropped afterwards.
        var dropsPrivateUse = false

        /// PHP mbstring's CP936: `?`, swallowing.
        static let mbstring = Variant(mark: 0x3F, swallows: true, orphan: .marked)
        /// The same, but a lead byte alone at a piece's end vanishes.
        static let mbstringDroppingOrphans = Variant(mark: 0x3F, swallows: true, orphan: .dropped)
        /// ICU, Python, iconv, browsers: U+FFFD, the next byte kept.
        static let replacing = Variant(mark: 0xFFFD, swallows: false, orphan: .marked)

        func droppingPrivateUse() -> Variant {
            var v = self
            v.dropsPrivateUse = true
            return v
        }

        static let all: [Variant] = [.mbstring, .mbstringDroppingOrphans, .replacing].flatMap { [$0, $0.droppingPrivateUse()] }
    }

    static let exclamation: [UInt8] = [0xA3, 0xA1]
    static let quotes: [UInt8] = [0xA1, 0xB1, 0xA1, 0xB0]

    let table: GBKTable

    /// The damaged text the mirror makes of `bytes`.
    func damage(_ bytes: [UInt8], variant: Variant) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count)
        var pieceStart = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xA1, i + 3 < bytes.count, bytes[i + 1] == 0xB1, bytes[i + 2] == 0xA1, bytes[i + 3] == 0xB0 {
                decodePiece(bytes[pieceStart..<i], variant: variant, into: &out)
                out.append(0x201D); out.append(0x201C)
                i += 4; pieceStart = i
            } else if bytes[i] == 0xA3, i + 1 < bytes.count, bytes[i + 1] == 0xA1 {
                decodePiece(bytes[pieceStart..<i], variant: variant, into: &out)
                out.append(0x21)
                i += 2; pieceStart = i
            } else {
                i += 1
            }
        }
        decodePiece(bytes[pieceStart..<bytes.count], variant: variant, into: &out)
        return out
    }

    /// Decodes one piece. With `variant.swallows` (PHP mbstring's CP936) a
    /// lead byte followed by a byte that cannot end a code becomes `?` and
    /// takes that byte with it. Full-width ASCII is folded to half-width.
    func decodePiece(_ bytes: ArraySlice<UInt8>, variant: Variant, into out: inout [UInt32]) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 { out.append(UInt32(b)); i += 1; continue }
            guard GBKTable.isLead(b) else { out.append(variant.mark); i += 1; continue }
            guard i + 1 < bytes.endIndex else {
                if variant.orphan == .marked { out.append(variant.mark) }
                i += 1
                continue
            }
            let t = bytes[i + 1]
            if GBKTable.isTrail(t) {
                if let v = table.character(b, t) {
                    if !(variant.dropsPrivateUse && v >= 0xE000 && v <= 0xF8FF) { out.append(Self.fold(v)) }
                } else if ByteHypothesis.isUserDefined(b, t) {
                    if !variant.dropsPrivateUse { out.append(0xE000) }
                } else {
                    out.append(variant.mark)
                }
                i += 2
            } else {
                out.append(variant.mark)
                i += variant.swallows ? 2 : 1
            }
        }
    }

    /// Full-width ASCII to ASCII, the ideographic space to a space.
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFF01 + 0x21 }
        if v == 0x3000 { return 0x20 }
        return v
    }
}
