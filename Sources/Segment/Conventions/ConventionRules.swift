import Lexicon

/// One convention's splitting rules, read from lexicons/segment_conventions.tsv.
///
/// Why data and not code: which units, demonstratives and bound suffixes a
/// standard cuts off is a list a linguist maintains, and a user with another
/// standard in mind edits the file, not the segmenter. Characters are stored
/// as look-up keys (normalised like the text the lattice sees), so Traditional
/// text follows the same rules.
struct ConventionRules: Sendable {
    /// The file name in the lexicon folder.
    static let file = "segment_conventions.tsv"

    /// Units a number gives up as tokens of their own (年 in 2009年).
    var numberUnits: Set<UInt32> = []
    /// Demonstratives a following measure word is cut from (这 in 这种).
    var demonstratives: Set<UInt32> = []
    /// Characters that make a pronoun, not a classifier, after a demonstrative (里 in 这里).
    var pronounSeconds: Set<UInt32> = []
    /// Bound morphemes cut from the lexicon word before them (市 in 天津市).
    var suffixes: Set<UInt32> = []

    /// True when the convention changes nothing (the default's, or an empty file).
    var isEmpty: Bool { numberUnits.isEmpty && demonstratives.isEmpty && suffixes.isEmpty }

    /// Rules for every convention named in the file, keyed by name. A row
    /// naming an unknown convention or rule, or a field that is not one
    /// character, is an error with its line number.
    static func read(path: String, keys: KeyNormalizer) throws -> [SegmentConvention: ConventionRules] {
        let file = TSVLines(bytes: try SegmentLexicon.read(path))
        var rules: [SegmentConvention: ConventionRules] = [:]
        var scalars: [UInt32] = []
        try file.forEach { row in
            guard row.fields.count >= 3 else {
                throw LexiconError(file: path, line: row.line, problem: "expected convention, rule and one character")
            }
            let name = file.string(row.fields[0])
            guard let convention = SegmentConvention(rawValue: name) else {
                throw LexiconError(file: path, line: row.line, problem: "unknown convention \"\(name)\" (known: \(SegmentConvention.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            scalars.removeAll(keepingCapacity: true)
            guard file.scalars(row.fields[2], into: &scalars), scalars.count == 1 else {
                throw LexiconError(file: path, line: row.line, problem: "expected one character in the third field")
            }
            let key = keys.key(scalars[0])
            let rule = file.string(row.fields[1])
            switch rule {
            case "number_unit": rules[convention, default: ConventionRules()].numberUnits.insert(key)
            case "demonstrative": rules[convention, default: ConventionRules()].demonstratives.insert(key)
            case "pronoun_second": rules[convention, default: ConventionRules()].pronounSeconds.insert(key)
            case "suffix": rules[convention, default: ConventionRules()].suffixes.insert(key)
            default:
                throw LexiconError(file: path, line: row.line, problem: "unknown rule \"\(rule)\" (known: number_unit, demonstrative, pronoun_second, suffix)")
            }
        }
        return rules
    }
}
