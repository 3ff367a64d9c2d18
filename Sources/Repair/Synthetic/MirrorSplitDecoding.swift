/// Splitting the GBK bytes on `！` (A3 A1) and `”“` and decoding each piece
/// on its own with a decoder that swallows the byte after a bad lead byte:
/// `。“` holds a false `！`, and the text after it decodes one byte out of
/// step until an ASCII byte (`。“今天下午开` → `?!敖裉煜挛缈`). Full-width ASCII comes out
/// half-width. A lead byte left alone at a piece's end becomes `?` or, with
/// some decoders, vanishes (chosen per page).
public struct MirrorSplitDecoding: DamageMechanism {
    public let name = "mirror-split"
    let tools: MirrorTools

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        let variant: MirrorDecoder.Variant = rng.chance(0.5) ? .mbstring : .mbstringDroppingOrphans
        return tools.splitDecode(tools.encode(Array(text.unicodeScalars)), variant: variant)
    }
}
