import Lexicon

/// Every damage mechanism the synthetic generator knows, by name.
///
/// `classic` are the codec mix-ups (ClassicMojibake); `mirror` are the
/// mirror-site mechanisms (Mirror*.swift, by the rules passes' authors).
public enum DamageCatalog {
    /// All mechanisms, classic first (the mirror ones read `lexicons`, or the located folder).
    public static func all(lexicons: LexiconDirectory? = nil) throws -> [any DamageMechanism] {
        try classic() + mirror(lexicons: lexicons)
    }

    public static func classic() throws -> [any DamageMechanism] {
        try ClassicMojibake.all()
    }

    /// The mirror-site mechanisms (pinyin annotation on GBK bytes, splitting
    /// on ！, byte-swallowing decoding, width folding, tag stripping,
    /// censoring, line breaking). repair-rules: list yours here.
    public static func mirror(lexicons: LexiconDirectory? = nil) throws -> [any DamageMechanism] {
        // NOTE(repair-rules): mirror-script and mirror-width are not undone by
        // repair (text keeps its script and width); compare normalised forms.
        try MirrorSite.all(lexicons: lexicons ?? LexiconDirectory.locate())
    }

    /// The mechanism called `name`, if any.
    public static func named(_ name: String) throws -> (any DamageMechanism)? {
        try all().first { $0.name == name }
    }
}

/// Applies mechanisms to clean text, deterministically from a seed.
public struct DamageGenerator: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// The text damaged by `mechanism`; item `index` gets its own random stream.
    public func damage(_ text: String, with mechanism: any DamageMechanism, index: Int) -> String {
        var rng = SeededRandom(seed: seed &+ UInt64(index) &* 0x9E37_79B9 &+ Self.hash(mechanism.name))
        return mechanism.apply(to: text, rng: &rng)
    }

    /// A stable hash of a name (FNV-1a), so streams do not depend on catalog order.
    static func hash(_ name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
