import ICUBridge
import Lexicon

extension WordTrie {
    /// The trie's keys of two characters and more: an open-addressing table
    /// whose 16-byte slots are the keys themselves.
    ///
    /// Why not `IntegerKeyTable<Key>`: that table stores each 64-bit hash
    /// beside its 12-byte value, a 24-byte slot that now and then straddles
    /// two cache lines, and extraction looks the table up at nearly every
    /// position of every paragraph, a miss to memory each time. Here a slot
    /// keeps the hash's high 32 bits inside the key and the home slot comes
    /// from them, so the table is two thirds of the size and a slot never
    /// straddles a line. A key is known by those 32 bits and its 30-bit
    /// second hash: two keys would have to agree on 62 bits to be confused.
    struct KeyTable {
        /// A key and the high 32 bits of its hash (which also give its home).
        struct Slot {
            var high: UInt32
            var key: Key
            static let empty = Slot(high: 0, key: .none)
        }

        private(set) var slots: [Slot]
        private var mask: Int
        private(set) var count = 0

        init(capacity: Int = 8) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = Self.emptySlots(size)
            mask = size - 1
        }

        private static func emptySlots(_ count: Int) -> [Slot] {
            [Slot](unsafeUninitializedCapacity: count) { buffer, initialized in
                // Look-ups land at random: huge pages spare the TLB.
                HugePages.advise(buffer.baseAddress, bytes: count * MemoryLayout<Slot>.stride)
                buffer.initialize(repeating: .empty)
                initialized = count
            }
        }

        @inline(__always)
        static func high(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) }

        @inline(__always)
        static func home(_ high: UInt32, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (UInt64(high) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }

        /// The key with hash `hash` and second hash `check`, or `.none`.
        @inline(__always)
        func lookup(_ hash: UInt64, _ check: UInt64) -> Key {
            let high = Self.high(hash)
            return slots.withUnsafeBufferPointer { s in
                var i = Self.home(high, mask)
                while true {
                    let slot = s[i]
                    if !slot.key.present { return .none }
                    if slot.high == high && slot.key.checks(check) { return slot.key }
                    i = (i + 1) & mask
                }
            }
        }

        /// Stores `key` under `hash`, replacing the key with the same hashes.
        mutating func insert(_ hash: UInt64, _ key: Key) {
            let high = Self.high(hash)
            if (count + 1) * 2 > slots.count { resize(slots.count * 2) }
            var i = Self.home(high, mask)
            while slots[i].key.present && !(slots[i].high == high && slots[i].key.check == key.check) { i = (i + 1) & mask }
            if !slots[i].key.present { count += 1 }
            slots[i] = Slot(high: high, key: key)
        }

        /// Starts loading the home slot of `hash`, for a look-up a little later.
        @inline(__always)
        func prefetch(_ hash: UInt64) {
            slots.withUnsafeBufferPointer { s in zh_prefetch(s.baseAddress! + Self.home(Self.high(hash), mask)) }
        }

        /// Makes room for `capacity` keys without growing on the way.
        mutating func reserveCapacity(_ capacity: Int) {
            if capacity * 2 > slots.count { resize(capacity * 2) }
        }

        /// Changes every stored key in place.
        mutating func updateValues(_ update: (inout Key) -> Void) {
            for i in slots.indices where slots[i].key.present { update(&slots[i].key) }
        }

        private mutating func resize(_ minimumSize: Int) {
            var size = slots.count
            while size < minimumSize { size <<= 1 }
            let old = slots
            slots = Self.emptySlots(size)
            mask = size - 1
            for slot in old where slot.key.present {
                var i = Self.home(slot.high, mask)
                while slots[i].key.present { i = (i + 1) & mask }
                slots[i] = slot
            }
        }

        /// Writes the table as it is in memory, for a `BinaryCache`.
        func encode(into out: inout ByteWriter) {
            out.int(count)
            out.array(slots)
        }

        /// The table `encode` wrote, or nil if what is read is not one.
        init?(decoding reader: inout ByteReader) {
            guard let count = reader.int(), let slots: [Slot] = reader.array(),
                  slots.count >= 16, slots.count & (slots.count - 1) == 0, count * 2 <= slots.count else { return nil }
            self.slots = slots
            self.mask = slots.count - 1
            self.count = count
        }
    }
}
