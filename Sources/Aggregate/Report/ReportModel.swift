import Records

/// The finished report as rows: the counts, filtered, sorted and cut to
/// `--top`, ready for any renderer.
///
/// Building it is the only place where ordering is decided, so the four
/// formats always agree on what comes first.
public struct ReportModel {
    /// One entity row.
    public struct EntityRow {
        public let key: EntityKey
        public let mentions: Int
        public let documents: Int
        public let forms: [(key: String, count: Int)]
        public let roles: [(key: String, count: Int)]
        public let first: Appearance?
        public let partners: [(key: EntityKey, count: Int)]
    }

    /// The entities of one type.
    public struct EntityGroup {
        public let type: String
        /// Distinct entities of this type (before --top and --min-count).
        public let distinct: Int
        public let mentions: Int
        public let rows: [EntityRow]
    }

    public let options: ReportOptions
    public let quality: QualityCounters
    public let groups: [EntityGroup]
    public let numbers: [NumberTally]
    public let documents: [DocumentSummary]
    public let documentCount: Int
    public let mentionTotal: Int
    public let cooccurrenceDroppedAtMost: Int

    /// Builds the rows from final counts (call `counts.finish()` first).
    public init(_ counts: ReportCounts, options: ReportOptions) {
        self.options = options
        quality = counts.quality
        cooccurrenceDroppedAtMost = counts.cooccurrenceDroppedAtMost
        mentionTotal = counts.entities.reduce(0) { $0 + $1.mentions }
        let wanted = options.types.map(Set.init)
        let sort = options.sort ?? .mentions

        // Group by type.
        var byType: [String: [Int]] = [:]
        for (i, e) in counts.entities.enumerated() where e.mentions > 0 {
            if let wanted, !wanted.contains(e.key.type) { continue }
            byType[e.key.type, default: []].append(i)
        }
        let shownIDs = Self.shown(byType, counts: counts, sort: sort, options: options)
        let partners = Self.partners(of: Set(shownIDs.values.joined()), counts: counts)
        groups = byType.keys.sorted(by: EntityTypeOrder.less).map { type in
            let all = byType[type]!
            let rows = shownIDs[type, default: []].map { i -> EntityRow in
                let e = counts.entities[i]
                return EntityRow(
                    key: e.key, mentions: e.mentions, documents: e.documents,
                    forms: Array(e.forms.byCount.prefix(ReportOptions.formsShown)),
                    roles: Array(e.roles.byCount.prefix(ReportOptions.formsShown)),
                    first: e.first,
                    partners: (partners[Int32(i)] ?? []).map { (counts.entities[Int($0.id)].key, $0.count) }
                )
            }
            return EntityGroup(type: type, distinct: all.count, mentions: all.reduce(0) { $0 + counts.entities[$1].mentions }, rows: rows)
        }

        numbers = counts.numbers.filter { $0.count > 0 }.sorted { NumberKey.less($0.key, $1.key) }

        let docs = Array(counts.documents.values)
        documentCount = counts.documentCount
        switch options.sort {
        case .mentions?:
            documents = docs.sorted { a, b in a.counters.mentions != b.counters.mentions ? a.counters.mentions > b.counters.mentions : ByteOrder.less(a.id, b.id) }
        case .documents?, .name?, nil:
            documents = docs.sorted { ByteOrder.less($0.id, $1.id) }
        }
    }

    /// Per type, the entity indices shown: at least --min-count mentions,
    /// sorted, cut to --top.
    static func shown(_ byType: [String: [Int]], counts: ReportCounts, sort: ReportOptions.SortOrder, options: ReportOptions) -> [String: [Int]] {
        byType.mapValues { ids in
            let kept = ids.filter { counts.entities[$0].mentions >= options.minCount }
            let sorted = kept.sorted { i, j in
                let a = counts.entities[i], b = counts.entities[j]
                switch sort {
                case .mentions:
                    if a.mentions != b.mentions { return a.mentions > b.mentions }
                    if a.documents != b.documents { return a.documents > b.documents }
                case .documents:
                    if a.documents != b.documents { return a.documents > b.documents }
                    if a.mentions != b.mentions { return a.mentions > b.mentions }
                case .name:
                    break
                }
                return ByteOrder.less(a.key.norm, b.key.norm)
            }
            if let limit = options.entityLimit { return Array(sorted.prefix(limit)) }
            return sorted
        }
    }

    /// For each shown entity, its most frequent same-paragraph partners
    /// (count desc, then key), in one pass over the pair table. Lists are
    /// kept per entity id in an array and trimmed in place (no hashing, no
    /// copy of a list per pair); a full list stays sorted, so a pair that
    /// does not beat its last entry costs one comparison.
    static func partners(of shown: Set<Int>, counts: ReportCounts) -> [Int32: [(id: Int32, count: Int)]] {
        var isShown = [Bool](repeating: false, count: counts.entities.count)
        for i in shown { isShown[i] = true }
        var lists = [[(id: Int32, count: Int)]](repeating: [], count: counts.entities.count)
        func better(_ x: (id: Int32, count: Int), _ y: (id: Int32, count: Int)) -> Bool {
            x.count != y.count ? x.count > y.count : EntityKey.less(counts.entities[Int(x.id)].key, counts.entities[Int(y.id)].key)
        }
        func keep(_ item: (id: Int32, count: Int), in list: inout [(id: Int32, count: Int)]) {
            let limit = ReportOptions.partnersShown
            guard list.count == limit else {
                list.append(item)
                if list.count == limit { list.sort(by: better) }
                return
            }
            guard better(item, list[limit - 1]) else { return }
            list.removeLast()
            list.insert(item, at: list.firstIndex { better(item, $0) } ?? list.count)
        }
        for (key, n) in counts.cooccurrence.pairs {
            let (a, b) = CooccurrenceTable.split(key)
            if isShown[Int(a)] { keep((b, n), in: &lists[Int(a)]) }
            if isShown[Int(b)] { keep((a, n), in: &lists[Int(b)]) }
        }
        var sorted: [Int32: [(id: Int32, count: Int)]] = [:]
        for (owner, list) in lists.enumerated() where !list.isEmpty { sorted[Int32(owner)] = list.sorted(by: better) }
        return sorted
    }

    /// Document rows for this format: all under `--by doc` and in TSV/JSON,
    /// else the first `--top` (20).
    public var documentRows: [DocumentSummary] {
        if options.view == .doc { return documents }
        guard let limit = options.entityLimit else { return documents }
        return Array(documents.prefix(limit))
    }

    /// The number groups whose sum means something (not dates, percentages, ...).
    public static func isAdditive(_ kind: String) -> Bool {
        !["date", "time", "year", "percent", "ordinal", "rank", "ratio", "phone", "id", "code", "age", "temperature"].contains(kind)
    }
}
