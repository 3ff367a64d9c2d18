/// Pinyin annotation by a plain byte replace on the GBK bytes: each of a
/// page's chosen characters gets `(reading)` after every occurrence of its
/// code, including occurrences that straddle two characters; decoded by the
/// mirror's swallowing decoder, so such annotations land inside characters
/// (`日?qǐng)?bào)告`).
public struct MirrorPinyinAnnotation: DamageMechanism {
    public let name = "mirror-pinyin"
    let tools: MirrorTools
    /// How many distinct characters a page annotates.
    var listSize = 12

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        let scalars = Array(text.unicodeScalars)
        let list = tools.annotationList(scalars, count: listSize, rng: &rng)
        let bytes = tools.annotate(tools.encode(scalars), characters: list)
        // One decode for the whole text (no split): only the annotation damage.
        var view = String.UnicodeScalarView()
        var out: [UInt32] = []
        MirrorDecoder(table: tools.gbk).decodePiece(bytes[...], variant: .mbstring, into: &out)
        for v in out { if let s = Unicode.Scalar(v) { view.append(s) } }
        return String(view)
    }
}
