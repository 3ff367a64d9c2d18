import Records

/// Reads partial-count files (from `report --partial`) into a `ReportCounts`,
/// line by line, so merging any number of them needs memory only for the
/// merged counts.
///
/// Lines may come in any order and files may be concatenated; each file
/// needs at least one header line. A line that is not part of a partial
/// file is an `InputError` naming the file and line.
public enum PartialReader {
    /// Merges every partial file in `inputs` into `counts`.
    public static func merge(_ inputs: [InputSource], into counts: ReportCounts) throws {
        counts.endOfInput()
        for input in inputs {
            let reader = try LineReader(input)
            var sawHeader = false
            var sawLine = false
            while let batch = try reader.nextBatch() {
                for line in batch.lines {
                    let bytes = batch.storage[line.range]
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    sawLine = true
                    func fail(_ problem: String) -> InputError {
                        InputError(input: input.description, line: line.number, problem: problem)
                    }
                    let value: JSONValue
                    do {
                        value = try JSONValue(parsing: bytes)
                    } catch {
                        throw InputError.syntax(error, input: input.description, line: line.number, lineOffset: line.byteOffset)
                    }
                    guard let object = value.object else { throw fail("a partial-count line must be a JSON object") }
                    if object[PartialFormat.headerKey]?.string == PartialFormat.headerValue {
                        guard object["version"]?.int == PartialFormat.version else {
                            throw fail("partial counts of version \(object["version"]?.jsonText ?? "?"); this zhpipe reads version \(PartialFormat.version)")
                        }
                        sawHeader = true
                        continue
                    }
                    // Lines may come in any order (Hadoop Streaming sorts them): the
                    // header may follow, but a line that is not partial counts, before
                    // any header, means this is not a partial-count file at all.
                    do {
                        try apply(object, to: counts)
                    } catch let problem as PartialLineError {
                        throw fail(sawHeader ? problem.message : notPartial)
                    }
                }
            }
            if !sawLine { throw InputError.empty(input.description) }
            if !sawHeader { throw InputError(input: input.description, problem: notPartial) }
        }
    }

    struct PartialLineError: Error { let message: String }

    static let notPartial = "not a partial-count file (no {\"zhpipe\":\"report-partial\"} header line); write one with `zhpipe report --partial`"

    static func int(_ o: JSONObject, _ key: String) throws -> Int {
        guard let n = o[key]?.int, n >= 0 else { throw PartialLineError(message: "\"\(key)\" should be a count (a whole number >= 0)") }
        return n
    }

    static func string(_ o: JSONObject, _ key: String) throws -> String {
        guard let s = o[key]?.string else { throw PartialLineError(message: "\"\(key)\" should be a string") }
        return s
    }

    static func table(_ value: JSONValue?, _ name: String) throws -> CountTable {
        var table = CountTable()
        guard let value else { return table }
        guard let object = value.object else { throw PartialLineError(message: "\"\(name)\" should be an object of counts") }
        for (key, n) in object.members {
            guard let n = n.int, n >= 0 else { throw PartialLineError(message: "\"\(name)\" should hold counts") }
            table.add(key, n)
        }
        return table
    }

    static func counters(_ o: JSONObject) throws -> DocumentCounters {
        var c = DocumentCounters()
        c.records = try int(o, "records")
        c.numbers = try int(o, "numbers")
        c.repairs = try int(o, "repairs")
        c.flags = try int(o, "flags")
        c.mentionsByType = try table(o["mentions"], "mentions")
        return c
    }

    static func decimal(_ o: JSONObject, _ key: String) throws -> DecimalValue? {
        guard let v = o[key] else { return nil }
        guard let n = v.number else { throw PartialLineError(message: "\"\(key)\" should be a number") }
        return n
    }

