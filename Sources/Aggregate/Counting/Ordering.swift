/// The one string order every report uses: UTF-8 bytes, compared lexicographically.
///
/// Swift's `String <` depends on Unicode normalisation details; comparing
/// bytes is fast, total and the same on every platform, so sorted output is
/// byte-identical everywhere.
enum ByteOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// The order entity types are listed in: people, places, organisations,
/// dates, times, then any other type by name.
public enum EntityTypeOrder {
    public static let known = ["PER", "LOC", "ORG", "DATE", "TIME"]

    /// Types that name something (they get co-occurrence counts); dates and
    /// times are positions in time, not things that meet.
    static func isNamed(_ type: String) -> Bool { type != "DATE" && type != "TIME" }

    static func rank(_ type: String) -> Int { known.firstIndex(of: type) ?? known.count }

    public static func less(_ a: String, _ b: String) -> Bool {
        let ra = rank(a), rb = rank(b)
        return ra != rb ? ra < rb : ByteOrder.less(a, b)
    }
}

/// An entity as the report counts it: its type and normalised key, so
/// 鄭偉 and 郑伟 are one entity.
public struct EntityKey: Hashable, Sendable {
    public let type: String
    public let norm: String

    public init(type: String, norm: String) {
        self.type = type
        self.norm = norm
    }

    /// Type order first, then the key's bytes.
    public static func less(_ a: EntityKey, _ b: EntityKey) -> Bool {
        a.type != b.type ? EntityTypeOrder.less(a.type, b.type) : ByteOrder.less(a.norm, b.norm)
    }
}

/// A group of numbers that may be summed together: one kind in one unit.
public struct NumberKey: Hashable, Sendable {
    public let kind: String
    public let unit: String

    public init(kind: String, unit: String) {
        self.kind = kind
        self.unit = unit
    }

    public static func less(_ a: NumberKey, _ b: NumberKey) -> Bool {
        a.kind != b.kind ? ByteOrder.less(a.kind, b.kind) : ByteOrder.less(a.unit, b.unit)
    }
}

/// A string-keyed count table with a deterministic listing.
///
/// Used for surface forms, roles, repair kinds and flag kinds: small maps
/// whose listing must never depend on hash order.
public struct CountTable: Equatable, Sendable {
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    public mutating func add(_ key: String, _ n: Int = 1) { counts[key, default: 0] += n }

    public mutating func merge(_ other: CountTable) {
        for (key, n) in other.counts { counts[key, default: 0] += n }
    }

    public var isEmpty: Bool { counts.isEmpty }
    public var total: Int { counts.values.reduce(0, +) }

    /// Most frequent first, ties by name.
    public var byCount: [(key: String, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { a, b in a.1 != b.1 ? a.1 > b.1 : ByteOrder.less(a.0, b.0) }
    }

    /// By name.
    public var byName: [(key: String, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { ByteOrder.less($0.0, $1.0) }
    }
}
