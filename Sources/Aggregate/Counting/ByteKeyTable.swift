import Records

/// A hash table from byte strings to dense ids (0, 1, 2, ... in order of insertion).
///
/// Why: the report looks up every mention's type and key, and every number's
/// kind and unit. As Strings that means building each String and hashing it
/// with SipHash after a Unicode normalisation check; here the bytes read from
/// the record are hashed (FNV-1a) and compared as they are. A key made of
/// several strings is given as its pieces (`JoinedKey`) and never copied
/// together to be looked up. Keys live in one byte array; slots hold an id,
/// or -1 when empty.
struct ByteKeyTable {
    /// All keys, one after another.
    private var keyBytes: [UInt8] = []
    /// Where each id's key starts in `keyBytes` (one more entry: the end).
    private var keyStarts: [Int] = [0]
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    /// The bytes of the key `find` last missed (its pieces point into a
    /// record that may be gone when `insertMissed` is called).
    private var missed: [UInt8] = []

    /// How many keys the table holds.
    var count: Int { keyStarts.count - 1 }

    /// The id of `key`, if the table holds it.
    func id(of key: JoinedKey) -> Int32? {
        let mask = slots.count - 1
        var slot = key.hash & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if matches(Int(id), key) { return id }
            slot = (slot + 1) & mask
        }
    }

    func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? { id(of: JoinedKey(key)) }

    /// The id of `key`; when the table does not hold it, nil, and its bytes
    /// are kept for `insertMissed`.
    mutating func find(_ key: JoinedKey) -> Int32? {
        if let id = id(of: key) { return id }
        missed.removeAll(keepingCapacity: true)
        key.forEachPiece { piece, separated in
            if separated { missed.append(JoinedKey.separator) }
            missed.append(contentsOf: piece)
        }
        return nil
    }

    /// Adds the key `find` last missed and returns its id.
    mutating func insertMissed() -> Int32 {
        let key = missed
        return key.withUnsafeBufferPointer { insert($0) }
    }

    /// Adds `key` (not yet in the table) and returns its id.
    mutating func insert(_ key: JoinedKey) -> Int32 {
        let id = Int32(count)
        key.forEachPiece { piece, separated in
            if separated { keyBytes.append(JoinedKey.separator) }
            keyBytes.append(contentsOf: piece)
        }
        keyStarts.append(keyBytes.count)
        if 2 * count > slots.count { grow() } else { place(id, hash: key.hash) }
        return id
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 { insert(JoinedKey(key)) }

    private func matches(_ id: Int, _ key: JoinedKey) -> Bool {
        let start = keyStarts[id], length = keyStarts[id + 1] - start
        guard length == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            var at = start
            var same = true
            key.forEachPiece { piece, separated in
                guard same else { return }
                if separated {
                    same = stored[at] == JoinedKey.separator
                    at += 1
                }
                if same, piece.count > 0 { same = memcmp(stored.baseAddress! + at, piece.baseAddress!, piece.count) == 0 }
                at += piece.count
            }
            return same
        }
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
            let h = keyBytes.withUnsafeBufferPointer { JoinedKey(UnsafeBufferPointer(rebasing: $0[keyStarts[id]..<keyStarts[id + 1]])).hash }
            place(Int32(id), hash: h)
        }
    }
}

/// A byte key given as up to three pieces joined by 0xFF (a byte UTF-8
/// never holds, so the joined bytes tell the pieces apart), hashed piece by piece.
struct JoinedKey {
    static let separator: UInt8 = 0xFF

    let first: UnsafeBufferPointer<UInt8>
    let second: UnsafeBufferPointer<UInt8>?
    let third: UnsafeBufferPointer<UInt8>?

    init(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>? = nil, _ third: UnsafeBufferPointer<UInt8>? = nil) {
        self.first = first
        self.second = second
        self.third = second == nil ? nil : third
    }

    /// The length of the joined bytes.
    var count: Int { first.count + (second.map { $0.count + 1 } ?? 0) + (third.map { $0.count + 1 } ?? 0) }

    /// FNV-1a of the joined bytes, its high bits folded in.
    var hash: Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        forEachPiece { piece, separated in
            if separated { h = (h ^ UInt64(Self.separator)) &* 0x100_0000_01b3 }
            for b in piece { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// Each piece, and whether a separator comes before it.
    @inline(__always)
    func forEachPiece(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        body(first, false)
        if let second { body(second, true) }
        if let third { body(third, true) }
    }
}
