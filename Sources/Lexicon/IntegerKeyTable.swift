import ICUBridge

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
    /// A key and its value side by side, so a look-up touches one cache line
    /// (the tables are far larger than the cache: a miss is most of a look-up).
    @usableFromInline struct Slot {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Value
        @inlinable init(key: UInt64, value: Value) { self.key = key; self.value = value }
    }

    @usableFromInline var slots: [Slot]
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
        slots = Self.emptySlots(size, filler)
        mask = size - 1
        self.filler = filler
    }

    /// `count` empty slots; a large table asks for huge pages first (its
    /// look-ups land at random).
    @usableFromInline
    static func emptySlots(_ count: Int, _ filler: Value) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(buffer.baseAddress, bytes: count * MemoryLayout<Slot>.stride)
            buffer.initialize(repeating: Slot(key: Self.empty, value: filler))
            initialized = count
        }
    }

    @inlinable @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Makes room for `capacity` keys without growing on the way.
    @inlinable
    public mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 2 > slots.count { rehash(minimumSize: capacity * 2) }
    }

    /// Stores `value` for `key`, replacing any value it had.
    @inlinable
    public mutating func insert(_ key: UInt64, _ value: Value) {
        precondition(key != Self.empty, "UInt64.max cannot be a key")
        if (stored + 1) * 2 > slots.count { rehash(minimumSize: slots.count * 2) }
        var i = Self.slot(key, mask)
        while slots[i].key != Self.empty && slots[i].key != key { i = (i + 1) & mask }
        if slots[i].key == Self.empty { stored += 1 }
        slots[i] = Slot(key: key, value: value)
    }

    /// The value stored for `key`, or nil.
    @inlinable @inline(__always)
    public func lookup(_ key: UInt64) -> Value? {
        slots.withUnsafeBufferPointer { s in
            var i = Self.slot(key, mask)
            while true {
                let found = s[i].key
                if found == key { return s[i].value }
                if found == Self.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Asks the processor to start loading the slot where a look-up of `key`
    /// begins, so that look-up, issued a little later, finds it in the cache.
    @inlinable @inline(__always)
    public func prefetch(_ key: UInt64) {
        slots.withUnsafeBufferPointer { s in
            zh_prefetch(s.baseAddress! + Self.slot(key, mask))
        }
    }

    /// Changes every stored value in place.
    @inlinable
    public mutating func updateValues(_ update: (inout Value) -> Void) {
        for i in slots.indices where slots[i].key != Self.empty { update(&slots[i].value) }
    }

    @usableFromInline
    mutating func rehash(minimumSize: Int) {
        var size = slots.count
        while size < minimumSize { size <<= 1 }
        let old = slots
        slots = Self.emptySlots(size, filler)
        mask = size - 1
        for slot in old where slot.key != Self.empty {
            var i = Self.slot(slot.key, mask)
            while slots[i].key != Self.empty { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

extension IntegerKeyTable {
    /// Writes the table as it is in memory, for a `BinaryCache` (values
    /// must hold no references).
    public func encode(into out: inout ByteWriter) {
        out.int(stored)
        out.array(slots)
    }

    /// The table `encode` wrote, or nil if what is read is not one.
    public init?(decoding reader: inout ByteReader, filler: Value) {
        guard let stored = reader.int(), let slots: [Slot] = reader.array(),
              slots.count >= 16, slots.count & (slots.count - 1) == 0, stored * 2 <= slots.count else { return nil }
        self.slots = slots
        self.mask = slots.count - 1
        self.filler = filler
        self.stored = stored
    }
}

extension IntegerKeyTable: Sendable where Value: Sendable {}
extension IntegerKeyTable.Slot: Sendable where Value: Sendable {}
