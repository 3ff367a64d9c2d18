import Records

/// The mergeable state of a report: every count the renderers need, kept
/// per distinct entity and number group, never per mention.
///
/// Records are added one by one (`add`), or whole shards' counts merged in
/// (`merge`, and `PartialReader` for `report --partial` files). Everything is
/// a sum, a minimum or a set union, so the order of records and shards does
/// not change the result: one pass and any split-then-merge give the same
/// counts. Memory grows with distinct entities, distinct co-occurring pairs
/// (bounded, see `CooccurrenceTable`) and one small summary per document.
public final class ReportCounts {
    var entityIndex: [EntityKey: Int32] = [:]
    public internal(set) var entities: [EntityTally] = []
    var numberIndex: [NumberKey: Int32] = [:]
    public internal(set) var numbers: [NumberTally] = []
    var cooccurrence: CooccurrenceTable
    public internal(set) var quality = QualityCounters()
    /// Closed documents by id (kept only when `keepsDocumentSummaries`).
    public internal(set) var documents: [String: DocumentSummary] = [:]
    /// Whether closed documents keep a summary (for the per-document table
    /// and partial counts). Without, memory stays flat however many
    /// documents pass; only their number is kept.
    public let keepsDocumentSummaries: Bool
    /// Documents closed without keeping a summary.
    var uncountedDocuments = 0
    /// Documents kept open because a neighbouring shard may hold the rest.
    var open: [String: DocumentTally] = [:]
    /// The document being read.
    var current: DocumentTally?
    /// True while `current` is the first document of this stream.
    var currentIsFirst = true
    /// Characters of context on each side of a first appearance.
    static let contextRadius = 12
    /// Which characters are white space, for contexts (see `WhitespaceMemo`).
    var whitespace = WhitespaceMemo()

    public init(cooccurrenceCapacity: Int = CooccurrenceTable.defaultCapacity, keepsDocumentSummaries: Bool = true) {
        cooccurrence = CooccurrenceTable(capacity: cooccurrenceCapacity)
        self.keepsDocumentSummaries = keepsDocumentSummaries
    }

    /// How many documents were read (distinct ids when summaries are kept;
    /// else closed documents, the same when each document's records are contiguous).
    public var documentCount: Int { documents.count + uncountedDocuments }

    // MARK: Interning

    func entityID(_ key: EntityKey) -> Int32 {
        if let id = entityIndex[key] { return id }
        let id = Int32(entities.count)
        entities.append(EntityTally(key: key))
        entityIndex[key] = id
        return id
    }

    func numberID(_ key: NumberKey) -> Int32 {
        if let id = numberIndex[key] { return id }
        let id = Int32(numbers.count)
        numbers.append(NumberTally(key: key))
        numberIndex[key] = id
        return id
    }

    // MARK: Adding records

    /// Adds one record: an extracted paragraph, or an error record (counted).
    /// Throws `RecordError` when `entities` or `numbers` are not the shapes
    /// DESIGN.md gives; a record that throws has counted nothing (so under
    /// `--keep-going` it is counted once, as the error record it becomes).
    public func add(_ record: Record) throws {
        if ErrorRecord.isError(record) {
            quality.records += 1
            quality.errorRecords += 1
            return
        }
        // Read and check everything first ...
        let doc = try record.optionalString("doc") ?? ""
        let para = try Self.paragraphNumber(record)
        let entityList = try record["entities"].map(FieldScanner.entities) ?? []
        for entity in entityList where entity.type == nil || entity.text == nil {
            throw RecordError.invalidField("entities", "an entity lacks a string \"type\" or \"text\"")
        }
        let numberList = try record["numbers"].map(FieldScanner.numbers) ?? []
        let repairKinds = try record["repairs"].map { try KindScanner.kinds(in: $0, field: "repairs") } ?? []
        let flagKinds = try record["flags"].map { try KindScanner.kinds(in: $0, field: "flags") } ?? []
        // ... then count.
        quality.records += 1
        enter(doc)
        current!.counters.records += 1
        var context = ContextSource(record: record)
        addEntities(entityList, doc: doc, para: para, context: &context)
        addNumbers(numberList)
        for (kind, n) in repairKinds {
            quality.repairs.add(kind, n)
            current!.counters.repairs += n
        }
        for (kind, n) in flagKinds {
            quality.flags.add(kind, n)
            current!.counters.flags += n
        }
    }

    /// The record's `para` (0 when absent or not an integer), read straight
    /// from its bytes when it is a plain integer literal.
    static func paragraphNumber(_ record: Record) throws -> Int {
        if let json = record["para"], let n = json.withUnsafeBufferPointer(IntegerLiteral.value) { return n }
        return try record.value("para")?.int ?? 0
    }

    private func addEntities(_ list: [FieldScanner.Entity], doc: String, para: Int, context: inout ContextSource) {
        var paragraph: [Int32] = []
        for entity in list {
            let type = entity.type!, text = entity.text!
            var norm = entity.norm ?? text
            if norm.isEmpty { norm = text }
            let id = entityID(EntityKey(type: type, norm: norm))
            let i = Int(id)
            entities[i].mentions += 1
            entities[i].forms.add(text)
            for role in entity.roles { entities[i].roles.add(role) }
            let start = entity.start ?? 0
            if entities[i].first?.isAfter(doc: doc, para: para, start: start) ?? true {
                let end = entity.end ?? start + text.unicodeScalars.count
                entities[i].consider(Appearance(doc: doc, para: para, start: start, context: context.around(start, end, radius: Self.contextRadius, whitespace: &whitespace)))
            }
            current!.entityMentions[id, default: 0] += 1
            current!.counters.mentionsByType.add(type)
            if EntityTypeOrder.isNamed(type), paragraph.count < CooccurrenceTable.perParagraph, !paragraph.contains(id) {
                paragraph.append(id)
            }
        }
        cooccurrence.addParagraph(paragraph)
    }

