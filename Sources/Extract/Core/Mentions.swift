import Records

/// A quantity found in the text: where, its exact value (and upper bound for
/// a range), the unit or classifier after it and what kind of quantity it is.
public struct NumberMention: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var value: DecimalValue
    /// Upper bound of a range (三四个 3–4, 十几个 11–19); nil for one value.
    public var max: DecimalValue?
    public var unit: String?
    /// count, money, weight, length, area, volume, percent, ordinal, date, time, duration, ...
    public var kind: String
    /// True for vague amounts (约, 近, 余, 多, 左右, ranges written vaguely).
    public var approx: Bool
    /// For fractions that have no exact decimal (三分之一): numerator and denominator.
    public var fraction: (Int, Int)?

    public static func == (a: NumberMention, b: NumberMention) -> Bool {
        a.start == b.start && a.end == b.end && a.value == b.value && a.max == b.max && a.unit == b.unit && a.kind == b.kind && a.approx == b.approx
    }
}

/// A named entity or a date/time expression found in the text.
public struct EntityMention: Equatable, Sendable {
    /// The entity types of the record format.
    public enum Kind: String, Sendable { case person = "PER", location = "LOC", organisation = "ORG", date = "DATE", time = "TIME" }
    public var type: Kind
    public var start: Int
    public var end: Int
    /// Normalised key: simplified script, or ISO 8601 for dates.
    public var norm: String
    public var role: String?
    /// What made the rules accept it (lexicon, title, byline, speech, suffix, ...).
    public var evidence: String
    /// A surname with a placeholder or a familiar prefix (周某某, 小黄, 老王, 江主席).
    public var partial: Bool = false
    /// Nested places, outermost first (太原市 ▸ 小店区 ▸ 小店街道).
    public var chain: [String]? = nil
    /// The full name an abbreviation stands for in this document.
    public var fullName: String? = nil
    /// The text of a lunar or relative date, kept as written.
    public var calendar: String? = nil
}

/// A place where a number is needed but none is written (约人, 余名).
public struct MissingNumber: Equatable, Sendable {
    public var start: Int
    public var end: Int
}
