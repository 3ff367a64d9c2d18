/// An open-addressing hash table from 64-bit keys to values, for the look-ups
/// on the stages' hot paths (character pairs, prefix-tree edges).
///
/// Swift's `Dictionary` hashes every key with SipHash, which costs more than
/// the rest of a look-up when keys are packed integers and the table is
/// consulted at every character of every paragraph. Here a key is spread by
/// one multiplication and found by linear probing; the table doubles when it
/// is half full. `UInt64.max` marks an empty slot, so it cannot be a key.
/// Look-up and insertion are inlinable, so they are specialised for the
/// value type in the module that calls them (unspecialised, every insertion
/// asks the runtime for the metadata of `[Value]`: most of a lexicon's load).
public struct IntegerKeyTable<Value> {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value]
    @usableFromInline var mask: Int
    @usableFromInline let filler: Value
    @usableFromInline var stored = 0
    /// Number of keys stored.
    public var count: Int { stored }

    @usableFromInline static var empty: UInt64 { .max }

    /// An empty table with room for `capacity` keys before it grows; `filler`
    /// fills the value slots no key uses.
    public init(capacity: Int = 8, filler: Value) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [Value](repeating: filler, count: size)
        mask = size - 1
        self.filler = filler
    }

    @inlinable @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Makes room for `capacity` keys without growing on the way.
    @inlinable
    public mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 2 > keys.count { rehash(minimumSize: capacity * 2) }
    }

    /// Stores `value` for `key`, replacing any value it had.
    @inlinable
    public mutating func insert(_ key: UInt64, _ value: Value) {
        precondition(key != Self.empty, "UInt64.max cannot be a key")
        if (stored + 1) * 2 > keys.count { rehash(minimumSize: keys.count * 2) }
        var i = Self.slot(key, mask)
        while keys[i] != Self.empty && keys[i] != key { i = (i + 1) & mask }
        if keys[i] == Self.empty { stored += 1 }
        keys[i] = key
        values[i] = value
    }

    /// The value stored for `key`, or nil.
    @inlinable @inline(__always)
    public func lookup(_ key: UInt64) -> Value? {
        keys.withUnsafeBufferPointer { k in
            var i = Self.slot(key, mask)
            while true {
                let found = k[i]
                if found == key { return values[i] }
                if found == Self.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    @usableFromInline
    mutating func rehash(minimumSize: Int) {
        var size = keys.count
        while size < minimumSize { size <<= 1 }
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [Value](repeating: filler, count: size)
        mask = size - 1
        for (k, v) in zip(oldKeys, oldValues) where k != Self.empty {
            var i = Self.slot(k, mask)
            while keys[i] != Self.empty { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }
}

extension IntegerKeyTable: Sendable where Value: Sendable {}
