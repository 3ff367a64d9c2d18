import Records

/// Entity mentions by the bytes of their type, key and form: each distinct
/// spelling is resolved to its entity once, later mentions are a byte lookup.
///
/// Why: resolving a mention through `EntityKey` builds three Strings and
/// hashes two of them (SipHash after a Unicode normalisation check) for
/// every mention. The answer depends only on the decoded bytes of type,
/// key and form, so it is remembered per distinct spelling; the Strings
/// kept are the ones the first mention with those bytes built, so every
/// table sees exactly the Strings it saw before.
struct MentionKeys {
    /// What a mention with one spelling counts as.
    struct Meaning {
        let entity: Int32
        /// The type's id (its name: `typeNames[type]`).
        let type: Int32
        let text: String
        /// Whether the type names something (see `EntityTypeOrder.isNamed`).
        let named: Bool
    }

    private(set) var meanings: [Meaning] = []
    /// Meanings by their key: type, 0xFF, key (norm, or the text when there
    /// is none), 0xFF, text.
    private var table = ByteKeyTable()
    /// Types by their bytes, and each type id's name.
    private var typeTable = ByteKeyTable()
    private(set) var typeNames: [String] = []
    /// Mentions per meaning not yet added to their entity's forms (see `takeForms`).
    private var formMentions: [Int] = []

    /// The meaning's index for these strings, or nil (then call `remember`).
    /// `type` and `text` are present (checked when the record was read).
    mutating func find(type: RawString, norm: RawString?, text: RawString, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let keyString = norm.flatMap { $0.content.isEmpty ? nil : $0 } ?? text
        return type.withBytes(in: buffer) { t in
            keyString.withBytes(in: buffer) { k in
                text.withBytes(in: buffer) { x in table.find(JoinedKey(t, k, x)).map(Int.init) }
            }
        }
    }

    /// The id of the type named `name` (new names get the next id).
    mutating func typeID(_ name: String) -> Int32 {
        var bytes = name
        return bytes.withUTF8 { utf8 in
            if let id = typeTable.id(of: utf8) { return id }
            typeNames.append(name)
            return typeTable.insert(utf8)
        }
    }

    /// Remembers the meaning of the spelling `find` last missed; returns its index.
    mutating func remember(_ meaning: Meaning) -> Int {
        _ = table.insertMissed()
        meanings.append(meaning)
        formMentions.append(0)
        return meanings.count - 1
    }

    /// Counts one mention spelled as meaning `index` (its form, added to the
    /// entity's forms by `takeForms`).
    mutating func countForm(_ index: Int) { formMentions[index] += 1 }

    /// Hands each meaning with forms counted since the last call, in order of
    /// first sight, with how many, to `body`; then starts counting again.
    /// Why: a form counted per mention meant hashing its String each time;
    /// taken in this order, a String-keyed table meets its keys in the order
    /// it would have mention by mention.
    mutating func takeForms(_ body: (Meaning, Int) -> Void) {
        for index in formMentions.indices where formMentions[index] > 0 {
            body(meanings[index], formMentions[index])
            formMentions[index] = 0
        }
    }
}

/// Number groups by the bytes of a number's kind and unit, each distinct
/// spelling resolved once (base unit, power of ten, group id).
///
/// Why: the same few kinds and units repeat across the whole input; resolving
/// them through `NumberKey` and a String-keyed unit cache meant two Strings
/// and two SipHash lookups per number.
struct NumberGroupKeys {
    /// The group a number with one spelling of kind and unit adds to, and
    /// the power of ten its value is shifted by (see `UnitNormalizer`).
    struct Meaning {
        let group: Int32
        let power: Int
    }

    /// The kind of a number without one.
    private static let unknown = Array("unknown".utf8)

    /// Spellings remembered at most (a guard against unbounded odd units).
    static let capacity = 1 << 16

    private var table = ByteKeyTable()
    private(set) var meanings: [Meaning] = []
    /// Spellings by their key: kind ("unknown" when absent), 0xFF, unit.

    /// The meaning for this kind and unit, or nil (then call `remember`).
    mutating func find(kind: RawString?, unit: RawString?, in buffer: UnsafeBufferPointer<UInt8>) -> Meaning? {
        let found: Int32?
        if let kind {
            found = kind.withBytes(in: buffer) { k in find(kind: k, unit: unit, in: buffer) }
        } else {
            found = Self.unknown.withUnsafeBufferPointer { k in find(kind: k, unit: unit, in: buffer) }
        }
        guard let id = found else { return nil }
        return meanings[Int(id)]
    }

    private mutating func find(kind: UnsafeBufferPointer<UInt8>, unit: RawString?, in buffer: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let unit else { return table.find(JoinedKey(kind, UnsafeBufferPointer(start: nil, count: 0))) }
        return unit.withBytes(in: buffer) { u in table.find(JoinedKey(kind, u)) }
    }

    /// Remembers the meaning of the spelling `find` last missed (while there is room).
    mutating func remember(_ meaning: Meaning) {
        guard meanings.count < Self.capacity else { return }
        _ = table.insertMissed()
        meanings.append(meaning)
    }
}