    static func apply(_ o: JSONObject, to counts: ReportCounts) throws {
        if let quality = o["quality"]?.object {
            var q = QualityCounters()
            q.records = try int(quality, "records")
            q.errorRecords = try int(quality, "error_records")
            q.numbersWithoutValue = try int(quality, "numbers_without_value")
            q.repairs = try table(quality["repairs"], "repairs")
            q.flags = try table(quality["flags"], "flags")
            counts.quality.merge(q)
            counts.cooccurrence.noteDropped(try int(quality, "cooccurrence_dropped_at_most"))
        } else if let type = o["entity"]?.string {
            var tally = EntityTally(key: EntityKey(type: type, norm: try string(o, "norm")))
            tally.mentions = try int(o, "mentions")
            tally.documents = try int(o, "documents")
            tally.forms = try table(o["forms"], "forms")
            tally.roles = try table(o["roles"], "roles")
            if let first = o["first"]?.object {
                tally.first = Appearance(doc: try string(first, "doc"), para: try int(first, "para"), start: try int(first, "start"), context: try string(first, "context"))
            }
            let id = counts.entityID(tally.key)
            counts.entities[Int(id)].merge(tally)
        } else if let pair = o["pair"]?.array {
            let names = pair.compactMap(\.string)
            guard names.count == 4, pair.count == 4 else { throw PartialLineError(message: "\"pair\" should be [type, norm, type, norm]") }
            let a = counts.entityID(EntityKey(type: names[0], norm: names[1]))
            let b = counts.entityID(EntityKey(type: names[2], norm: names[3]))
            counts.cooccurrence.add(a, b, count: try int(o, "count"))
            counts.cooccurrence.prune()
        } else if let kind = o["number"]?.string {
            var tally = NumberTally(key: NumberKey(kind: kind, unit: try string(o, "unit")))
            tally.count = try int(o, "count")
            tally.exact = try int(o, "exact")
            tally.approx = try int(o, "approx")
            tally.ranged = try int(o, "ranged")
            tally.documents = try int(o, "documents")
            if o["sum_overflow"]?.bool == true { tally.sumOverflow = true } else { tally.sum = try decimal(o, "sum") ?? .zero }
            tally.min = try decimal(o, "min")
            tally.max = try decimal(o, "max")
            let id = counts.numberID(tally.key)
            counts.numbers[Int(id)].merge(tally)
        } else if let id = o["doc"]?.string {
            var top: [String: [DocumentSummary.Ranked]] = [:]
            if let byType = o["top"]?.object {
                for (type, list) in byType.members {
                    guard let items = list.array else { throw PartialLineError(message: "\"top\" should map types to lists") }
                    top[type] = try items.map { item in
                        guard let pair = item.array, pair.count == 2, let norm = pair[0].string, let n = pair[1].int else {
                            throw PartialLineError(message: "\"top\" items should be [norm, mentions]")
                        }
                        return DocumentSummary.Ranked(norm: norm, mentions: n)
                    }
                }
            }
            let summary = DocumentSummary(id: id, counters: try counters(o), distinctEntities: try int(o, "distinct_entities"), top: top)
            counts.mergeClosed(summary, id: id)
        } else if let id = o["open_doc"]?.string {
            var piece = DocumentTally(id: id)
            piece.counters = try counters(o)
            for item in o["entities"]?.array ?? [] {
                guard let triple = item.array, triple.count == 3, let type = triple[0].string, let norm = triple[1].string, let n = triple[2].int else {
                    throw PartialLineError(message: "\"entities\" items should be [type, norm, mentions]")
                }
                piece.entityMentions[counts.entityID(EntityKey(type: type, norm: norm)), default: 0] += n
            }
            for item in o["number_groups"]?.array ?? [] {
                guard let pair = item.array, pair.count == 2, let kind = pair[0].string, let unit = pair[1].string else {
                    throw PartialLineError(message: "\"number_groups\" items should be [kind, unit]")
                }
                piece.numberGroups.insert(counts.numberID(NumberKey(kind: kind, unit: unit)))
            }
            counts.keepOpen(piece)
        } else {
            throw PartialLineError(message: "unknown partial-count line (expected quality, entity, pair, number, doc or open_doc)")
        }
    }
}
