/// One way text gets damaged in transit, applied to clean text to make test
/// and benchmark material whose repair can be checked against the original.
///
/// A mechanism is a pure function of its input and the random generator:
/// the same text and seed always give the same damage, so evaluation runs
/// and test failures reproduce exactly. Mechanisms that work on bytes (the
/// mirror-site ones, the codec mix-ups) encode and decode inside `apply`.
///
/// To add one: write a struct conforming to this protocol in its own file in
/// Sources/Repair/Synthetic/ and list it in `DamageCatalog.all`.
public protocol DamageMechanism: Sendable {
    /// A short stable name, e.g. "mojibake-utf8-as-gbk" (shown by `zhpipe eval repair`).
    var name: String { get }
    /// The damaged form of `text`; `rng` decides what and where to damage.
    func apply(to text: String, rng: inout SeededRandom) -> String
}

/// A small, fast, seedable random generator (SplitMix64), identical on every
/// platform, so synthetic damage is reproducible from its seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) * 0x1.0p-53 < p
    }

    /// A uniform integer in `range` (deterministic: does not depend on the
    /// standard library's sampling algorithm).
    public mutating func int(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "empty range")
        return range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A generator for an independent stream (e.g. one per document).
    public mutating func fork() -> SeededRandom { SeededRandom(seed: next()) }
}
