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
    var document = DocumentInProgress()
    /// True while `document` is the first document of this stream.
    var currentIsFirst = true
    /// Characters of context on each side of a first appearance.
    static let contextRadius = 12
    /// Which characters are white space, for contexts (see `WhitespaceMemo`).
    var whitespace = WhitespaceMemo()
    /// Mentions and number groups by their bytes (see `MentionKeys`).
    var mentionKeys = MentionKeys()
    var numberGroupKeys = NumberGroupKeys()
    /// The record being added, as read: reused from record to record.
    var scanned = ScannedFields()
    /// The named entities of the record being added (reused).
    var paragraph: [Int32] = []
    /// The previous record's `doc` field as read, and its value.
    var lastDocument: (json: [UInt8], id: String)?

    public init(cooccurrenceCapacity: Int = CooccurrenceTable.defaultCapacity, keepsDocumentSummaries: Bool = true) {
        cooccurrence = CooccurrenceTable(capacity: cooccurrenceCapacity)
        self.keepsDocumentSummaries = keepsDocumentSummaries
    }

    /// How many documents were read (distinct ids when summaries are kept;
    /// else closed documents, the same when each document's records are contiguous).
    public var documentCount: Int { documents.count + uncountedDocuments }

    // MARK: Interning

    func entityID(_ key: EntityKey) -> Int32 {
        let id = Self.id(of: key, in: &entityIndex, next: Int32(entities.count))
        if id == entities.count { entities.append(EntityTally(key: key)) }
        return id
    }

    func numberID(_ key: NumberKey) -> Int32 {
        let id = Self.id(of: key, in: &numberIndex, next: Int32(numbers.count))
        if id == numbers.count { numbers.append(NumberTally(key: key)) }
        return id
    }

    /// The id `index` holds for `key`, or `next`, stored for it, when it holds
    /// none: one hash of the key either way (hashing a String normalises it).
    private static func id<Key: Hashable>(of key: Key, in index: inout [Key: Int32], next: Int32) -> Int32 {
        func stored(_ id: inout Int32) -> Int32 { id }
        return stored(&index[key, default: next])
    }

    // MARK: Adding records

    /// Adds one record: an extracted paragraph, or an error record (counted).
    /// Throws `RecordError` when `entities` or `numbers` are not the shapes
    /// DESIGN.md gives; a record that throws has counted nothing (so under
    /// `--keep-going` it is counted once, as the error record it becomes).
    public func add(_ record: Record) throws {
        let fields = ReportFields(record)
        if fields.error != nil, ErrorRecord.isError(record) {
            quality.records += 1
            quality.errorRecords += 1
            return
        }
        // Read and check everything first ...
        let doc = try documentID(fields.doc, record)
        let para = try Self.paragraphNumber(fields.para, record)
        if let json = fields.entities { try FieldScanner.entities(json, into: &scanned.entities) } else { scanned.entities.removeAll(keepingCapacity: true) }
        for entity in scanned.entities where entity.type == nil || entity.text == nil {
            throw RecordError.invalidField("entities", "an entity lacks a string \"type\" or \"text\"")
        }
        if let json = fields.numbers { try FieldScanner.numbers(json, into: &scanned.numbers) } else { scanned.numbers.removeAll(keepingCapacity: true) }
        let repairKinds = try fields.repairs.map { try KindScanner.kinds(in: $0, field: "repairs") } ?? []
        let flagKinds = try fields.flags.map { try KindScanner.kinds(in: $0, field: "flags") } ?? []
        // ... then count, into the open document taken out of `current` meanwhile.
        quality.records += 1
        enter(doc)
        document.counters.records += 1
        var context = ContextSource(text: fields.text)
        if let json = fields.entities { addEntities(json, doc: doc, para: para, context: &context) }
        if let json = fields.numbers { addNumbers(json) }
        for (kind, n) in repairKinds {
            quality.repairs.add(kind, n)
            document.counters.repairs += n
        }
        for (kind, n) in flagKinds {
            quality.flags.add(kind, n)
            document.counters.flags += n
        }
    }

    /// The record's `doc` ("" when absent or null). The String is built again
    /// only when the field's bytes differ from the previous record's (a
    /// document's records come one after another).
    private func documentID(_ json: ArraySlice<UInt8>?, _ record: Record) throws -> String {
        let bytes = json ?? []
        if let last = lastDocument, Self.sameBytes(bytes, last.json) { return last.id }
        let id = try record.optionalString("doc") ?? ""
        lastDocument = (Array(bytes), id)
        return id
    }

    private static func sameBytes(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// The record's `para` (0 when absent or not an integer), read straight
    /// from its bytes when it is a plain integer literal.
    static func paragraphNumber(_ json: ArraySlice<UInt8>?, _ record: Record) throws -> Int {
        if let json, let n = json.withUnsafeBufferPointer(IntegerLiteral.value) { return n }
        return try record.value("para")?.int ?? 0
    }

    /// Counts `scanned.entities`, read from `json` (the record's `entities`).
    private func addEntities(_ json: ArraySlice<UInt8>, doc: String, para: Int, context: inout ContextSource) {
        paragraph.removeAll(keepingCapacity: true)
        json.withUnsafeBufferPointer { buffer in
            for entity in scanned.entities {
                let m = meaningIndex(of: entity, in: buffer)
                let id = mentionKeys.meanings[m].entity, i = Int(id)
                mentionKeys.countForm(m)
                entities[i].count(roles: entity.roles)
                let start = entity.start ?? 0
                if entities[i].first?.isAfter(doc: doc, para: para, start: start) ?? true {
                    let end = entity.end ?? start + mentionKeys.meanings[m].text.unicodeScalars.count
                    entities[i].consider(Appearance(doc: doc, para: para, start: start, context: context.around(start, end, radius: Self.contextRadius, whitespace: &whitespace)))
                }
                document.countMention(entity: id, type: mentionKeys.meanings[m].type)
                if mentionKeys.meanings[m].named, paragraph.count < CooccurrenceTable.perParagraph, !paragraph.contains(id) {
                    paragraph.append(id)
                }
            }
        }
        cooccurrence.addParagraph(paragraph)
    }

    /// The index of what a mention counts as (its entity, created when new), from its bytes.
    private func meaningIndex(of entity: FieldScanner.Entity, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let type = entity.type!, text = entity.text!
        if let known = mentionKeys.find(type: type, norm: entity.norm, text: text, in: buffer) { return known }
        let typeString = type.string(in: buffer), textString = text.string(in: buffer)
        var norm = entity.norm?.string(in: buffer) ?? textString
        if norm.isEmpty { norm = textString }
        let meaning = MentionKeys.Meaning(
            entity: entityID(EntityKey(type: typeString, norm: norm)), type: mentionKeys.typeID(typeString), text: textString,
            named: EntityTypeOrder.isNamed(typeString)
        )
        return mentionKeys.remember(meaning)
    }

    /// Adds the forms counted since the last call to their entities' tables.
    private func addForms() {
        mentionKeys.takeForms { meaning, n in entities[Int(meaning.entity)].forms.add(meaning.text, n) }
    }

    /// Counts `scanned.numbers`, read from `json` (the record's `numbers`).
    private func addNumbers(_ json: ArraySlice<UInt8>) {
        json.withUnsafeBufferPointer { buffer in
            for number in scanned.numbers {
                document.counters.numbers += 1
                guard let value = number.value else {
                    quality.numbersWithoutValue += 1
                    continue
                }
                let group = numberGroup(kind: number.kind, unit: number.unit, in: buffer)
                numbers[Int(group.group)].add(value: value.shifted(by: group.power), approximate: number.approx, range: number.max != nil)
                document.countGroup(group.group)
            }
        }
    }

    /// The group a number adds to (created when new) and its value's shift.
    private func numberGroup(kind: RawString?, unit: RawString?, in buffer: UnsafeBufferPointer<UInt8>) -> NumberGroupKeys.Meaning {
        if let known = numberGroupKeys.find(kind: kind, unit: unit, in: buffer) { return known }
        let (base, power) = UnitNormalizer.normalise(unit?.string(in: buffer) ?? "")
        let meaning = NumberGroupKeys.Meaning(group: numberID(NumberKey(kind: kind?.string(in: buffer) ?? "unknown", unit: base)), power: power)
        numberGroupKeys.remember(meaning)
        return meaning
    }

    // MARK: Documents

    private func enter(_ doc: String) {
        if let id = document.id {
            if id == doc { return }
            let ended = document.end(typeNames: mentionKeys.typeNames)!
            if currentIsFirst { keepOpen(ended) } else { close(ended) }
            currentIsFirst = false
        }
        document.begin(doc)
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
    /// may continue it), and the forms counted are added to their entities.
    /// Call before reading `entities`, writing a partial or merging.
    public func endOfInput() {
        addForms()
        if let ended = document.end(typeNames: mentionKeys.typeNames) { keepOpen(ended) }
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
        addForms()
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
