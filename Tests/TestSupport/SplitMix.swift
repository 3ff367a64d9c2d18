import Repair

/// The deterministic random generator of property and fuzz tests: the
/// synthetic-damage generator's SplitMix64 (`Repair.SeededRandom`), so a
/// failing random test reproduces from its seed on every platform.
public typealias SplitMix = SeededRandom

extension SeededRandom {
    /// The same generator, named by its state as the property tests do.
    public init(state: UInt64) { self.init(seed: state) }
}
