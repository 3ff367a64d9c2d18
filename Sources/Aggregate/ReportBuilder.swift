import Records

/// Stage 4: counts what the records hold and renders the counts as a report.
///
/// Counting is a commutative merge of per-record contributions, so partial
/// counts from shards merge into the same report one pass would give.
public final class ReportBuilder {
    /// Output formats.
    public enum Format: String, CaseIterable, Sendable {
        case tsv, json, md, html
    }

    struct EntityKey: Hashable, Comparable {
        let type: String
        let norm: String
        static func < (a: EntityKey, b: EntityKey) -> Bool { (a.type, a.norm) < (b.type, b.norm) }
    }

    struct EntityCount {
        var mentions = 0
        var documents: Set<String> = []
    }

    var records = 0
    var errorRecords = 0
    var documents: Set<String> = []
    var entities: [EntityKey: EntityCount] = [:]

    public init() {}

    /// Adds one record's contribution.
    public func add(_ record: Record) throws {
        records += 1
        if ErrorRecord.isError(record) { errorRecords += 1; return }
        let doc = try record.optionalString("doc") ?? ""
        documents.insert(doc)
        guard let list = try record.value("entities")?.array else { return }
        for entity in list {
            guard let type = entity["type"]?.string, let text = entity["text"]?.string else { continue }
            let key = EntityKey(type: type, norm: entity["norm"]?.string ?? text)
            entities[key, default: EntityCount()].mentions += 1
            entities[key, default: EntityCount()].documents.insert(doc)
        }
    }

    /// The report text.
    public func render(_ format: Format) -> String {
        let sorted = entities.sorted { a, b in
            a.value.mentions != b.value.mentions ? a.value.mentions > b.value.mentions : a.key < b.key
        }
        switch format {
        case .md:
            var out = "| type | entity | mentions | documents |\n|---|---|---:|---:|\n"
            for (key, count) in sorted { out += "| \(key.type) | \(key.norm) | \(count.mentions) | \(count.documents.count) |\n" }
            out += "\nrecords: \(records), error records: \(errorRecords), documents: \(documents.count)\n"
            return out
        default:
            var out = "type\tentity\tmentions\tdocuments\n"
            for (key, count) in sorted { out += "\(key.type)\t\(key.norm)\t\(count.mentions)\t\(count.documents.count)\n" }
            return out
        }
    }
}
