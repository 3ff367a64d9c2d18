/// A site censoring a sensitive character throughout a page: every
/// occurrence becomes `*` (党员 → `*员`, 病毒 → `病*`).
///
/// Sites mask what their word filters list, so the character is the first of
/// a list of often censored ones (party, army, police, drugs, epidemics,
/// death, violence, gambling) that the text holds; a text with none of them
/// is left as it is, as such a site leaves it.
public struct MirrorCensoring: DamageMechanism {
    public let name = "mirror-censor"
    static let sensitive: [Unicode.Scalar] = ["党", "毒", "疫", "死", "警", "军", "政", "杀", "枪", "赌", "暴", "腐"]

    public init() {}

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let target = Self.sensitive.first(where: { scalars.contains($0) }) else { return text }
        return String(String.UnicodeScalarView(scalars.map { $0 == target ? "*" : $0 }))
    }
}
