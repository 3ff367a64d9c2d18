import Records

/// A hash table from byte strings to dense ids (0, 1, 2, ... in order of insertion).
///
/// Why: the report looks up every mention's type and key, and every number's
/// kind and unit. As Strings that means building each String and hashing it
/// with SipHash after a Unicode normalisation check; here the bytes read from
/// the record are hashed (FNV-1a) and compared as they are. Keys live in one
/// byte array; slots hold an id, or -1 when empty.
struct ByteKeyTable {
    /// All keys, one after another.
    private var keyBytes: [UInt8] = []
    /// Where each id's key starts in `keyBytes` (one more entry: the end).
    private var keyStarts: [Int] = [0]
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    /// How many keys the table holds.
    var count: Int { keyStarts.count - 1 }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The id of `key`, if the table holds it.
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if matches(Int(id), key) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `key` (not yet in the table) and returns its id.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let id = Int32(count)
        keyBytes.append(contentsOf: key)
        keyStarts.append(keyBytes.count)
        if 2 * count > slots.count { grow() } else { place(id, hash: Self.hash(key)) }
        return id
    }

    private func matches(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[id], length = keyStarts[id + 1] - start
        guard length == key.count else { return false }
        guard length > 0 else { return true }
        return keyBytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, length) == 0 }
    }

    private mutating func place(_ id: Int32, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    /// Doubles the slots and places every key again.
    private mutating func grow() {
        slots = Array(repeating: -1, count: 2 * slots.count)
        for id in 0..<count {
            let h = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[keyStarts[id]..<keyStarts[id + 1]])) }
            place(Int32(id), hash: h)
        }
    }
}
