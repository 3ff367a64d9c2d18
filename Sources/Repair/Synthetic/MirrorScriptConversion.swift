/// Simplified → Traditional, character by character, leaving characters
/// with several Traditional forms (干 后 里 于 并 么 ...) as they are: the
/// mixed script of a mirror page. Not undone by repair (the text keeps its
/// script); the normalised form matches either.
public struct MirrorScriptConversion: DamageMechanism {
    public let name = "mirror-script"
    let tools: MirrorTools

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        var view = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            view.append(tools.toTraditional[s.value].flatMap(Unicode.Scalar.init) ?? s)
        }
        return String(view)
    }
}
