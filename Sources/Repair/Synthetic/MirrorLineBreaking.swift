/// Line breaks inserted inside running text (`统一指挥` → `统\n\n一指挥`), as
/// pages that wrap lines in their HTML end up: one or two per text, between
/// two Chinese characters of a long line.
public struct MirrorLineBreaking: DamageMechanism {
    public let name = "mirror-linebreak"

    public init() {}

    public func apply(to text: String, rng: inout SeededRandom) -> String {
        var scalars = Array(text.unicodeScalars)
        let breaks = 1 + rng.int(in: 0..<2)
        for _ in 0..<breaks {
            // Places between two Chinese characters, at least 20 characters into a line.
            var places: [Int] = []
            var column = 0
            for i in 1..<max(1, scalars.count) {
                column = scalars[i - 1] == "\n" ? 0 : column + 1
                if column >= 20, RuleEditing.isHan(scalars[i - 1].value), RuleEditing.isHan(scalars[i].value) { places.append(i) }
            }
            guard !places.isEmpty else { break }
            scalars.insert(contentsOf: ["\n", "\n"], at: places[rng.int(in: 0..<places.count)])
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
