/// Full-width ASCII folded to half-width after decoding (`！` → `!`, `（` → `(`).
/// Not undone by repair (it is what the normalised form does anyway).
public struct MirrorWidthFolding: DamageMechanism {
    public let name = "mirror-width"

    public init() {}

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        var view = String.UnicodeScalarView()
        for s in text.unicodeScalars { view.append(Unicode.Scalar(MirrorDecoder.fold(s.value)) ?? s) }
        return String(view)
    }
}