    private func addNumbers(_ list: [FieldScanner.Number]) {
        for number in list {
            current!.counters.numbers += 1
            guard let value = number.value else {
                quality.numbersWithoutValue += 1
                continue
            }
            let (unit, power) = baseUnit(number.unit ?? "")
            let id = numberID(NumberKey(kind: number.kind ?? "unknown", unit: unit))
            numbers[Int(id)].add(value: value.shifted(by: power), approximate: number.approx, range: number.max != nil)
            current!.numberGroups.insert(id)
        }
    }

    /// Units seen so far and their base units (a handful per corpus).
    private var baseUnits: [String: (unit: String, power: Int)] = [:]

    private func baseUnit(_ unit: String) -> (unit: String, power: Int) {
        if let known = baseUnits[unit] { return known }
        let base = UnitNormalizer.normalise(unit)
        if baseUnits.count < 4096 { baseUnits[unit] = base }
        return base
    }

    // MARK: Documents

    private func enter(_ doc: String) {
        if let c = current {
            if c.id == doc { return }
            if currentIsFirst { keepOpen(c) } else { close(c) }
            currentIsFirst = false
        }
        current = DocumentTally(id: doc)
    }

    func keepOpen(_ piece: DocumentTally) {
        guard var existing = open[piece.id] else {
            open[piece.id] = piece
            return
        }
        existing.counters.merge(piece.counters)
        for (id, n) in piece.entityMentions { existing.entityMentions[id, default: 0] += n }
        existing.numberGroups.formUnion(piece.numberGroups)
        open[piece.id] = existing
    }

    /// Counts a finished document once for each entity and number group it holds.
    private func close(_ doc: DocumentTally) {
        for id in doc.numberGroups { numbers[Int(id)].documents += 1 }
        guard keepsDocumentSummaries else {
            for id in doc.entityMentions.keys { entities[Int(id)].documents += 1 }
            uncountedDocuments += 1
            return
        }
        var byType: [String: [DocumentSummary.Ranked]] = [:]
        for (id, n) in doc.entityMentions {
            entities[Int(id)].documents += 1
            let key = entities[Int(id)].key
            byType[key.type, default: []].append(.init(norm: key.norm, mentions: n))
        }
        let summary = DocumentSummary(
            id: doc.id, counters: doc.counters, distinctEntities: doc.entityMentions.count,
            top: byType.mapValues(DocumentSummary.ranked)
        )
        if documents[doc.id] != nil { documents[doc.id]!.merge(summary) } else { documents[doc.id] = summary }
    }

    /// Ends this stream: the document being read stays open (the next shard
    /// may continue it). Call before writing a partial or merging.
    public func endOfInput() {
        if let c = current { keepOpen(c) }
        current = nil
        currentIsFirst = true
    }

    /// Closes every open document: after this the counts are final.
    public func finish() {
        endOfInput()
        for id in open.keys.sorted(by: ByteOrder.less) { close(open[id]!) }
        open = [:]
    }

    // MARK: Merging

    /// Adds another stream's counts (another shard, another thread).
    public func merge(_ other: ReportCounts) {
        other.endOfInput()
        var entityMap: [Int32] = []
        entityMap.reserveCapacity(other.entities.count)
        for tally in other.entities {
            let id = entityID(tally.key)
            entities[Int(id)].merge(tally)
            entityMap.append(id)
        }
        var numberMap: [Int32] = []
        for tally in other.numbers {
            let id = numberID(tally.key)
            numbers[Int(id)].merge(tally)
            numberMap.append(id)
        }
        for (key, n) in other.cooccurrence.pairs {
            let (a, b) = CooccurrenceTable.split(key)
            cooccurrence.add(entityMap[Int(a)], entityMap[Int(b)], count: n)
        }
        cooccurrence.noteDropped(other.cooccurrence.droppedAtMost)
        cooccurrence.prune()
        quality.merge(other.quality)
        for (id, summary) in other.documents { mergeClosed(summary, id: id) }
        uncountedDocuments += other.uncountedDocuments
        for piece in other.open.values {
            var moved = DocumentTally(id: piece.id)
            moved.counters = piece.counters
            for (id, n) in piece.entityMentions { moved.entityMentions[entityMap[Int(id)], default: 0] += n }
            moved.numberGroups = Set(piece.numberGroups.map { numberMap[Int($0)] })
            keepOpen(moved)
        }
    }

    func mergeClosed(_ summary: DocumentSummary, id: String) {
        guard keepsDocumentSummaries else {
            if documents[id] == nil { uncountedDocuments += 1 }
            return
        }
        if documents[id] != nil { documents[id]!.merge(summary) } else { documents[id] = summary }
    }

    /// Pairs dropped at most this often (0: co-occurrence counts are exact).
    public var cooccurrenceDroppedAtMost: Int { cooccurrence.droppedAtMost }
}
