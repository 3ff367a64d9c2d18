/// The document being read, counted into flat arrays indexed by entity,
/// type and number group id; it becomes a `DocumentTally` when it ends.
///
/// Why: a `DocumentTally` keeps its per-entity counts in a dictionary and
/// its mentions per type in a String-keyed table, which meant a hash of an
/// Int32 and a hash of a String per mention. Here a mention is two array
/// increments; the dictionary and the table are built once per document,
/// from the ids in the order they were first counted (so a table keyed by
/// String sees its keys in the order a mention-by-mention count would).
struct DocumentInProgress {
    /// The document's id; nil when no document is being read.
    private(set) var id: String?
    /// Records, numbers, repairs, flags (mentions per type are added by `end`).
    var counters = DocumentCounters()
    /// Mentions by entity id (0 for entities not in this document).
    private var mentionsByEntity: [Int] = []
    /// Entity ids with mentions, in order of first mention.
    private var entities: [Int32] = []
    /// Mentions by type id, and the type ids mentioned in order of first mention.
    private var mentionsByType: [Int] = []
    private var types: [Int32] = []
    /// Whether each number group id occurs, and the ids that do.
    private var hasGroup: [Bool] = []
    private var groups: [Int32] = []

    /// Starts counting the document `id` (call `end` for the previous one first).
    mutating func begin(_ id: String) {
        self.id = id
    }

    mutating func countMention(entity: Int32, type: Int32) {
        let e = Int(entity), t = Int(type)
        if e >= mentionsByEntity.count { mentionsByEntity.append(contentsOf: repeatElement(0, count: e + 1 - mentionsByEntity.count)) }
        if mentionsByEntity[e] == 0 { entities.append(entity) }
        mentionsByEntity[e] += 1
        if t >= mentionsByType.count { mentionsByType.append(contentsOf: repeatElement(0, count: t + 1 - mentionsByType.count)) }
        if mentionsByType[t] == 0 { types.append(type) }
        mentionsByType[t] += 1
    }

    mutating func countGroup(_ group: Int32) {
        let g = Int(group)
        if g >= hasGroup.count { hasGroup.append(contentsOf: repeatElement(false, count: g + 1 - hasGroup.count)) }
        if !hasGroup[g] {
            hasGroup[g] = true
            groups.append(group)
        }
    }

    /// The counts of the document being read, as a tally (its types named
    /// by `typeNames`); afterwards no document is being read. Nil when none was.
    mutating func end(typeNames: [String]) -> DocumentTally? {
        guard let id else { return nil }
        var tally = DocumentTally(id: id)
        tally.counters = counters
        for t in types {
            tally.counters.mentionsByType.add(typeNames[Int(t)], mentionsByType[Int(t)])
            mentionsByType[Int(t)] = 0
        }
        tally.entityMentions.reserveCapacity(entities.count)
        for e in entities {
            tally.entityMentions[e] = mentionsByEntity[Int(e)]
            mentionsByEntity[Int(e)] = 0
        }
        tally.numberGroups.reserveCapacity(groups.count)
        for g in groups {
            tally.numberGroups.insert(g)
            hasGroup[Int(g)] = false
        }
        types.removeAll(keepingCapacity: true)
        entities.removeAll(keepingCapacity: true)
        groups.removeAll(keepingCapacity: true)
        counters = DocumentCounters()
        self.id = nil
        return tally
    }
}
