/// The counts of one document while it is still open: every entity and
/// number kind it holds, so that when it closes each is counted once.
///
/// A document is open while its records are being read. A shard's first and
/// last documents stay open until the merge, because the neighbouring shard
/// may hold the rest of them; the merge joins open pieces with the same id
/// and closes them. Only these few documents keep per-entity maps, so memory
/// does not grow with the input. (This relies on a document's records being
/// contiguous, as `repair` writes them.)
struct DocumentTally {
    let id: String
    var counters = DocumentCounters()
    /// Mentions per entity (ids into the owning `ReportCounts`).
    var entityMentions: [Int32: Int] = [:]
    /// Number groups seen (ids into the owning `ReportCounts`).
    var numberGroups: Set<Int32> = []

    init(id: String) { self.id = id }
}

/// The plain counters of one document (or piece of one): they simply add.
public struct DocumentCounters: Equatable, Sendable {
    public var records = 0
    public var numbers = 0
    public var repairs = 0
    public var flags = 0
    public var mentionsByType = CountTable()

    public init() {}

    public var mentions: Int { mentionsByType.total }

    mutating func merge(_ other: DocumentCounters) {
        records += other.records
        numbers += other.numbers
        repairs += other.repairs
        flags += other.flags
        mentionsByType.merge(other.mentionsByType)
    }
}

/// What the report keeps of a closed document: its counters, how many
/// distinct entities it held, and its most mentioned entities per type.
public struct DocumentSummary: Equatable, Sendable {
    /// How many entities per type a summary keeps.
    public static let topPerType = 3

    public let id: String
    public var counters: DocumentCounters
    public var distinctEntities: Int
    /// Per type, the most mentioned keys (mentions desc, then key).
    public var top: [String: [Ranked]]

    /// A key and its mentions.
    public struct Ranked: Equatable, Sendable {
        public var norm: String
        public var mentions: Int
        public init(norm: String, mentions: Int) {
            self.norm = norm
            self.mentions = mentions
        }
    }

    public init(id: String, counters: DocumentCounters, distinctEntities: Int, top: [String: [Ranked]]) {
        self.id = id
        self.counters = counters
        self.distinctEntities = distinctEntities
        self.top = top
    }

    static func ranked(_ items: [Ranked]) -> [Ranked] {
        Array(items.sorted { a, b in a.mentions != b.mentions ? a.mentions > b.mentions : ByteOrder.less(a.norm, b.norm) }.prefix(topPerType))
    }

    /// Joins two summaries with one id. This only happens when a document's
    /// records were not contiguous; the counts add, the top lists are joined.
    mutating func merge(_ other: DocumentSummary) {
        counters.merge(other.counters)
        distinctEntities += other.distinctEntities
        for (type, items) in other.top {
            var joined: [String: Int] = [:]
            for item in top[type, default: []] + items { joined[item.norm, default: 0] += item.mentions }
            top[type] = Self.ranked(joined.map { Ranked(norm: $0.key, mentions: $0.value) })
        }
    }
}
