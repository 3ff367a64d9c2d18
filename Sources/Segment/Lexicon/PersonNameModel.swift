import Foundation

/// Chinese personal names the lexicon does not list (王小明, 李继泉): a
/// surname and one or two given-name characters, offered to the lattice as
/// one word with a class-based probability.
///
/// Everything comes from the lexicon's own person-name entries (jieba's tag
/// `nr`, ~70k names): P(a token is a person name) is their share of all word
/// frequency; P(surname) is how often a character starts a two- or
/// three-character name (characters that start fewer than 30 are not
/// surnames); P(given-name character) is how often it fills a given-name
/// position. A name's weight is the log of P(name) × P(surname) ×
/// P(each given character) × P(length), so it competes with ordinary words
/// on the same scale: 张开 (a verb the lexicon knows) stays a verb, while
/// three characters that only make sense as a name become one. Nothing here
/// was fitted to a test set.
struct PersonNameModel: Sendable {
    /// Log-probabilities by character (BMP only; names outside it are not modelled).
    private var surname: [Float]
    private var given: [Float]
    /// A bit per BMP character that is a surname: the lattice asks at every
    /// position, and 8 KB stay in cache where the 256 KB weight table does not.
    private var surnameBits: [UInt64]
    /// log P(a token is a person name).
    let nameClassWeight: Float

    /// Surnames must start at least this many name entries.
    static let minimumSurnameCount = 30
    /// log P(length): three-character names are the common case.
    static let twoWeight = Float(log(0.2))
    static let threeWeight = Float(log(0.8))

    static let absent = -Float.infinity

    init(surnames: [(UInt32, Float)], given: [(UInt32, Float)], nameClassWeight: Float) {
        self.surname = [Float](repeating: Self.absent, count: 0x10000)
        self.given = [Float](repeating: Self.absent, count: 0x10000)
        self.surnameBits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for (c, w) in surnames where c < 0x10000 && w > Self.absent {
            surname[Int(c)] = w
            surnameBits[Int(c >> 6)] |= 1 << UInt64(c & 63)
        }
        for (c, w) in given where c < 0x10000 { self.given[Int(c)] = w }
        self.nameClassWeight = nameClassWeight
    }

    /// The model's tables as sorted (character, weight) lists, for the cache.
    var surnameList: [(UInt32, Float)] { Self.list(surname) }
    var givenList: [(UInt32, Float)] { Self.list(given) }

    static func list(_ table: [Float]) -> [(UInt32, Float)] {
        table.indices.filter { table[$0] > absent }.map { (UInt32($0), table[$0]) }
    }

    /// The model's tables as pointers, for the lattice's inner loop.
    struct Tables {
        let surname: UnsafeBufferPointer<Float>
        let given: UnsafeBufferPointer<Float>
        let surnameBits: UnsafeBufferPointer<UInt64>
        let nameClassWeight: Float

        /// The weights of the two- and three-character names starting at
        /// `i` (nil where a character is no surname or given-name character),
        /// reading each character's weight once.
        @inline(__always)
        func weights(_ t: UnsafeBufferPointer<UInt32>, at i: Int) -> (two: Double?, three: Double?) {
            let s = t[i]
            guard s < 0x10000, i + 2 <= t.count else { return (nil, nil) }
            let surnameWeight = surname[Int(s)]
            let first = t[i + 1]
            guard surnameWeight > PersonNameModel.absent, first < 0x10000 else { return (nil, nil) }
            let firstWeight = given[Int(first)]
            guard firstWeight > PersonNameModel.absent else { return (nil, nil) }
            let w = surnameWeight + firstWeight
            let two = Double(w + nameClassWeight + PersonNameModel.twoWeight)
            guard i + 3 <= t.count, t[i + 2] < 0x10000 else { return (two, nil) }
            let secondWeight = given[Int(t[i + 2])]
            guard secondWeight > PersonNameModel.absent else { return (two, nil) }
            return (two, Double(w + secondWeight + nameClassWeight + PersonNameModel.threeWeight))
        }

        @inline(__always)
        func isSurname(_ c: UInt32) -> Bool { c < 0x10000 && surnameBits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 }
    }

    func withTables<R>(_ body: (Tables) throws -> R) rethrows -> R {
        try surname.withUnsafeBufferPointer { s in
            try given.withUnsafeBufferPointer { g in
                try surnameBits.withUnsafeBufferPointer { bits in
                    try body(Tables(surname: s, given: g, surnameBits: bits, nameClassWeight: nameClassWeight))
                }
            }
        }
    }

    /// Learns the model from the table's `nr` entries (raw frequencies, before weights are computed).
    static func learn(from table: WordTable) -> PersonNameModel {
        let names = table.tagCodes(["nr"])
        var surnameCounts: [UInt32: Int] = [:]
        var givenCounts: [UInt32: Int] = [:]
        var nameFrequency = 0.0, total = 0.0
        table.forEachWordSlot { i in
            let slot = table.slots[i]
            total += Double(slot.weight)
            guard names.contains(table.slotTags[i]), slot.length == 2 || slot.length == 3 else { return }
            let key = table.key(ofSlot: i)
            guard key.allSatisfy(CharacterClass.isHan) else { return }
            nameFrequency += Double(slot.weight)
            surnameCounts[key[key.startIndex], default: 0] += 1
            for c in key.dropFirst() { givenCounts[c, default: 0] += 1 }
        }
        let surnameTotal = Double(surnameCounts.values.reduce(0, +))
        let givenTotal = Double(givenCounts.values.reduce(0, +))
        guard surnameTotal > 0, givenTotal > 0, total > 0, nameFrequency > 0 else {
            return PersonNameModel(surnames: [], given: [], nameClassWeight: 0)
        }
        let surnames = surnameCounts.filter { $0.value >= minimumSurnameCount }
            .map { ($0.key, Float(log(Double($0.value) / surnameTotal))) }.sorted { $0.0 < $1.0 }
        let given = givenCounts.map { ($0.key, Float(log(Double($0.value) / givenTotal))) }.sorted { $0.0 < $1.0 }
        return PersonNameModel(surnames: surnames, given: given, nameClassWeight: Float(log(nameFrequency / total)))
    }
}
